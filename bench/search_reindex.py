"""Rewrite a built site's search files from its pages, without rebuilding the site.

    .venv/bin/python bench/search_reindex.py SITE_DIR [--out DIR]   # default: rewrite SITE_DIR/search

For working on the index writer at scale: a 10,000-document build takes minutes, this takes the
index's own time. Pages are cut as written (kb.search_sections), exactly as the build does; what
the build takes from front matter (`search:` options, the page title) is taken here from the
page's folder as our templates set it and from its <h1>. Prints the time and the sizes.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from kb.search_index import SearchIndex, page_kind  # noqa: E402
from kb.search_sections import cut_page, page_title, title_only  # noqa: E402

# as the templates' front matter says (hooks/templates/*.md.j2): lists are left out, per-agency
# duty pages are found by their title only
EXCLUDED = re.compile(r"^(index\.html|404\.html|van-ban/index\.html|dan-chieu/index\.html|duyet/.*|bao-cao/.*|trach-nhiem/(index|thoi-han)\.html)$")
TITLE_ONLY = re.compile(r"^trach-nhiem/(nhom/)?[^/]+\.html$")


def pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.split("/")[0] in {"search", "assets", "tai-ve"} or EXCLUDED.match(rel):
            continue
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html[:2000]:
            continue  # forwarding page of a renamed document
        yield rel, html


def reindex(site: Path, out: Path | None = None) -> tuple[float, int, float, float]:
    """Seconds taken, pages indexed, CPU seconds of this process and of them those spent in the
    kernel (making files: the part a busy disk inflates); the files go to `out`/search (default:
    the site's own)."""
    out = out or site
    shutil.rmtree(out / "search", ignore_errors=True)
    start, cpu, system = time.perf_counter(), time.process_time(), os.times().system
    index = SearchIndex(out)
    count = 0
    for rel, html in pages(site):
        if TITLE_ONLY.match(rel):
            title = page_title(html) or rel
            cut = title_only(title)
        else:
            cut = cut_page(html)
            title = cut.title or rel
        index.add_page(rel, title, cut, page_kind(rel))
        count += 1
    index.close()
    return time.perf_counter() - start, count, time.process_time() - cpu, os.times().system - system


def main(argv: list[str]) -> None:
    site = Path(argv[0]).resolve()
    out = Path(argv[argv.index("--out") + 1]).resolve() if "--out" in argv else site
    seconds, count, cpu, system = reindex(site, out)
    files = [p for p in (out / "search").rglob("*.js")]
    size = sum(p.stat().st_size for p in files)
    html = sum(p.stat().st_size for p in site.rglob("*.html"))
    print(f"{count} pages indexed in {seconds:.1f} s ({cpu:.2f} s CPU, {system:.2f} of it system: {1000 * cpu / count:.2f} ms a page); {len(files)} search files, {size / 1e6:.1f} MB; site HTML {html / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
