"""The URL ledger: every address ever published (page or clause anchor) and what became of it,
so that links in course material never silently break.

tests/ledger/duong-dan.txt is committed. One line per address:

    van-ban/x.html#k3-b                                    a page or anchor the site publishes
    dan-chieu/ct-18-2000-ttg.html -> van-ban/y.html        an old address that forwards (kb.redirects)
    van-ban/z.html | đã bỏ: <lý do>                        removed on purpose, and why

`scripts/ledger.py` rewrites it from a fresh build (it never drops an address on its own);
`scripts/ledger.py bo "<lý do>" <địa chỉ>…` records a deliberate removal; tests/test_ledger.py
fails when an address vanishes without a forward or a recorded reason.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

LEDGER_FILE = "tests/ledger/duong-dan.txt"
HEADER = (
    "# Sổ đường dẫn đã công bố: mỗi dòng một trang hoặc một neo (khoản, điểm, đoạn).\n"
    "# 'địa-chỉ -> địa-chỉ-mới': trang đã chuyển (trang cũ tự chuyển tới trang mới, giữ cả #neo).\n"
    "# 'địa-chỉ | đã bỏ: lý do': trang đã bỏ có chủ ý; chỉ ghi bằng: .venv/bin/python scripts/ledger.py bo \"<lý do>\" <địa-chỉ>…\n"
    "# Cập nhật bằng: .venv/bin/python scripts/ledger.py  — đọc bởi tests/test_ledger.py và hooks/kb/ledger.py\n"
)
FORWARD_MARK = " -> "
REMOVED_MARK = " | đã bỏ:"
# Assets, search data and the zip are not content people link to.
_SKIP_DIRS = {"assets", "search", "tai-ve"}
# Clause headings, sections and anchored paragraphs carry one of these classes.
_ANCHORED = re.compile(r'<(?:h[1-6]|p)\b(?=[^>]*\bclass="[^"]*\bkb-(?:khoan|muc|doan)\b)[^>]*\bid="([^"]+)"')
_REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


@dataclass(frozen=True)
class Ledger:
    live: frozenset[str]  # addresses published as pages or anchors
    forwarded: dict  # old address → the address it forwards to
    removed: dict  # address → the recorded reason

    def addresses(self) -> set[str]:
        return set(self.live) | set(self.forwarded) | set(self.removed)


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


def forwarding_pages(site_dir: Path) -> dict[str, str]:
    """{old page: the page it forwards to} for every forwarding page of a built site."""
    pages = {}
    for path in site_dir.rglob("*.html"):
        rel = path.relative_to(site_dir).as_posix()
        target = _forward(site_dir, rel)
        if target is not None:
            pages[rel] = target
    return pages


def parse(text: str) -> tuple[Ledger, list[str]]:
    """The ledger and the problems of its lines (a removal without a reason, a bad line)."""
    live, forwarded, removed, problems = set(), {}, {}, []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if REMOVED_MARK in line:
            address, _, reason = line.partition(REMOVED_MARK)
            if not reason.strip():
                problems.append(f"{LEDGER_FILE}:{number}: địa chỉ '{address.strip()}' đã bỏ nhưng chưa ghi lý do (ghi sau 'đã bỏ:')")
            removed[address.strip()] = reason.strip()
        elif FORWARD_MARK in line:
            address, _, target = line.partition(FORWARD_MARK)
            forwarded[address.strip()] = target.strip()
        elif " " in line:
            problems.append(f"{LEDGER_FILE}:{number}: dòng không đọc được '{line}'")
        else:
            live.add(line)
    return Ledger(frozenset(live), forwarded, removed), problems


def read_ledger(path: Path) -> Ledger:
    return parse(path.read_text(encoding="utf-8") if path.is_file() else "")[0]


def render(ledger: Ledger) -> str:
    lines = []
    for address in sorted(ledger.addresses()):
        if address in ledger.removed:
            lines.append(f"{address}{REMOVED_MARK} {ledger.removed[address]}")
        elif address in ledger.forwarded:
            lines.append(f"{address}{FORWARD_MARK}{ledger.forwarded[address]}")
        else:
            lines.append(address)
    return HEADER + "".join(f"{line}\n" for line in lines)


def write_ledger(path: Path, ledger: Ledger) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(ledger), encoding="utf-8")


def broken(ledger: Ledger, site_dir: Path) -> list[str]:
    """Addresses of the ledger that a reader following an old link would not reach: the page is
    gone with no forwarding page (and no recorded removal), or the forwarding target lacks the anchor."""
    current = published(site_dir)
    problems = []
    for entry in sorted((set(ledger.live) | set(ledger.forwarded)) - current):
        if entry in ledger.removed:
            continue
        reached = _reached(site_dir, entry)
        if reached is None:
            problems.append(f"{entry}: không còn trang này và không có trang chuyển hướng")
        elif reached not in current:
            problems.append(f"{entry}: trang chuyển tới {reached.split('#')[0]} không có neo #{entry.partition('#')[2]}")
    return problems


def unrecorded(ledger: Ledger, site_dir: Path) -> list[str]:
    """What the built site has and the ledger does not say: new addresses, new or changed forwards."""
    problems = [f"{entry}: địa chỉ mới chưa ghi trong sổ" for entry in sorted(published(site_dir) - ledger.addresses())]
    for old, target in sorted(forwarding_pages(site_dir).items()):
        if ledger.forwarded.get(old) != target:
            problems.append(f"{old}: trang chuyển tới {target} chưa ghi trong sổ (dòng '{old}{FORWARD_MARK}{target}')")
    return problems


def updated(ledger: Ledger, site_dir: Path) -> Ledger:
    """The ledger after a build: current addresses live, vanished ones forwarded as the site says.

    Addresses that the site no longer reaches keep their old line: `broken` reports them.
    """
    current = published(site_dir)
    live, forwarded = set(current), {}
    for entry in (ledger.addresses() - current) - set(ledger.removed):
        reached = _reached(site_dir, entry)
        if reached is not None and reached in current:
            forwarded[entry] = reached
        elif entry in ledger.forwarded:
            forwarded[entry] = ledger.forwarded[entry]
        else:
            live.add(entry)
    for old, target in forwarding_pages(site_dir).items():
        forwarded.setdefault(old, target)
    removed = {entry: reason for entry, reason in ledger.removed.items() if entry not in current}
    return Ledger(frozenset(live - set(forwarded)), forwarded, removed)


def remove(ledger: Ledger, address: str, reason: str) -> tuple[Ledger, list[str]]:
    """The ledger with `address` (a page: with all its anchors) recorded as removed for `reason`."""
    reason = " ".join(reason.split())
    page = address.partition("#")[0]
    chosen = {e for e in ledger.addresses() if e == address or ("#" not in address and e.partition("#")[0] == page)}
    removed = dict(ledger.removed, **{e: reason for e in chosen})
    forwarded = {e: t for e, t in ledger.forwarded.items() if e not in chosen}
    return Ledger(frozenset(ledger.live - chosen), forwarded, removed), sorted(chosen)


# Helper functions ----------------------------------------------------------------------


def _reached(site_dir: Path, entry: str) -> str | None:
    """Where a reader following `entry` lands, anchor kept (through one forwarding page), or None."""
    page, _, anchor = entry.partition("#")
    target = _forward(site_dir, page)
    if target is None:
        return None
    return f"{target}#{anchor}" if anchor else target


def _forward(site_dir: Path, page: str) -> str | None:
    path = site_dir / page
    if not path.is_file():
        return None
    match = _REDIRECT.search(path.read_text(encoding="utf-8"))
    if not match:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), match.group(1)))

