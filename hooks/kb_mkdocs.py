"""MkDocs wiring for the knowledge base: load data/ and add the generated pages. Thin on purpose.

Hook modules are cached by `mkdocs serve`, so all data is loaded inside the events, per build.
Where the pages are rendered (a forked child or this process) is kb.forked's choice, made once
per build; the MkDocs structures for generated files and pages are in generated_files.py.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

from generated_files import GeneratedFile, ModelPage, nav_titles
from theme_cache import NavCache
from kb import forked, messages
from kb.buildcache import DocumentCache, PageMemory
from kb.check import load_checked
from kb.collector import collector_paused
from kb.glossary import tooltips
from kb.guide import GUIDE_PAGE, fill_guide
from kb.loader import SOURCES_DIR
from kb.pages import PageGenerator, address_of
from kb.paths import output_path
from kb.problems import DataError

log = logging.getLogger("mkdocs.plugins.kb")

# Kept across the rebuilds of one `mkdocs serve` (hook modules stay loaded): unchanged data
# files are not parsed again, and unchanged pages are skipped by `mkdocs serve --dirty`.
_DOCUMENTS = DocumentCache()
_PAGES = PageMemory()


@dataclass
class _Build:
    command: str = "build"
    pages: forked.Pages | None = None  # this build's generated contents, by docs-relative path

    def close(self) -> None:
        if self.pages is not None:
            self.pages.close()
            self.pages = None


_build = _Build()


# Generated pages listed in mkdocs.yml's nav; every other generated page stays out of the
# nav so that pages do not grow with the corpus.
NAV_PAGES = {
    "index.md", "van-ban/index.md", "duyet/co-quan.md", "duyet/cap.md", "duyet/nam.md", "duyet/loai.md", "dan-chieu/index.md",
    "trach-nhiem/index.md", "trach-nhiem/thoi-han.md", "chu-de/index.md", "dong-thoi-gian.md", "chuoi-thuc-hien.md", "thuat-ngu.md",
    "moi-cap-nhat.md", "du-lieu/index.md",
}


# Hooks ---------------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    _build.command = command


# Load and validate data/, then add one generated file per page. Under `mkdocs build` the
# pages are rendered in child processes while MkDocs reads the pages before them.
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    _build.close()
    processes = forked.for_command(_build.command)
    plan, warnings = _plan(files, config, processes)
    processes.handed_over()  # forked, this process holds no reference to the corpus any more
    for problem in warnings:  # notices (BOM, NFD) were repaired by the loader: they must not fail --strict
        (log.warning if problem.severity == "warning" else log.info)(str(problem))
    titles = nav_titles(config.nav or [])
    pages = _build.pages
    for src_path, html in plan:
        try:  # every generated path is made of validated ids; this is the last line of defence
            output_path(Path(config.site_dir), src_path)
        except ValueError as exc:
            raise PluginError(f"Lỗi của chương trình, không phải lỗi dữ liệu (xin báo cho người bảo trì mã nguồn): trang sinh ra có {exc}") from None
        if src_path in files.src_uris:
            raise PluginError(f"Trang '{src_path}' vừa được tạo từ dữ liệu vừa có sẵn trong docs/ (xóa một trong hai)")
        inclusion = InclusionLevel.INCLUDED if src_path in NAV_PAGES else InclusionLevel.NOT_IN_NAV
        file = GeneratedFile.add(config, src_path, inclusion, pages)
        if _build.command == "serve":  # `serve --dirty` skips the unchanged ones (never forked: kb.forked)
            file.unchanged = not _PAGES.changed(src_path, pages.get(src_path))
        if html:
            ModelPage(titles.get(src_path), file, config)
        files.append(file)
    return files


def _plan(files: Files, config: MkDocsConfig, processes: forked.Processes) -> tuple[list[tuple[str, bool]], list]:
    """The generated pages, as (path, rendered straight to HTML), and the loader's notices;
    their contents are in `_build.pages`. The corpus is referenced from there only."""
    root = Path(config.config_file_path).parent
    with collector_paused():
        try:
            # the checker's validation, fidelity included; only `serve` rebuilds, so only it keeps a cache
            cache = _DOCUMENTS if _build.command == "serve" else None
            corpus, warnings = load_checked(root, cache=cache)
        except DataError as exc:
            raise PluginError(f"{messages.text('build-data-heading')}\n{exc}") from None
        generator = PageGenerator(corpus, sources_dir=root / "data" / SOURCES_DIR)
        plan = generator.plan()
        # old addresses forward to their page (renamed documents, promoted cited documents…)
        forwarding, problems = generator.forwarding({address_of(p.src_path) for p in plan} | {f.dest_uri for f in files})
        if problems:
            raise PluginError(f"{messages.text('build-data-heading')}\n{DataError(problems)}")
        plan += forwarding
        # the glossary's tooltips, for Python-Markdown's abbr extension on the hand-written pages
        config.mdx_configs.setdefault("abbr", {})["glossary"] = tooltips(corpus.glossary)
        # Forked, the children render from here on; started while the collector is paused (its
        # first run would walk the whole corpus).
        _build.pages = processes.pages((page.src_path, page.render) for page in plan)
    return [(page.src_path, page.html) for page in plan], warnings


# A generated page's source: front matter and HTML (kb.html_render), from this build's pages.
def on_page_read_source(*, page: Page, config: MkDocsConfig) -> str | None:
    return page.file.read() if isinstance(page.file, GeneratedFile) else None


# A model page holds only its outline from MkDocs reading every page to writing this one: its
# HTML is read again from this build's pages as it is written (kb_site drops it once written).
def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    if isinstance(page, ModelPage):
        page.load_content()
    return context


# Fill the generated parts of the hand-written guide (the checker's messages and their fixes).
def on_page_markdown(markdown: str, *, page, config, files) -> str:
    if page.file.src_uri == GUIDE_PAGE:
        try:
            return fill_guide(markdown)
        except ValueError as exc:
            raise PluginError(str(exc)) from None
    return markdown


# Material's navigation, rendered once per folder instead of once per page (theme_cache.py).
def on_env(env, *, config: MkDocsConfig, files: Files):
    env.globals["kb_nav"] = NavCache(env, config)
    return env


def on_post_build(*, config: MkDocsConfig) -> None:
    _build.close()


def on_build_error(*, error: Exception) -> None:
    _build.close()
