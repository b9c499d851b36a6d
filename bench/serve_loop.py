"""Edit–rebuild loop: time from saving one YAML file to the rebuilt page under `mkdocs serve`.

    .venv/bin/python bench/serve_loop.py 1000          # or: bench/run.py --sizes 1000 --serve

Starts `mkdocs serve` (plain, then with --dirty) on a free local port in a generated project,
waits for the first build, then `EDITS` times: inserts a marker word into one document's
first paragraph, saves, and polls that page over HTTP until the marker is there. Also reads
MkDocs's own "Documentation built in X seconds" lines, and times one full `mkdocs build` of
the same project, so the loop is reported as a share of a full build (same run, same noise).
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen  # noqa: E402

EDITS = 3
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
_BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, predicate, timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        body = fetch(url)
        if body is not None and predicate(body):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(url)


def loop(project: Path, doc_id: str, dirty: bool) -> tuple[list[float], list[float]]:
    """(seconds from save to updated page, MkDocs's own rebuild seconds) for each edit."""
    port = free_port()
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"] + (["--dirty", "--no-strict"] if dirty else [])
    proc = subprocess.Popen(cmd, cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    built: list[float] = []
    log: list[str] = []

    def read_log():
        for line in proc.stderr:
            log.append(line)
            if m := _BUILT.search(line):
                built.append(float(m[1]))

    reader = threading.Thread(target=read_log, daemon=True)
    reader.start()
    url = f"http://127.0.0.1:{port}/van-ban/{doc_id}.html"
    path = project / "data" / "van-ban" / f"{doc_id}.yml"
    original = path.read_text(encoding="utf-8")
    times = []
    try:
        wait_for(url, lambda body: True, 900)
        time.sleep(1)
        for k in range(EDITS):
            marker = f"Bảnsửađo{k}x{int(dirty)}"
            text = original.replace("  - p: >-\n      ", f"  - p: >-\n      {marker} ", 1)
            start = time.perf_counter()
            path.write_text(text, encoding="utf-8")
            try:
                wait_for(url, lambda body: marker in body, 300)
            except TimeoutError:
                raise SystemExit("the page was not rebuilt; server log:\n" + "".join(log[-30:])) from None
            times.append(time.perf_counter() - start)
            time.sleep(1.5)  # let the server settle before the next edit
    finally:
        path.write_text(original, encoding="utf-8")
        proc.terminate()
        proc.wait(30)
    return times, built[1:]  # the first "built" is the initial full build


def full_build(project: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project.parent / "site-full")], cwd=project, env=ENV, check=True)
    return time.perf_counter() - start


def main(n: int, work: Path) -> None:
    project = work / f"n{n}" / "ours"
    if not project.exists():
        gen.make_project(n, project)
    doc_id = sorted(p.stem for p in (project / "data" / "van-ban").glob("*.yml"))[n // 2]
    full = full_build(project)
    print(f"\nedit–rebuild loop, N={n}, page van-ban/{doc_id}.html; full `mkdocs build`: {full:.2f} s")
    for dirty in (False, True):
        times, built = loop(project, doc_id, dirty)
        mode = "mkdocs serve --dirty --no-strict" if dirty else "mkdocs serve                     "
        med = statistics.median(times)
        print(f"{mode}: save→page {', '.join(f'{t:.2f}' for t in times)} s (median {med:.2f} s = {med / full:.2f} of a full build); "
              f"MkDocs rebuild {', '.join(f'{b:.2f}' for b in built)} s")


if __name__ == "__main__":
    import tempfile

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    main(size, Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp(prefix="kb-serve-")))
