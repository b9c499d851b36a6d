"""`mkdocs build` of one of our projects without our search index: what the index costs a build.

    .venv/bin/python bench/nosearch.py PROJECT SITE_DIR   # as bench/run.py --variants ours-nosearch runs it

The project builds exactly as `python -m mkdocs build --strict` builds it, but for one thing:
`kb.site_outputs.SearchOutputs` (what the hooks feed every written page to, kb_site.py) is
replaced by `NoSearch`, which does nothing, and document pages are rendered without the search
sections they bring for the index (`kb.pages._document_search`, kb.search_document). The hooks import `kb` as a top-level package from
the project's `hooks/` folder (MkDocs puts a hook's folder on sys.path while loading it), so
the package is imported here first from that folder: `kb_site`'s `from kb.site_outputs import
SearchOutputs` then finds the replacement. Everything else runs: pages, the search box's
script, the site zip (smaller by the index it no longer packs), and, in a forked build, the
search worker process, which now only receives page paths. No switch in production code.
"""

from __future__ import annotations

import sys
from pathlib import Path


class NoSearch:
    """SearchOutputs' interface, doing nothing (pickled by name into a forked worker: it lives in
    this script, the `__main__` the worker inherits)."""

    def __init__(self, site_dir: str, keep_pages: bool = False):
        pass

    def add_written(self, dest_uri: str, search: dict, sections: str = "") -> None:
        pass

    def add_page(self, url: str, search: dict, html: str) -> None:
        pass

    def finish(self, site_dir: str) -> None:
        pass


def without_search(project: Path) -> None:
    """Make the hooks of `project` (not yet loaded) use NoSearch."""
    hooks = str(project / "hooks")
    sys.path.insert(0, hooks)
    try:
        import kb.pages
        import kb.site_outputs
    finally:
        sys.path.remove(hooks)
    if Path(kb.site_outputs.__file__).resolve().parent.parent != (project / "hooks").resolve():
        raise SystemExit(f"kb was imported from {kb.site_outputs.__file__}, not from {hooks}")
    kb.site_outputs.SearchOutputs = NoSearch
    kb.pages._document_search = _no_sections


def _no_sections(html: str, flat_blocks) -> str:
    return ""


def main(argv: list[str]) -> None:
    project, site = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    without_search(project)
    from mkdocs.__main__ import cli

    # no -q: in MkDocs 1.6.1 it hides warnings from --strict
    cli(["build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)], prog_name="mkdocs")


if __name__ == "__main__":
    main(sys.argv[1:])
