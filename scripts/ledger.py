"""Rewrite the URL ledger (tests/ledger/duong-dan.txt) from a fresh strict build.

Run after adding documents or clauses:  .venv/bin/python scripts/ledger.py
Refuses to drop an entry that has no forwarding page: declare the rename in
data/danh-muc/chuyen-huong.yml first (or pass --allow-removal after a deliberate removal).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import build_site  # noqa: E402
from kb.ledger import LEDGER_FILE, broken, published, read_ledger, write_ledger  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        result = build_site(ROOT, site)
        if result.returncode:
            print(result.stderr, file=sys.stderr)
            return 1
        ledger_path = ROOT / LEDGER_FILE
        old = read_ledger(ledger_path)
        lost = broken(old, site)
        if lost and "--allow-removal" not in sys.argv:
            print("Các đường dẫn sau sẽ hỏng (khai báo chuyển hướng trong data/danh-muc/chuyen-huong.yml):", file=sys.stderr)
            print("\n".join(lost), file=sys.stderr)
            return 1
        current = published(site)
        # forwarded entries stay in the ledger: the old links must keep working
        write_ledger(ledger_path, current | (old - {e.split(": ")[0] for e in lost}))
        print(f"{LEDGER_FILE}: {len(current | old)} đường dẫn ({len(current - old)} mới)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
