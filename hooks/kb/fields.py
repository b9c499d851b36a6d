"""Reading one field of a data file: the helpers every reader shares (loader, citations, responsibilities).

Below the readers and above the model: imports run model → fields → citations/responsibilities →
loader, so no reader has to import another one to check a field.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from . import messages
from .identifiers import flaws, visible
from .model import UNKNOWN_FACT, Fact, PartialDate
from .problems import Problem
from .vocab import choices
from .yamlload import YMap

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass
class Context:
    """Where we are while reading one file; collects its problems, each a catalogue message (kb/messages.py)."""

    path: str
    problems: list[Problem] = field(default_factory=list)

    def report(self, code: str, line: int, /, **values) -> None:
        """Record the catalogue message `code` (kb/messages.py) at `line` of this file."""
        self.problems.append(messages.problem(code, self.path, line, **values))


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


def date_problem(text: object) -> str:
    """Why `text` is not a date: 'impossible-date' when well formed but not on the calendar, else 'bad-date'."""
    return "impossible-date" if isinstance(text, (str, int)) and _DATE.match(str(text).strip()) else "bad-date"


def closest(word: str, options) -> str | None:
    """The option a typo most likely stands for, if one is close enough."""
    match = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return match[0] if match else None


def closest_id(word: str, ids) -> str | None:
    """The registry id a typo most likely stands for, only among ids naming the same kind of body.

    The first part of an id names the body ('ubnd', 'ubmttq', 'huyen-uy'…): 'ubmttq-tp-ha-noi' must
    not be offered 'ubnd-tp-ha-noi', a different agency, while 'ubdn-tp-ha-noi' is a slip for it.
    """
    head = word.split("-", 1)[0]
    same_kind = [i for i in ids if difflib.SequenceMatcher(None, head, i.split("-", 1)[0]).ratio() >= 0.75]
    return closest(word, same_kind)


def unknown_keys(mapping: YMap, allowed: set[str], ctx: Context) -> None:
    for key in mapping:
        if key not in allowed:
            found = flaws(key)
            if found:  # a field name with a hidden or look-alike character: point at it, not at a typo
                clean_identifier(key, visible(key), mapping.line_of(key), ctx)
                continue
            hint = closest(key, allowed)
            if hint:
                ctx.report("unknown-key-hint", mapping.line_of(key), key=key, hint=hint)
            else:
                ctx.report("unknown-key", mapping.line_of(key), key=key, allowed=", ".join(sorted(allowed)))


def text(mapping: YMap, key: str, ctx: Context, required: bool = False) -> str | None:
    value = mapping.get(key)
    if value is None:
        if required and key in mapping:  # a missing key is reported once, as a missing field
            ctx.report("empty-field", mapping.line_of(key), key=key)
        return None
    if not isinstance(value, str):
        ctx.report("wrong-type-text", mapping.line_of(key), key=key, kind=type_name(value))
        return None
    if required and not value.strip():
        ctx.report("empty-field", mapping.line_of(key), key=key)
        return None
    return value.strip()


def text_list(mapping: YMap, key: str, ctx: Context) -> tuple[str, ...]:
    """A list of short texts (aliases, topics); anything else is reported, never turned into text."""
    raw = mapping.get(key)
    if raw is None:
        return ()
    if not isinstance(raw, list):
        ctx.report("not-a-text-list", mapping.line_of(key), key=key, kind=type_name(raw))
        return ()
    result = []
    for index, item in enumerate(raw):
        if not isinstance(item, str) or not item.strip():
            ctx.report("not-a-text-list-item", raw.line_of(index), key=key, position=str(index + 1), kind=type_name(item))
        else:
            result.append(item.strip())
    return tuple(result)


def clean_identifier(value: object, key: str, line: int, ctx: Context) -> bool:
    """Whether an id, number or registry key is free of hidden characters and mixed scripts (each flaw reported)."""
    if not isinstance(value, str):
        return True
    found = flaws(value)
    for flaw in found:
        if flaw.kind == "hidden":
            ctx.report("hidden-character", line, key=key, code_point=flaw.code_point, name=flaw.name, position=str(flaw.position))
        else:
            ctx.report(
                "mixed-script", line, key=key, char=flaw.char, position=str(flaw.position), code_point=flaw.code_point,
                name=flaw.name, script=SCRIPT_NAMES.get(flaw.script, flaw.script),
            )
    return not found


# Vietnamese names of the scripts whose letters pass for Latin ones
SCRIPT_NAMES = {"CYRILLIC": "Kirin (Cyrillic)", "GREEK": "Hy Lạp (Greek)", "ARMENIAN": "Armenia", "CHEROKEE": "Cherokee"}


def type_name(value) -> str:
    if isinstance(value, bool):
        return "giá trị đúng/sai"
    if isinstance(value, (int, float)):
        return "số"
    if isinstance(value, list):
        return "danh sách"
    if isinstance(value, dict):
        return "khối trường"
    if value is None or (isinstance(value, str) and not value.strip()):
        return "giá trị trống"
    return "chuỗi chữ"


def fact(mapping: YMap, key: str, ctx: Context, vocabulary: dict[str, str] | None = None) -> Fact:
    """A scalar that may be null (unknown) or {value, reason} (inferred) or {value, source} (outside source)."""
    raw = mapping.get(key)
    line = mapping.line_of(key)
    reason = source = None
    if isinstance(raw, YMap):
        unknown_keys(raw, {"value", "reason", "source"}, ctx)
        if "reason" not in raw and "source" not in raw:
            ctx.report("fact-without-reason", line, key=key)
        reason, source = raw.get("reason"), raw.get("source")
        raw = raw.get("value")
    if raw is None:
        return UNKNOWN_FACT
    if isinstance(raw, (list, dict)):
        ctx.report("fact-not-scalar", line, key=key, kind=type_name(raw))
        return UNKNOWN_FACT
    if isinstance(raw, bool):  # true/false typed where a word or a number was meant
        ctx.report("wrong-type-text", line, key=key, kind=type_name(raw))
        return UNKNOWN_FACT
    value = str(raw).strip()
    if vocabulary is not None and value not in vocabulary:
        ctx.report("bad-choice", line, key=key, value=value, choices=choices(vocabulary))
    return Fact(value, reason=reason, source=source)
