"""A maintainer turns a raw text into a draft YAML that keeps every word, loads at once, and says
what to check; the importer's accuracy is measured on an evaluation set it was not tuned on.

Every case uses fixtures (tests/fixtures/importer/ and its own registry), never data/.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE_SOURCES
from kb.check import validate
from kb.import_accuracy import EVALUATION_DIR, FIELDS, GUIDE, RIGHT, WRONG, guide_section, measure
from kb.importer import draft_yaml

EVALUATION = ROOT / EVALUATION_DIR
REGISTRY = EVALUATION / "danh-muc" / "co-quan.yml"
RAW_TEXTS = sorted(EVALUATION.glob("*/*.txt"))
SAMPLE_TEXTS = sorted(SAMPLE_SOURCES.glob("*.txt"))  # real portal copies in the frozen sample corpus


def draft_project(tmp_path: Path, source: Path, registry: Path = REGISTRY, text: str | None = None) -> tuple[Path, str]:
    """A project holding only a registry, the raw text and its draft, as a maintainer's would."""
    data = tmp_path / "data"
    (data / "danh-muc").mkdir(parents=True)
    shutil.copy(registry, data / "danh-muc" / "co-quan.yml")
    (data / "nguon").mkdir()
    raw = data / "nguon" / source.name
    if text is None:
        shutil.copy(source, raw)
    else:
        raw.write_bytes(text.encode("utf-8"))
    (data / "van-ban").mkdir()
    draft = draft_yaml(raw, tmp_path, "ban-nhap")
    (data / "van-ban" / "ban-nhap.yml").write_text(draft, encoding="utf-8")
    return tmp_path, draft


def load_draft(project: Path):
    corpus, problems = validate(project)
    assert corpus is not None and [str(p) for p in problems if p.is_error] == []
    return corpus.documents["ban-nhap"]


def removed_section(draft: str) -> str:
    return draft.split("\nremoved:")[1].split("\nbody:")[0] if "\nremoved:" in draft else ""


@pytest.mark.parametrize("raw", RAW_TEXTS, ids=[f"{r.parent.name}/{r.stem[:2]}" for r in RAW_TEXTS])
def test_the_draft_of_every_evaluation_text_loads_and_keeps_every_word(tmp_path, raw):
    project, _draft = draft_project(tmp_path, raw)
    load_draft(project)  # the loader's no-word-lost check runs against the raw text


@pytest.mark.parametrize("raw", SAMPLE_TEXTS, ids=[r.name[:3] for r in SAMPLE_TEXTS])
def test_the_draft_of_every_sample_copy_loads_and_keeps_every_word(tmp_path, raw):
    project, _draft = draft_project(tmp_path, raw)
    load_draft(project)


def test_a_party_directive_copied_from_a_portal(tmp_path):
    raw = EVALUATION / "held-out" / "01-tinh-uy-chi-thi-nong-thon-moi.txt"
    project, draft = draft_project(tmp_path, raw)
    doc = load_draft(project)
    assert (doc.type, doc.number.value, doc.issued.value.iso()) == ("chi-thi", "21-CT/TU", "2024-04-08")
    assert doc.issuer.value == "ban-thuong-vu-tinh-uy-quang-tri" and doc.place.value == "Tỉnh Quảng Trị"
    assert doc.signer.on_behalf.value == "T/M Ban Thường vụ" and doc.signer.name.value == "Hoàng Minh Đức"
    headings = [b.text for b in doc.body if b.kind == "heading"]
    assert "TỈNH ỦY QUẢNG TRỊ ĐẢNG CỘNG SẢN VIỆT NAM" in headings  # the document's own header stays
    removed = " ".join(r.text for r in doc.removed)
    assert "Lượt xem: 1.482" in removed and "Bản quyền thuộc" in removed
    assert "TỈNH ỦY" not in removed and "Số 21-CT/TU" not in removed


def test_roman_parts_with_restarted_numbering_give_unique_anchors(tmp_path):
    raw = EVALUATION / "held-out" / "02-huyen-ke-hoach-dan-van-chinh-quyen.txt"
    project, _draft = draft_project(tmp_path, raw)
    doc = load_draft(project)
    ids = [b.id for b in doc.blocks() if b.kind in ("section", "clause")]
    assert len(ids) == len(set(ids))
    assert {"muc-i", "muc-i-1", "muc-ii", "muc-ii-1", "muc-ii-1-b-y1", "muc-iii-2"} <= set(ids)


def test_an_attached_regulation_restarting_its_articles_loads(tmp_path):
    raw = EVALUATION / "held-out" / "04-ubnd-tinh-quyet-dinh-quy-che-tiep-dan.txt"
    project, _draft = draft_project(tmp_path, raw)
    doc = load_draft(project)
    ids = {b.id for b in doc.blocks() if b.kind == "section"}
    assert {"dieu-1", "dieu-3", "quy-che-chuong-i", "quy-che-dieu-1", "quy-che-dieu-4"} <= ids
    assert doc.signer.on_behalf.value == "TM. Ủy ban nhân dân, KT. Chủ tịch"


def test_an_agency_of_another_province_is_never_taken_and_a_new_one_is_proposed(tmp_path):
    # the registry has Sở Nội vụ tỉnh Phú Thọ and UBND tỉnh Bình Định, not Sở Nội vụ tỉnh Bình Định
    raw = EVALUATION / "held-out" / "03-so-noi-vu-cong-van-danh-gia.txt"
    project, draft = draft_project(tmp_path, raw)
    doc = load_draft(project)
    assert doc.issuer.value is None and doc.place.value == "Tỉnh Bình Định"
    assert "# KIỂM TRA: cơ quan ban hành — phần đầu văn bản ghi «Sở Nội vụ tỉnh Bình Định», chưa có trong danh mục" in draft
    assert "#   - id: so-noi-vu-tinh-binh-dinh\n#     name: Sở Nội vụ tỉnh Bình Định\n" in draft
    assert doc.type == "cong-van" and doc.title == "Về việc hướng dẫn đánh giá kết quả thực hiện công tác dân vận chính quyền năm 2024"


def test_a_news_item_leaves_what_it_does_not_state_empty_with_a_note(tmp_path):
    raw = EVALUATION / "held-out" / "06-tin-bai-ra-quan-lam-duong.txt"
    project, draft = draft_project(tmp_path, raw)
    doc = load_draft(project)
    assert doc.type == "tin-bai"
    assert not any(f.known for f in (doc.number, doc.issuer, doc.issued, doc.signer.name))
    for what in ("số hiệu", "cơ quan ban hành", "ngày ban hành", "người ký"):
        assert any(line.startswith("# KIỂM TRA: ") and what in line.lower() for line in draft.splitlines()), what
    assert "reason: duplicate" in removed_section(draft)


def test_crlf_and_decomposed_diacritics_give_the_same_draft(tmp_path):
    raw = EVALUATION / "tuning" / "03-ubnd-huyen-cong-van-hien-dat.txt"
    plain = unicodedata.normalize("NFC", raw.read_text(encoding="utf-8").replace("\r\n", "\n"))
    _p1, from_plain = draft_project(tmp_path / "a", raw, text=plain)
    _p2, from_messy = draft_project(tmp_path / "b", raw, text=unicodedata.normalize("NFD", plain).replace("\n", "\r\n"))
    assert from_plain == from_messy


def test_hard_wrapped_lines_are_joined_and_marked_for_review(tmp_path):
    raw = EVALUATION / "held-out" / "05-huyen-uy-thong-bao-ket-luan-dan-chu.txt"
    project, draft = draft_project(tmp_path, raw)
    doc = load_draft(project)
    assert "ngắt dòng cứng" in draft and "# KIỂM TRA: đoạn này được nối từ nhiều dòng bị ngắt cứng" in draft
    assert [b.id for b in doc.blocks() if b.kind == "clause"] == ["k1", "k2", "k2-a", "k2-b", "k2-c", "k3"]


def test_the_guide_example_keeps_its_structure(tmp_path):
    valid = ROOT / "tests" / "fixtures" / "valid" / "data"
    project, draft = draft_project(tmp_path, valid / "nguon" / "vi-du-xa-an-binh.txt", valid / "danh-muc" / "co-quan.yml")
    doc = load_draft(project)
    assert doc.type == "chi-thi"
    assert [b.id for b in doc.blocks() if b.kind == "clause"] == ["k1", "k1-a", "k1-b", "k2", "k2-y1", "k2-y2"]
    assert doc.signer.name.value == "Nguyễn Văn A" and doc.signer.on_behalf.value == "TM. Ủy ban nhân dân"
    assert {r.text for r in doc.removed} == {"Cổng thông tin điện tử xã An Bình", "Lượt truy cập: 1234"}
    assert not doc.issued.known and not doc.number.known  # never invented


def test_a_legacy_encoded_text_is_refused_with_a_clear_message(tmp_path):
    raw = tmp_path / "cu.txt"
    raw.write_bytes("CHỈ THỊ về công tác dân vận".encode("cp1258", errors="replace") + b"\xd2\xf2")
    result = subprocess.run([sys.executable, "-m", "kb.importer", str(raw)], capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 1
    assert "không phải UTF-8" in result.stderr


def test_the_held_out_half_meets_the_targets():
    results = measure(ROOT)
    assert len(results) >= 8 and all(r.loads for r in results)
    for key in ("type", "number", "issued", "title", "issuer", "signer.name", "signer.position", "signer.on_behalf"):
        right = sum(r.fields[key] == RIGHT for r in results)
        assert right / len(results) >= 0.9, key
    matched = sum(r.outline_matched for r in results)
    assert matched / sum(max(r.outline_expected, r.outline_drafted) for r in results) >= 0.9
    assert sum(r.words_lost for r in results) == 0
    assert [line for r in results for line in r.own_lines_removed] == []


def test_the_tuning_half_has_no_confidently_wrong_field():
    wrong = [(r.name, key) for r in measure(ROOT, "tuning") for key, _label in FIELDS if r.fields[key] == WRONG]
    assert wrong == []


def test_the_accuracy_table_in_the_guide_is_current():
    assert guide_section(ROOT) in (ROOT / GUIDE).read_text(encoding="utf-8")


def test_the_proposed_agency_is_a_registry_entry_that_loads(tmp_path):
    raw = EVALUATION / "held-out" / "02-huyen-ke-hoach-dan-van-chinh-quyen.txt"
    project, draft = draft_project(tmp_path, raw)
    proposal = [line[2:] for line in draft.splitlines() if line.startswith(("#   - id:", "#     "))]
    registry = project / "data" / "danh-muc" / "co-quan.yml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace("\n# Nhóm vai trò", "\n" + "\n".join(proposal) + "\n\n# Nhóm vai trò", 1), encoding="utf-8")
    doc_file = project / "data" / "van-ban" / "ban-nhap.yml"
    doc_file.write_text(doc_file.read_text(encoding="utf-8").replace("\nissuer: null\n", "\nissuer: ubnd-huyen-duc-linh\n"), encoding="utf-8")
    doc = load_draft(project)
    assert doc.issuer.value == "ubnd-huyen-duc-linh" and doc.level.value == "huyen" and doc.place.value == "Huyện Đức Linh"


SIGNATURES = {
    "TUQ. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n(Đã ký và đóng dấu)\nLê Văn Tám": ("Lê Văn Tám", "Chánh Văn phòng", "TUQ. Chủ tịch"),
    "T/M BAN CHẤP HÀNH\nBÍ THƯ\nĐinh Thị Lan": ("Đinh Thị Lan", "Bí thư", "T/M Ban Chấp hành"),
    "Q. GIÁM ĐỐC\n(đã ký)\nPHẠM VĂN NAM": ("Phạm Văn Nam", "Q. Giám đốc", None),
    "KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nY Niê": ("Y Niê", "Phó Trưởng Ban", "KT. Trưởng Ban"),
}


@pytest.mark.parametrize("block", SIGNATURES, ids=[s.split()[0] for s in SIGNATURES])
def test_signature_forms_fill_the_signer(tmp_path, block):
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ\nSố: 12/KH-UBND\nTân Phú, ngày 02 tháng 3 năm 2025\nKẾ HOẠCH\n"
        "Tuyên truyền chính sách mới\n1. Tổ chức họp dân ở các ấp.\n2. Báo cáo kết quả.\n" + block + "\n"
    )
    project, _draft = draft_project(tmp_path, Path("ke-hoach.txt"), text=text)
    doc = load_draft(project)
    assert (doc.signer.name.value, doc.signer.position.value, doc.signer.on_behalf.value) == SIGNATURES[block]


def test_a_type_line_with_a_missing_accent_is_still_read(tmp_path):
    text = "ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ\nSố: 3/CT-UBND\nCHỈ THI\nVề phòng, chống thiên tai\n1. Các ấp trực ban 24/24 giờ.\n"
    project, _draft = draft_project(tmp_path, Path("chi-thi.txt"), text=text)
    doc = load_draft(project)
    assert doc.type == "chi-thi" and doc.title == "Về phòng, chống thiên tai" and doc.issuer.value == "ubnd-xa-tan-phu"
