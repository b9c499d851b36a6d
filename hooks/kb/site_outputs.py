"""What is made from the finished pages of a build: our search index and the site zip.

Both are fed page by page while MkDocs writes the site, each page read back from disk as soon as
it is written (the page cache: the build hands over a path, not the page), so little is held in
memory; the search index takes a document page earlier, as MkDocs reads it, with the sections it
brings (kb.search_document), and never reads it back. Two objects, because a forked build runs each in its own worker (kb.forked): one worker
cutting and indexing pages and compressing them too took longer than MkDocs writing them. Under `mkdocs serve` (`keep_pages`), the cut pages are kept from
one rebuild to the next, because `serve --dirty` renders only the pages that changed, and the
index is written from all of them; serve makes no zip.
"""

from __future__ import annotations

import html as htmllib
from pathlib import Path

from .search_document import decode_sections
from .search_index import SearchIndex, page_kind
from .search_sections import CutPage, cut_page, page_title, title_only
from .site_zip import SiteZip


class SearchOutputs:
    def __init__(self, site_dir: str, keep_pages: bool = False):
        self.site_dir = Path(site_dir)
        self.kept: dict[str, tuple[str, CutPage, int]] | None = {} if keep_pages else None  # url → (title, page, kind)
        self.index: SearchIndex | None = None

    def add_written(self, dest_uri: str, search: dict, sections: str = "") -> None:
        """A page MkDocs has just written to `dest_uri`, cut into search sections from the HTML as
        written; or, if it brought its `sections` (kb.search_document: a document page, given as
        MkDocs reads it, before it is written), those.
        `search` holds the page's title and its front matter `search:` options. A page not
        written (MkDocs skips empty pages) is left out."""
        if sections and not search.get("title_only"):
            cut = decode_sections(sections)
            self._add(dest_uri, search, cut.title or _page_title(search), cut)
            return
        data = _written(self.site_dir, dest_uri)
        if data is not None:
            self.add_page(dest_uri, search, data.decode("utf-8"))

    def add_page(self, url: str, search: dict, html: str) -> None:
        """A page's HTML cut into sections for search (options: title, title_only, kind)."""
        # the title as readers see it: the page's <h1>; MkDocs' page title may hold HTML entities
        if search.get("title_only"):
            title = page_title(html) or _page_title(search)
            cut = title_only(title)
        else:
            cut = cut_page(html)
            title = cut.title or _page_title(search)
        self._add(url, search, title, cut)

    def _add(self, url: str, search: dict, title: str, cut: CutPage) -> None:
        kind = page_kind(url, search.get("kind"))
        if self.kept is not None:
            self.kept[url] = (title, cut, kind)
        else:
            self._index().add_page(url, title, cut, kind)

    def finish(self, site_dir: str) -> None:
        """Write the rest of the search index."""
        self.site_dir = Path(site_dir)
        index = self._index()
        for url, (title, cut, kind) in (self.kept or {}).items():
            index.add_page(url, title, cut, kind)
        index.close()
        self.index = None

    # Opened on first use: the build empties site_dir after our worker starts.
    def _index(self) -> SearchIndex:
        if self.index is None:
            self.index = SearchIndex(self.site_dir)
        return self.index


class ZipOutputs:
    """The site zip, fed with pages as they are written; `finish` adds every other file of the
    site (the search index included: call it last) and closes the zip."""

    def __init__(self, site_dir: str):
        self.site_dir = Path(site_dir)
        self.zip: SiteZip | None = None

    def add_written(self, dest_uri: str) -> None:
        """The bytes MkDocs has just written to `dest_uri` (a page not written is left out)."""
        data = _written(self.site_dir, dest_uri)
        if data is not None:
            self._zip().add(dest_uri, data)

    def add_written_files(self, dest_uris: list[str]) -> None:
        """Files MkDocs has written before the pages (theme assets, the open-data JSON): packed
        while MkDocs writes the pages, rather than all at `finish`, when the build waits."""
        for dest_uri in dest_uris:
            self.add_written(dest_uri)

    def finish(self) -> None:
        self._zip().close()
        self.zip = None

    # Opened on first use: the build empties site_dir after our worker starts.
    def _zip(self) -> SiteZip:
        if self.zip is None:
            self.zip = SiteZip(self.site_dir)
        return self.zip


def _page_title(search: dict) -> str:
    """MkDocs' title of a page without an <h1>, as readers see it (it may hold HTML entities)."""
    return htmllib.unescape(search.get("title") or "")


def _written(site_dir: Path, dest_uri: str) -> bytes | None:
    """The bytes of a file MkDocs has just written, read back (from the page cache), or None if
    it wrote none (MkDocs skips empty pages)."""
    try:
        return (site_dir / dest_uri).read_bytes()
    except FileNotFoundError:
        return None
