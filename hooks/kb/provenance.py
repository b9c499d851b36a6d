"""The source text of a document as recorded (data/nguon/), with what cleaning did marked on it:
the parts removed (with the recorded reason) and the words corrected (with the correction).

The fidelity check (kb.fidelity) guarantees that the source's words, minus the removals, are the
body's words with corrections undone; so after the removals, the n-th remaining source word is
the n-th body word, and a corrected body word marks the same source word. No MkDocs here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .model import Correction, Document
from .vocab import REMOVAL_REASONS

_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Piece:
    """A run of the source text: plain, removed (with why) or corrected (with what it became)."""

    text: str
    kind: str = "plain"  # plain | removed | corrected
    note: str = ""


def source_path(doc: Document, sources_dir: Path) -> Path | None:
    """The recorded source file of `doc`, if it exists inside `sources_dir` (a name never leaves it)."""
    if not doc.source_file:
        return None
    root = sources_dir.resolve()
    path = (sources_dir / doc.source_file).resolve()
    if path.parent != root or not path.is_file():
        return None
    return path


def marked_source(doc: Document, source_text: str) -> list[Piece]:
    """The source text cut into pieces, whitespace kept exactly as recorded."""
    text = unicodedata.normalize("NFC", source_text)
    tokens = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    marks: list[tuple[str, str]] = [("plain", "")] * len(tokens)
    available = list(range(len(tokens)))  # indices of tokens not yet claimed by a removal
    for removal in doc.removed:
        needle = removal.text.split()
        needle = [unicodedata.normalize("NFC", w) for w in needle]
        at = _find([tokens[i][2] for i in available], needle)
        if at < 0:
            continue
        note = f"{REMOVAL_REASONS.get(removal.reason, removal.reason)}: {removal.note}" if removal.note else REMOVAL_REASONS.get(removal.reason, removal.reason)
        for index in available[at : at + len(needle)]:
            marks[index] = ("removed", note)
        del available[at : at + len(needle)]
    for index, (word, note) in zip(available, _body_words(doc)):
        if tokens[index][2] != word:
            break  # the fidelity check reports this; mark nothing past a mismatch
        if note:
            marks[index] = ("corrected", note)
    pieces: list[Piece] = []
    position = 0
    for (start, end, _word), (kind, note) in zip(tokens, marks):
        gap = text[position:start]
        if pieces and pieces[-1].kind == kind and pieces[-1].note == note and kind != "plain":
            pieces[-1] = Piece(pieces[-1].text + gap + text[start:end], kind, note)
        else:
            if gap:
                _append(pieces, Piece(gap))
            _append(pieces, Piece(text[start:end], kind, note))
        position = end
    if position < len(text):
        _append(pieces, Piece(text[position:]))
    return pieces


def _append(pieces: list[Piece], piece: Piece) -> None:
    if piece.kind == "plain" and pieces and pieces[-1].kind == "plain":
        pieces[-1] = Piece(pieces[-1].text + piece.text)
    else:
        pieces.append(piece)


def _body_words(doc: Document) -> list[tuple[str, str]]:
    """The body's words as the source printed them, each with the correction made to it ('' if none)."""
    result: list[tuple[str, str]] = []
    for block in doc.blocks():
        if block.kind == "signature":
            result.extend((unicodedata.normalize("NFC", w), "") for line in block.lines for w in line.split())
            continue
        if block.marker:
            result.extend((unicodedata.normalize("NFC", w), "") for w in block.marker.split())
        spans: list[tuple[int, int, str]] = []
        original = ""
        for segment in block.segments:
            piece = segment.original if isinstance(segment, Correction) else (segment if isinstance(segment, str) else segment.text)
            if isinstance(segment, Correction):
                spans.append((len(original), len(original) + len(piece), f"Đã sửa «{segment.original}» thành «{segment.corrected}»"))
            original += piece
        for match in _WORD.finditer(unicodedata.normalize("NFC", original)):
            note = next((n for s, e, n in spans if s < match.end() and match.start() < e), "")
            result.append((match.group(0), note))
    return result


def _find(tokens: list[str], needle: list[str]) -> int:
    if not needle:
        return -1
    for index in range(len(tokens) - len(needle) + 1):
        if tokens[index] == needle[0] and tokens[index : index + len(needle)] == needle:
            return index
    return -1
