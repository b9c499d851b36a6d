"""MkDocs wiring for site-wide outputs: our search index and the downloadable zip of the whole
site. Logic lives in kb.site_outputs; where they are made (a forked worker each, or this
process) is kb.forked's choice, made once per build. (Forwarding pages are planned with the
other generated pages, in kb_mkdocs: kb.redirects.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from generated_files import ModelPage
from kb import forked
from kb.site_outputs import SearchOutputs, ZipOutputs
from kb.site_zip import ZIP_FILE


@dataclass
class _Build:
    command: str = "build"
    dirty: bool = False
    processes: forked.Processes | None = None
    search: forked.Remote[SearchOutputs] | None = None  # search sections of this build
    zip: forked.Remote[ZipOutputs] | None = None  # zip entries of this build (none under `mkdocs serve`)
    written: tuple[str, dict | None] | None = None  # the page MkDocs is writing: (dest_uri, search options)
    indexed: set[str] = field(default_factory=set)  # pages given to the search index as MkDocs read them
    static: list[str] | None = None  # files MkDocs copies before it writes the first page, for the zip

    def close(self) -> None:
        for remote in (self.search, self.zip):
            if remote is not None:
                remote.close()
        self.search = self.zip = None


_build = _Build()


# Hooks ---------------------------------------------------------------------------------


# `mkdocs serve` rebuilds on every save: it skips the zip, which nobody downloads from a preview.
def on_startup(*, command: str, dirty: bool) -> None:
    _build.command = command
    _build.dirty = dirty


# Fresh outputs per build (serve keeps this module loaded between builds). Under
# `mkdocs serve --dirty` unchanged pages are not rendered again, so what they gave is kept.
# Forked, the workers start here: before the corpus is loaded, so their copies of this process are
# small. Search and zip have a worker each: together they took longer than MkDocs writing the pages.
def on_pre_build(*, config: MkDocsConfig) -> None:
    _build.written = _build.static = None
    _build.indexed = set()
    if _build.dirty and _build.search is not None:
        return
    _build.close()
    _build.processes = forked.for_command(_build.command)
    serving = _build.command == "serve"
    _build.search = _build.processes.worker(partial(SearchOutputs, config.site_dir, keep_pages=serving))
    _build.zip = None if serving else _build.processes.worker(partial(ZipOutputs, config.site_dir))


# A placeholder for the zip so links to it validate.
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, ZIP_FILE, content=b"", inclusion=InclusionLevel.NOT_IN_NAV))
    return files


# MkDocs copies every file that is not a page (theme assets, our open-data JSON: a quarter of the
# site) after this event and before it writes the first page; the zip takes them then.
@event_priority(-100)
def on_env(env, *, config: MkDocsConfig, files: Files):
    if _build.zip is not None:
        _build.static = [f.dest_uri for f in files if not f.is_documentation_page() and f.dest_uri != ZIP_FILE]
    return env


# MkDocs reads every page before it writes the first. A document page brings its search
# sections (kb.search_document) with its source: they go to the search index as MkDocs reads the
# page, so a forked build's search worker indexes the documents while the page process is still
# rendering the ones after (the build process mostly waits for it then), not in the last phase,
# where MkDocs, the search worker and the zip share the cores.
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if isinstance(page, ModelPage) and page.search_sections:
        search = _search_options(page)
        if search is not None and not search["title_only"]:  # a title-only page is indexed as written
            _build.search.send(SearchOutputs.add_written, page.file.dest_uri, search, page.search_sections)
            _build.indexed.add(page.file.dest_uri)
        page.search_sections = ""
    return html


# MkDocs writes each page right after this event: the page before this one is on disk now and
# goes to the zip and, unless it was indexed as it was read, to the search index, each reading it
# back (sending a path to the worker costs the build nothing; search cuts the page as written).
# Front matter `search: {exclude: true}` leaves a page out of search; `search: {title_only: true}`
# indexes only its title (pages that repeat clauses quoted from documents, which search finds on
# the documents themselves); `search: {kind: ...}` ranks it as a document ("van-ban"), a cited
# document ("dan-chieu") or other ("khac").
@event_priority(-100)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    _announce_written_page()
    dest_uri = page.file.dest_uri
    search = None if dest_uri in _build.indexed else _search_options(page)
    if isinstance(page, ModelPage):
        # written: its HTML, read again for writing (ModelPage.load_content), is not held to the
        # end of the build as MkDocs holds a page's
        page.content = None
    _build.written = (dest_uri, search)
    return output


def _search_options(page: Page) -> dict | None:
    """What the search index is told of a page besides its text; None: the page is left out."""
    options = page.meta.get("search") or {}
    if options.get("exclude"):
        return None
    return {"title": page.title or "", "title_only": bool(options.get("title_only")), "kind": options.get("kind")}


def _announce_written_page() -> None:
    if _build.static is not None:
        _build.zip.send(ZipOutputs.add_written_files, _build.static)
        _build.static = None
    if _build.written is not None:
        dest_uri, search = _build.written
        if search is not None:
            _build.search.send(SearchOutputs.add_written, dest_uri, search)
        if _build.zip is not None:
            _build.zip.send(ZipOutputs.add_written, dest_uri)
        _build.written = None


# Write the search index, then pack the finished site (the zip is the last file written).
def on_post_build(*, config: MkDocsConfig) -> None:
    _announce_written_page()
    try:
        _build.search.call(SearchOutputs.finish, config.site_dir)
        if _build.zip is not None:
            _build.zip.call(ZipOutputs.finish)
    except forked.ChildFailed as exc:
        raise PluginError(f"Không ghi được chỉ mục tìm kiếm hoặc tệp zip của trang:\n{exc}") from None
    finally:
        if _build.processes.forked:  # `serve --dirty` keeps its outputs (in this process) for the next build
            _build.close()


def on_build_error(*, error: Exception) -> None:
    _build.close()
