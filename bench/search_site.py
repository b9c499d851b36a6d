"""A site of N generated documents for measuring search, without a full MkDocs build.

    .venv/bin/python bench/search_site.py N DEST [--jobs 2]

A full build at N = 10,000 takes minutes on a quiet machine and far longer on a shared one; search
needs only the pages' articles (what kb.search_sections cuts) and one page to type into. This:
1. generates the corpus (bench/gen.py, same seed as bench/run.py) unless DEST/project exists;
2. builds the same project with 40 documents through MkDocs, for the theme, assets and a page to
   search from;
3. renders every generated page's Markdown (kb.pages.PageGenerator, as the build does) to HTML
   with Python-Markdown and the extensions of mkdocs.yml, wraps it in the chrome of a real
   document page of step 2, and writes it where the build would;
4. writes the search index from those pages exactly as the build's worker does (front matter
   `search:` options included), timing it: that time is the index's cost in a build.
Pages MkDocs would render differently (nav, hand-written docs/ pages) are not reproduced.
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import shutil
import sys
import time
from pathlib import Path

import markdown
import yaml

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent / "hooks"))
sys.path.insert(0, str(BENCH.parent / "tests"))
import gen  # noqa: E402
from kb.html_render import decode, is_encoded  # noqa: E402
from kb.loader import load_corpus  # noqa: E402
from kb.pages import PageGenerator  # noqa: E402
from kb.search_index import SearchIndex, page_kind  # noqa: E402
from kb.search_sections import cut_page, page_title, title_only  # noqa: E402
from searchkit import build_project  # noqa: E402

_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_ARTICLE = re.compile(r'(<article\b[^>]*class="[^"]*\bmd-content__inner\b[^"]*"[^>]*>)(.*)(</article>)', re.S)
_SHELL: tuple[str, str] = ("", "")


def _convert(job: tuple[str, str]) -> tuple[str, str, dict, str]:
    src_path, content = job
    front = _FRONT.match(content)
    meta = yaml.safe_load(front.group(1)) if front else {}
    body = content[front.end() :] if front else content
    if is_encoded(body):  # a page rendered straight to HTML (document pages)
        article = decode(body)[0]
    else:
        md = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables", "toc"], extension_configs={"toc": {"permalink": "¶"}})
        article = md.convert(body)
    return src_path, article, meta or {}, _SHELL[0] + article + _SHELL[1]


def main(argv: list[str]) -> None:
    global _SHELL
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    dest = args.dest.resolve()
    project = dest / "project"
    if not (project / "data").is_dir():
        gen.make_project(args.n, project)
    site = dest / "site"
    started = time.perf_counter()
    shutil.rmtree(site, ignore_errors=True)
    build_project(gen.make_project(40, dest / "small"), site)
    shutil.rmtree(dest / "small")
    shutil.rmtree(site / "search")
    example = next((site / "van-ban").glob("*-00001.html")).read_text(encoding="utf-8")
    shell = _ARTICLE.search(example)
    _SHELL = (example[: shell.start(2)], example[shell.end(2) :])
    print(f"theme and small site: {time.perf_counter() - started:.0f} s", flush=True)

    started = time.perf_counter()
    corpus, _ = load_corpus(project / "data", root=project)
    # Markdown pages only: the generator also plans data files (trach-nhiem/phan-cong.csv, .json)
    jobs = [(page.src_path, page.content) for page in PageGenerator(corpus).pages() if page.src_path.endswith(".md")]
    del corpus
    print(f"{len(jobs)} pages planned in {time.perf_counter() - started:.0f} s", flush=True)

    started = time.perf_counter()
    written = []
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        for src_path, _article, meta, html in pool.imap(_convert, jobs, chunksize=50):
            dest_uri = src_path[:-3] + ".html"
            path = site / dest_uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")
            written.append((dest_uri, meta))
    print(f"pages converted and written in {time.perf_counter() - started:.0f} s", flush=True)

    started = time.perf_counter()
    index = SearchIndex(site)
    for dest_uri, meta in written:
        options = meta.get("search") or {}
        if options.get("exclude"):
            continue
        html = (site / dest_uri).read_text(encoding="utf-8")
        if options.get("title_only"):
            title = page_title(html) or str(meta.get("title") or "")
            cut = title_only(title)
        else:
            cut = cut_page(html)
            title = cut.title or str(meta.get("title") or "")
        index.add_page(dest_uri, title, cut, page_kind(dest_uri, options.get("kind")))
    index.close()
    seconds = time.perf_counter() - started
    files = list((site / "search").rglob("*.js"))
    size = sum(p.stat().st_size for p in files)
    html = sum(p.stat().st_size for p in site.rglob("*.html"))
    print(f"search index written in {seconds:.1f} s (pages read back from disk, cut, indexed): {len(files)} files, "
          f"{size / 1e6:.1f} MB; site HTML {html / 1e6:.1f} MB; index/HTML {size / html:.2f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
