"""MkDocs wiring for site-wide outputs: our search index and the downloadable zip of the whole
site. Logic lives in kb.site_outputs, kb.forked. (Forwarding pages are planned with the other
generated pages, in kb_mkdocs: kb.redirects.)
"""

from __future__ import annotations

from functools import partial

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from kb import forked
from kb.site_outputs import SiteOutputs
from kb.site_zip import ZIP_FILE

# `outputs` collects search sections (and zip entries) in this process; `worker` does the same
# in a forked child during `mkdocs build`, so that work overlaps MkDocs' own (kb.forked).
_state: dict = {"command": "build", "dirty": False, "outputs": None, "worker": None, "written": None}


def _feed(method: str, *args) -> None:
    if _state["worker"] is not None:
        _state["worker"].send(method, *args)
    else:
        getattr(_state["outputs"], method)(*args)


def _stop_worker() -> None:
    if _state["worker"] is not None:
        _state["worker"].close()
        _state["worker"] = None


# Hooks ---------------------------------------------------------------------------------


# `mkdocs serve` rebuilds on every save: it skips the zip, which nobody downloads from a preview.
def on_startup(*, command: str, dirty: bool) -> None:
    _state["command"] = command
    _state["dirty"] = dirty


# Fresh outputs per build (serve keeps this module loaded between builds). Under
# `mkdocs serve --dirty` unchanged pages are not rendered again, so what they gave is kept.
def on_pre_build(*, config: MkDocsConfig) -> None:
    _stop_worker()
    _state["written"] = None
    serving = _state["command"] == "serve"
    if _state["dirty"] and _state["outputs"] is not None:
        return
    outputs = partial(SiteOutputs, config.site_dir, make_zip=not serving, keep_pages=serving)
    if _state["command"] == "build" and forked.available():
        _state["worker"] = forked.Worker(outputs)
    else:
        _state["outputs"] = outputs()


# A placeholder for the zip so links to it validate.
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, ZIP_FILE, content=b"", inclusion=InclusionLevel.NOT_IN_NAV))
    return files


# MkDocs writes each page right after this event: the page before this one is on disk now and
# goes to the zip and the search index, read back by the worker (sending a path costs the build
# nothing; search cuts the page as written). Front matter `search: {exclude: true}` leaves a page
# out of search; `search: {title_only: true}` indexes only its title (pages that repeat clauses
# quoted from documents, which search finds on the documents themselves); `search: {kind: ...}`
# ranks it as a document ("van-ban"), a cited document ("dan-chieu") or other ("khac").
@event_priority(-100)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    _announce_written_page()
    options = page.meta.get("search") or {}
    search = None if options.get("exclude") else {
        "title": page.title or "", "title_only": bool(options.get("title_only")), "kind": options.get("kind"),
    }
    _state["written"] = (page.file.dest_uri, search)
    return output


def _announce_written_page() -> None:
    if _state["written"] is not None:
        _feed("add_written", *_state["written"])
        _state["written"] = None


# Write the search index, then pack the finished site (the zip is the last file written).
def on_post_build(*, config: MkDocsConfig) -> None:
    _announce_written_page()
    try:
        if _state["worker"] is not None:
            try:
                _state["worker"].call("finish", config.site_dir)
            except forked.ChildFailed as exc:
                raise PluginError(f"Không ghi được chỉ mục tìm kiếm hoặc tệp zip của trang:\n{exc}") from None
        else:
            _state["outputs"].finish(config.site_dir)
    finally:
        _stop_worker()


def on_build_error(*, error: Exception) -> None:
    _stop_worker()
