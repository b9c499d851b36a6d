"""Rewrite the URL ledger (tests/ledger/duong-dan.txt) from a fresh strict build.

    .venv/bin/python scripts/ledger.py                          after adding documents, clauses, forwards
    .venv/bin/python scripts/ledger.py bo "<lý do>" <địa-chỉ>…   record a deliberate removal (a page: with its anchors)

New addresses are added; an address whose page is gone is kept with the page it now forwards
to (data/danh-muc/chuyen-huong.yml, or a promoted cited document). An address that neither
exists nor forwards makes the script refuse: declare a forward, or record why it was removed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kb.ledger import LEDGER_FILE, broken, read_ledger, remove, updated, write_ledger  # noqa: E402


def build_site(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """A strict build (no -q: in MkDocs 1.6.1 it hides the warnings --strict counts). Needs only
    what scripts/serve.sh installs, not the test tools."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=project)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/ledger.py", description="Cập nhật sổ đường dẫn đã công bố từ một lần tạo trang web.")
    parser.add_argument("--project", default=str(ROOT), help="thư mục dự án (mặc định: dự án chứa lệnh này)")
    sub = parser.add_subparsers(dest="command")
    removal = sub.add_parser("bo", help="ghi một địa chỉ là đã bỏ có chủ ý, kèm lý do")
    removal.add_argument("reason", metavar="lý-do", help="vì sao các địa chỉ này không còn (ghi vào sổ)")
    removal.add_argument("addresses", metavar="địa-chỉ", nargs="+", help="ví dụ van-ban/ma-van-ban.html (cả các neo của trang) hoặc van-ban/x.html#k3")
    args = parser.parse_args(argv)
    project = Path(args.project).resolve()
    ledger_path = project / LEDGER_FILE
    ledger = read_ledger(ledger_path)

    if args.command == "bo":
        if not args.reason.strip():
            print("lỗi: cần ghi lý do bỏ địa chỉ (trong dấu ngoặc kép)", file=sys.stderr)
            return 1
        chosen = []
        for address in args.addresses:
            ledger, found = remove(ledger, address, args.reason)
            if not found:
                print(f"lỗi: địa chỉ '{address}' không có trong sổ {LEDGER_FILE}", file=sys.stderr)
                return 1
            chosen += found
        write_ledger(ledger_path, ledger)
        print(f"{LEDGER_FILE}: ghi đã bỏ {len(chosen)} địa chỉ ({', '.join(chosen[:3])}{'…' if len(chosen) > 3 else ''})")
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        result = build_site(project, site)
        if result.returncode:
            print(result.stderr, file=sys.stderr)
            return 1
        lost = broken(ledger, site)
        if lost:
            pages = sorted({entry.partition(":")[0].partition("#")[0] for entry in lost})
            print("Các địa chỉ đã công bố sau sẽ hỏng:", file=sys.stderr)
            print("\n".join(lost), file=sys.stderr)
            print(
                "Khai báo trang chuyển tới trong data/danh-muc/chuyen-huong.yml ('địa-chỉ-cũ: địa-chỉ-mới'), hoặc nếu bỏ "
                f"có chủ ý thì ghi lý do vào sổ:\n  .venv/bin/python scripts/ledger.py bo \"<lý do>\" {' '.join(pages)}",
                file=sys.stderr,
            )
            return 1
        new = updated(ledger, site)
        write_ledger(ledger_path, new)
        added = len(new.live - ledger.live - set(ledger.forwarded))
        moved = len(set(new.forwarded) - set(ledger.forwarded))
        print(f"{LEDGER_FILE}: {len(new.addresses())} địa chỉ ({added} mới, {moved} mới chuyển hướng)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
