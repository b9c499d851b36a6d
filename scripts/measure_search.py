"""Measure search as a reader feels it, from outside the page, in headless Chromium.

    .venv/bin/python scripts/measure_search.py SITE_DIR [QUERY ...]
    .venv/bin/python scripts/measure_search.py --synthetic 2000 [QUERY ...]   # builds bench/gen.py's N documents first

For each query, over http (a plain local static server) and from file://:
- cold: a fresh browser context opens a page (by default a document page), the reader clicks the
  search box and types the query (80 ms between keys); warm: the same page, box emptied, the
  query typed again;
- times are the driver's wall clock (playwright) from the LAST keystroke (its key going down: the
  letter appears then; the key is released after the results are final, as a finger lifts
  later, so the driver never waits for the page to acknowledge a key-up queued behind the
  search) to the first results of the whole query drawn (`data-kb-state` "partial" or "done"
  for that text) and to the final results ("done": nothing left to load or draw). One poll on
  every animation frame sees both; "first" is the final time less the frames between them;
- in page: the same two times from the page's own clock (the key's event time to the moment
  the box's state changed, seen by a MutationObserver the driver installs): what the page
  spends, without the driver's and the protocol's share;
- long tasks on the page's main thread (PerformanceObserver `longtask`, > 50 ms each) from the
  first keystroke to the final results: how many, and the longest; with `--cpu`, also the CPU
  time of the longest task from Chromium's own trace (a loaded machine stretches a task's wall
  time while the page waits for a core; its CPU time is the page's work);
- bytes of search files read (their size on disk; over http a compressing server would send less).
Median of `--runs` runs (default 3). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))
import gen  # noqa: E402
from searchkit import BOX, CHROMIUM, DONE, FLAGS, build_project, main_thread_tasks, serve  # noqa: E402

DEFAULT_QUERIES = ["dan van", "Mặt trận Tổ quốc", "uy ban nhan dan", "chỉ thị 18", "18/2000/CT-TTg"]
# polled on every animation frame: notes when the first results for q are drawn, true once final
WATCH = """q => {
  const b = document.querySelector('.kb-search'), now = performance.now();
  if (!b || b.dataset.kbQuery !== q) return false;
  if (__m.first === null && (b.dataset.kbState === 'partial' || b.dataset.kbState === 'done')) __m.first = now;
  if (b.dataset.kbState !== 'done') return false;
  __m.final = now;
  return true;
}"""
OBSERVE = """() => {
  window.__m = { tasks: [], key: 0, first: null, final: null, states: [] };
  new PerformanceObserver(list => list.getEntries().forEach(e => __m.tasks.push(e.duration))).observe({ type: "longtask" });
  document.addEventListener("keydown", e => { __m.key = e.timeStamp; }, true);
  const box = document.querySelector('.kb-search');
  new MutationObserver(() => __m.states.push([performance.now(), box.dataset.kbState, box.dataset.kbQuery]))
    .observe(box, { attributes: true, attributeFilter: ['data-kb-state', 'data-kb-query'] });
}"""
RESET = "() => { __m.tasks = []; __m.first = null; __m.final = null; __m.states = []; }"
# in page: from the last key's event time to the first drawn and the final state for q
IN_PAGE = """q => {
  const at = s => { const hit = __m.states.find(x => x[0] >= __m.key && x[2] === q && s.includes(x[1])); return hit ? hit[0] - __m.key : null; };
  return [at(['partial', 'done']), at(['done'])];
}"""
SEARCH_FILES = "() => window.kbSearch.files()"  # paths under search/ the page has loaded


def measure_once(page, site: Path, query: str, seen: set[str], cpu: bool = False) -> dict:
    """Type `query` into the open page's search box; the driver-side numbers for it."""
    box = page.locator(BOX)
    box.click()
    box.fill("")
    page.wait_for_function(DONE, arg="", timeout=120_000)
    page.evaluate(RESET)
    with main_thread_tasks(page) if cpu else contextlib.nullcontext([]) as traced:
        page.keyboard.type(query[:-1], delay=80)
        page.wait_for_timeout(80)
        start = time.perf_counter()
        page.keyboard.down(query[-1])
        page.wait_for_function(WATCH, arg=query, polling="raf", timeout=120_000)
        final = time.perf_counter() - start
        page.keyboard.up(query[-1])
    marks = page.evaluate("[__m.first, __m.final, __m.tasks]")
    first = final - (marks[1] - marks[0]) / 1000
    in_first, in_final = page.evaluate(IN_PAGE, query)
    tasks = marks[2]
    files = set(page.evaluate(SEARCH_FILES)) - seen
    seen |= files
    read = sum((site / "search" / path).stat().st_size for path in files)
    return {"first": first * 1000, "final": final * 1000, "in_first": in_first or 0, "in_final": in_final or 0,
            "tasks": len(tasks), "longest": max(tasks, default=0), "cpu": max((c for _, c in traced), default=0),
            "bytes": read, "files": len(files)}


def measure(browser, base: str, site: Path, query: str, start_page: str, cpu: bool = False) -> tuple[dict, dict]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/{start_page}")
    page.wait_for_load_state("load")
    page.evaluate(OBSERVE)
    seen: set[str] = set()
    cold = measure_once(page, site, query, seen, cpu)
    warm = measure_once(page, site, query, seen, cpu)
    context.close()
    return cold, warm


def _cpu(runs: list[dict], cpu: bool) -> str:
    return f" (CPU {max(r['cpu'] for r in runs):.0f})" if cpu else ""


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def document_page(site: Path) -> str:
    """The page searched from by default: the first document page (a reader mostly searches from
    one), else the home page."""
    pages = sorted(p for p in (site / "van-ban").glob("*.html") if p.name != "index.html")
    return pages[0].relative_to(site).as_posix() if pages else "index.html"


def report(site: Path, queries: list[str], runs: int, start_page: str | None = None, cpu: bool = False) -> list[str]:
    from playwright.sync_api import sync_playwright

    start_page = start_page or document_page(site)

    search = site / "search"
    files = [p for p in search.rglob("*.js")]
    size = sum(p.stat().st_size for p in files)
    html = sum(p.stat().st_size for p in site.rglob("*.html"))
    documents = sum(1 for _ in (site / "van-ban").glob("*.html"))
    lines = [
        f"{documents} document pages; search files: {len(files)}, {size / 1e6:.1f} MB on disk; site HTML {html / 1e6:.1f} MB "
        f"(index/HTML {size / html:.2f}); metadata read first: {(search / 'kb-meta.js').stat().st_size / 1e3:.0f} KB; "
        f"searching from {start_page}; load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}",
        "",
        "| scheme | query | cold: first / final ms | in page | cold long tasks (n, longest ms) | cold read | warm: first / final ms | in page | warm long tasks | warm read |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    with serve(site) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for scheme, base in (("http", server), ("file", site.as_uri())):
            for query in queries:
                results = [measure(browser, base, site, query, start_page, cpu) for _ in range(runs)]
                cold = [r[0] for r in results]
                warm = [r[1] for r in results]
                lines.append(
                    f"| {scheme} | `{query}` | {_median(cold, 'first'):.0f} / **{_median(cold, 'final'):.0f}** | {_median(cold, 'in_first'):.0f} / {_median(cold, 'in_final'):.0f} | "
                    f"{_median(cold, 'tasks'):.0f}, {max(r['longest'] for r in cold):.0f}{_cpu(cold, cpu)} | {_median(cold, 'bytes') / 1e6:.2f} MB ({_median(cold, 'files'):.0f} files) | "
                    f"{_median(warm, 'first'):.0f} / **{_median(warm, 'final'):.0f}** | {_median(warm, 'in_first'):.0f} / {_median(warm, 'in_final'):.0f} | {_median(warm, 'tasks'):.0f}, {max(r['longest'] for r in warm):.0f}{_cpu(warm, cpu)} | "
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
    parser.add_argument("--cpu", action="store_true", help="also trace the page (Chromium's trace) for the CPU time of its longest main-thread task")
    parser.add_argument("--page", help="the page to search from (site-relative; default: the first document page)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.synthetic:
            queries = ([str(args.site)] if args.site else []) + args.queries
            site = build_project(gen.make_project(args.synthetic, Path(tmp) / "project"), Path(tmp) / "site")
        else:
            site, queries = args.site.resolve(), args.queries
        print("\n".join(report(site, queries or DEFAULT_QUERIES, args.runs, args.page, args.cpu)))


if __name__ == "__main__":
    main(sys.argv[1:])
