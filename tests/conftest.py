"""Shared fixtures: two data sets, each loaded once and built once (strict).

- `corpus`, `site`, `project`: the project under test, `PROJECT` — this checkout, or the copy
  named by $KB_PROJECT (the growth test points the suite at a copy with documents added).
  Tests using them check only what holds for ANY valid corpus: never ids, counts or which
  page a search returns. They are marked `data` (automatically, by the fixtures they use).
- `sample_corpus`, `sample_site`, `sample_project`: the frozen sample corpus in
  tests/fixtures/kho-mau/ (the five seed documents). Tests that name documents use these.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent  # the code: hooks, templates, tests
PROJECT = Path(os.environ.get("KB_PROJECT") or ROOT).resolve()  # the data under test
SAMPLE = ROOT / "tests" / "fixtures" / "kho-mau"
# MkDocs stamps the build date into sitemap.xml.gz (its gzip header); one date for every build
# of this session, so two builds on either side of midnight still compare byte for byte
os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))
sys.path.insert(0, str(ROOT / "hooks"))

from kb.loader import load_corpus  # noqa: E402
from searchkit import CHROMIUM, FLAGS, build_fixture_site  # noqa: E402

SOURCES = PROJECT / "data" / "nguon"
SAMPLE_SOURCES = SAMPLE / "data" / "nguon"
# fixtures over the project under test: a test using one depends on the data (pytest -m data)
DATA_FIXTURES = {"corpus", "site", "project"}


def pytest_configure(config):
    config.addinivalue_line("markers", "data: reads the project's data/ (checks invariants only; run against any corpus with KB_PROJECT)")


def pytest_collection_modifyitems(items):
    for item in items:
        if DATA_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker("data")


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


def _ignore(directory, names):
    return [n for n in names if n in {".venv", ".git", "site", "__pycache__", ".pytest_cache"}]


def copy_project(dest: Path, source: Path = PROJECT) -> Path:
    """A throwaway copy of a project (without .venv/.git/site) for tests that change data."""
    shutil.copytree(source, dest, ignore=_ignore)
    return dest


def sample_copy(dest: Path) -> Path:
    """A throwaway project: this checkout's code with the sample corpus as its data/."""
    def ignore(directory, names):
        skipped = set(_ignore(directory, names))
        if Path(directory) == ROOT:
            skipped |= {"data", "tests"}
        return list(skipped)

    shutil.copytree(ROOT, dest, ignore=ignore)
    shutil.copytree(SAMPLE / "data", dest / "data")
    return dest


@pytest.fixture(scope="session")
def project() -> Path:
    return PROJECT


@pytest.fixture(scope="session")
def corpus():
    loaded, _warnings = load_corpus(PROJECT / "data", root=PROJECT)
    return loaded


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(PROJECT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def sample_project(tmp_path_factory) -> Path:
    return sample_copy(tmp_path_factory.mktemp("sample") / "project")


@pytest.fixture(scope="session")
def sample_corpus():
    loaded, _warnings = load_corpus(SAMPLE / "data", root=SAMPLE)
    return loaded


@pytest.fixture(scope="session")
def sample_site(sample_project, tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("sample-site")
    result = build_site(sample_project, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def search_site(tmp_path_factory) -> Path:
    """The fixture corpus for search (tests/fixtures/search/data: invented documents), built once."""
    return build_fixture_site(tmp_path_factory.mktemp("search-fixture"))


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium (never a downloaded browser), one per test module."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()
