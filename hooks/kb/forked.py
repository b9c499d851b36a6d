"""Where a build's own work runs: in forked child processes, so a build uses a second core
while MkDocs uses one, or in the build process. Chosen once per build (`for_command`); the
hooks use one interface either way (`Processes.pages`, `Processes.worker`).

- pages: the generated pages are rendered from the model (`Pages.get(key)` gives one page's
  content, as often as asked). Forked: a child renders them all, in the order MkDocs reads them,
  into an unlinked temporary file (`PageStream`); here: each when first asked for, kept in such
  a file too (`PagesOnDemand`). Either way the contents live on disk, not in the build's memory:
  MkDocs reads every page before it writes the first, and a model page asks for its HTML again
  when it is written (generated_files.ModelPage).
- worker: an object (the search index or the site zip, kb.site_outputs) fed with typed calls:
  `send(SearchOutputs.add_written, path, …)` queues one and returns, `call(fn, …)` waits for a
  result. Forked (`Worker`): the object lives in a child and the calls travel through a pipe
  (an error of a queued call comes back at the next `call`); here (`Local`): direct calls.

Only `fork` is used (a child inherits what the build has loaded without copying or pickling it),
and only where it is safe and pays: `mkdocs build` on Linux with more than one usable core, in a
process without other threads (not `mkdocs serve`), unless switched off with KB_SERIAL=1.

Timeline of a forked `mkdocs build` (time runs to the right):

    build process   on_pre_build ─ on_files: load + validate data/, plan pages ─┬─ MkDocs: read every page (from the
                    │                                                           │  stream: outline) ─ for each page: HTML
                    │ fork ×2                                      fork,        │  (from the stream again) → theme → write →
                    │                                              freeze       │  on_post_page: path to the workers ──
                    │                                                           │  on_post_build: call(finish), wait ─ done
    kb-worker       ├─ waits ─────────────────────────────────────────────────────── indexes each document page as it is
      (search)      │                                                           │  read (its sections come with its source);
                    │                                                           │  then each other page as written, read
                    │                                                           │  back ─ finish: last index chunk ─ exit
    kb-worker (zip) └─ waits ─────────────────────────────────────────────────────── the files MkDocs copied before the pages
                                                                                │  (open data, assets), then each written page
                                                                                │  ─ finish: every other file, close ─ exit
    kb-pages                                                                    └─ renders page 1, 2 … N into the file,
                                                                                   sends (key, offset, length) ─ exit

The workers are forked before the corpus is loaded (they stay small); the page process after
the plan, with its collector kept off the shared corpus. The build process drops the corpus in
on_files (`Processes.handed_over`): the page process holds the only copy, and exits when the
last page is rendered. One page process, not two: each process that renders touches the whole
corpus (reference counts), so copy-on-write gives each its own copy: with two, the peak memory
of a build of 5,000 documents was over plain MkDocs'. While MkDocs writes the pages,
the build process (theme) and the two workers (search, zip) share the cores.
"""

from __future__ import annotations

import fcntl
import gc
import multiprocessing
import os
import sys
import tempfile
import threading
import traceback
from dataclasses import dataclass
from typing import Any, Callable, Generic, Iterable, Protocol, TypeVar

Target = TypeVar("Target")
Answer = TypeVar("Answer")


SERIAL_SWITCH = "KB_SERIAL"


class ChildFailed(RuntimeError):
    """Work in the child process raised; the message carries the child's traceback."""


def available() -> bool:
    if os.environ.get(SERIAL_SWITCH, "") not in ("", "0"):
        return False
    if sys.platform != "linux" or threading.active_count() > 1:
        return False
    return len(os.sched_getaffinity(0)) > 1


def _context():
    return multiprocessing.get_context("fork")


class Pages(Protocol):
    """The contents of a build's generated pages, by key (docs-relative path)."""

    def get(self, key: str) -> str: ...

    def close(self) -> None: ...


class Remote(Protocol[Target]):
    """An object fed with calls `fn(target, *args)`, here or in a child."""

    def send(self, fn: Callable[..., Any], *args) -> None: ...

    def call(self, fn: Callable[..., Answer], *args) -> Answer: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Processes:
    """How one build runs its work: `forked` children or this process."""

    forked: bool

    def pages(self, items: Iterable[tuple[str, Callable[[], str]]]) -> Pages:
        return PageStream(items) if self.forked else PagesOnDemand(items)

    def worker(self, factory: Callable[[], Target]) -> Remote[Target]:
        return Worker(factory) if self.forked else Local(factory)

    def handed_over(self) -> None:
        """The caller holds no reference to what it handed to `pages` any more. Forked, that is
        the corpus, which the page process holds now: free this process's copy at once. Parts
        of it are reference cycles, which only a full pass of the collector frees, and that pass
        might not come before the end of the build (at 1,000 documents, half of what the build
        process held while MkDocs read the pages)."""
        if self.forked:
            gc.collect()


def for_command(command: str) -> Processes:
    """Forked children for `mkdocs build` where `available()`; this process otherwise."""
    return Processes(forked=command == "build" and available())


class PagesOnDemand:
    """Each page rendered in this process when first asked for, then read again from an unlinked
    temporary file: `mkdocs serve` compares every page with the previous build's in `on_files`
    (kb.buildcache.PageMemory), a serial build renders each page as MkDocs reads it; neither
    holds the contents of all pages in memory."""

    def __init__(self, items: Iterable[tuple[str, Callable[[], str]]]):
        self._to_render = dict(items)
        self._file = tempfile.TemporaryFile(prefix="kb-pages-")
        self._kept: dict[str, tuple[int, int]] = {}
        self._end = 0

    def get(self, key: str) -> str:
        kept = self._kept.get(key)
        if kept is not None:
            offset, length = kept
            return os.pread(self._file.fileno(), length, offset).decode("utf-8")
        content = self._to_render.pop(key)()
        data = content.encode("utf-8")
        os.pwrite(self._file.fileno(), data, self._end)
        self._kept[key] = (self._end, len(data))
        self._end += len(data)
        return content

    def close(self) -> None:
        self._to_render.clear()
        self._file.close()


class Local(Generic[Target]):
    """The object in this process: calls run at once (an error is raised by the call itself)."""

    def __init__(self, factory: Callable[[], Target]):
        self.target = factory()

    def send(self, fn: Callable[..., Any], *args) -> None:
        fn(self.target, *args)

    def call(self, fn: Callable[..., Answer], *args) -> Answer:
        return fn(self.target, *args)

    def close(self) -> None:
        pass


class PageStream:
    """Renders `(key, render)` pairs in a child, in order; `get(key)` returns one content (read
    again from the file each time, until `close`).

    The child writes the contents to an unlinked temporary file and sends only (key, offset,
    length) through the pipe, so it finishes and exits early instead of living, with its copy
    of the corpus, until the build has read the last page. The build process keeps no
    reference to the items: once the caller drops its own, the corpus is freed here.
    """

    def __init__(self, items: Iterable[tuple[str, Callable[[], str]]]):
        receiver, sender = _context().Pipe(duplex=False)
        _widen(sender)
        self._file = tempfile.TemporaryFile(prefix="kb-pages-")
        handed = [list(items)]
        # objects alive now are shared with the child copy-on-write: keep its collector off them.
        # Here the collector must reach them again, or their cycles would never be freed.
        gc.freeze()
        self._process = _context().Process(
            target=_render_all, args=(handed, self._file.fileno(), sender, receiver), name="kb-pages", daemon=True
        )
        self._process.start()
        gc.unfreeze()
        handed.clear()
        sender.close()
        self._conn = receiver
        self._waiting: dict[str, tuple[int, int]] = {}

    def get(self, key: str) -> str:
        while key not in self._waiting:
            try:
                got, offset, length = self._conn.recv()
            except EOFError:
                raise ChildFailed(f"the page process ended before sending {key!r}") from None
            if got is None:
                raise ChildFailed(offset)
            self._waiting[got] = (offset, length)
        offset, length = self._waiting[key]
        return os.pread(self._file.fileno(), length, offset).decode("utf-8")

    def close(self) -> None:
        self._conn.close()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._file.close()


def _widen(conn) -> None:
    """Room in the pipe for thousands of (key, offset, length) messages, so the child never waits."""
    try:
        fcntl.fcntl(conn.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
    except (OSError, AttributeError):
        pass  # a smaller pipe only makes the child wait for the build to read


def _render_all(handed: list, fd: int, conn, parent_end) -> None:
    parent_end.close()
    gc.disable()  # a short life: collecting would only copy shared memory
    offset = 0
    try:
        for key, render in handed.pop():
            data = render().encode("utf-8")
            os.pwrite(fd, data, offset)
            conn.send((key, offset, len(data)))
            offset += len(data)
    except BaseException:
        conn.send((None, traceback.format_exc(), 0))
    finally:
        conn.close()


class Worker(Generic[Target]):
    """An object built and used in a child process; calls `fn(target, *args)` travel through a
    pipe (`fn` is a module-level function or a class's method: it is pickled by name)."""

    def __init__(self, factory: Callable[[], Any]):
        parent, child = _context().Pipe(duplex=True)
        self._process = _context().Process(target=_serve, args=(factory, child, parent), name="kb-worker", daemon=True)
        self._process.start()
        child.close()
        self._conn = parent

    def send(self, fn: Callable[..., Any], *args) -> None:
        """Queue a call; errors come back with the next `call`."""
        self._conn.send((fn, args, False))

    def call(self, fn: Callable[..., Answer], *args) -> Answer:
        self._conn.send((fn, args, True))
        try:
            ok, value = self._conn.recv()
        except EOFError:
            raise ChildFailed(f"the worker process ended before answering {fn.__qualname__!r}") from None
        if not ok:
            raise ChildFailed(value)
        return value

    def close(self) -> None:
        try:
            self._conn.send(_STOP)
        except OSError:
            pass  # the child is gone already
        self._conn.close()
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()


_STOP = None


def _serve(factory: Callable[[], Any], conn, parent_end) -> None:
    parent_end.close()
    failure = None
    try:
        target = factory()
    except BaseException:
        failure = traceback.format_exc()
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is _STOP:
            return
        fn, args, answer = message
        if failure is None:
            try:
                result = fn(target, *args)
            except BaseException:
                failure, result = traceback.format_exc(), None
        if answer:
            conn.send((False, failure) if failure else (True, result))
