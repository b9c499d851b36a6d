"""What a reader and a machine get from the relation features, on a strict build of the graph
fixture data set (tests/fixtures/graph) plus the hostile document, given a relation and a status
whose words are markup."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, build_site, copy_project
from kb.open_data_schema import collection_schema, document_data_schema

GRAPH = ROOT / "tests" / "fixtures" / "graph"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile" / "thu-nghiem-ky-tu-dac-biet.yml"
EVIL = "</script><b>xấu</b> & \u2028"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("graph") / "project")
    shutil.rmtree(project / "data")
    shutil.copytree(GRAPH / "data", project / "data")
    hostile = HOSTILE.read_text(encoding="utf-8").replace("status: null\n", (
        "status:\n  value: het-hieu-luc-mot-phan\n"
        f"  source: {json.dumps(EVIL)}\n"
        f"relations:\n  - type: can-cu\n    target: tw-2000-chi-thi-goc\n    note: {json.dumps(EVIL)}\n"
    ), 1)
    (project / "data" / "van-ban" / HOSTILE.name).write_text(hostile, encoding="utf-8")
    with open(project / "data" / "danh-muc" / "chu-de.yml", "a", encoding="utf-8") as vocabulary:
        vocabulary.write('  - id: thu-nghiem\n    name: "<i>chủ đề</i>"\n')
    site_dir = project / "site"
    result = build_site(project, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


# Validity banner -----------------------------------------------------------------------------


def test_the_banner_tops_the_page_with_status_source_and_date(site):
    html = read(site, "van-ban/tinh-1998-chi-thi-cu.html")
    banner = html.split('class="kb-hieu-luc')[1].split("</div>")[0]
    assert html.index('class="kb-hieu-luc') < html.index('id="kb-thuoc-tinh"')
    words = text_of(banner)
    assert "Tình trạng hiệu lực: Hết hiệu lực toàn bộ" in words and "từ ngày 05/03/2001" in words
    assert "Nguồn: Kế hoạch số 12/KH-UBND" in words
    assert "Bị thay thế bởi" in words and 'href="tinh-2001-ke-hoach-thuc-hien.html"' in banner


def test_without_a_source_the_banner_says_unknown_and_guesses_nothing(site):
    words = text_of(read(site, "van-ban/tw-2000-chi-thi-goc.html").split('class="kb-hieu-luc')[1].split("</div>")[0])
    assert "Tình trạng hiệu lực: Chưa rõ" in words and "không tự suy đoán" in words


# «Lược đồ» -------------------------------------------------------------------------------------


def test_the_diagram_is_inline_svg_with_a_title_a_description_and_working_links(site):
    html = read(site, "van-ban/tinh-2001-ke-hoach-thuc-hien.html")
    svg = html.split('<figure class="kb-luoc-do">')[1].split("</figure>")[0]
    assert 'role="group"' in svg and 'role="img"' not in svg and '<title id="kb-ld-tieu-de">' in svg and '<desc id="kb-ld-mo-ta">' in svg
    links = re.findall(r'<a href="([^"]+)"', svg)
    assert sorted(links) == ["huyen-2002-ke-hoach-trien-khai.html", "tinh-1998-chi-thi-cu.html", "tw-2000-chi-thi-goc.html"]
    for href in links:
        assert (site / "van-ban" / href.split("#")[0]).resolve().is_file(), href
    assert "<script" not in svg


def test_the_list_under_the_diagram_groups_both_directions(site):
    section = text_of(read(site, "van-ban/tinh-2001-ke-hoach-thuc-hien.html").split('id="kb-quan-he"')[1])
    for label in ["Thực hiện (1)", "Thay thế (1)", "Được triển khai bởi (1)"]:
        assert label in section
    old = text_of(read(site, "van-ban/tinh-1998-chi-thi-cu.html").split('id="kb-quan-he"')[1])
    assert "Bị thay thế bởi (1)" in old and "Căn cứ (1)" in old


def test_markup_in_a_relation_note_or_a_status_source_is_shown_as_text(site):
    html = read(site, "van-ban/thu-nghiem-ky-tu-dac-biet.html")
    body = html.split("</head>")[1]
    assert "<b>xấu</b>" not in body and "&lt;b&gt;xấu&lt;/b&gt;" in body
    svg_page = read(site, "van-ban/tw-2000-chi-thi-goc.html")
    assert "<script>alert" not in svg_page.split("</head>")[1]


# Chains, topics, timeline, glossary ----------------------------------------------------------


def test_the_chain_page_nests_province_under_centre_and_district_under_province(site):
    html = read(site, "chuoi-thuc-hien.html")
    tree = html.split('id="cth-tw-2000-chi-thi-goc"')[1]
    centre, province, district = (tree.index(f'href="van-ban/{d}.html"') for d in ("tw-2000-chi-thi-goc", "tinh-2001-ke-hoach-thuc-hien", "huyen-2002-ke-hoach-trien-khai"))
    assert centre < province < district
    assert tree.count("<ul>") >= 3  # three levels of lists
    assert "Tỉnh An Phú" in text_of(tree) and "05/03/2001" in text_of(tree)


def test_topic_pages_list_documents_written_with_the_name_or_an_alias(site):
    words = text_of(read(site, "chu-de/cong-tac-dan-van.html"))
    for title in ["thực hiện Chỉ thị số 11/2000/CT-TTg", "công tác dân vận năm 1998"]:
        assert title in words
    assert "Chưa có văn bản nào" in text_of(read(site, "chu-de/chu-de-chua-dung.html"))
    assert 'href="../chu-de/cong-tac-dan-van.html"' in read(site, "van-ban/tinh-2001-ke-hoach-thuc-hien.html")


def test_the_timeline_puts_central_and_local_documents_in_their_own_columns(site):
    html = read(site, "dong-thoi-gian.html")
    row_2000 = html.split('id="nam-2000"')[1].split("</tr>")[0]
    cells = row_2000.split("<td")
    # cells after the year: central, local, cited
    assert "tw-2000-chi-thi-goc" in cells[1] and "tw-2000-chi-thi-goc" not in cells[2]
    row_2001 = html.split('id="nam-2001"')[1].split("</tr>")[0].split("<td")
    assert "tinh-2001-ke-hoach-thuc-hien" in row_2001[2] and "tinh-2001-ke-hoach-thuc-hien" not in row_2001[1]
    assert 'id="nam-1999"' in html and "99-NQ/TW" in html.split('id="nam-1999"')[1].split("</tr>")[0]


def test_abbreviations_have_tooltips_everywhere_and_a_glossary_entry(site):
    html = read(site, "van-ban/tw-2000-chi-thi-goc.html")
    assert '<abbr title="Ủy ban nhân dân">UBND</abbr>' in html
    glossary = read(site, "thuat-ngu.html")
    assert 'id="tn-ubnd"' in glossary and "Ủy ban nhân dân" in glossary


# Provenance ----------------------------------------------------------------------------------


def test_each_document_with_a_source_links_to_its_source_page_with_cleaning_marked(site):
    doc = read(site, "van-ban/vi-du-xa-an-binh-2015-chi-thi-dan-van.html")
    assert 'href="../ban-nguon/vi-du-xa-an-binh-2015-chi-thi-dan-van.html"' in doc
    source = read(site, "ban-nguon/vi-du-xa-an-binh-2015-chi-thi-dan-van.html")
    assert '<del class="kb-nguon-luoc-bo" title="Đã lược bỏ — Thành phần trang web (không thuộc văn bản): Bộ đếm lượt truy cập của trang web">Lượt truy cập: 1234</del>' in source
    assert '<mark class="kb-nguon-sua" title="Đã sửa «vối» thành «với»">vối</mark>' in source


# Open data -----------------------------------------------------------------------------------


def test_every_document_has_json_valid_against_its_published_schema(site):
    schema = json.loads(read(site, "du-lieu/schema/van-ban.schema.json"))
    assert schema == document_data_schema()
    for path in sorted((site / "du-lieu" / "van-ban").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.validate(record, schema)
        assert (site / record["url"]).is_file()
        for clause in record["clauses"]:
            page, anchor = clause["url"].split("#")
            assert f'id="{anchor}"' in read(site, page)


def test_the_collection_json_is_valid_and_holds_every_document(site):
    collection = json.loads(read(site, "du-lieu/kho.json"))
    jsonschema.validate(collection, collection_schema())
    assert sorted(d["id"] for d in collection["documents"]) == sorted(p.stem for p in (site / "du-lieu" / "van-ban").glob("*.json"))
    old = next(d for d in collection["documents"] if d["id"] == "tinh-1998-chi-thi-cu")
    assert old["eli"] == "eli/vn/chi-thi/1998/tinh-1998-chi-thi-cu"
    assert any({"type": "thay-the", "direction": "in", "other": "tinh-2001-ke-hoach-thuc-hien"}.items() <= r.items() for r in old["relations"])


def test_json_ld_in_the_head_is_legislation_and_cannot_break_out_of_its_script(site):
    for doc_id in ("tinh-1998-chi-thi-cu", "thu-nghiem-ky-tu-dac-biet"):
        head = read(site, f"van-ban/{doc_id}.html").split("</head>")[0]
        scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
        assert len(scripts) == 1
        assert "<" not in scripts[0] and "\u2028" not in scripts[0]
        data = json.loads(scripts[0])
        assert data["@type"] == "Legislation" and data["hasPart"]
    old = json.loads(re.findall(r'<script type="application/ld\+json">(.*?)</script>', read(site, "van-ban/tinh-1998-chi-thi-cu.html"), re.S)[0])
    assert old["legislationLegalForce"] == "NotInForce" and old["legislationIdentifier"] == "5/CT-UBND"
    hostile = json.loads(re.findall(r'<script type="application/ld\+json">(.*?)</script>', read(site, "van-ban/thu-nghiem-ky-tu-dac-biet.html"), re.S)[0])
    assert hostile["name"].startswith("<script>alert('tieu-de')</script>")  # the words survive, as data


def test_the_feed_lists_recorded_changes_newest_first_and_the_page_names_undated_documents(site):
    feed = ET.fromstring((site / "cap-nhat.xml").read_bytes())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = [(e.findtext("a:updated", namespaces=ns), e.find("a:link", ns).get("href")) for e in feed.findall("a:entry", ns)]
    assert entries == [
        ("2026-11-15T00:00:00Z", "van-ban/tinh-2001-ke-hoach-thuc-hien.html"),
        ("2026-11-01T00:00:00Z", "van-ban/tw-2000-chi-thi-goc.html"),
        ("2026-11-01T00:00:00Z", "van-ban/tinh-2001-ke-hoach-thuc-hien.html"),
    ]
    assert feed.findtext("a:updated", namespaces=ns) == "2026-11-15T00:00:00Z"
    for _date, href in entries:
        assert (site / href).is_file()
    undated = text_of(read(site, "moi-cap-nhat.html").split('id="chua-ghi-ngay"')[1])
    assert "công tác dân vận năm 1998" in undated


# In a browser, from disk ---------------------------------------------------------------------


def test_from_disk_the_diagram_shows_prints_and_its_boxes_lead_to_the_documents(site, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
    try:
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto((site / "van-ban" / "tinh-2001-ke-hoach-thuc-hien.html").as_uri())
        diagram = page.locator("figure.kb-luoc-do svg")
        figure = page.locator("figure.kb-luoc-do").bounding_box()
        assert figure and 0 < figure["width"] <= 390  # the figure fits the phone; the diagram scrolls inside it
        assert diagram.bounding_box()["width"] >= 500  # at a size whose words can be read
        assert page.locator("figure.kb-luoc-do svg a").count() == 3
        page.emulate_media(media="print")
        assert diagram.is_visible() and page.locator(".kb-hieu-luc").is_visible()
        page.emulate_media(media="screen")
        page.locator('figure.kb-luoc-do svg a[href="tw-2000-chi-thi-goc.html"]').click()
        page.wait_for_load_state()
        assert page.url.endswith("/van-ban/tw-2000-chi-thi-goc.html")
        assert page.locator("abbr[title='Ủy ban nhân dân']").count() > 0
        assert errors == []
    finally:
        page.close()
