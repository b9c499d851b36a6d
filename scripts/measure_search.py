"""Measure search as a reader feels it, from outside the page, in headless Chromium.

    .venv/bin/python scripts/measure_search.py SITE_DIR [QUERY ...]
    .venv/bin/python scripts/measure_search.py --synthetic 2000 [QUERY ...]   # builds bench/gen.py's N documents first

For each query, over http (a plain local static server) and from file://:
- cold: a fresh browser context opens a page, the reader clicks the search box and types the
  query (80 ms between keys); warm: the same page, box emptied, the query typed again;
- times are the driver's wall clock (playwright) from the LAST keystroke to the first result for
  the whole query on screen, and to the final results (the box says `data-kb-state="done"` for
  that text: nothing left loading);
- long tasks on the page's main thread (PerformanceObserver `longtask`, > 50 ms each) from the
  first keystroke to the final results: how many, and the longest;
- bytes of search files read (their size on disk; over http a compressing server would send less).
Median of `--runs` runs (default 3). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))
import gen  # noqa: E402
from searchkit import BOX, CHROMIUM, DONE, FLAGS, build_project, serve  # noqa: E402

DEFAULT_QUERIES = ["dan van", "Mặt trận Tổ quốc", "uy ban nhan dan", "chỉ thị 18", "18/2000/CT-TTg"]
FIRST = "q => { const b = document.querySelector('.kb-search'); return b && b.dataset.kbQuery === q && !!b.querySelector('.md-search-result__item'); }"
OBSERVE = """() => {
  window.__m = { tasks: [] };
  new PerformanceObserver(list => list.getEntries().forEach(e => __m.tasks.push(e.duration))).observe({ type: "longtask" });
}"""
SEARCH_FILES = "() => window.kbSearch.files()"  # paths under search/ the page has loaded


def measure_once(page, site: Path, query: str, seen: set[str]) -> dict:
    """Type `query` into the open page's search box; the driver-side numbers for it."""
    box = page.locator(BOX)
    box.click()
    box.fill("")
    page.evaluate("__m.tasks = []")
    page.keyboard.type(query[:-1], delay=80)
    page.wait_for_timeout(80)
    start = time.perf_counter()
    page.keyboard.press(query[-1])
    page.wait_for_function(FIRST, arg=query, polling="raf", timeout=120_000)
    first = time.perf_counter() - start
    page.wait_for_function(DONE, arg=query, polling="raf", timeout=120_000)
    final = time.perf_counter() - start
    tasks = page.evaluate("__m.tasks")
    files = set(page.evaluate(SEARCH_FILES)) - seen
    seen |= files
    read = sum((site / "search" / path).stat().st_size for path in files)
    return {"first": first * 1000, "final": final * 1000, "tasks": len(tasks), "longest": max(tasks, default=0), "bytes": read, "files": len(files)}


def measure(browser, base: str, site: Path, query: str, start_page: str) -> tuple[dict, dict]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/{start_page}")
    page.wait_for_load_state("load")
    page.evaluate(OBSERVE)
    seen: set[str] = set()
    cold = measure_once(page, site, query, seen)
    warm = measure_once(page, site, query, seen)
    context.close()
    return cold, warm


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def report(site: Path, queries: list[str], runs: int, start_page: str = "index.html") -> list[str]:
    from playwright.sync_api import sync_playwright

    search = site / "search"
    files = [p for p in search.rglob("*.js")]
    size = sum(p.stat().st_size for p in files)
    html = sum(p.stat().st_size for p in site.rglob("*.html"))
    documents = sum(1 for _ in (site / "van-ban").glob("*.html"))
    lines = [
        f"{documents} document pages; search files: {len(files)}, {size / 1e6:.1f} MB on disk; site HTML {html / 1e6:.1f} MB "
        f"(index/HTML {size / html:.2f}); metadata read first: {(search / 'kb-meta.js').stat().st_size / 1e3:.0f} KB",
        "",
        "| scheme | query | cold: first / final ms | cold long tasks (n, longest ms) | cold read | warm: first / final ms | warm long tasks | warm read |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    with serve(site) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for scheme, base in (("http", server), ("file", site.as_uri())):
            for query in queries:
                results = [measure(browser, base, site, query, start_page) for _ in range(runs)]
                cold = [r[0] for r in results]
                warm = [r[1] for r in results]
                lines.append(
                    f"| {scheme} | `{query}` | {_median(cold, 'first'):.0f} / **{_median(cold, 'final'):.0f}** | "
                    f"{_median(cold, 'tasks'):.0f}, {max(r['longest'] for r in cold):.0f} | {_median(cold, 'bytes') / 1e6:.2f} MB ({_median(cold, 'files'):.0f} files) | "
                    f"{_median(warm, 'first'):.0f} / **{_median(warm, 'final'):.0f}** | {_median(warm, 'tasks'):.0f}, {max(r['longest'] for r in warm):.0f} | "
                    f"{_median(warm, 'bytes') / 1e6:.2f} MB |"
                )
                print(lines[-1], flush=True)
        browser.close()
    return lines


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", nargs="?", type=Path, help="a built site")
    parser.add_argument("queries", nargs="*")
    parser.add_argument("--synthetic", type=int, metavar="N", help="build bench/gen.py's corpus of N documents first")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--page", default="index.html", help="the page to search from (site-relative)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.synthetic:
            queries = ([str(args.site)] if args.site else []) + args.queries
            site = build_project(gen.make_project(args.synthetic, Path(tmp) / "project"), Path(tmp) / "site")
        else:
            site, queries = args.site.resolve(), args.queries
        print("\n".join(report(site, queries or DEFAULT_QUERIES, args.runs, args.page)))


if __name__ == "__main__":
    main(sys.argv[1:])
