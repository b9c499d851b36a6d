"""What an official or a trainer gets on screen, on a phone and on paper, checked in a real
browser (Debian's chromium): accessibility (axe-core, WCAG 2.2 AA), tables that fit, printed
handouts (Chromium prints to PDF, pages counted with pypdfium2), readers' language.

These run over the real site but check invariants only (every page of a type, every document),
so a new document never turns them red unless it really reads or prints badly.
"""

from __future__ import annotations

import functools
import http.server
import posixpath
import re
import threading
from collections import Counter
from pathlib import Path

import pytest

pypdfium2 = pytest.importorskip("pypdfium2")
axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
AXE_RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}, "resultTypes": ["violations"]}
# Plain A4 typesetting of a text, to measure "the source's length": 12 pt serif, 20 mm margins.
SOURCE_PAGE = """<!doctype html><html lang="vi"><meta charset="utf-8"><style>
@page {{ size: A4; margin: 20mm; }} body {{ font: 12pt/1.4 "DejaVu Serif", "Times New Roman", serif; }}
p {{ margin: 0 0 6pt; }}</style><body>{}</body></html>"""


# Fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(params=["http", "file"])
def base(request, server, site) -> str:
    return server if request.param == "http" else site.as_uri()


# Tests: accessibility ----------------------------------------------------------------------


def test_every_page_type_has_no_serious_accessibility_violation(browser, base, site):
    axe = axe_api.Axe()
    found = {}
    # both widths over http; from disk the same pages at desktop width (only the origin differs)
    viewports = (DESKTOP, PHONE) if base.startswith("http") else (DESKTOP,)
    for rel in page_types(site):
        for viewport in viewports:
            page = browser.new_page(viewport=viewport)
            page.goto(f"{base}/{rel}")
            page.wait_for_load_state("load")
            violations = axe.run(page, options=AXE_RULES).response["violations"]
            serious = [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']} {v['help']}" for v in violations if v["impact"] in {"serious", "critical"}]
            if serious:
                found[f"{rel} @{viewport['width']}"] = serious
            page.close()
    assert found == {}


def test_the_open_clause_panel_is_accessible_too(browser, server, site):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(f"{server}/{first(site, 'van-ban')}")
    page.locator("button.kb-cc").first.click()
    violations = axe_api.Axe().run(page, options=AXE_RULES).response["violations"]
    assert [(v["id"], v["nodes"][0]["target"], v["nodes"][0]["failureSummary"]) for v in violations if v["impact"] in {"serious", "critical"}] == []
    page.close()


# Tests: tables that fit ----------------------------------------------------------------------


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_tables_fit_the_screen_and_sort_only_where_there_is_something_to_sort(browser, server, site, viewport):
    wide = {}
    for rel in page_types(site):
        if rel.startswith("huong-dan/"):
            continue  # the maintainers' guide shows wide tables of fields and codes (they scroll, by keyboard too)
        page = browser.new_page(viewport=viewport)
        page.goto(f"{server}/{rel}")
        page.wait_for_load_state("load")
        # a listing or duty table may not scroll sideways; a matrix (one column per document or
        # actor: it grows with the corpus) may, with its first column kept in view
        overflowing = page.evaluate(
            """phone => [...document.querySelectorAll('.md-typeset table')]
               .filter(t => !(phone && t.closest('.kb-ma-tran')))
               .filter(t => !(t.closest('.kb-ma-tran') && getComputedStyle(t.rows[0].cells[0]).position === 'sticky'))
               .filter(t => t.scrollWidth > t.clientWidth + 1 || t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
               .map(t => (t.tHead ? t.tHead.textContent : t.textContent).trim().slice(0, 60))""",
            viewport is PHONE,
        )
        if overflowing:
            wide[rel] = overflowing
        # and nothing offers to sort a table that has a single row
        assert page.evaluate("() => [...document.querySelectorAll('table')].filter(t => t.tBodies[0] && t.tBodies[0].rows.length < 2 && t.querySelector('.kb-sap-xep')).length") == 0, rel
        # nor tells the reader to sort when no table on the page has two rows
        hint = page.evaluate(
            """() => /bấm (vào )?tiêu đề cột/i.test((document.querySelector('article') || document.body).textContent)
               && ![...document.querySelectorAll('article table')].some(t => t.tBodies[0] && t.tBodies[0].rows.length > 1)"""
        )
        assert not hint, rel
        page.close()
    assert wide == {}


# Tests: print --------------------------------------------------------------------------------


def test_a_document_prints_within_its_source_length_plus_one_page(browser, server, site, corpus, tmp_path):
    counts = {}
    for doc in longest(corpus):
        source = "".join(f"<p>{_escape(_source_line(b))}</p>" for b in doc.blocks())
        plain = browser.new_page()
        plain.set_content(SOURCE_PAGE.format(source))
        source_pages = _pages(plain, tmp_path / f"{doc.id}-nguon.pdf")
        plain.close()
        page = browser.new_page()
        page.goto(f"{server}/van-ban/{doc.id}.html")
        page.wait_for_load_state("load")
        printed = _pages(page, tmp_path / f"{doc.id}.pdf")
        page.close()
        counts[doc.id] = (printed, source_pages)
    print("\nprinted pages / source pages:", counts)
    assert {d: c for d, c in counts.items() if c[0] > c[1] + 1} == {}


def test_print_has_no_navigation_buttons_or_search_and_cites_on_every_page(browser, server, site):
    page = browser.new_page()
    page.goto(f"{server}/{first(site, 'van-ban')}")
    page.wait_for_load_state("load")
    page.emulate_media(media="print")
    shown = page.evaluate(
        """() => [...document.querySelectorAll('.md-header, .md-sidebar, .md-footer, .md-search, button, .kb-search-dat, .md-tabs')]
           .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden').map(e => e.className)"""
    )
    assert shown == []
    footer = page.evaluate("document.getElementById('kb-chan-trang-in').textContent")
    assert "@bottom-left" in footer and page.url in footer
    cite = page.evaluate("document.querySelector('meta[name=kb-trich-dan]').content")
    assert cite.replace('"', "") in footer.replace("\\22 ", "")
    page.close()


def test_print_this_part_gives_one_page_per_clause(browser, server, corpus, tmp_path):
    over = []
    for doc in longest(corpus):
        page = browser.new_page()
        page.goto(f"{server}/van-ban/{doc.id}.html")
        page.wait_for_load_state("load")
        for block in doc.body:
            if not block.id:
                continue
            page.evaluate(f"window.kb.selectForPrint({block.id!r})")
            pages = _pages(page, tmp_path / "phan.pdf")
            if pages > 1:  # a clause longer than a page of plain text may take what its text takes
                plain = browser.new_page()
                plain.set_content(SOURCE_PAGE.format("".join(f"<p>{_escape(_source_line(b))}</p>" for b in block.walk())))
                if pages > _pages(plain, tmp_path / "phan-nguon.pdf"):
                    over.append((doc.id, block.id, pages))
                plain.close()
            page.evaluate("window.kb.clearPrint()")
        page.close()
    assert over == []


def test_printed_tables_fit_the_paper(browser, server, site):
    # A4 portrait between 14 mm margins is 182 mm = 688 CSS px; matrices marked kb-ngang print landscape (269 mm)
    for rel in page_types(site):
        page = browser.new_page(viewport={"width": 688, "height": 1000})
        page.goto(f"{server}/{rel}")
        page.wait_for_load_state("load")
        page.emulate_media(media="print")
        cut = page.evaluate(
            """() => [...document.querySelectorAll('.md-typeset table')]
               .filter(t => t.getClientRects().length)
               .filter(t => t.getBoundingClientRect().right > (t.closest('.kb-ngang') ? 1017 : 689))
               .map(t => t.textContent.trim().slice(0, 60))"""
        )
        assert cut == [], rel
        page.close()


# Tests: readers' language --------------------------------------------------------------------


def test_readers_never_see_file_names_or_internal_ids(browser, server, site, corpus):
    ids = set(corpus.documents) | set(corpus.cited)
    for rel in page_types(site) + [f"van-ban/{doc.id}.html" for doc in longest(corpus)]:
        if rel.startswith(("huong-dan/", "bao-cao/")):
            continue  # the maintainers' guide and reports are about files and ids
        page = browser.new_page()
        page.goto(f"{server}/{rel}")
        page.wait_for_load_state("load")
        text = page.evaluate("(document.querySelector('.md-content') || document.body).innerText")
        assert not re.search(r"\b\w+\.(txt|yml|yaml)\b", text), rel
        shown = [i for i in ids if re.search(rf"(?<![\w/-]){re.escape(i)}(?![\w/-])", text)]
        assert shown == [], rel
        page.close()


def test_dates_read_day_month_year_everywhere(site):
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("huong-dan/", "assets/", "search/")):
            continue
        html = path.read_text(encoding="utf-8")
        if 'id="kb-toan-van"' in html:  # a document's own text keeps its dates as written
            before, _, rest = html.partition('id="kb-toan-van"')
            html = before + (rest.split("<h2", 1)[1] if "<h2" in rest else "")
        # machine-read data in scripts (JSON-LD) keeps ISO 8601, as schema.org requires; readers never see it
        html = re.sub(r"<script\b.*?</script>", " ", html, flags=re.S)
        text = re.sub(r"<[^>]+>", " ", html)
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text), rel
        # our own notes (inferred values) write 06/09/2017, not 6/9/2017
        for note in re.findall(r"\(suy luận: ([^)]*)\)", text):
            assert not re.search(r"(?<![\d/])\d/\d{1,2}/\d{4}|(?<![\d/])\d{1,2}/\d/\d{4}", note), (rel, note)


# Helper functions ----------------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _SubFolderHandler(_QuietHandler):
    """The site under /kho/, and 404.html for any missing address, as an intranet server would."""

    def translate_path(self, path: str) -> str:
        return super().translate_path(path[len("/kho"):] if path.startswith("/kho/") else "/nowhere")

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def longest(corpus, count: int = 5) -> list:
    """The documents with the most text: the hardest to print short, a bounded sample of any corpus."""
    return sorted(corpus.documents.values(), key=lambda d: (-sum(len(b.text) for b in d.blocks()), d.id))[:count]


def page_types(site: Path) -> list[str]:
    """One page of every kind the site has. Of each kind the
    largest page stands for it: the most tables, columns and clauses to get wrong."""
    chosen: dict[tuple, str] = {}
    for path in sorted(site.rglob("*.html"), key=lambda p: -p.stat().st_size):
        rel = path.relative_to(site).as_posix()
        folder = rel.rsplit("/", 1)[0] if "/" in rel else ""
        if folder.split("/")[0] in {"assets", "search", "tai-ve"} or _is_redirect(path):
            continue
        key = (folder, path.name) if path.name == "index.html" or folder in {"", "duyet", "huong-dan"} else (folder,)
        chosen.setdefault(key, rel)
    return list(chosen.values())


def first(site: Path, folder: str) -> str:
    return next(p.relative_to(site).as_posix() for p in sorted((site / folder).glob("*.html")) if p.name != "index.html" and not _is_redirect(p))


def _is_redirect(path: Path) -> bool:
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")[:2000]


def _pages(page, path: Path) -> int:
    page.pdf(path=str(path), format="A4")
    pdf = pypdfium2.PdfDocument(str(path))
    count = len(pdf)
    pdf.close()
    return count


def _source_line(block) -> str:
    """A block as the source prints it: marker, text, signature lines."""
    return " ".join(filter(None, [block.marker, block.text, *block.lines]))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


# Tests: navigation and the offline copy ------------------------------------------------------


def test_not_found_page_is_vietnamese_and_leads_home_from_a_sub_folder(browser, site):
    """An intranet serving the site under /kho/ shows 404.html for any missing address."""
    handler = functools.partial(_SubFolderHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        response = page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/kho/van-ban/khong-co/trang.html")
        assert response.status == 404
        assert page.locator("h1").inner_text() == "Không tìm thấy trang"
        assert page.evaluate("document.documentElement.lang") == "vi"
        home = page.get_by_role("link", name="Về trang chủ")
        page.wait_for_function("() => document.querySelector('main a').href.endsWith('/kho/index.html')")
        home.click()
        page.wait_for_url("**/kho/index.html")
        assert page.locator("h1").inner_text().startswith("Kho chỉ thị dân vận")
        page.close()
    finally:
        httpd.shutdown()
    page = browser.new_page()  # from disk: the links are relative to the site's root, where 404.html is
    page.goto((site / "404.html").as_uri())
    page.get_by_role("link", name="Xem tất cả văn bản").click()
    assert page.url == (site / "van-ban" / "index.html").as_uri()
    page.close()


def test_the_maintainers_guide_is_apart_and_out_of_the_readers_search(site):
    page = (site / "van-ban" / "index.html").read_text(encoding="utf-8")
    nav = page.split('class="md-nav md-nav--primary"')[1].split('md-sidebar--secondary')[0]
    heading = nav.index("Dành cho người bảo trì")
    readers = [m.start() for m in re.finditer(r'href="[^"]*(?:van-ban|duyet|dan-chieu|trach-nhiem)/', nav)]
    guide = [m.start() for m in re.finditer(r'href="[^"]*huong-dan/', nav)]
    assert readers and guide and max(readers) < heading < min(guide)
    index = "".join(p.read_text(encoding="utf-8") for p in (site / "search").glob("kb-index-*.js"))
    assert "huong-dan/" not in index


def test_the_offline_copy_has_no_dead_link_and_no_unused_theme_files(site):
    import zipfile

    with zipfile.ZipFile(site / "tai-ve" / "kho-chi-thi-dan-van.zip") as archive:
        names = {n.split("/", 1)[1] for n in archive.namelist()}
        pages = {n: archive.read(f"kho-chi-thi-dan-van/{n}").decode("utf-8") for n in names if n.endswith(".html")}
    assert not [n for n in names if n.endswith(".map") or "/lunr/" in n or "/workers/" in n]
    dead = set()
    for name, html in pages.items():
        for target in re.findall(r'(?:href|src)="([^"#?:]+)', html):
            if target.startswith(("/", "//")) or name == "404.html":
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(name), target))
            if resolved not in names:
                dead.add(f"{name} → {target}")
    assert dead == set()
    assert "Tải về toàn bộ kho" in (site / "index.html").read_text(encoding="utf-8")


def test_the_cited_documents_index_lists_each_document_once(site):
    html = (site / "dan-chieu" / "index.html").read_text(encoding="utf-8")
    links = Counter(re.findall(r'<td><a href="([^"#]+)"', html))
    assert links and max(links.values()) == 1
