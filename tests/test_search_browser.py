"""What a reader does with the search box, in headless Chromium, over http and from file://, on
the fixture corpus (tests/fixtures/search/data: invented documents, never data/): accents,
grouped results that open the right clause, shareable links, typos, closing the box on a phone,
and no frozen page while a generated corpus loads."""

from __future__ import annotations

import sys
import zlib
from pathlib import Path

import pytest

from conftest import ROOT
from kb.search_fold import accent_key, fold
from searchkit import BOX, DONE, FOLD_WORDS, build_project, main_thread_tasks, results, search, serve, show_all

sys.path.insert(0, str(ROOT / "bench"))
import gen  # noqa: E402

AN_HOA_18 = "van-ban/an-hoa-2019-chi-thi-18-dan-van.html"
BINH_SON = "van-ban/binh-son-2021-chi-thi-05-dan-chu-co-so.html"
TAN_PHU = "van-ban/tan-phu-2018-chi-thi-02-tiep-cong-dan.html"
HAI_CANG_PLAN = "van-ban/hai-cang-2022-ke-hoach-07-chuyen-doi-so.html"

SAME_RESULTS = [
    ("dan chu o co so", "dân chủ ở cơ sở"),
    ("Binh Son", "Bình Sơn"),
    ("van hoa", "văn hóa"),
    ("văn hoá", "văn hóa"),
    ("Uỷ ban", "Ủy ban"),
    ("kĩ thuật", "kỹ thuật"),
    ("12/2020/CT-UBND", "12/2020/ct-ubnd"),
]
LONG_TASK_LIMIT_MS = 100
GENERATED_N = 400  # documents: large enough that loading everything would show, small enough for CI


@pytest.fixture(scope="module")
def server(search_site):
    with serve(search_site) as url:
        yield url


@pytest.fixture(params=["http", "file"])
def base(request, server, search_site) -> str:
    return server if request.param == "http" else search_site.as_uri()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    assert page.errors == []
    context.close()


def _open(page, base: str, rel: str = "index.html") -> None:
    page.goto(f"{base}/{rel}")


# Accents ------------------------------------------------------------------------------------


def test_accents_typed_rank_exact_matches_first_and_folded_ones_are_still_found(page, base):
    _open(page, base)
    found = search(page, "Đảng")
    assert found["pages"][0] == AN_HOA_18
    assert TAN_PHU in found["pages"]  # «đăng ký», «dạng»: found, ranked below


@pytest.mark.parametrize("plain, marked", SAME_RESULTS)
def test_other_spellings_find_the_same_pages(page, server, plain, marked):
    _open(page, server)
    assert sorted(search(page, plain, everything=True)["pages"]) == sorted(search(page, marked, everything=True)["pages"])


def test_browser_and_build_fold_and_key_words_alike(page, server):
    _open(page, server)
    assert page.evaluate("w => w.map(x => window.kbSearch.fold(x))", FOLD_WORDS) == [fold(w) for w in FOLD_WORDS]
    words = [w for text in FOLD_WORDS for w in text.split() if fold(w) and " " not in fold(w)]
    assert page.evaluate("w => w.map(x => window.kbSearch.accentKey(x.normalize('NFC')))", words) == [accent_key(w) for w in words]
    keys = ["dan", "dan van", "#18", "18 2000", "chuyen"]
    assert page.evaluate("k => k.map(x => window.kbSearch.crc32(x))", keys) == [zlib.crc32(k.encode()) for k in keys]


# Results ------------------------------------------------------------------------------------


def test_a_page_quoting_another_document_does_not_match_its_words(page, base):
    _open(page, base)
    found = search(page, "Bình Sơn")
    # Chỉ thị 18-CT/TU lists the Bình Sơn directive under «Được dẫn chiếu bởi»
    assert found["pages"] == [BINH_SON]


def test_results_are_grouped_by_document_with_clause_labels(page, base):
    _open(page, base)
    search(page, "nhân dân")
    groups = page.eval_on_selector_all(
        ".md-search-result__item:not(.kb-xem-them)",
        "items => items.map(li => [li.querySelector('.kb-ket-qua-trang').getAttribute('href'), [...li.querySelectorAll('.kb-ket-qua h2')].map(h => h.textContent)])",
    )
    links = [g[0] for g in groups]
    assert len(links) == len(set(links)) > 3  # one entry per page
    assert any("Khoản 1" in labels for _, labels in groups)


def test_enter_opens_the_best_clause(page, base):
    _open(page, base)
    search(page, "đền ơn đáp nghĩa")
    page.locator(BOX).press("Enter")
    page.wait_for_url(f"**/{BINH_SON}#k3")


def test_a_query_can_be_shared_as_a_link(page, server):
    page.goto(f"{server}/index.html?q=B%C3%ACnh%20S%C6%A1n")
    page.wait_for_function(DONE, arg="Bình Sơn")
    assert page.eval_on_selector_all(".kb-ket-qua-trang", "a => a.length") == 1
    search(page, "hộ tịch")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'hộ tịch'")


def test_a_typo_is_forgiven_and_the_right_spelling_offered(page, base):
    _open(page, base)
    found = search(page, "chuyeen doi so")
    assert found["pages"][0] == HAI_CANG_PLAN
    assert "Có phải bạn tìm" in found["meta"]
    page.click(".kb-goi-y")
    page.wait_for_function(DONE, arg="chuyen doi so")
    assert page.input_value(BOX) == "chuyen doi so"


def test_missing_words_are_marked_when_no_page_has_them_all(page, base):
    _open(page, base)
    found = search(page, "hộ tịch xyzabc")
    assert found["pages"][0] == TAN_PHU
    assert "xyzabc" in page.inner_text(".kb-thieu-tu")


def test_result_headings_show_text_not_html_entities(page, base):
    _open(page, base)
    search(page, "Dân hỏi & chính quyền trả lời")
    heading = page.inner_text(".md-search-result__item:first-child .kb-ket-qua-trang h1")
    assert "Dân hỏi & chính quyền trả lời" in heading and "&amp;" not in heading



# Filters --------------------------------------------------------------------------------------

AN_HOA_2016 = "van-ban/an-hoa-2016-quyet-dinh-935-quy-che-dan-van.html"


def _choose(page, name: str, label: str, query: str) -> dict:
    page.locator(f"select[data-kb-loc='{name}']").select_option(label=label)
    page.wait_for_function(DONE, arg=query)
    return results(page)


def test_results_can_be_filtered_by_type_year_and_issuer_from_the_keyboard(page, base):
    _open(page, base)
    everything = search(page, "dân", everything=True)["pages"]
    assert HAI_CANG_PLAN in everything and AN_HOA_18 in everything and len(everything) > 3
    # the reader tabs from the box to «Lọc kết quả» and opens it with Enter
    opener = page.locator(".kb-loc__mo")
    assert opener.get_attribute("aria-expanded") == "false"
    opener.focus()
    page.keyboard.press("Enter")
    assert opener.get_attribute("aria-expanded") == "true"
    page.wait_for_function("() => document.querySelectorAll(\"select[data-kb-loc='type'] option\").length > 1")
    labels = page.eval_on_selector_all(".kb-loc__muc", "items => items.map(l => l.querySelector('span').textContent)")
    assert labels == ["Loại văn bản", "Năm ban hành", "Cơ quan ban hành"]
    assert _choose(page, "type", "Kế hoạch", "dân")["pages"] == [HAI_CANG_PLAN]
    assert "(đã lọc)" in page.inner_text(".md-search-result__meta")
    _choose(page, "type", "Tất cả", "dân")
    assert _choose(page, "year", "2016", "dân")["pages"] == [AN_HOA_2016]
    # two filters together: an issuer (of two documents and a cited one), and one year
    page.locator("select[data-kb-loc='year']").select_option(label="Tất cả")
    issuer = page.eval_on_selector_all(
        "select[data-kb-loc='issuer'] option", "options => options.map(o => o.textContent).filter(t => /An Hòa/.test(t))")
    assert len(issuer) == 1, issuer
    both = _choose(page, "issuer", issuer[0], "dân")["pages"]
    assert sorted(both) == sorted([AN_HOA_18, AN_HOA_2016, "dan-chieu/qd-994-qd-tu-an-hoa.html"])
    assert _choose(page, "year", "2019", "dân")["pages"] == [AN_HOA_18]
    page.locator(".kb-loc__bo").click()
    page.wait_for_function(DONE, arg="dân")
    show_all(page, "dân")
    assert results(page)["pages"] == everything



def test_a_shared_link_keeps_its_filters(page, base):
    """A trainer filters the results and sends the address: it reproduces the filtered results,
    with the panel open on the values it filters by (names, so the link outlives new documents)."""
    _open(page, base, "index.html?q=d%C3%A2n&loai=K%E1%BA%BF%20ho%E1%BA%A1ch")
    page.wait_for_function(DONE, arg="dân")
    assert results(page)["pages"] == [HAI_CANG_PLAN]
    assert "(đã lọc)" in page.inner_text(".md-search-result__meta")
    assert page.locator(".kb-loc__mo").get_attribute("aria-expanded") == "true"
    chosen = "select => select.options[select.selectedIndex].textContent"
    assert page.locator("select[data-kb-loc='type']").evaluate(chosen) == "Kế hoạch"
    # a value the site no longer has is dropped, not an empty result
    _open(page, base, "index.html?q=d%C3%A2n&nam=1890")
    page.wait_for_function(DONE, arg="dân")
    assert "(đã lọc)" not in page.inner_text(".md-search-result__meta") and len(results(page)["pages"]) > 1


def test_choosing_a_filter_puts_it_in_the_address(page, server):
    _open(page, server)
    search(page, "dân")
    page.locator(".kb-loc__mo").click()
    _choose(page, "year", "2016", "dân")
    page.wait_for_function("() => new URLSearchParams(location.search).get('nam') === '2016'")
    assert page.evaluate("new URLSearchParams(location.search).get('q')") == "dân"
    page.locator(".kb-loc__bo").click()
    page.wait_for_function("() => !new URLSearchParams(location.search).has('nam')")


@pytest.mark.parametrize("width", [1366, 390])
def test_the_open_search_with_its_filters_has_no_serious_accessibility_violation(browser, server, width):
    axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(f"{server}/index.html")
    if width < 600:  # on a phone the box opens from the header's search button
        page.click("label.md-header__button[for='__search']")
    search(page, "dân vận")
    page.locator(".kb-loc__mo").click()
    page.wait_for_function("() => document.querySelectorAll(\"select[data-kb-loc='issuer'] option\").length > 1")
    page.locator("select[data-kb-loc='type']").select_option(label="Chỉ thị")
    page.wait_for_function(DONE, arg="dân vận")
    rules = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}, "resultTypes": ["violations"]}
    violations = axe_api.Axe().run(page, options=rules).response["violations"]
    assert [(v["id"], v["nodes"][0]["target"]) for v in violations if v["impact"] in {"serious", "critical"}] == []
    context.close()

# The box on a phone, and focus --------------------------------------------------------------


def test_on_a_phone_the_open_search_has_a_visible_close_control(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{server}/index.html")
    page.click("label.md-header__button[for='__search']")
    close = page.locator(".kb-dong-tim")
    close.wait_for(state="visible")
    box = close.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24  # a touch target
    close.click()
    assert not page.evaluate("document.getElementById('__search').checked")
    context.close()


def test_the_search_closes_when_focus_leaves_it(page, server):
    _open(page, server)
    search(page, "dân chủ")
    assert page.evaluate("document.getElementById('__search').checked")
    for _ in range(80):
        page.keyboard.press("Tab")
        if not page.evaluate("document.querySelector('.kb-search').contains(document.activeElement)"):
            break
    page.wait_for_function("() => !document.getElementById('__search').checked")


# The page never freezes ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def generated_site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("generated")
    return build_project(gen.make_project(GENERATED_N, work / "project"), work / "site")


def _longest_task_typing(browser, base: str) -> tuple[float, float]:
    """(CPU ms, wall ms) of the longest main-thread task while a fresh page loads the index for
    four queries typed into it."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/index.html")
    page.wait_for_load_state("load")
    with main_thread_tasks(page) as tasks:
        page.locator(BOX).click()
        for query in ["dan van", "uy ban nhan dan", "chỉ thị 18", "Mặt trận Tổ quốc"]:
            page.locator(BOX).fill("")
            page.keyboard.type(query, delay=30)
            page.wait_for_function(DONE, arg=query, timeout=30_000)
    context.close()
    assert len(tasks) > 20, "the trace saw no typing"  # the guard must have looked
    return max(cpu for _, cpu in tasks), max(wall for wall, _ in tasks)


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_no_long_task_while_the_index_loads_or_a_query_runs(browser, generated_site, scheme):
    """Typing four queries into a fresh page never keeps the main thread busy > 100 ms at a time.
    Judged by each task's CPU time from Chromium's trace, not its wall time: on a shared CI machine
    a 30 ms task can take 200 ms of wall time waiting for a core, and that is not the page's
    doing. Every main-thread task counts (parsing index files, our scripts, style and layout of
    the results), not only our script's. A fresh page is tried up to three times (a collector
    pass or a first compile can land anywhere); a real regression (reading or scanning the whole
    index in one go) fails all three."""
    longest = []
    with serve(generated_site) as server:
        base = server if scheme == "http" else generated_site.as_uri()
        for _ in range(3):
            longest.append(_longest_task_typing(browser, base))
            if longest[-1][0] <= LONG_TASK_LIMIT_MS:
                break
    assert min(cpu for cpu, _ in longest) <= LONG_TASK_LIMIT_MS, f"longest task of each run (CPU ms, wall ms): {longest}"


# work for about `ms` milliseconds of CPU: a fixed amount, sized by the fastest of a few timed
# rounds (a loaded machine slows some rounds, never speeds one up)
BUSY = """ms => {
  const work = n => { let x = 0; for (let i = 0; i < n; i++) x = (x * 31 + i) | 0; return x; };
  let fastest = Infinity;
  for (let k = 0; k < 20; k++) { const t = performance.now(); work(1e6); fastest = Math.min(fastest, performance.now() - t); }
  const rounds = Math.ceil(ms / Math.max(fastest, 0.01));
  return new Promise(done => setTimeout(() => { for (let r = 0; r < rounds; r++) work(1e6); done(); }, 0));
}"""


def test_the_long_task_guard_sees_a_busy_main_thread(browser, server):
    """The guard above can fail: a task that computes for ~200 ms is seen as a long task."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}/index.html")
    page.wait_for_load_state("load")
    with main_thread_tasks(page) as tasks:
        page.evaluate(BUSY, 200)
    context.close()
    assert max(cpu for _, cpu in tasks) > LONG_TASK_LIMIT_MS
