"""Confinement: a path taken from data, or a file found in data/, never leads outside its folder.

Data is untrusted: `source.file: ../../etc/hostname` or a data file that is a symbolic link to
somewhere else must not make the checker read (and quote) a file outside data/, and an id must
not make the build write outside the site. Every such path goes through one of these checks.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

# An id that becomes a URL or a file name: ASCII lowercase letters, digits and single '-'
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, with every symbolic link and '..' resolved, lies in `folder`."""
    try:
        return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))
    except (OSError, ValueError):
        return False


def file_problem(path: Path, folder: Path) -> str | None:
    """The catalogue code of what is wrong with a data file found in `folder`, or None when it can be read.

    A symbolic link that leaves `folder` or leads nowhere, or a folder named like a data file, is
    refused before anything is read from it.
    """
    if path.is_symlink():
        if not path.exists():
            return "link-broken"
        if not inside(path, folder):
            return "link-outside"
    if path.exists() and not path.is_file():
        return "not-a-file"
    return None


def source_file(name: str, sources_dir: Path) -> Path | None:
    """The file `name` of data/nguon/ when it is a plain file name that stays inside that folder."""
    if not name or name != PurePosixPath(name).name or "\\" in name or name in (".", ".."):
        return None
    path = sources_dir / name
    return path if inside(path, sources_dir) else None


def output_path(site_dir: Path, relative: str) -> Path:
    """`site_dir / relative`; ValueError unless every part is a slug (`x`, `x.html`) and it stays in the site."""
    parts = PurePosixPath(relative).parts
    if not parts or not all(ID_PATTERN.match(part.split(".", 1)[0]) for part in parts):
        raise ValueError(f"đường dẫn {relative!r} có phần không phải mã định danh hợp lệ")
    path = Path(site_dir) / relative
    if not inside(path, Path(site_dir)):  # a link already in the site could still lead out
        raise ValueError(f"đường dẫn {relative!r} dẫn ra ngoài thư mục trang")
    return path
