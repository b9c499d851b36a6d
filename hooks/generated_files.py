"""MkDocs structures for the generated part of the site: helpers of the wiring in kb_mkdocs.py.

- `GeneratedFile`: a file added in `on_files` whose content comes from the build's pages
  (kb.forked.Pages) when MkDocs needs it: a page's source through the `on_page_read_source`
  event, a data file (JSON, CSV, Atom, forwarding page) written by `copy_file`. MkDocs keeps no
  second copy of a content rendered in the page process.
- `ModelPage`: a page whose HTML was rendered from the model (kb.html_render): MkDocs' Markdown
  step is skipped. Its table of contents, anchors and links come with the HTML; links are
  checked as MkDocs checks a Markdown page's (missing page: a warning; anchors: after the build).
"""

from __future__ import annotations

import logging
import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from kb.forked import ChildFailed, Pages
from kb.html_render import article, decode_all

log = logging.getLogger("mkdocs.plugins.kb")


class GeneratedFile(File):
    """A generated file whose content is read from the build's pages when MkDocs needs it."""

    pages: Pages
    unchanged = False  # the same content as at the previous build of this `mkdocs serve`

    @classmethod
    def add(cls, config: MkDocsConfig, src_path: str, inclusion: InclusionLevel, pages: Pages) -> GeneratedFile:
        file = cls.generated(config, src_path, content="", inclusion=inclusion)
        file.pages = pages
        return file

    def read(self) -> str:
        try:
            return self.pages.get(self.src_uri)
        except ChildFailed as exc:
            raise PluginError(f"Không tạo được trang '{self.src_uri}':\n{exc}") from None

    def is_modified(self) -> bool:  # consulted only by dirty builds
        return not (self.unchanged and os.path.isfile(self.abs_dest_path))

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        with open(self.abs_dest_path, "w", encoding="utf-8") as out:
            out.write(self.read())


class ModelPage(Page):
    """A page rendered straight to HTML from the model; MkDocs' Markdown step is skipped.

    MkDocs reads every page before it writes the first; between the two, a model page holds its
    outline (toc, anchors, links) and not its source or HTML, which are most of a page's size:
    `load_content` reads the HTML again from the build's pages when the page is written. What a
    document page gives the search index (kb.search_document) is taken as MkDocs reads the page
    (`search_sections`, until kb_site hands it to the index), not when it is written.
    """

    file: GeneratedFile

    def render(self, config: MkDocsConfig, files: Files) -> None:
        _, self.search_sections, outline = decode_all(self.markdown)
        # the title comes from the front matter (self.meta); an empty source, unlike None, keeps it
        self.markdown = ""
        self.content = ""
        self.toc = get_toc(outline["toc"])
        self.present_anchor_ids = set(outline["anchors"])
        self.links_to_anchors = {}
        for target, url in outline["links"].items():
            path, _, anchor = target.partition("#")
            file = files.get_file_from_path(path) if path else self.file
            if file is None:
                log.warning(f"Doc file '{self.file.src_uri}' contains a link '{url}', but the target '{path}' is not found among documentation files.")
            elif anchor:
                self.links_to_anchors.setdefault(file, {}).setdefault(anchor, url)

    search_sections = ""  # what the page gives the search index (kb.search_document), once read

    def load_content(self) -> None:
        self.content = article(self.file.read())


def nav_titles(items) -> dict[str, str]:
    """Titles given in mkdocs.yml's nav, by page: `- Theo cấp: duyet/cap.md` → {'duyet/cap.md': 'Theo cấp'}.
    MkDocs' nav reuses a page object made in `on_files`, so such a page must be made with its title."""
    titles: dict[str, str] = {}
    for item in items:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    titles[value] = title
                else:
                    titles.update(nav_titles(value))
        elif isinstance(item, list):
            titles.update(nav_titles(item))
    return titles
