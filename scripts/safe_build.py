"""Build the site without ever destroying the last good one: `python scripts/safe_build.py [site_dir]`.

MkDocs empties its output folder before it reads our data, so a build that fails (a data error,
a warning under --strict, Ctrl-C, a killed process) would leave a half-written or empty site/.
Here MkDocs builds into a fresh folder next to site/; only a build that exits 0 is swapped in,
whole, with two renames. Anything else leaves site/ exactly as it was and removes the attempt.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kb import messages  # noqa: E402  (the hooks folder is not installed)


def safe_build(site_dir: Path, extra: list[str] | None = None) -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    attempt = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(attempt), *(extra or [])]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    try:
        # its own process group: MkDocs forks helpers (kb.forked) that must stop with it
        with subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True) as build:
            try:
                code = build.wait()
            except BaseException:  # Ctrl-C or SIGTERM: stop MkDocs and its helpers, keep the old site
                _stop_group(build)
                raise
        if code != 0:
            print(messages.text("build-kept-old-site", code=str(code), site=site_dir.name), file=sys.stderr)
            return code
        _swap_in(attempt, site_dir)
        return 0
    finally:
        shutil.rmtree(attempt, ignore_errors=True)


def _stop_group(build: subprocess.Popen) -> None:
    for signum in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(build.pid, signum)
        except ProcessLookupError:
            return
        try:
            build.wait(timeout=10)
        except subprocess.TimeoutExpired:
            continue
    time.sleep(0.2)  # helpers still exiting must not write into the folder removed next


def _swap_in(attempt: Path, site_dir: Path) -> None:
    """Put the finished build at `site_dir`; the old site stays whole until the new one is in place."""
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        os.rmdir(old)
        site_dir.rename(old)
    attempt.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _stop_on_sigterm(_signum, _frame):
    raise KeyboardInterrupt


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    sys.exit(safe_build(target))
