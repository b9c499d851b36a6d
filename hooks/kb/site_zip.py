"""The downloadable copy of the whole site: one zip that opens from disk (file://) after unpacking.

Pages can be added while the build is still writing the rest (`add`, a page read back as soon
as it is written), so their compression overlaps with MkDocs' work; `close` adds every other
file from disk.
"""

from __future__ import annotations

import os
import re
import time
import zipfile
from pathlib import Path

ZIP_FILE = "tai-ve/kho-chi-thi-dan-van.zip"
FOLDER = "kho-chi-thi-dan-van"  # everything unpacks into one folder, not into the user's Downloads
LEVEL = 6
# Our search files (kb.search_index) are deflated at the fastest level: they are a fifth of the
# site's bytes and thousands of small JSON files, and level 6 took twice the CPU of level 1 for
# entries 8 % smaller (5.75 against 6.23 MB at 1,000 documents; at 10,000, 3.3-3.6 against
# 1.6-1.7 s of CPU a build for 4.6 MB more in a 215 MB zip, a one-off download on an intranet).
SEARCH_LEVEL = 1
SEARCH_FOLDER = "search/"
_REGULAR_FILE = 0o100644 << 16  # what ZipFile.write records for an ordinary file
# Theme files the site never loads: Material's search (lunr and its worker; we have our own
# search, mkdocs.yml has no search plugin) and source maps for developers. About 2.3 MB.
UNUSED = re.compile(r"^assets/javascripts/(lunr|workers)/|\.map$")
# The download link of the home page: inside the copy it would point at a file the copy cannot
# hold (itself), so the copy says where it came from instead.
_DOWNLOAD = re.compile(rb'<p class="kb-tai-ve">.*?</p>', re.S)
_IN_COPY = (
    '<p class="kb-tai-ve">Bạn đang xem bản tải về của kho (đã giải nén), dùng được không cần mạng. '
    "Bản mới nhất: tải lại tệp .zip từ trang chủ của kho trên mạng nội bộ.</p>"
).encode("utf-8")


class SiteZip:
    def __init__(self, site_dir: Path):
        self.site_dir = Path(site_dir)
        self.target = self.site_dir / ZIP_FILE
        self.partial = self.target.with_suffix(".zip.part")
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.archive = zipfile.ZipFile(self.partial, "w", zipfile.ZIP_DEFLATED, compresslevel=LEVEL)
        self.added: dict[str, int] = {}  # site-relative path → size of the bytes added
        self.when = entry_time()

    def add(self, rel_path: str, data: bytes) -> None:
        """A file's final bytes, before (or after) the build writes the same bytes to disk."""
        self.added[rel_path] = len(data)
        if UNUSED.search(rel_path):
            return
        if rel_path.endswith(".html"):
            data = offline_copy(data)
        info = zipfile.ZipInfo(f"{FOLDER}/{rel_path}", date_time=self.when)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = _REGULAR_FILE
        self.archive.writestr(info, data, compresslevel=SEARCH_LEVEL if rel_path.startswith(SEARCH_FOLDER) else LEVEL)

    def close(self) -> Path:
        """Add every file of the site not added yet; entries are listed in path order."""
        files = sorted(p for p in self.site_dir.rglob("*") if p.is_file() and p not in (self.target, self.partial))
        for path in files:
            rel = path.relative_to(self.site_dir).as_posix()
            if rel in self.added:
                if path.stat().st_size != self.added[rel]:  # something rewrote the page after us
                    return self._start_over()
                continue
            self.add(rel, path.read_bytes())
        self.archive.filelist.sort(key=lambda info: info.filename)  # the listing; entries follow build order
        self.archive.close()
        self.partial.replace(self.target)
        return self.target

    def _start_over(self) -> Path:
        self.archive.close()
        self.partial.unlink()
        return write_site_zip(self.site_dir)


def entry_time() -> tuple[int, int, int, int, int, int]:
    """One date for every entry, so that two builds of the same data give the same zip, byte for byte:
    SOURCE_DATE_EPOCH when set (reproducible builds), else the build day at midnight UTC (the
    same day MkDocs' sitemap states)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = time.gmtime(int(epoch)) if epoch and epoch.isdigit() else time.gmtime()
    year = max(moment.tm_year, 1980)  # the zip format starts in 1980
    return (year, moment.tm_mon, moment.tm_mday, 0, 0, 0) if not epoch else (year, *moment[1:6])


def offline_copy(page: bytes) -> bytes:
    """A page as the unpacked copy shows it: no link to the zip it came from."""
    if b'class="kb-tai-ve"' not in page:
        return page
    return _DOWNLOAD.sub(lambda m: _IN_COPY, page)


def write_site_zip(site_dir: Path) -> Path:
    """The whole zip from what is on disk."""
    return SiteZip(site_dir).close()
