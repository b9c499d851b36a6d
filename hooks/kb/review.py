"""Unreviewed drafts never get in: every review marker the importer leaves (`# KIỂM TRA: …`)
is reported with its line and what it asks to check, until the maintainer deletes it.

A warning, so that `mkdocs serve` still previews a draft under review; `check --strict` and
the strict build (what CI runs) refuse it.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from . import messages, paths
from .messages import register
from .problems import Problem

MARKER = "KIỂM TRA"
# a YAML comment "# KIỂM TRA: …" (whole line or after a value), or a note the importer ends with "— KIỂM TRA"
_COMMENT = re.compile(r"(?:^|\s)#\s*KIỂM TRA\s*:?\s*(?P<note>.*?)\s*$")
_NOTE = re.compile(r"(?P<note>[^\"':]*?)\s*—\s*KIỂM TRA[\"']?\s*$")

register(
    "review-marker", "noi-dung", "Còn dấu «KIỂM TRA» chưa xem",
    "còn dấu «# KIỂM TRA» của bản nháp: {note} (đối chiếu với bản gốc, sửa nếu cần, rồi xóa dấu này)",
    {"note": "trích yếu được ghép từ 2 dòng"},
    severity="warning",
    fix="Lệnh nhập bản thô đánh dấu mọi chỗ nó đoán bằng «# KIỂM TRA: …» (hoặc «— KIỂM TRA» ở cuối ghi chú). "
    "Mỗi dấu còn lại là một chỗ chưa ai xem: xem xong thì xóa dấu. Lệnh xem trước (scripts/serve.sh) vẫn hiện "
    "bản nháp; lệnh kiểm tra --strict và CI không nhận.",
)


def markers(path: Path, display: str) -> list[Problem]:
    """One problem per review marker left in the file."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if MARKER not in text:
        return []
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        if MARKER not in line:
            continue
        match = _COMMENT.search(line) or _NOTE.search(line)
        if match:
            note = match.group("note").strip() or "chỗ lệnh nhập chưa chắc chắn"
            found.append(messages.problem("review-marker", display, number, note=note))
    return found


def review_problems(data_dir: Path, rel) -> list[Problem]:
    """Review markers left anywhere in data/ (documents and registries)."""
    problems = []
    for path in sorted(data_dir.rglob("*.yml")):
        if path.is_file() and paths.file_problem(path, data_dir) is None:  # a link out of data/ is never read
            problems += markers(path, rel(path))
    return problems
