"""MkDocs wiring for the knowledge base: load data/ and add the generated pages. Thin on purpose.

Hook modules are cached by `mkdocs serve`, so all data is loaded inside the events, per build.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from kb.buildcache import DocumentCache, PageMemory
from kb.guide import GUIDE_PAGE, fill_guide
from kb.check import load_checked
from kb.pages import PageGenerator
from kb.problems import DataError

log = logging.getLogger("mkdocs.plugins.kb")

# Kept across the rebuilds of one `mkdocs serve` (hook modules stay loaded): unchanged data
# files are not parsed again, and unchanged pages are skipped by `mkdocs serve --dirty`.
_DOCUMENTS = DocumentCache()
_PAGES = PageMemory()


class _GeneratedFile(File):
    """A generated page that knows whether its content changed since the previous build."""

    unchanged = False

    def is_modified(self) -> bool:  # consulted only by dirty builds
        return not (self.unchanged and os.path.isfile(self.abs_dest_path))

# Generated pages listed in mkdocs.yml's nav; every other generated page stays out of the
# nav so that pages do not grow with the corpus.
NAV_PAGES = {"index.md", "van-ban/index.md", "duyet/co-quan.md", "duyet/cap.md", "duyet/nam.md", "duyet/loai.md", "dan-chieu/index.md", "trach-nhiem/index.md", "trach-nhiem/thoi-han.md"}


# Hooks ---------------------------------------------------------------------------------


# Load and validate data/, then add one generated file per page.
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    try:
        corpus, warnings = load_checked(root, cache=_DOCUMENTS)  # the checker's validation, fidelity included
    except DataError as exc:
        raise PluginError(f"Dữ liệu trong data/ có lỗi, chưa tạo trang web:\n{exc}") from None
    for problem in warnings:  # notices (BOM, NFD) were repaired by the loader: they must not fail --strict
        (log.warning if problem.severity == "warning" else log.info)(str(problem))
    for page in PageGenerator(corpus).pages():
        inclusion = InclusionLevel.INCLUDED if page.src_path in NAV_PAGES else InclusionLevel.NOT_IN_NAV
        file = _GeneratedFile.generated(config, page.src_path, content=page.content, inclusion=inclusion)
        file.unchanged = not _PAGES.changed(page.src_path, page.content)
        if file.src_uri in files.src_uris:
            raise PluginError(f"Trang '{page.src_path}' vừa được tạo từ dữ liệu vừa có sẵn trong docs/ (xóa một trong hai)")
        files.append(file)
    return files


# Fill the generated parts of the hand-written guide (the checker's messages and their fixes).
def on_page_markdown(markdown: str, *, page, config, files) -> str:
    if page.file.src_uri == GUIDE_PAGE:
        try:
            return fill_guide(markdown)
        except ValueError as exc:
            raise PluginError(str(exc)) from None
    return markdown
