"""Platform insurance: the site builds with ProperDocs (a MkDocs 1.6 fork, PyPI `properdocs`) to
the same output as with MkDocs, apart from the generator tag. If Material or MkDocs stop being
installable, README.md says how to switch; this test keeps that switch a known quantity.

ProperDocs lives in its own virtual environment (.venv-properdocs, made by scripts/test.sh):
installing Material pulls MkDocs in, and `python -m mkdocs` would then run MkDocs, not ProperDocs.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import zipfile
from pathlib import Path

from conftest import PROJECT, ROOT

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def normalised(data: bytes) -> bytes:
    return GENERATOR.sub(b'<meta name="generator">', data)


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def zip_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: normalised(archive.read(name)) for name in archive.namelist()}


def test_properdocs_builds_the_same_site_apart_from_the_generator_tag(site, tmp_path):
    assert PROPERDOCS.is_file(), "thiếu ProperDocs: chạy scripts/test.sh (cài vào .venv-properdocs)"
    other = tmp_path / "properdocs-site"
    result = subprocess.run(
        [str(PROPERDOCS), "build", "--strict", "-f", str(PROJECT / "mkdocs.yml"), "-d", str(other)],
        capture_output=True, text=True, cwd=PROJECT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert result.returncode == 0, result.stderr
    ours, theirs = files_of(site), files_of(other)
    assert sorted(ours) == sorted(theirs)
    differing = []
    for name, data in ours.items():
        if name.endswith(".zip"):  # member timestamps differ between any two builds; compare contents
            same = zip_members(data) == zip_members(theirs[name])
        else:
            same = normalised(data) == normalised(theirs[name])
        if not same:
            differing.append(name)
    assert differing == []
    assert b"ProperDocs" in theirs["index.html"] and b"ProperDocs" not in ours["index.html"]
