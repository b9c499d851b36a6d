"""Where one build's wall time goes, without a profiler's distortion.

    .venv/bin/python bench/phases.py PROJECT_DIR [SITE_DIR]

Runs `mkdocs build --strict` in this process on PROJECT_DIR (e.g. a project kept by
`bench/run.py --work`), with a timer around every plugin/hook event handler, around MkDocs'
own steps (reading + converting Markdown, rendering pages, anchor validation) and around
Python's cyclic garbage collector. Prints seconds per part (wall, and CPU of this process, which a
loaded machine does not inflate); the parts add up to the build.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands import build as mkdocs_build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

spent: dict[str, float] = defaultdict(float)
spent_cpu: dict[str, float] = defaultdict(float)  # CPU of this process: what a loaded machine does not distort


def timed(name: str, func):
    def wrapper(*args, **kwargs):
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start
            spent_cpu[name] += time.process_time() - cpu

    return wrapper


def time_gc() -> None:
    started = [0.0, 0.0]

    def callback(phase: str, info: dict) -> None:
        if phase == "start":
            started[0], started[1] = time.perf_counter(), time.process_time()
        else:
            spent["(gc, inside the parts above)"] += time.perf_counter() - started[0]
            spent_cpu["(gc, inside the parts above)"] += time.process_time() - started[1]

    gc.callbacks.append(callback)


def main(project: Path, site: Path | None) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    os.chdir(project)
    config = load_config(str(project / "mkdocs.yml"), strict=True, **({"site_dir": str(site)} if site else {}))
    for event, methods in config.plugins.events.items():
        config.plugins.events[event] = [
            timed(f"{event}: {getattr(m, '__module__', '?')}", m) for m in methods
        ]
    Page.render = timed("mkdocs: Markdown → HTML (Page.render)", Page.render)
    generated_files = sys.modules.get("generated_files")  # loaded by our hooks
    if generated_files is not None:  # pages rendered from the model skip Markdown (issue 17)
        ModelPage = generated_files.ModelPage
        ModelPage.render = timed("ours: page from the model (ModelPage.render)", ModelPage.render)
    Page.read_source = timed("mkdocs: read source", Page.read_source)
    Page.validate_anchor_links = timed("mkdocs: anchor validation", Page.validate_anchor_links)
    mkdocs_build._build_page = timed("mkdocs: template render + write (_build_page)", mkdocs_build._build_page)
    mkdocs_build.get_navigation = timed("mkdocs: navigation", mkdocs_build.get_navigation)
    time_gc()
    start = time.perf_counter()
    cpu = time.process_time()
    mkdocs_build.build(config)
    total = time.perf_counter() - start
    cpu = time.process_time() - cpu
    # on_page_* events run inside _build_page / _populate_page: list them indented below those
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{seconds:8.2f} s {100 * seconds / total:5.1f} %  {spent_cpu[name]:8.2f} s CPU  {name}")
    print(f"{total:8.2f} s wall, {cpu:.2f} s CPU of this process")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve() if len(sys.argv) > 2 else None)
