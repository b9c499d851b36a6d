"""Reading one field of a data file: the helpers every reader shares (loader, citations, responsibilities).

Below the readers and above the model: imports run model → fields → citations/responsibilities →
loader, so no reader has to import another one to check a field.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from .model import UNKNOWN_FACT, Fact, PartialDate
from .problems import Problem
from .vocab import choices
from .yamlload import YMap

# An id that becomes a URL or a file name: ASCII lowercase letters, digits and single '-'
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass
class Context:
    """Where we are while reading one file; collects its problems."""

    path: str
    problems: list[Problem] = field(default_factory=list)

    def error(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def warn(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message, "warning"))


def parse_date(text: object) -> PartialDate | None:
    """'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' to a PartialDate; None when malformed or impossible."""
    match = _DATE.match(str(text).strip()) if isinstance(text, (str, int)) else None
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def closest(word: str, options) -> str | None:
    """The option a typo most likely stands for, if one is close enough."""
    match = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return match[0] if match else None


def unknown_keys(mapping: YMap, allowed: set[str], ctx: Context) -> None:
    for key in mapping:
        if key not in allowed:
            hint = closest(key, allowed)
            suggestion = f"có phải ý bạn là '{hint}'?" if hint else f"các trường hợp lệ: {', '.join(sorted(allowed))}"
            ctx.error(mapping.line_of(key), f"trường lạ '{key}' ({suggestion})")


def text(mapping: YMap, key: str, ctx: Context, required: bool = False) -> str | None:
    value = mapping.get(key)
    if value is None:
        if required and key in mapping:  # a missing key is reported once, as a missing field
            ctx.error(mapping.line_of(key), f"trường '{key}' không được để trống")
        return None
    if not isinstance(value, str):
        ctx.error(mapping.line_of(key), f"trường '{key}' phải là chuỗi chữ, không phải {type_name(value)} (đặt giá trị trong dấu ngoặc kép)")
        return None
    if required and not value.strip():
        ctx.error(mapping.line_of(key), f"trường '{key}' không được để trống")
        return None
    return value.strip()


def type_name(value) -> str:
    if isinstance(value, bool):
        return "giá trị đúng/sai"
    if isinstance(value, (int, float)):
        return "số"
    if isinstance(value, list):
        return "danh sách"
    if isinstance(value, dict):
        return "khối trường"
    return type(value).__name__


def fact(mapping: YMap, key: str, ctx: Context, vocabulary: dict[str, str] | None = None) -> Fact:
    """A scalar that may be null (unknown) or {value, reason} (inferred) or {value, source} (outside source)."""
    raw = mapping.get(key)
    line = mapping.line_of(key)
    reason = source = None
    if isinstance(raw, YMap):
        unknown_keys(raw, {"value", "reason", "source"}, ctx)
        if "reason" not in raw and "source" not in raw:
            ctx.error(line, f"trường '{key}' dạng khối phải có 'reason' (lý do suy luận) hoặc 'source' (nguồn công khai)")
        reason, source = raw.get("reason"), raw.get("source")
        raw = raw.get("value")
    if raw is None:
        return UNKNOWN_FACT
    if isinstance(raw, (list, dict)):
        ctx.error(line, f"trường '{key}' phải là một giá trị đơn, không phải {type_name(raw)}")
        return UNKNOWN_FACT
    value = str(raw).strip()
    if vocabulary is not None and value not in vocabulary:
        ctx.error(line, f"trường '{key}': giá trị '{value}' không hợp lệ (chọn một trong: {choices(vocabulary)})")
    return Fact(value, reason=reason, source=source)
