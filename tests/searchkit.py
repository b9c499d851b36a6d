"""Helpers for search tests and measurements in headless Chromium: build the fixture corpus into
a site, serve a site over http, type a query and read the results as a reader sees them."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
FIXTURE = ROOT / "tests" / "fixtures" / "search"
BOX = ".kb-search .md-search__input"
# the search box says when the results on screen are final for the text in the box
DONE = "q => { const b = document.querySelector('.kb-search'); return b && b.dataset.kbState === 'done' && b.dataset.kbQuery === q; }"

# words and phrases the browser and the build must fold and key alike (both search tests check them)
FOLD_WORDS = [
    "hoá", "hóa", "Uỷ", "Ủy", "thuỷ", "thủy", "khoẻ", "khỏe", "Đảng ủy", "ĐẢNG UỶ", "18/2000/CT-TTg",
    "CT-TTg 18/2000", "323/TTG", "kỹ thuật", "kĩ thuật", "quý", "quí", "công ty", "Bến Tre", "Bùi Duy Nhâm",
    "phiếu tín nhiệm", "Điểm b khoản 3", "Nghị quyết 8B", "“một cửa liên thông”", "Hà Nội, ngày 10/5/2010",
    "o\u0301a", "TP. Hồ Chí Minh", "  nhiều   khoảng trắng  ", "Ưu tiên – ưu đãi", "Quyết định số 935/QĐ-UB",
]


def index_scripts(folder: Path) -> dict[str, list]:
    """The search index's script files under `folder` (a site's search/), each as the arguments it
    calls its window function with: {"kb-meta.js": [meta], "t/0.js": [0, page], ...}."""
    out = {}
    for path in folder.rglob("*.js"):
        match = re.fullmatch(r"window\.(\w+)\((.*)\);\n", path.read_text(encoding="utf-8"), re.S)
        out[path.relative_to(folder).as_posix()] = json.loads(f"[{match.group(2)}]")
    return out


def fixture_project(dest: Path, data: Path = FIXTURE / "data") -> Path:
    """The project's site settings and engine with `data` as its data/ (no real documents)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in ("mkdocs.yml", "hooks", "overrides", "docs"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    shutil.copytree(data, dest / "data")
    return dest


def build_fixture_site(dest: Path) -> Path:
    return build_project(fixture_project(dest / "project"), dest / "site")


def build_project(project: Path, site: Path) -> Path:
    # strict, and no -q: MkDocs 1.6.1 hides warnings from --strict with -q
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert result.returncode == 0, result.stderr
    return site


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site: Path):
    """A plain static server for `site` on an ephemeral port; yields its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def search(page, query: str, timeout: float = 30_000, everything: bool = False) -> dict:
    """Type `query` into the open page's search box; wait for final results; return them:
    `pages` (site-relative links of the result pages), `first` (the best clause of the first
    result, with #anchor), `meta` (the line above the results). With `everything`, «Xem thêm»
    is pressed until every result is shown."""
    box = page.locator(BOX)
    box.click()
    box.fill(query)
    page.wait_for_function(DONE, arg=query, timeout=timeout)
    if everything:
        show_all(page, query, timeout)
    return results(page)


def show_all(page, query: str, timeout: float = 30_000) -> None:
    while page.locator(".kb-xem-them__nut").count():
        shown = page.locator(".kb-ket-qua-trang").count()
        # as a keyboard user would (Tab to it, Enter): a pointer click lands on the header when
        # Playwright scrolls the button to the top of the results
        page.locator(".kb-xem-them__nut").evaluate("button => button.click()")
        page.wait_for_function(
            "([q, n]) => document.querySelector('.kb-search').dataset.kbState === 'done' && document.querySelectorAll('.kb-ket-qua-trang').length > n",
            arg=[query, shown], timeout=timeout,
        )


def results(page) -> dict:
    root = page.evaluate("new URL(JSON.parse(document.getElementById('__config').textContent).base + '/', location.href).href")
    pages = page.eval_on_selector_all(".md-search-result__item .kb-ket-qua-trang", "links => links.map(a => a.href)")
    first = page.eval_on_selector_all(".md-search-result__item:first-child .kb-ket-qua", "links => links.map(a => a.href)")
    meta = page.inner_text(".md-search-result__meta")
    cut = len(root)
    return {"pages": [h[cut:] for h in pages], "first": first[0][cut:] if first else None, "meta": meta}


# Main-thread tasks, from Chromium's own trace: each task's wall time and the CPU time its thread
# spent in it. On a shared machine a task's wall time stretches while the process waits for a
# core; its CPU time is the work the page did, which is what a guard against long tasks must judge.
TRACE_CATEGORIES = "disabled-by-default-devtools.timeline,blink.user_timing"


@contextlib.contextmanager
def main_thread_tasks(page):
    """Trace `page` while the block runs; yields a list that is filled, when the block ends, with
    (wall ms, CPU ms) of every task its main thread ran meanwhile."""
    session = page.context.new_cdp_session(page)
    events: list[dict] = []
    complete: list[bool] = []
    session.on("Tracing.dataCollected", lambda message: events.extend(message["value"]))
    session.on("Tracing.tracingComplete", lambda message: complete.append(True))
    session.send("Tracing.start", {"categories": TRACE_CATEGORIES, "transferMode": "ReportEvents"})
    tasks: list[tuple[float, float]] = []
    try:
        yield tasks
        page.evaluate("performance.mark('kb-main-thread')")  # tells which thread is the page's main thread
    finally:
        session.send("Tracing.end")
        while not complete:
            page.wait_for_timeout(20)
        session.detach()
    mark = next(e for e in events if e.get("name") == "kb-main-thread")
    runs = sorted((e for e in events if e.get("name") == "RunTask" and e.get("ph") == "X"
                   and e["pid"] == mark["pid"] and e["tid"] == mark["tid"]), key=lambda e: e["ts"])
    end = 0
    for task in runs:  # outermost tasks only (a nested run loop shows as a task inside a task)
        if task["ts"] >= end:
            tasks.append((task.get("dur", 0) / 1000, task.get("tdur", task.get("dur", 0)) / 1000))
            end = task["ts"] + task.get("dur", 0)
