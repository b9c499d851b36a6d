"""What a reader gets from the built site (a real strict build into a temporary directory).

Tests on `site` hold for any corpus (the project's data/); tests on `sample_site` check what the
seed documents of the sample corpus (tests/fixtures/kho-mau) must show."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from conftest import PROJECT, build_site

CHROME = ["Số lượt truy cập", "Liên kết website", "rx online", "Tin liên quan", "Đang online", "26,825,282"]
HANOI_INTRO = "Trong những năm qua Thành phố Hà Nội được chọn làm điểm"


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.append(value)


def ids_of(html: str) -> list[str]:
    parser = _Ids()
    parser.feed(html)
    return parser.ids


def page(site: Path, doc_id: str) -> str:
    return (site / "van-ban" / f"{doc_id}.html").read_text(encoding="utf-8")


def test_every_document_has_its_page(site, corpus):
    for doc_id in corpus.documents:
        assert (site / "van-ban" / f"{doc_id}.html").is_file(), doc_id


def test_no_web_chrome_anywhere_in_the_site(sample_site):
    site = sample_site
    # except where it is shown as removed: the source pages (struck through) and the open data's `removed` lists
    shown_as_removed = {"ban-nguon", "du-lieu"}
    for path in site.rglob("*"):
        if path.relative_to(site).parts[0] in shown_as_removed:
            continue
        if path.suffix in {".html", ".json", ".js", ".xml"} and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            for chrome in CHROME:
                assert chrome not in text, f"{chrome!r} in {path.relative_to(site)}"


def test_web_chrome_on_source_pages_is_only_inside_struck_through_removals(sample_site):
    for path in (sample_site / "ban-nguon").glob("*.html"):
        source = path.read_text(encoding="utf-8").split('<pre class="kb-ban-nguon">')[1].split("</pre>")[0]
        outside = re.sub(r'<del class="kb-nguon-luoc-bo"[^>]*>.*?</del>', "", source, flags=re.S)
        for chrome in CHROME:
            assert chrome not in outside, f"{chrome!r} not marked as removed in {path.name}"


def test_hanoi_intro_paragraph_appears_once(sample_site):
    html = page(sample_site, "ha-noi-2010-chi-thi-lay-phieu-tin-nhiem")
    assert html.count(HANOI_INTRO) == 1


def test_metadata_panel_shows_known_and_unknown_values(sample_site):
    site = sample_site
    html = page(site, "ha-noi-2010-chi-thi-lay-phieu-tin-nhiem")
    panel = html.split('id="kb-thuoc-tinh"')[1].split('id="kb-toan-van"')[0]
    for expected in ["Ban Thường vụ Thành ủy Hà Nội", "10/05/2010", "Bùi Duy Nhâm", "Phó Bí thư Thường trực"]:
        assert expected in panel
    assert "Chưa rõ" in panel  # số hiệu is not in the source
    ben_tre = page(site, "ben-tre-chi-thi-cong-tac-van-dong-quan-chung")
    assert "suy luận" in ben_tre and "sau 21/09/2010" in ben_tre


def test_corrections_are_visible_with_the_original(sample_site):
    html = page(sample_site, "phu-tho-chi-thi-thuc-hien-nghi-quyet-09")
    assert 'data-goc="hiênj"' in html and ">hiện</span>" in html
    assert 'id="kb-sua-loi"' in html


def test_clause_ids_are_unique_and_carry_permalinks(site, corpus):
    for doc in corpus.documents.values():
        html = page(site, doc.id)
        ids = ids_of(html)
        duplicates = [i for i, n in Counter(ids).items() if n > 1]
        assert not duplicates, (doc.id, duplicates)
        for block in doc.anchored():
            assert block.id in ids, (doc.id, block.id)
            assert f'href="#{block.id}"' in html, (doc.id, block.id)


def test_clause_ids_are_stable_across_builds(site, tmp_path):
    again = tmp_path / "again"
    assert build_site(PROJECT, again).returncode == 0
    for path in (site / "van-ban").glob("*.html"):
        first = ids_of(path.read_text(encoding="utf-8"))
        second = ids_of((again / "van-ban" / path.name).read_text(encoding="utf-8"))
        assert first == second, path.name


def test_dates_are_shown_day_month_year(sample_site):
    html = (sample_site / "van-ban" / "index.html").read_text(encoding="utf-8")
    assert "10/05/2010" in html
    assert not re.search(r">\s*2010-05-10\s*<", html)


def test_browse_pages_list_documents_by_facet(site, corpus):
    for facet in ["co-quan", "cap", "nam", "loai"]:
        html = (site / "duyet" / f"{facet}.html").read_text(encoding="utf-8")
        assert html.count('href="../van-ban/') >= len(corpus.documents), facet


def test_browse_by_type_names_news_reports_as_such(sample_site):
    assert "Tin bài" in (sample_site / "duyet" / "loai.html").read_text(encoding="utf-8")


def test_documents_are_not_in_every_page_navigation(site, corpus):
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = home.split('class="md-nav md-nav--primary"')[1].split("</nav>")[0]
    assert [doc_id for doc_id in corpus.documents if f"{doc_id}.html" in nav] == []


def test_interface_is_vietnamese(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in html
    assert "Tìm kiếm" in html


def test_home_page_counts_come_from_the_data(site, corpus):
    home = (site / "index.html").read_text(encoding="utf-8")
    row = home.split('class="kb-so-lieu"')[1].split("</table>")[0]
    cells = re.findall(r"<td[^>]*>\s*(\d+)\s*</td>", row)
    assert cells[0] == str(len(corpus.documents))
    assert cells[3] == str(len(corpus.cited))
    assert cells[4] == str(sum(len(d.assignments) for d in corpus.documents.values()))
    assert 'href="dan-chieu/index.html"' in home and 'href="trach-nhiem/index.html"' in home
