"""What is made from the finished pages of a build: our search index and the site zip.

Fed page by page while MkDocs renders (in this process, or in a forked worker: see kb.forked).
In a build, each page goes into the index and the zip at once, so little is held in memory.
Under `mkdocs serve` (`keep_pages`), the cut pages are kept from one rebuild to the next, because
`serve --dirty` renders only the pages that changed, and the index is written from all of them.
"""

from __future__ import annotations

from pathlib import Path

from .search_index import SearchIndex, searchable_sections
from .site_zip import SiteZip


class SiteOutputs:
    def __init__(self, site_dir: str, make_zip: bool, keep_pages: bool = False):
        self.site_dir = Path(site_dir)
        self.make_zip = make_zip
        self.kept: dict[str, tuple[str, list]] | None = {} if keep_pages else None  # url → (title, sections)
        self.index: SearchIndex | None = None
        self.zip: SiteZip | None = None

    def add_content(self, url: str, title: str, html: str) -> None:
        """A page's content HTML, cut into sections and folded for search."""
        sections = searchable_sections(html)
        if self.kept is not None:
            self.kept[url] = (title, sections)
        else:
            self._index().add_sections(url, title, sections)

    def add_written(self, dest_uri: str) -> None:
        """A page MkDocs has just written to `dest_uri`, read back from disk (the page cache) into
        the zip: the build process then sends a path, not the page, and the zip holds exactly the
        bytes written. A page not written (MkDocs skips empty pages) is left to `finish`.
        """
        if self.make_zip:
            try:
                data = (self.site_dir / dest_uri).read_bytes()
            except FileNotFoundError:
                return
            self._zip().add(dest_uri, data)

    def finish(self, site_dir: str) -> None:
        """Write the rest of the search index, then pack the finished site (the zip is the last file written)."""
        self.site_dir = Path(site_dir)
        index = self._index()
        for url, (title, sections) in (self.kept or {}).items():
            index.add_sections(url, title, sections)
        index.close()
        self.index = None
        if self.make_zip:
            self._zip().close()
            self.zip = None

    # Opened on first use: the build empties site_dir after our worker starts.
    def _index(self) -> SearchIndex:
        if self.index is None:
            self.index = SearchIndex(self.site_dir, written=self._index_file_written)
        return self.index

    def _zip(self) -> SiteZip:
        if self.zip is None:
            self.zip = SiteZip(self.site_dir)
        return self.zip

    def _index_file_written(self, path: Path, content: str) -> None:
        if self.make_zip:
            self._zip().add(path.relative_to(self.site_dir).as_posix(), content.encode("utf-8"))
