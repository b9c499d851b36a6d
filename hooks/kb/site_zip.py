"""The downloadable copy of the whole site: one zip that opens from disk (file://) after unpacking."""

from __future__ import annotations

import zipfile
from pathlib import Path

ZIP_FILE = "tai-ve/kho-chi-thi-dan-van.zip"
FOLDER = "kho-chi-thi-dan-van"  # everything unpacks into one folder, not into the user's Downloads


def write_site_zip(site_dir: Path) -> Path:
    target = site_dir / ZIP_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".zip.part")
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and p not in (target, partial))
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in files:
            archive.write(path, f"{FOLDER}/{path.relative_to(site_dir).as_posix()}")
    partial.replace(target)
    return target
