"""The URL ledger: every published page and clause anchor, so that links in course material
never silently break. tests/ledger/duong-dan.txt is committed; `scripts/ledger.sh` rewrites it
from a fresh build; tests/test_ledger.py fails when an entry vanishes without a redirect.
"""

from __future__ import annotations

import re
from pathlib import Path

LEDGER_FILE = "tests/ledger/duong-dan.txt"
HEADER = (
    "# Sổ đường dẫn đã công bố: mỗi dòng một trang hoặc một neo (khoản, điểm, đoạn).\n"
    "# Cập nhật bằng: .venv/bin/python scripts/ledger.py  — đọc bởi tests/test_ledger.py và hooks/kb/ledger.py\n"
)
# Assets, search data and forwarding pages are not content people link to.
_SKIP_DIRS = {"assets", "search", "tai-ve"}
# Clause headings, sections and anchored paragraphs carry one of these classes.
_ANCHORED = re.compile(r'<(?:h[1-6]|p)\b(?=[^>]*\bclass="[^"]*\bkb-(?:khoan|muc|doan)\b)[^>]*\bid="([^"]+)"')
_REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


def published(site_dir: Path) -> set[str]:
    """Every content page ('van-ban/x.html') and clause anchor ('van-ban/x.html#k3-b') of a built site."""
    entries: set[str] = set()
    for path in site_dir.rglob("*.html"):
        rel = path.relative_to(site_dir).as_posix()
        if rel.split("/")[0] in _SKIP_DIRS or rel == "404.html":
            continue
        text = path.read_text(encoding="utf-8")
        if _REDIRECT.search(text):
            continue
        entries.add(rel)
        entries.update(f"{rel}#{anchor}" for anchor in _ANCHORED.findall(text))
    return entries


def read_ledger(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def write_ledger(path: Path, entries: set[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + "".join(f"{e}\n" for e in sorted(entries)), encoding="utf-8")


def broken(ledger: set[str], site_dir: Path) -> list[str]:
    """Ledger entries that a reader following an old link would not reach: the page is gone and
    no forwarding page replaces it, or the forwarding target lacks the anchor."""
    current = published(site_dir)
    problems = []
    for entry in sorted(ledger - current):
        page, _, anchor = entry.partition("#")
        target = _forward(site_dir, page)
        if target is None:
            problems.append(f"{entry}: không còn trang này và không có trang chuyển hướng")
        elif anchor and f"{target}#{anchor}" not in current:
            problems.append(f"{entry}: trang chuyển tới {target} không có neo #{anchor}")
    return problems


def _forward(site_dir: Path, page: str) -> str | None:
    path = site_dir / page
    if not path.is_file():
        return None
    match = _REDIRECT.search(path.read_text(encoding="utf-8"))
    if not match:
        return None
    return (Path(page).parent / match.group(1)).as_posix()
