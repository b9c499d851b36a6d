"""Two communes may both issue "Chỉ thị 05/CT-UBND": a citation of that number means one of them.

A maintainer adds the second commune's directive; the texts that cite "05/CT-UBND" must then
link to the right one — the one whose place the sentence names, else the one of the citing
document's own issuer, else of its own place — and when nothing decides, the build says so and
a `citations:` entry settles it. Never a silent link to whichever file loaded first.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from kb.loader import load_corpus
from kb.problems import DataError
from newdoc import add_document

VALID = ROOT / "tests" / "fixtures" / "valid"
AN_BINH = "vi-du-xa-an-binh-2015-chi-thi-dan-van"  # the example data's 05/CT-UBND of xã An Bình
BINH_MINH = "vi-du-xa-binh-minh-2016-chi-thi"

AGENCIES = """
  - id: ubnd-xa-binh-minh
    name: Ủy ban nhân dân xã Bình Minh
    short: UBND xã Bình Minh
    level: xa
    kind: chinh-quyen
    place: Xã Bình Minh
    group: ubnd-cap-xa
"""

@pytest.fixture
def project(tmp_path) -> Path:
    """The example data plus a second commune issuing its own Chỉ thị 05/CT-UBND."""
    shutil.copytree(VALID / "data", tmp_path / "data")
    agencies = tmp_path / "data" / "danh-muc" / "co-quan.yml"
    text = agencies.read_text(encoding="utf-8")
    agencies.write_text(text.replace("\n# Nhóm vai trò", AGENCIES + "\n# Nhóm vai trò", 1), encoding="utf-8")
    add(tmp_path, BINH_MINH, "Cán bộ xã tiếp dân đúng lịch.", type="chi-thi", number='"05/CT-UBND"', issuer="ubnd-xa-binh-minh", place='"Xã Bình Minh"')
    return tmp_path


def add(project: Path, doc_id: str, text: str, *, type="ke-hoach", extra="", **fields) -> None:
    add_document(project, doc_id, text, extra, type=type, title="Văn bản thử số hiệu dùng chung", **fields)


def cited_from(project: Path, doc_id: str) -> list[str | None]:
    corpus, _warnings = load_corpus(project / "data", root=project)
    return [c.target for c in corpus.citations.citations if c.source == doc_id]


def errors_of(project: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_corpus(project / "data", root=project)
    return [str(p) for p in caught.value.problems]


def test_two_communes_may_share_a_number_without_an_error(project):
    corpus, warnings = load_corpus(project / "data", root=project)
    assert warnings == [] and {AN_BINH, BINH_MINH} <= set(corpus.documents)


def test_a_plan_cites_the_directive_of_its_own_issuer(project):
    add(project, "ke-hoach-binh-minh", "Thực hiện Chỉ thị số 05/CT-UBND, thôn Đông họp dân mỗi quý.", issuer="ubnd-xa-binh-minh")
    assert cited_from(project, "ke-hoach-binh-minh") == [BINH_MINH]
    add(project, "ke-hoach-an-binh", "Thực hiện Chỉ thị số 05/CT-UBND, thôn Tây họp dân mỗi quý.", issuer="ubnd-xa-an-binh")
    assert cited_from(project, "ke-hoach-an-binh") == [AN_BINH]


def test_the_place_named_after_the_number_decides_before_anything_else(project):
    add(project, "bao-cao-huyen", "Chỉ thị số 05/CT-UBND ngày 02/3/2016 của UBND xã Bình Minh được thực hiện tốt.", issuer="ubnd-xa-an-binh")
    assert cited_from(project, "bao-cao-huyen") == [BINH_MINH]


def test_a_place_is_named_by_whole_words_only(project):
    """A commune called "Xã An" is not named by the "an" inside "Ban Dân vận"."""
    add(project, "chi-thi-xa-an", "Nội dung.", type="chi-thi", number='"05/CT-UBND"', place='"Xã An"')
    add(project, "ke-hoach-binh-minh", "Thực hiện Chỉ thị số 05/CT-UBND, Ban Dân vận theo dõi.", issuer="ubnd-xa-binh-minh")
    assert cited_from(project, "ke-hoach-binh-minh") == [BINH_MINH]
    add(project, "bao-cao-huyen", "Chỉ thị số 05/CT-UBND của UBND xã An được thực hiện tốt.", issuer="ubnd-xa-binh-minh")
    assert cited_from(project, "bao-cao-huyen") == ["chi-thi-xa-an"]


def test_a_document_of_another_agency_in_the_same_commune_cites_that_communes_directive(project):
    add(project, "dang-uy-binh-minh", "Phối hợp triển khai Chỉ thị 05/CT-UBND trong toàn xã.", place='"Xã Bình Minh"')
    assert cited_from(project, "dang-uy-binh-minh") == [BINH_MINH]


def test_when_nothing_decides_the_build_names_the_file_the_line_and_the_fix(project):
    add(project, "huyen-tan-phu", "Các xã tiếp tục thực hiện Chỉ thị 05/CT-UBND.", place='"Huyện Tân Phú"')
    errors = errors_of(project)
    assert errors == [
        "data/van-ban/huyen-tan-phu.yml:26: lỗi: dẫn chiếu 'Chỉ thị 05/CT-UBND' (Khoản 1) ứng với 2 văn bản cùng số hiệu: "
        f"{AN_BINH}, {BINH_MINH}; không đoán được văn bản nào (ghi rõ trong 'citations:' của văn bản này: clause: k1, "
        "text: \"Chỉ thị 05/CT-UBND\", target: <một trong các mã trên>)"
    ]


def test_a_citations_entry_settles_which_directive_is_meant(project):
    extra = 'citations:\n  - clause: k1\n    text: "Chỉ thị 05/CT-UBND"\n    target: ' + BINH_MINH + "\n"
    add(project, "huyen-tan-phu", "Các xã tiếp tục thực hiện Chỉ thị 05/CT-UBND.", place='"Huyện Tân Phú"', extra=extra)
    assert cited_from(project, "huyen-tan-phu") == [BINH_MINH]


def test_a_citations_entry_also_corrects_a_wrong_guess(project):
    extra = 'citations:\n  - clause: k1\n    text: "Chỉ thị số 05/CT-UBND"\n    target: ' + AN_BINH + "\n"
    add(project, "ke-hoach-binh-minh", "Quán triệt Chỉ thị số 05/CT-UBND.", issuer="ubnd-xa-binh-minh", extra=extra)
    assert cited_from(project, "ke-hoach-binh-minh") == [AN_BINH]


def test_the_same_number_from_one_issuer_twice_is_still_a_duplicate(project):
    add(project, "ban-sao-an-binh", "Nội dung.", type="chi-thi", number='"05/CT-UBND"', issuer="ubnd-xa-an-binh", place='"Xã An Bình"')
    errors = errors_of(project)
    assert len(errors) == 1 and "số hiệu '05/CT-UBND' trùng với văn bản" in errors[0]


def test_two_registry_entries_of_different_issuers_share_a_number(project):
    registry = project / "data" / "danh-muc" / "van-ban-dan-chieu.yml"
    entries = "".join(
        f"  - id: {entry_id}\n    type: ke-hoach\n    number: \"01/KH-UBND\"\n    issuer: \"{issuer}\"\n    issued: null\n"
        f"    title: null\n    aliases: []\n    source: \"nêu trong văn bản thử\"\n"
        for entry_id, issuer in (("kh-01-ubnd-tinh-a", "UBND tỉnh A"), ("kh-01-ubnd-tinh-b", "UBND tỉnh B"))
    )
    registry.write_text((registry.read_text(encoding="utf-8") if registry.exists() else "documents:\n") + entries, encoding="utf-8")
    add(project, "thu-ke-hoach", "Theo Kế hoạch số 01/KH-UBND.")
    assert any("ứng với 2 văn bản cùng số hiệu: kh-01-ubnd-tinh-a, kh-01-ubnd-tinh-b" in e for e in errors_of(project))
    extra = 'citations:\n  - clause: k1\n    text: "Kế hoạch số 01/KH-UBND"\n    target: kh-01-ubnd-tinh-b\n'
    add(project, "thu-ke-hoach", "Theo Kế hoạch số 01/KH-UBND.", extra=extra)
    assert cited_from(project, "thu-ke-hoach") == ["kh-01-ubnd-tinh-b"]
