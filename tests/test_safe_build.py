"""`scripts/serve.sh build` never destroys the last good site, and the same data builds the same bytes.

The maintainer's story: the site on the intranet server is site/. A mistake in data/, a warning
under --strict or a build stopped half-way must leave yesterday's site exactly as it was.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import sample_copy
from kb import messages
from kb.site_zip import ZIP_FILE


def _build(project: Path, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "scripts/safe_build.py", str(project / "site")],
        cwd=project, capture_output=True, text=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1764374400", **env),
    )


def _snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    project = sample_copy(tmp_path_factory.mktemp("project") / "p")
    result = _build(project)
    assert result.returncode == 0, result.stderr
    return project, _snapshot(project / "site")


def _leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site-"))


def test_the_checker_ends_with_its_catalogue_verdict(built):
    project, _good = built
    check = [sys.executable, "-m", "kb.check", str(project)]
    env = dict(os.environ, PYTHONPATH=str(project / "hooks"))
    ok = subprocess.run(check, capture_output=True, text=True, env=env)
    assert messages.CATALOGUE["check-valid"].matches(ok.stdout.splitlines()[-1])
    bad = project / "data" / "van-ban" / "hong.yml"
    try:
        bad.write_text("id: hong\n", encoding="utf-8")
        failed = subprocess.run(check, capture_output=True, text=True, env=env)
        assert failed.returncode == 1 and messages.CATALOGUE["check-invalid"].matches(failed.stdout.splitlines()[-1])
    finally:
        bad.unlink()


def test_two_clean_builds_are_byte_identical_zip_included(built):
    project, first = built
    assert first[ZIP_FILE][:2] == b"PK" and len(first[ZIP_FILE]) > 1000
    result = _build(project)
    assert result.returncode == 0, result.stderr
    again = _snapshot(project / "site")
    assert sorted(again) == sorted(first)
    assert [name for name in first if first[name] != again[name]] == []
    assert _leftovers(project) == []


def test_a_data_error_leaves_the_last_good_site(built):
    project, good = built
    path = project / "data" / "van-ban" / "van-ban-moi.yml"
    try:
        path.write_text("id: van-ban-moi\ntype: khong-co-loai-nay\n", encoding="utf-8")
        result = _build(project)
        assert result.returncode != 0 and "van-ban-moi.yml" in result.stderr
        said = result.stderr.splitlines()
        assert any(line.endswith(messages.text("build-data-heading")) for line in said)
        assert any(messages.CATALOGUE["build-data-errors"].matches(line) for line in said)
        assert said[-1] == messages.text("build-kept-old-site", code=str(result.returncode), site="site")
        assert _snapshot(project / "site") == good
        assert _leftovers(project) == []
    finally:
        path.unlink()


def test_a_warning_under_strict_counts_as_a_failure_and_leaves_the_last_good_site(built):
    project, good = built
    page = project / "docs" / "huong-dan" / "lien-ket-hong.md"
    try:
        page.write_text("# Trang thử\n\n[liên kết hỏng](khong-co-trang-nay.md)\n", encoding="utf-8")
        result = _build(project)
        assert result.returncode != 0 and "WARNING" in result.stderr
        assert _snapshot(project / "site") == good
    finally:
        page.unlink()


def test_a_build_stopped_half_way_leaves_the_last_good_site(built):
    project, good = built
    build = subprocess.Popen(
        [sys.executable, "scripts/safe_build.py", str(project / "site")], cwd=project,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, SOURCE_DATE_EPOCH="1764374400"),
    )
    deadline = time.monotonic() + 60
    while not any((p / "index.html").exists() for p in project.glob(".site-build-*")) and time.monotonic() < deadline:
        time.sleep(0.05)  # stop it once MkDocs is writing pages
    build.send_signal(signal.SIGTERM)
    assert build.wait(timeout=60) != 0
    assert _snapshot(project / "site") == good
    assert _leftovers(project) == []
