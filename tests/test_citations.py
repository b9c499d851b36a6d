"""A reader follows citations between documents; a maintainer sees what the detector could not place."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import build_site, sample_copy
from kb.citation_pages import TITLE_ANCHOR
from kb.citations import RELATION_TYPES, detect, sentence_around
from kb.loader import load_corpus
from kb.problems import DataError
from newdoc import add_document

BEN_TRE = "ben-tre-chi-thi-cong-tac-van-dong-quan-chung"
HANOI = "ha-noi-2010-chi-thi-lay-phieu-tin-nhiem"
PHU_THO = "phu-tho-chi-thi-thuc-hien-nghi-quyet-09"
HCM = "tphcm-1995-chi-thi-tong-ket-nghi-quyet-8b"
QUAN_1 = "quan-1-2017-hoi-nghi-trien-khai-quyet-dinh-935-936-994"
REGISTRY = "data/danh-muc/van-ban-dan-chieu.yml"


# Detection: every spelling the issue lists --------------------------------------------

SPELLINGS = [
    ("Chỉ thị số 18/2000/CT-TTg ngày 21 tháng 9 năm 2000", "Chỉ thị số 18/2000/CT-TTg", "chi-thi|18/2000/CT-TTG"),
    ("Chỉ thị số 323/TTG ngày 27/5/1995", "Chỉ thị số 323/TTG", "chi-thi|323/TTG"),
    ("thi hành Chỉ thị số 323/TTg ngày", "Chỉ thị số 323/TTg", "chi-thi|323/TTG"),
    ("Quyết định số 129/2007/QĐ-TTg ngày 02", "Quyết định số 129/2007/QĐ-TTg", "quyet-dinh|129/2007/QĐ-TTG"),
    ("theo Quyết định số 03/2007/QĐ-BNV ngày", "Quyết định số 03/2007/QĐ-BNV", "quyet-dinh|03/2007/QĐ-BNV"),
    ("Kế hoạch số 766/KH-UBND-BDVTU của Uỷ ban", "Kế hoạch số 766/KH-UBND-BDVTU", "ke-hoach|766/KH-UBND-BDVTU"),
    ("thực hiện Nghị định 29 của Chính phủ", "Nghị định 29", "nghi-dinh|29"),
    ("Nghị quyết số 09/NQ của HĐND tỉnh", "Nghị quyết số 09/NQ", "nghi-quyet|09/NQ"),
    ("nội dung Nghị quyết 09 HĐND tỉnh", "Nghị quyết 09", "nghi-quyet|09"),
    ("tình hình thực hiện NQ 09 của HĐND tỉnh", "NQ 09", "nghi-quyet|09"),
    ("bám sát vào hướng dẫn số 1843 ngày 5-12-1997", "hướng dẫn số 1843", "huong-dan|1843"),
    ("việc thi hành Chỉ thị 38/CT-UB của", "Chỉ thị 38/CT-UB", "chi-thi|38/CT-UB"),
    ("thực hiện Nghị quyết 8B của Trung ương", "Nghị quyết 8B", "nghi-quyet|8B"),
    ("VIỆC THỰC HIỆN NGHỊ QUYẾT 8B CỦA BAN", "NGHỊ QUYẾT 8B", "nghi-quyet|8B"),
    ("Chỉ thị số 10/CT- TW ngày 28/3/2002", "Chỉ thị số 10/CT- TW", "chi-thi|10/CT-TW"),
    ("Pháp lệnh số 34/2007/PL-UBTVQH11 ngày", "Pháp lệnh số 34/2007/PL-UBTVQH11", "phap-lenh|34/2007/PL-UBTVQH11"),
    (
        "Nghị quyết liên tịch số 09/2008/NQLT-CP-UBTWMTTQVN ngày",
        "Nghị quyết liên tịch số 09/2008/NQLT-CP-UBTWMTTQVN",
        "nghi-quyet-lien-tich|09/2008/NQLT-CP-UBTWMTTQVN",
    ),
    ("triển khai Quyết định số 935-QĐ/TU, Quyết", "Quyết định số 935-QĐ/TU", "quyet-dinh|935-QĐ/TU"),
    ("nội dung cơ bản của Quyết định 936-QĐ/TU và", "Quyết định 936-QĐ/TU", "quyet-dinh|936-QĐ/TU"),
    ("gắn với Chỉ thị 05-CT/TW về đẩy mạnh", "Chỉ thị 05-CT/TW", "chi-thi|05-CT/TW"),
    ("và Nghị quyết Trung ương 4 (khóa XII) về xây dựng", "Nghị quyết Trung ương 4 (khóa XII)", "nghi-quyet|TW4-XII"),
]


@pytest.mark.parametrize("text, words, key", SPELLINGS)
def test_every_spelling_in_the_texts_is_detected(text, words, key):
    found = detect(text)
    assert [(d.text, d.key) for d in found] == [(words, key)]


def test_two_citations_in_one_sentence_are_two():
    found = detect("triển khai Quyết định số 935-QĐ/TU, Quyết định số 936-QĐ/TU ngày 28/4/2017")
    assert [d.key for d in found] == ["quyet-dinh|935-QĐ/TU", "quyet-dinh|936-QĐ/TU"]


@pytest.mark.parametrize(
    "text",
    [
        "Căn cứ Chỉ thị này, Thủ trưởng các sở",
        "thực hiện nghiêm túc 3 quyết định này",
        "nội dung tại Khoản 1, Chỉ thị này",
        "theo 5 tiêu chí mà Nghị quyết HĐND tỉnh đã đề ra",
        "các nghị quyết, chỉ thị của Trung ương",
    ],
)
def test_a_document_speaking_of_itself_or_in_general_cites_nothing(text):
    assert detect(text) == []


def test_the_sentence_around_a_citation_is_kept_short():
    text = "Câu trước. Sau hơn 10 năm triển khai thực hiện Chỉ thị số 18/2000/CT-TTg, đã chuyển biến. Câu sau."
    start = text.index("Chỉ thị")
    assert sentence_around(text, start, start + 25) == "Sau hơn 10 năm triển khai thực hiện Chỉ thị số 18/2000/CT-TTg, đã chuyển biến."


# Resolution on the seeds ---------------------------------------------------------------


def test_all_spellings_of_nghi_quyet_09_are_one_document(sample_corpus):
    spellings = {c.text for c in sample_corpus.citations.citations if c.target == "nq-09-hdnd-phu-tho-1997"}
    assert {"Nghị quyết số 09/NQ", "Nghị quyết 09", "NQ 09"} <= spellings
    nd29 = [c for c in sample_corpus.citations.citations if c.target == "nd-29-1998-nd-cp"]
    assert [(c.source, c.anchor, c.text) for c in nd29] == [(PHU_THO, "k3-y4", "Nghị định 29")]


def test_no_citation_is_left_unresolved(corpus):
    """An unresolved citation is a warning, which `check --strict` (run by CI) refuses."""
    assert corpus.citations.unresolved == ()


def test_citations_are_links_inside_the_clause_text(sample_corpus):
    block = sample_corpus.documents[BEN_TRE].block("k3-b")
    refs = [(s.text, s.target) for s in block.segments if type(s).__name__ == "CitationRef"]
    assert refs == [("Quyết định số 03/2007/QĐ-BNV", "qd-03-2007-bnv"), ("Quyết định số 129/2007/QĐ-TTg", "qd-129-2007-ttg")]
    assert "Quyết định số 03/2007/QĐ-BNV ngày 26 tháng 02 năm 2007" in block.text  # text unchanged


# The built site ------------------------------------------------------------------------

EXPECTED = [
    # (cited page, citing document, anchor of the citing clause)
    ("ct-18-2000-ttg", BEN_TRE, "ket-qua"),
    ("qd-129-2007-ttg", BEN_TRE, "k3-b"),
    ("qd-03-2007-bnv", BEN_TRE, "k3-b"),
    ("nd-29-1998-nd-cp", PHU_THO, "k3-y4"),
    ("ct-323-ttg-1995", HCM, "kb-toan-van"),  # cited in the title lines
    ("nq-8b-tw-khoa-vi", HCM, "mo-dau"),
    ("ct-10-ct-tw-2002", HANOI, "can-cu-yeu-cau"),
    ("pl-34-2007-ubtvqh11", HANOI, "can-cu-yeu-cau"),
    ("nqlt-09-2008-cp-ubtwmttqvn", HANOI, "can-cu-yeu-cau"),
    ("qd-935-qd-tu", QUAN_1, "hoi-nghi"),
    ("qd-936-qd-tu", QUAN_1, "hoi-nghi"),
    ("qd-994-qd-tu", QUAN_1, "hoi-nghi"),
    ("ct-05-ct-tw-2016", QUAN_1, "ket-luan"),
]


def backlinks(html: str) -> str:
    return html.split('id="kb-duoc-dan-chieu"')[1]


def test_every_citation_links_to_its_target_and_back_to_the_exact_clause(site, corpus):
    for c in (c for c in corpus.citations.citations if c.target):
        cited = f"van-ban/{c.target}.html" if c.target in corpus.documents else f"dan-chieu/{c.target}.html"
        anchor = c.anchor or TITLE_ANCHOR
        back = f"{c.source}.html#{anchor}" if cited.startswith("van-ban/") else f"../van-ban/{c.source}.html#{anchor}"
        assert f'href="{back}"' in backlinks((site / cited).read_text(encoding="utf-8")), (c.source, c.anchor, c.text)
        citing = (site / "van-ban" / f"{c.source}.html").read_text(encoding="utf-8")
        link = f"{c.target}.html" if cited.startswith("van-ban/") else f"../{cited}"
        assert f'href="{link}' in citing.split('id="kb-toan-van"')[1], (c.source, c.text)


@pytest.mark.parametrize("cited, citing, anchor", EXPECTED)
def test_cited_document_page_links_back_to_the_exact_clause(sample_site, cited, citing, anchor):
    html = (sample_site / "dan-chieu" / f"{cited}.html").read_text(encoding="utf-8")
    assert f'href="../van-ban/{citing}.html#{anchor}"' in backlinks(html)
    page = (sample_site / "van-ban" / f"{citing}.html").read_text(encoding="utf-8")
    assert f'href="../dan-chieu/{cited}.html"' in page.split('id="kb-toan-van"')[1]


def without_tooltips(html: str) -> str:
    """The HTML without the glossary's <abbr> tooltips (CT-TW, QĐ-TTg… are abbreviations there)."""
    return re.sub(r"</?abbr[^>]*>", "", html)


def test_backlink_shows_the_sentence_with_the_citation_marked(sample_site):
    html = (sample_site / "dan-chieu" / "qd-129-2007-ttg.html").read_text(encoding="utf-8")
    part = without_tooltips(backlinks(html))
    assert "Điểm b khoản 3" in part
    assert "<strong>Quyết định số 129/2007/QĐ-TTg</strong> ngày 02 tháng 8 năm 2007 của Thủ tướng Chính phủ" in part


def test_cited_page_shows_known_facts_with_their_source_and_unknown_as_chua_ro(sample_site):
    html = (sample_site / "dan-chieu" / "ct-18-2000-ttg.html").read_text(encoding="utf-8")
    panel = html.split('id="kb-thuoc-tinh"')[1].split('id="kb-duoc-dan-chieu"')[0]
    assert "21/09/2000" in panel and "Thủ tướng Chính phủ" in panel
    # the source is named as readers name it: the citing document's title and clause, linked
    assert f'nêu trong <a href="../van-ban/{BEN_TRE}.html">' in panel
    assert f'href="../van-ban/{BEN_TRE}.html#ket-qua">đoạn «Sau hơn 10 năm triển khai…»</a>' in panel
    assert BEN_TRE not in re.sub(r"<[^>]+>", "", panel)
    assert "Chưa rõ" in panel  # the trích yếu is not stated by any source we hold


def test_relations_show_on_both_documents(sample_site):
    phu_tho = (sample_site / "van-ban" / f"{PHU_THO}.html").read_text(encoding="utf-8")
    relations = phu_tho.split('id="kb-quan-he"')[1]
    assert "Thực hiện" in relations and 'href="../dan-chieu/nq-09-hdnd-phu-tho-1997.html"' in relations
    nq09 = (sample_site / "dan-chieu" / "nq-09-hdnd-phu-tho-1997.html").read_text(encoding="utf-8")
    assert "Được thực hiện bởi" in nq09.split('id="kb-quan-he"')[1]
    hanoi = (sample_site / "dan-chieu" / "ct-10-ct-tw-2002.html").read_text(encoding="utf-8")
    assert f'href="../van-ban/{HANOI}.html#can-cu-yeu-cau"' in hanoi.split('id="kb-quan-he"')[1]


def test_index_lists_every_cited_document_sortable_by_type_and_issuer(site, corpus):
    html = (site / "dan-chieu" / "index.html").read_text(encoding="utf-8")
    assert "kb-bang-sap-xep" in html
    for entry in corpus.cited.values():
        if not entry.document:  # a promoted entry is listed (when cited) as its document
            assert f'href="{entry.id}.html"' in html, entry.id
    assert 'id="theo-loai"' in html and 'id="theo-co-quan"' in html
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "dan-chieu/index.html" in home.split('class="md-nav md-nav--primary"')[1]


def test_the_index_groups_by_type_with_vietnamese_labels(sample_site):
    html = (sample_site / "dan-chieu" / "index.html").read_text(encoding="utf-8")
    assert "Nghị quyết liên tịch" in html.split('id="theo-loai"')[1]


def test_report_page_says_nothing_is_unresolved(site):
    html = (site / "bao-cao" / "dan-chieu.html").read_text(encoding="utf-8")
    assert "Không có dẫn chiếu nào chưa xác định" in html


# Changing the data ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def grown_site(tmp_path_factory):
    """The project plus a new document citing 18/2000 in a new spelling and citing a KB document by alias."""
    project = sample_copy(tmp_path_factory.mktemp("grown") / "project")
    add_document(project, "thu-dan-chieu-moi", "Quán triệt chỉ thị số 18/2000/CT- TTG và Chỉ thị số 7/CT-TU của Thành ủy.")
    registry = project / REGISTRY
    registry.write_text(
        registry.read_text(encoding="utf-8")
        + "  - id: ct-ha-noi-2010-lay-phieu\n    type: chi-thi\n    number: null\n    issuer: null\n    issued: null\n"
        + f"    title: null\n    aliases: [\"Chỉ thị số 7/CT-TU\"]\n    document: {HANOI}\n",
        encoding="utf-8",
    )
    site_dir = project / "site"
    result = build_site(project, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


def test_a_new_document_citing_18_2000_appears_in_its_backlinks(grown_site):
    html = (grown_site / "dan-chieu" / "ct-18-2000-ttg.html").read_text(encoding="utf-8")
    part = backlinks(html)
    assert 'href="../van-ban/thu-dan-chieu-moi.html#k1"' in part
    assert "chỉ thị số 18/2000/CT- TTG" in part
    assert f'href="../van-ban/{BEN_TRE}.html#ket-qua"' in part  # the seeds' citation stays


def test_a_cited_document_in_the_knowledge_base_is_one_page(grown_site):
    new = (grown_site / "van-ban" / "thu-dan-chieu-moi.html").read_text(encoding="utf-8")
    assert f'href="{HANOI}.html">Chỉ thị số 7/CT-TU</a>' in new
    only_forward = (grown_site / "dan-chieu" / "ct-ha-noi-2010-lay-phieu.html").read_text(encoding="utf-8")
    assert f'url=../van-ban/{HANOI}.html"' in only_forward and "kb-toan-van" not in only_forward
    hanoi = (grown_site / "van-ban" / f"{HANOI}.html").read_text(encoding="utf-8")
    assert 'href="thu-dan-chieu-moi.html#k1"' in backlinks(hanoi)


def test_an_unknown_citation_is_a_warning_naming_file_and_line_and_is_reported(tmp_path):
    project = sample_copy(tmp_path / "project")
    add_document(project, "thu-chua-xac-dinh", "Thực hiện Chỉ thị số 99/CT-TW của Ban Bí thư.")
    result = build_site(project, tmp_path / "strict")
    assert result.returncode != 0
    assert "data/van-ban/thu-chua-xac-dinh.yml:26: cảnh báo: dẫn chiếu 'Chỉ thị số 99/CT-TW' (Khoản 1) chưa có trong danh mục" in result.stderr
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    relaxed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "site")],
        capture_output=True, text=True, env=env, cwd=project,
    )
    assert relaxed.returncode == 0, relaxed.stderr
    report = without_tooltips((tmp_path / "site" / "bao-cao" / "dan-chieu.html").read_text(encoding="utf-8"))
    assert "Chỉ thị số 99/CT-TW" in report and 'href="../van-ban/thu-chua-xac-dinh.html#k1"' in report
    assert "data/van-ban/thu-chua-xac-dinh.yml:26" in report
    page = without_tooltips((tmp_path / "site" / "van-ban" / "thu-chua-xac-dinh.html").read_text(encoding="utf-8"))
    assert "Chỉ thị số 99/CT-TW" in page and "dan-chieu/" not in page.split('id="kb-toan-van"')[1]


def test_a_false_citation_can_be_ignored_by_hand(tmp_path):
    project = sample_copy(tmp_path / "project")
    extra = 'citations:\n  - clause: k1\n    text: "Chỉ thị số 99/CT-TW"\n    ignore: true\n'
    add_document(project, "thu-bo-qua", "Thực hiện Chỉ thị số 99/CT-TW của Ban Bí thư.", extra)
    corpus, warnings = load_corpus(project / "data", root=project)
    assert warnings == []
    assert [c for c in corpus.citations.citations if c.source == "thu-bo-qua"] == []


def errors_of(project: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_corpus(project / "data", root=project)
    return [str(p) for p in caught.value.problems]


def test_hand_made_citations_and_relations_name_bad_targets_and_clauses(tmp_path):
    project = sample_copy(tmp_path / "project")
    extra = (
        "relations:\n  - type: thuc-thi\n    target: ct-18-2000-ttg\n  - type: can-cu\n    target: khong-co\n"
        "citations:\n  - clause: k9\n    text: \"Văn bản\"\n    target: ct-18-2000-ttg\n"
    )
    add_document(project, "thu-sai", "Nội dung.", extra)
    errors = errors_of(project)
    path = "data/van-ban/thu-sai.yml"
    assert f"{path}:21: lỗi: loại quan hệ 'thuc-thi' không hợp lệ (chọn một trong: {', '.join(RELATION_TYPES)})" in errors
    assert any(e.startswith(f"{path}:23: lỗi: quan hệ trỏ tới 'khong-co' không có trong kho") for e in errors)
    assert f"{path}:26: lỗi: không có khoản 'k9' trong văn bản này (mã hợp lệ: mo-dau, k1)" in errors


def test_registry_mistakes_are_errors_naming_file_and_line(tmp_path):
    project = sample_copy(tmp_path / "project")
    registry = project / REGISTRY
    registry.write_text(
        registry.read_text(encoding="utf-8")
        + "  - id: ct-18-2000-ttg\n    type: chi-thi\n    number: null\n    issuer: null\n    issued: null\n    title: null\n    aliases: []\n"
        + "  - id: thu-ngay-sai\n    type: chi-thi\n    number: null\n    issuer: null\n    issued: \"2000-13-01\"\n    nguoi_ky: null\n"
        + "    title: null\n    aliases: [\"Nghị quyết 8B\"]\n    source: thử\n",
        encoding="utf-8",
    )
    lines = registry.read_text(encoding="utf-8").splitlines()
    first = len(lines) - 16
    errors = errors_of(project)
    assert f"{REGISTRY}:{first + 1}: lỗi: mã 'ct-18-2000-ttg' bị trùng (dòng 8)" in errors
    assert f"{REGISTRY}:{first + 12}: lỗi: trường 'issued': ngày '2000-13-01' không có thật (kiểm tra lại tháng 1–12 và số ngày của tháng đó)" in errors
    assert any(e.startswith(f"{REGISTRY}:{first + 13}: lỗi: trường lạ 'nguoi_ky'") for e in errors)
    assert any(e.startswith(f"{REGISTRY}:{first + 15}: lỗi: cách viết 'Nghị quyết 8B' đã dùng cho 'nq-8b-tw-khoa-vi'") for e in errors)


# In the browser ------------------------------------------------------------------------


def test_index_sorts_by_citation_count_in_the_browser(sample_site, browser):
    page = browser.new_page()
    page.goto((sample_site / "dan-chieu" / "index.html").as_uri())
    table = page.locator(".kb-bang-sap-xep table").first
    header = table.locator("th", has_text="Lần dẫn chiếu")
    header.click()
    header.click()  # second click: descending
    first = table.locator("tbody tr").first.locator("td")
    counts = [int(c) for c in table.locator("tbody tr td:nth-child(6)").all_inner_texts()]
    assert counts == sorted(counts, reverse=True) and counts[0] > 1
    assert "Nghị quyết" in first.nth(0).inner_text()  # 8B and 09 are the most cited
    page.close()
