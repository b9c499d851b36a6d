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
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from kb import forked, messages
from kb.buildcache import DocumentCache, PageMemory
from kb.forked import ChildFailed, PageStream
from kb.glossary import tooltips
from kb.guide import GUIDE_PAGE, fill_guide
from kb.html_render import decode
from kb.check import load_checked
from kb.collector import collector_paused
from kb.loader import SOURCES_DIR
from kb.pages import PageGenerator, address_of
from kb.paths import output_path
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


class _StreamedFile(_GeneratedFile):
    """A generated page whose content is rendered in a child process (kb.forked.PageStream).

    The content is read from the stream whenever MkDocs asks and not kept here: MkDocs keeps
    the page's Markdown itself, and a second copy per page is what a large corpus cannot afford.
    """

    stream: PageStream
    _value: str | bytes | None = None

    @property  # type: ignore[override]
    def _content(self) -> str | bytes:
        if self._value is not None:
            return self._value
        try:
            return self.stream.get(self.src_uri)
        except ChildFailed as exc:
            raise PluginError(f"Không tạo được trang '{self.src_uri}':\n{exc}") from None

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        self._value = value


class _ModelPage(Page):
    """A generated page whose HTML was rendered from the model (kb.html_render): MkDocs' Markdown
    step is skipped. Its table of contents, anchors and links come with the HTML; links are
    checked as MkDocs checks a Markdown page's (missing page: a warning; anchors: after the build)."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content, outline = decode(self.markdown)
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


_state: dict = {"command": "build", "stream": None}


# Generated pages listed in mkdocs.yml's nav; every other generated page stays out of the
# nav so that pages do not grow with the corpus.
NAV_PAGES = {
    "index.md", "van-ban/index.md", "duyet/co-quan.md", "duyet/cap.md", "duyet/nam.md", "duyet/loai.md", "dan-chieu/index.md",
    "trach-nhiem/index.md", "trach-nhiem/thoi-han.md", "chu-de/index.md", "dong-thoi-gian.md", "chuoi-thuc-hien.md", "thuat-ngu.md",
    "moi-cap-nhat.md", "du-lieu/index.md",
}


# Hooks ---------------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    _state["command"] = command


# Load and validate data/, then add one generated file per page. Under `mkdocs build` the
# pages' Markdown is rendered in a child process while MkDocs converts the pages before them.
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    with collector_paused():
        forking = _state["command"] == "build" and forked.available()
        try:
            # the checker's validation, fidelity included; only `serve` rebuilds, so only it keeps a cache
            cache = _DOCUMENTS if _state["command"] == "serve" else None
            corpus, warnings = load_checked(root, cache=cache, map_files=forked.map_split if forking else None)
        except DataError as exc:
            raise PluginError(f"{messages.text('build-data-heading')}\n{exc}") from None
        except ChildFailed as exc:
            # a fault of the program, not of the data (data mistakes come back as DataError above)
            raise PluginError(f"Chương trình gặp lỗi khi đọc các tệp trong data/van-ban/ (không phải lỗi dữ liệu; gửi nội dung dưới đây cho người bảo trì):\n{exc}") from None
        generator = PageGenerator(corpus, sources_dir=root / "data" / SOURCES_DIR)
        plan = generator.plan()
        # old addresses forward to their page (renamed documents, promoted cited documents…)
        forwarding, problems = generator.forwarding({address_of(p.src_path) for p in plan} | {f.dest_uri for f in files})
        if problems:
            raise PluginError(f"{messages.text('build-data-heading')}\n{DataError(problems)}")
        plan += forwarding
        # the glossary's tooltips, for Python-Markdown's abbr extension on every page (built once here)
        config.mdx_configs.setdefault("abbr", {})["glossary"] = tooltips(corpus.glossary)
        stream = None
        if forking:
            # from here on the child renders; this process drops the corpus when on_files returns.
            # Started while the collector is paused: its first run would walk the whole corpus.
            stream = _state["stream"] = PageStream((page.src_path, page.render) for page in plan)
    for problem in warnings:  # notices (BOM, NFD) were repaired by the loader: they must not fail --strict
        (log.warning if problem.severity == "warning" else log.info)(str(problem))
    nav_titles = _nav_titles(config.nav or [])
    for page in plan:
        try:  # every generated path is made of validated ids; this is the last line of defence
            output_path(Path(config.site_dir), page.src_path)
        except ValueError as exc:
            raise PluginError(f"Program fault, not a data mistake: {exc}") from None
        if page.src_path in files.src_uris:
            raise PluginError(f"Trang '{page.src_path}' vừa được tạo từ dữ liệu vừa có sẵn trong docs/ (xóa một trong hai)")
        inclusion = InclusionLevel.INCLUDED if page.src_path in NAV_PAGES else InclusionLevel.NOT_IN_NAV
        if stream is not None:
            file = _StreamedFile.generated(config, page.src_path, content="", inclusion=inclusion)
            file.stream, file._value = stream, None
        else:
            content = page.render()
            file = _GeneratedFile.generated(config, page.src_path, content=content, inclusion=inclusion)
            file.unchanged = not _PAGES.changed(page.src_path, content)
        if page.html:  # MkDocs' nav reuses this page object: it gets its nav title here
            _ModelPage(nav_titles.get(page.src_path), file, config)
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


def _nav_titles(items) -> dict[str, str]:
    """Titles given in mkdocs.yml's nav, by page: `- Theo cấp: duyet/cap.md` → {'duyet/cap.md': 'Theo cấp'}."""
    titles: dict[str, str] = {}
    for item in items:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    titles[value] = title
                else:
                    titles.update(_nav_titles(value))
        elif isinstance(item, list):
            titles.update(_nav_titles(item))
    return titles


def _stop_stream() -> None:
    if _state["stream"] is not None:
        _state["stream"].close()
        _state["stream"] = None


def on_post_build(*, config: MkDocsConfig) -> None:
    _stop_stream()


def on_build_error(*, error: Exception) -> None:
    _stop_stream()
