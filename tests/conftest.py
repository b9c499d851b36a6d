"""Shared fixtures: the real data set, loaded once, and the real site, built once (strict)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kb.loader import load_corpus  # noqa: E402

SOURCES = ROOT / "data" / "nguon"


def build_site(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build of `project` into `site_dir`; return the finished process.

    No `-q`: MkDocs 1.6.1 then raises its logger to ERROR, warnings never reach the strict-mode
    counter and a build with warnings exits 0.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
    )


def copy_project(dest: Path) -> Path:
    """A throwaway copy of the project (without .venv/.git/site) for tests that change data."""
    def ignore(directory, names):
        return [n for n in names if n in {".venv", ".git", "site", "__pycache__", ".pytest_cache"}]

    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


@pytest.fixture(scope="session")
def corpus():
    loaded, _warnings = load_corpus(ROOT / "data", root=ROOT)
    return loaded


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir
