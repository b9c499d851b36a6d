"""What is made from the finished pages of a build: our search index and the site zip.

Fed page by page while MkDocs renders (in this process, or in a forked worker: see
kb.forked), written once at the end.
"""

from __future__ import annotations

from pathlib import Path

from .search_index import SearchIndex, searchable_sections
from .site_zip import SiteZip


class SiteOutputs:
    def __init__(self, make_zip: bool):
        self.make_zip = make_zip
        self.pages: dict[str, tuple[str, list]] = {}  # url → (title, sections), in build order
        self.zip: SiteZip | None = None

    def add_content(self, url: str, title: str, html: str) -> None:
        """A page's content HTML, cut into sections and folded for search."""
        self.pages[url] = (title, searchable_sections(html))

    def add_output(self, site_dir: str, dest_uri: str, html: str) -> None:
        """A page's final HTML, exactly as MkDocs writes it to `dest_uri`."""
        if self.make_zip:
            if self.zip is None:  # opened only now: the build empties site_dir before pages
                self.zip = SiteZip(Path(site_dir))
            self.zip.add(dest_uri, html.encode("utf-8", errors="xmlcharrefreplace"))

    def finish(self, site_dir: str) -> None:
        """Write the search index, then pack the finished site (the zip is the last file written)."""
        index = SearchIndex()
        for url, (title, sections) in self.pages.items():
            index.add_sections(url, title, sections)
        index.write(Path(site_dir))
        if self.make_zip:
            (self.zip or SiteZip(Path(site_dir))).close()
            self.zip = None
