"""Prove that cleaning lost no word: source words minus listed removals == words of the body as printed."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .model import Document


def words(text: str) -> list[str]:
    return unicodedata.normalize("NFC", text).split()


def body_words(doc: Document, original: bool = True) -> list[str]:
    """Words of the body in reading order; with original=True corrections are undone."""
    result: list[str] = []
    for block in doc.blocks():
        if block.kind == "signature":
            for line in block.lines:
                result.extend(words(line))
            continue
        if block.marker:
            result.extend(words(block.marker))
        result.extend(words(block.original_text if original else block.text))
    return result


@dataclass(frozen=True)
class FidelityReport:
    ok: bool
    message: str


def source_words_without_removals(doc: Document, source_text: str) -> tuple[list[str], list[str]]:
    """The source's words with each removal deleted once; also the removals that were not found."""
    tokens = words(source_text)
    missing = []
    for removal in doc.removed:
        needle = words(removal.text)
        at = _find(tokens, needle)
        if at < 0:
            missing.append(removal.text)
        else:
            del tokens[at : at + len(needle)]
    return tokens, missing


def check(doc: Document, seeds_dir: Path) -> FidelityReport:
    source = (seeds_dir / doc.source_file).read_text(encoding="utf-8")
    expected, missing = source_words_without_removals(doc, source)
    if missing:
        return FidelityReport(False, f"phần loại bỏ không có trong bản nguồn: {missing[0][:80]!r}")
    actual = body_words(doc)
    for index, (want, got) in enumerate(zip(expected, actual)):
        if want != got:
            context = " ".join(expected[max(0, index - 5) : index + 5])
            return FidelityReport(False, f"chữ thứ {index + 1}: nguồn có {want!r}, bản làm sạch có {got!r} (ngữ cảnh: {context})")
    if len(expected) != len(actual):
        return FidelityReport(False, f"bản nguồn có {len(expected)} chữ, bản làm sạch có {len(actual)} chữ")
    return FidelityReport(True, f"{len(actual)} chữ khớp")


def _find(tokens: list[str], needle: list[str]) -> int:
    if not needle:
        return -1
    first = needle[0]
    for index in range(len(tokens) - len(needle) + 1):
        if tokens[index] == first and tokens[index : index + len(needle)] == needle:
            return index
    return -1
