"""Work done in a forked child process, so a build uses a second core while MkDocs uses one.

MkDocs converts and renders pages on one core. What our hooks add (rendering the generated
Markdown, cutting pages into search sections, compressing the site zip) does not have to wait
for it: the helpers here run that work in a child process, fed through a pipe.

- `map_split` applies a function to a list, part of it in a child (results pickled back):
  reading the document files, before MkDocs has anything to do.
- `PageStream` renders a list of planned pages in the child and hands each content back in
  order; the caller asks for a page when MkDocs first reads it.
- `Worker` runs an object's methods in the child: `send` queues a call and returns at once,
  `call` waits for the result (and reports any error a queued call raised before it).

Only `fork` is used (the child inherits the loaded corpus without copying or pickling it), and
only where it is safe and pays: Linux, more than one usable core, a process without other
threads (`mkdocs build`, not `mkdocs serve`), and not switched off with KB_SERIAL=1.
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
from typing import Any, Callable, Iterable, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

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


# The child also pickles its results and this process unpickles them, so this process takes
# a little more than half. Reading 5,000 documents, time spent in recv (waiting + unpickling):
# 50 % here 0.54–0.77 s, 56 % 0.29–0.30 s, 62 % 0.26 s (≈ the unpickling alone); loads took
# 5.8–6.3 s for all three, within noise.
_OWN_SHARE = 0.56


def map_split(func: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """`[func(item) for item in items]`, the last part (≈ 44 %) computed in a forked child, when
    `available()`; in this process otherwise. Results must pickle; order is kept. An exception
    in the child comes back as ChildFailed with its traceback.
    """
    if len(items) < 2 or not available():
        return [func(item) for item in items]
    half = max(1, int(len(items) * _OWN_SHARE))
    receiver, sender = _context().Pipe(duplex=False)
    process = _context().Process(target=_map_part, args=(func, items[half:], sender, receiver), name="kb-map", daemon=True)
    process.start()
    sender.close()
    try:
        mine = [func(item) for item in items[:half]]
        try:
            ok, theirs = receiver.recv()
        except EOFError:
            raise ChildFailed("the child process ended before sending its results") from None
        if not ok:
            raise ChildFailed(theirs)
    finally:
        receiver.close()  # a child still sending gets a broken pipe and ends
        process.join()
    return mine + theirs


def _map_part(func: Callable, items: Sequence, conn, parent_end) -> None:
    parent_end.close()
    gc.disable()  # a short life: collecting would only copy shared memory
    try:
        outcome = (True, [func(item) for item in items])
    except BaseException:
        outcome = (False, traceback.format_exc())
    try:
        try:
            conn.send(outcome)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the parent failed first and stopped listening
        except BaseException:  # a result that does not pickle
            conn.send((False, traceback.format_exc()))
    finally:
        conn.close()


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
        # objects alive now are shared with the child copy-on-write: keep the collector off them
        gc.freeze()
        self._process = _context().Process(
            target=_render_all, args=(handed, self._file.fileno(), sender, receiver), name="kb-pages", daemon=True
        )
        self._process.start()
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


class Worker:
    """An object built and used in a child process; its method calls travel through a pipe."""

    def __init__(self, factory: Callable[[], Any]):
        parent, child = _context().Pipe(duplex=True)
        self._process = _context().Process(target=_serve, args=(factory, child, parent), name="kb-worker", daemon=True)
        self._process.start()
        child.close()
        self._conn = parent

    def send(self, method: str, *args) -> None:
        """Queue a call; errors come back with the next `call`."""
        self._conn.send((method, args, False))

    def call(self, method: str, *args) -> Any:
        self._conn.send((method, args, True))
        try:
            ok, value = self._conn.recv()
        except EOFError:
            raise ChildFailed(f"the worker process ended before answering {method!r}") from None
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


_STOP = ("", (), False)


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
        if message == _STOP:
            return
        method, args, answer = message
        if failure is None:
            try:
                result = getattr(target, method)(*args)
            except BaseException:
                failure, result = traceback.format_exc(), None
        if answer:
            conn.send((False, failure) if failure else (True, result))
