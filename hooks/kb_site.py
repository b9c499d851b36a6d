"""MkDocs wiring for site-wide outputs: our search index, forwarding pages for renamed documents,
and the downloadable zip of the whole site. Logic lives in kb.search_index, kb.redirects, kb.site_zip.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from kb.problems import DataError
from kb.redirects import load_redirects, redirect_page
from kb.search_index import SearchIndex, split_sections
from kb.site_zip import ZIP_FILE, write_site_zip

_state: dict = {"command": "build", "dirty": False, "pages": {}}


# Hooks ---------------------------------------------------------------------------------


# `mkdocs serve` rebuilds on every save: it skips the zip, which nobody downloads from a preview.
def on_startup(*, command: str, dirty: bool) -> None:
    _state["command"] = command
    _state["dirty"] = dirty


# A fresh index per build (serve keeps this module loaded between builds). Under
# `mkdocs serve --dirty` unchanged pages are not rendered again, so what they gave is kept.
def on_pre_build(*, config: MkDocsConfig) -> None:
    if not _state["dirty"]:
        _state["pages"] = {}


# Forwarding pages for renamed documents, and a placeholder for the zip so links to it validate.
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    ids = {path.stem for path in (root / "data" / "van-ban").glob("*.yml")}
    try:
        redirects = load_redirects(root, ids)
    except DataError as exc:
        raise PluginError(f"Dữ liệu trong data/ có lỗi, chưa tạo trang web:\n{exc}") from None
    for old, new in redirects.items():
        content = redirect_page(f"{new}.html", new)
        files.append(File.generated(config, f"van-ban/{old}.html", content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    files.append(File.generated(config, ZIP_FILE, content=b"", inclusion=InclusionLevel.NOT_IN_NAV))
    return files


# Cut each page into clause-level sections for search. Front matter `search: {exclude: true}`
# leaves a page out; `search: {title_only: true}` indexes only its title (pages that repeat
# clauses quoted from documents, which search finds on the documents themselves).
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    options = page.meta.get("search") or {}
    if not options.get("exclude"):
        title = page.title or ""
        _state["pages"][page.file.dest_uri] = (title, split_sections(f"<h1>{escape(title)}</h1>" if options.get("title_only") else html))
    return html


# Write the search index, then pack the finished site (the zip is the last file written).
def on_post_build(*, config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    index = SearchIndex()
    for url, (title, sections) in _state["pages"].items():
        index.add_sections(url, title, sections)
    index.write(site_dir)
    if _state["command"] != "serve":
        write_site_zip(site_dir)
