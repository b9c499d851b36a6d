"""Inline markup allowed in document text: wording corrections in CriticMarkup form {~~original~>corrected~~}."""

from __future__ import annotations

import re

from .model import Correction

_CORRECTION = re.compile(r"\{~~(?P<original>.*?)~>(?P<corrected>.*?)~~\}", re.S)
_OPENER = re.compile(r"\{~~|~~\}")


class MarkupError(ValueError):
    pass


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
            raise MarkupError(f"sửa lỗi '{match[0]}' thiếu chữ gốc hoặc chữ đã sửa (dạng đúng: {{~~chữ gốc~>chữ đã sửa~~}})")
        if original == corrected:
            raise MarkupError(f"sửa lỗi '{match[0]}' không thay đổi gì (bỏ đánh dấu sửa lỗi)")
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
        raise MarkupError(
            f"đánh dấu sửa lỗi không khép kín gần '{text[max(0, stray.start() - 20): stray.end() + 20]}' "
            "(dạng đúng: {~~chữ gốc~>chữ đã sửa~~})"
        )
