"""Inline markup allowed in document text: wording corrections in CriticMarkup form {~~original~>corrected~~}."""

from __future__ import annotations

import re

from .model import Correction

_CORRECTION = re.compile(r"\{~~(?P<original>.*?)~>(?P<corrected>.*?)~~\}", re.S)
_OPENER = re.compile(r"\{~~|~~\}")


class MarkupError(ValueError):
    """Malformed markup: `code` names the message of kb/messages.py, `values` fill it."""

    def __init__(self, code: str, **values: str):
        super().__init__(code)
        self.code, self.values = code, values


def parse_corrections(text: str) -> tuple[str | Correction, ...]:
    """Split text into plain strings and Correction segments; raise MarkupError on malformed markup."""
    if "{~~" not in text and "~~}" not in text:  # most text has no markup: skip the regexes
        return (text,) if text else ()
    segments: list[str | Correction] = []
    position = 0
    for match in _CORRECTION.finditer(text):
        before = text[position : match.start()]
        _reject_stray(before)
        if before:
            segments.append(before)
        original, corrected = match["original"], match["corrected"]
        if not original.strip() or not corrected.strip():
            raise MarkupError("correction-empty", markup=match[0])
        if original == corrected:
            raise MarkupError("correction-no-change", markup=match[0])
        segments.append(Correction(original, corrected))
        position = match.end()
    rest = text[position:]
    _reject_stray(rest)
    if rest:
        segments.append(rest)
    return tuple(segments)


def _reject_stray(text: str) -> None:
    stray = _OPENER.search(text)
    if stray:
        raise MarkupError("correction-unclosed", near=text[max(0, stray.start() - 20) : stray.end() + 20])
