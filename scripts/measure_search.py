"""Measure search in headless Chromium: keypress → first result, over http and file://.

    .venv/bin/python scripts/measure_search.py SITE_DIR [QUERY ...]
    .venv/bin/python scripts/measure_search.py --synthetic 2000   # builds a copy with N documents

"cold" = typing right after the page loaded (includes loading search/kb-index-0.js);
"warm" = next query on the same page (index already loaded). Median of 5 runs each.
Synthetic corpora repeat the five real documents under new ids (worst case for result counts).
"""

from __future__ import annotations

import functools
import http.server
import statistics
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import build_site, copy_project  # noqa: E402

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
PROBE = """() => {
  window.__m = { keys: [], results: [] };
  document.addEventListener("keydown", () => __m.keys.push(performance.now()), true);
  const list = document.querySelector(".md-search-result__list");
  new MutationObserver(() => { if (list.querySelector(".md-search-result__item")) __m.results.push(performance.now()); })
    .observe(list, { childList: true });
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def synthetic(n: int, dest: Path) -> Path:
    project = copy_project(dest / "project")
    data = project / "data" / "van-ban"
    originals = sorted(data.glob("*.yml"))
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in originals]
    for i in range(n - len(originals)):
        stem, text = texts[i % len(texts)]
        new = f"{stem}-x{i:05d}"
        (data / f"{new}.yml").write_text(text.replace(f"id: {stem}", f"id: {new}"), encoding="utf-8")
    return project


def measure(page, url: str, query: str) -> tuple[float, float]:
    page.goto(url)
    page.evaluate(PROBE)
    box = page.locator(".kb-search .md-search__input")
    box.focus()
    page.keyboard.type(query)
    page.wait_for_function("() => __m.results.length > 0", timeout=60000)
    cold = page.evaluate("__m.results[0] - __m.keys[0]")
    box.fill("")
    page.evaluate("__m.keys = []; __m.results = []")
    page.keyboard.type(query)
    page.wait_for_function("() => __m.results.some(t => t > __m.keys[__m.keys.length - 1])", timeout=60000)
    warm = page.evaluate("(() => { const k = __m.keys[__m.keys.length - 1]; return __m.results.find(t => t > k) - k; })()")
    return cold, warm


def main(argv: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        if argv[:1] == ["--synthetic"]:
            project = synthetic(int(argv[1]), Path(tmp))
            site = Path(tmp) / "site"
            result = build_site(project, site)
            assert result.returncode == 0, result.stderr
            queries = argv[2:]
        else:
            site, queries = Path(argv[0]).resolve(), argv[1:]
        queries = queries or ["ben tre", "18/2000/CT-TTg", "dan van"]
        pages = sum(1 for _ in (site / "van-ban").glob("*.html"))
        search = site / "search"
        chunks = [p.stat().st_size for p in search.glob("kb-index-*.js")]
        texts = [p.stat().st_size for p in search.glob("kb-text-*.js")]
        print(
            f"{pages} document pages; first index chunk {(search / 'kb-index-0.js').stat().st_size / 1e6:.2f} MB; "
            f"{len(chunks)} index chunks, {sum(chunks) / 1e6:.2f} MB; {len(texts)} text shards, {sum(texts) / 1e6:.2f} MB"
        )
        handler = functools.partial(_Quiet, directory=str(site))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        bases = {"http": f"http://127.0.0.1:{httpd.server_address[1]}", "file": site.as_uri()}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            page = browser.new_page()
            for scheme, base in bases.items():
                for query in queries:
                    runs = [measure(page, f"{base}/van-ban/index.html", query) for _ in range(5)]
                    cold = statistics.median(r[0] for r in runs)
                    warm = statistics.median(r[1] for r in runs)
                    print(f"{scheme:5} {query!r:20} keypress → first result: cold {cold:7.1f} ms, warm {warm:6.1f} ms")
            browser.close()
        httpd.shutdown()


if __name__ == "__main__":
    main(sys.argv[1:])
