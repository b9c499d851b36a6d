"""What readers do in a real browser (headless Debian chromium): search in Vietnamese with or
without diacritics, over a static server and opened from disk; no request leaves the site; copy
a clause link or citation; print one clause. One browser for the whole module.

Search results and clause links are checked on the sample corpus (tests/fixtures/kho-mau),
whose documents are known; what holds for any corpus (no request leaves the site) is checked
on the project's own site.

Screenshots go to $KB_SCREENSHOTS (default: a temporary directory).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import build_site, sample_copy
from searchkit import DONE, FOLD_WORDS, serve, show_all
from kb.search_fold import fold


BEN_TRE = "van-ban/ben-tre-chi-thi-cong-tac-van-dong-quan-chung.html"
HA_NOI = "van-ban/ha-noi-2010-chi-thi-lay-phieu-tin-nhiem.html"
TPHCM = "van-ban/tphcm-1995-chi-thi-tong-ket-nghi-quyet-8b.html"

# query → a page that must be among the results
QUERIES = {
    "18/2000/CT-TTg": BEN_TRE,
    "18/2000": BEN_TRE,
    "CT-TTg 18/2000": BEN_TRE,
    "323/TTg": TPHCM,
    "323/TTG": TPHCM,
    "dan van": BEN_TRE,
    "Ben Tre": BEN_TRE,
    "phieu tin nhiem": HA_NOI,
    "Bui Duy Nham": HA_NOI,
}
# spellings that must give exactly the same results
SAME_RESULTS = [
    ("dan van", "dân vận"),
    ("Ben Tre", "Bến Tre"),
    ("phieu tin nhiem", "phiếu tín nhiệm"),
    ("Bui Duy Nham", "Bùi Duy Nhâm"),
    ("Dang uy", "Đảng ủy"),
    ("323/TTg", "323/TTG"),
    ("hoá", "hóa"),
    ("Uỷ ban", "Ủy ban"),
    ("thuỷ", "thủy"),
    ("khoẻ", "khỏe"),
]


# Fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("KB_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def server(sample_site):
    """The sample site on a plain static server."""
    with serve(sample_site) as url:
        yield url


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield context
    context.close()


@pytest.fixture(params=["http", "file"])
def base(request, server, sample_site) -> str:
    return server if request.param == "http" else sample_site.as_uri()


# Tests: search -----------------------------------------------------------------------------


@pytest.mark.parametrize("query", list(QUERIES))
def test_query_finds_the_right_document(context, base, query):
    page = _watched(context)
    results = _search(page, base + "/index.html", query)
    assert QUERIES[query] in [r.split("#")[0] for r in results], results
    page.errors_must_be_empty()


def test_results_point_to_clauses_and_stay_precise(context, base, sample_site):
    site = sample_site
    page = _watched(context)
    results = _search(page, base + "/index.html", "Bến Tre")
    documents = {r.split("#")[0] for r in results if r.startswith("van-ban/")}
    assert documents == {BEN_TRE}, "'Bến Tre' must not return every document"
    for found in {r.split("#")[0] for r in results}:  # other pages (cited documents…) only where the words are
        assert " ben tre " in f" {fold((site / found).read_text(encoding='utf-8'))} ", found
    # results link to the clause or paragraph where the words are, not only to the page
    clauses = [r for r in results if r.startswith(f"{BEN_TRE}#") and not r.split("#")[1].startswith("kb-")]
    assert clauses, results
    anchor = clauses[0].split("#")[1]
    page.locator(f".kb-ket-qua[data-kb-anchor='{anchor}']").first.click()
    page.wait_for_url(f"**/{clauses[0]}")
    assert page.evaluate("location.hash") == f"#{anchor}"
    target = page.locator(f"[id='{anchor}']")
    assert target.is_visible() and "Bến Tre" in target.inner_text() + target.evaluate("e => e.nextElementSibling ? e.nextElementSibling.textContent : ''")


@pytest.mark.parametrize("plain, marked", SAME_RESULTS)
def test_spellings_without_or_with_other_tone_marks_give_the_same_results(context, server, plain, marked):
    page = _watched(context)
    # the same pages; the order, and which clauses show first, may differ (accents typed rank exact matches first)
    def pages(query):
        return sorted({link.split("#")[0] for link in _search(page, server + "/index.html", query)})

    assert pages(plain) == pages(marked)


def test_browser_and_build_fold_words_alike(context, server):
    page = _watched(context)
    page.goto(server + "/index.html")
    in_browser = page.evaluate("words => words.map(w => window.kbSearch.fold(w))", FOLD_WORDS)
    assert in_browser == [fold(word) for word in FOLD_WORDS]


def test_search_from_disk_finds_a_document_as_the_reader_types(context, sample_site, shots):
    """A reader on a copy opened from disk types 'ben tre' and gets results. How fast is measured
    by scripts/measure_search.py and bench/ (BENCHMARKS.md), not asserted here."""
    site = sample_site
    page = _watched(context)
    page.goto(site.as_uri() + "/van-ban/index.html")
    box = page.locator(".kb-search .md-search__input")
    box.click()
    page.wait_for_function("() => !!document.querySelector('.md-search-result__meta') && window.kbSearch")
    box.press_sequentially("ben tre")
    # the results of what was typed: on a busy machine the list may still show those of "ben tr"
    page.wait_for_function(DONE, arg="ben tre")
    assert "Bến Tre" in page.locator(".md-search-result__item").first.inner_text()
    page.screenshot(path=str(shots / "search-file.png"))
    page.errors_must_be_empty()


# Tests: offline, zero external requests ------------------------------------------------------


@pytest.mark.parametrize("opened", ["http", "file"])
def test_no_request_leaves_the_site_on_any_page_type(context, site, opened):
    with serve(site) as url:
        base = url if opened == "http" else site.as_uri()
        _no_request_leaves(context, site, base)


def _no_request_leaves(context, site, base):
    for rel in _one_page_per_type(site):
        page = _watched(context)
        page.goto(f"{base}/{rel}")
        page.wait_for_load_state("networkidle")
        if page.locator(".kb-search .md-search__input").count():
            _type(page, "dan van")  # loads the search index and a text shard too
        assert page.outside_requests == [], f"{rel}: {page.outside_requests}"
        page.errors_must_be_empty()
        page.close()


def test_the_site_zip_is_linked_from_home_and_holds_the_site(context, server, sample_site):
    site = sample_site
    import zipfile

    page = _watched(context)
    page.goto(server + "/index.html")
    link = page.locator("a[href$='.zip']")
    assert link.count() == 1
    with zipfile.ZipFile(site / "tai-ve" / "kho-chi-thi-dan-van.zip") as archive:
        names = set(archive.namelist())
    assert "kho-chi-thi-dan-van/index.html" in names
    assert f"kho-chi-thi-dan-van/{BEN_TRE}" in names
    assert "kho-chi-thi-dan-van/search/kb-meta.js" in names
    assert not any(name.endswith(".zip") for name in names)


# Tests: links trainers rely on -----------------------------------------------------------------


def _clause_tools(page, anchor: str):
    """Open the one control of a clause (the button just before it); return the opened panel."""
    control = page.locator(f"xpath=//*[@id='{anchor}']/preceding-sibling::*[1][contains(@class, 'kb-cc')]")
    control.click()
    panel = page.locator("#kb-cc-bang")
    assert panel.is_visible() and control.get_attribute("aria-expanded") == "true"
    return panel


def test_copy_link_puts_the_clause_address_on_the_clipboard(context, base):
    server = base  # over http and from disk
    page = _watched(context)
    page.goto(f"{server}/{BEN_TRE}")
    anchor = page.locator(".kb-khoan[id]").nth(1).get_attribute("id")
    panel = _clause_tools(page, anchor)
    assert panel.get_by_role("link", name="Liên kết cố định").get_attribute("href") == f"#{anchor}"
    panel.get_by_role("button", name="Chép liên kết").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{server}/{BEN_TRE}#{anchor}"
    assert page.evaluate("location.hash") == f"#{anchor}"
    page.goto(f"{server}/{BEN_TRE}#{anchor}")
    assert page.evaluate("document.querySelector(':target').id") == anchor
    page.errors_must_be_empty()


def test_citation_control_copies_a_vietnamese_citation_with_the_url(context, server):
    page = _watched(context)
    page.goto(f"{server}/{BEN_TRE}")
    panel = _clause_tools(page, "k1-a")
    assert panel.locator(".kb-cc-tieu-de").inner_text() == "Điểm a khoản 1"
    panel.get_by_role("button", name="Trích dẫn").click()
    text = page.evaluate("navigator.clipboard.readText()")
    assert text.startswith("Điểm a khoản 1 Chỉ thị của Ủy ban nhân dân tỉnh Bến Tre về việc tăng cường trách nhiệm")
    assert text.endswith(f"({server}/{BEN_TRE}#k1-a)")


def test_clause_control_works_by_keyboard_and_stays_out_of_heading_and_selection(context, server):
    page = _watched(context)
    page.goto(f"{server}/{BEN_TRE}")
    heading = page.locator("#k2-b")
    # the heading is named by its label alone; the control is not inside it
    assert heading.evaluate("h => h.textContent.trim()") == "Điểm b khoản 2"
    assert heading.locator("button, a").count() == 0
    assert page.get_by_role("heading", name="Điểm b khoản 2", exact=True).count() == 1
    # the source's marker "b)" shows once; the label is not shown a second time on screen
    text = page.locator("#k2-b + p")
    assert text.inner_text().startswith("b)")
    assert not heading.evaluate("h => h.getBoundingClientRect().height > 2")
    # one control per anchored clause or paragraph
    anchored = page.locator(".kb-khoan[id], .kb-muc[id], .kb-doan[id]").count()
    assert page.locator("button.kb-cc").count() == anchored
    # selecting the text of the clause copies the text only
    selected = page.evaluate(
        """() => { const r = document.createRange(); r.setStartBefore(document.getElementById('k2-b'));
        r.setEndAfter(document.getElementById('k2-c')); const s = getSelection(); s.removeAllRanges(); s.addRange(r);
        return s.toString(); }"""
    )
    for noise in ["Chép liên kết", "Trích dẫn", "In phần này", "¶"]:
        assert noise not in selected
    # keyboard: focus the control, Enter opens, the panel's first item gets focus, Escape closes
    control = page.locator("xpath=//*[@id='k2-b']/preceding-sibling::*[1]")
    control.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Liên kết cố định"
    page.keyboard.press("Escape")
    assert page.locator("#kb-cc-bang").is_hidden()
    assert control.evaluate("c => c === document.activeElement") and control.get_attribute("aria-expanded") == "false"
    page.errors_must_be_empty()


def test_printing_one_clause_keeps_title_citation_and_address_only(context, server, shots):
    page = _watched(context)
    page.goto(f"{server}/{BEN_TRE}")
    page.evaluate("window.kb.selectForPrint('k1')")
    page.emulate_media(media="print")
    assert page.locator("#k1 + p").is_visible() and page.locator("#k1-a + p").is_visible()
    assert not page.locator("#k2 + p").is_visible()
    assert not page.locator("#mo-dau").is_visible()
    assert not page.locator(".md-header").is_visible() and not page.locator(".md-sidebar--primary").is_visible()
    note = page.locator(".kb-chi-in")
    assert note.is_visible()
    assert f"{server}/{BEN_TRE}#k1" in note.inner_text()
    assert "Trích dẫn: Khoản 1 Chỉ thị" in note.inner_text()
    assert ".txt" not in note.inner_text()
    page.screenshot(path=str(shots / "print-clause.png"), full_page=True)
    page.pdf(path=str(shots / "print-clause.pdf"))
    page.evaluate("window.kb.clearPrint()")
    assert page.locator("#k2 + p").is_visible()  # a whole-document print shows everything again
    page.errors_must_be_empty()


def test_renamed_document_old_links_forward_with_anchor(browser, tmp_path):
    project = sample_copy(tmp_path / "project")
    old, new = "ben-tre-chi-thi-cong-tac-van-dong-quan-chung", "ben-tre-chi-thi-van-dong-quan-chung"
    data = project / "data" / "van-ban"
    text = (data / f"{old}.yml").read_text(encoding="utf-8").replace(f"id: {old}", f"id: {new}")
    (data / f"{new}.yml").write_text(text, encoding="utf-8")
    (data / f"{old}.yml").unlink()
    (project / "data" / "danh-muc" / "chuyen-huong.yml").write_text(f"{old}: {new}\n", encoding="utf-8")
    site_dir = tmp_path / "site"
    result = build_site(project, site_dir)
    assert result.returncode == 0, result.stderr
    page = browser.new_page()
    page.goto(f"{site_dir.as_uri()}/van-ban/{old}.html#k2-a")
    page.wait_for_url(f"**/van-ban/{new}.html#k2-a")
    assert page.evaluate("document.querySelector(':target').id") == "k2-a"
    page.close()


def test_a_promoted_cited_document_old_links_forward_with_anchor_from_disk(browser, tmp_path):
    project = sample_copy(tmp_path / "project")
    doc_id = "ttg-2000-chi-thi-18-thu"
    ben_tre = (project / "data" / "van-ban" / "ben-tre-chi-thi-cong-tac-van-dong-quan-chung.yml").read_text(encoding="utf-8")
    (project / "data" / "van-ban" / f"{doc_id}.yml").write_text(
        ben_tre.replace("id: ben-tre-chi-thi-cong-tac-van-dong-quan-chung", f"id: {doc_id}").replace("\nnumber: null\n", '\nnumber: "18/2000/CT-TTg"\n'),
        encoding="utf-8",
    )
    registry = project / "data" / "danh-muc" / "van-ban-dan-chieu.yml"
    text = registry.read_text(encoding="utf-8").replace("  - id: ct-18-2000-ttg\n", f"  - id: ct-18-2000-ttg\n    document: {doc_id}\n", 1)
    registry.write_text(text, encoding="utf-8")
    site_dir = tmp_path / "site"
    result = build_site(project, site_dir)
    assert result.returncode == 0, result.stderr
    page = browser.new_page()
    page.goto(f"{site_dir.as_uri()}/dan-chieu/ct-18-2000-ttg.html#k2-a")
    page.wait_for_url(f"**/van-ban/{doc_id}.html#k2-a")
    assert page.evaluate("document.querySelector(':target').id") == "k2-a"
    page.close()


# Helper functions ----------------------------------------------------------------------------


def _watched(context):
    """A new page that records console errors and every request leaving the site."""
    page = context.new_page()
    page.errors = []
    page.outside_requests = []
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))

    def request(req):
        scheme, host = urlsplit(req.url)[:2]
        if scheme in {"file", "data", "blob", "about"} or host.startswith("127.0.0.1:"):
            return
        page.outside_requests.append(req.url)

    page.on("request", request)

    def errors_must_be_empty():
        assert page.errors == [], page.errors

    page.errors_must_be_empty = errors_must_be_empty
    return page


def _type(page, query: str) -> None:
    box = page.locator(".kb-search .md-search__input")
    box.click()
    box.fill(query)
    page.wait_for_function("q => { const b = document.querySelector('.kb-search'); return b.dataset.kbState === 'done' && b.dataset.kbQuery === q; }", arg=query)


def _search(page, url: str, query: str) -> list[str]:
    """Type `query` into the search box on `url`; the result links (site-relative, with #anchor)."""
    if page.url != url:
        page.goto(url)
    _type(page, query)
    show_all(page, query)
    hrefs = page.eval_on_selector_all(".md-search-result__list a", "links => links.map(a => a.href)")
    root = page.evaluate("new URL(JSON.parse(document.getElementById('__config').textContent).base + '/', location.href).href")
    return [h[len(root):] for h in hrefs]


def _one_page_per_type(site: Path) -> list[str]:
    """Home, a document, the list, a browse page, a guide page, and one page of every other folder."""
    chosen = {"index.html": None}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        folder = rel.split("/")[0] if "/" in rel else ""
        if folder in {"assets", "search", "tai-ve"} or not folder:
            continue
        kind = (folder, path.name == "index.html")
        chosen.setdefault(kind, rel)
    return ["index.html"] + [rel for key, rel in chosen.items() if key != "index.html"]
