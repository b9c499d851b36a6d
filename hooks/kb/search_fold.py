"""Folding of Vietnamese text for search, shared by the index (here) and the browser (kb-search.js).

Officials type without diacritics, with old or new tone placement ("hoá"/"hóa", "uỷ"/"ủy") and
with "i" or "y" ("kỹ"/"kĩ"), and write document numbers in many ways ("18/2000/CT-TTg",
"CT-TTg 18/2000"). Folding both the indexed text and the query to the same plain tokens makes all
of these meet. docs/assets/kb-search.js implements the same rules; tests/test_browser_search.py
checks that both sides agree on a list of words.
"""

from __future__ import annotations

import re
import unicodedata

# Vietnamese tone and vowel marks after NFD are all in this block (grave, acute, tilde, hook
# above, dot below, circumflex, breve, horn). The JS side strips exactly the same range.
_MARKS = re.compile("[\u0300-\u036f]")
# Anything that is not a plain letter or digit separates tokens: "/", "-", punctuation, spaces.
_SEPARATORS = re.compile("[^a-z0-9]+")
# "i" and "y" are interchangeable at the end of these syllables (kỹ/kĩ, lý/lí, quý/quí, công ty/ti).
_FINAL_Y = re.compile(r"\b(h|k|l|m|s|t|qu)y\b")


def fold(text: str) -> str:
    """Lower-case ASCII tokens joined by single spaces: 'Điểm b, khoản 3 – 18/2000/CT-TTg' → 'diem b khoan 3 18 2000 ct ttg'."""
    return _FINAL_Y.sub(r"\1i", " ".join(text.translate(_FOLD_CHAR).split()))


class _FoldTable(dict):
    """Character → its folded letters and digits, or a space; filled the first time each is seen."""

    def __missing__(self, code: int) -> str:
        folded = _MARKS.sub("", unicodedata.normalize("NFD", chr(code))).replace("đ", "d").replace("Đ", "d").lower()
        self[code] = value = _SEPARATORS.sub(" ", folded)
        return value


# Folding one character at a time gives the same tokens as folding the whole text: canonical
# decomposition works per character (reordering only moves combining marks, never across
# letters), and the rare context-dependent lower-casing (final sigma) yields a separator
# either way. So each character is folded once, and a text is one str.translate.
_FOLD_CHAR = _FoldTable()


def fold_reference(text: str) -> str:
    """The rule as written, on the whole text (what `fold` must equal; used by the tests)."""
    text = unicodedata.normalize("NFD", text)
    text = _MARKS.sub("", text).replace("đ", "d").replace("Đ", "d").lower()
    text = _SEPARATORS.sub(" ", text).strip()
    return _FINAL_Y.sub(r"\1i", text)


def tokens(text: str) -> list[str]:
    folded = fold(text)
    return folded.split(" ") if folded else []


# Accents, for ranking: an exact accented match ranks above a folded-only one when the reader
# typed accents. A word's accent key keeps its letters' marks (â ă ê ô ơ ư đ) and its tone as one
# digit, wherever the tone mark sits, so "hoá"/"hóa" and "uỷ"/"ủy" ("kỹ"/"kĩ") meet; fold() of
# the key without its digit equals fold() of the word. kb-search.js computes the same key.
_TONES = {"\u0300": "1", "\u0301": "2", "\u0303": "3", "\u0309": "4", "\u0323": "5"}
_TONE_MARKS = re.compile("[\u0300\u0301\u0303\u0309\u0323]")
_FINAL_Y_WORD = re.compile(r"(h|k|l|m|s|t|qu)y")
# a word as readers write it: letters (with their marks) and digits
WORD = re.compile(r"[^\W_]+")


def accent_key(word: str) -> str:
    """'Đảng' → 'đang4', 'hoá' and 'hóa' → 'hoa2', 'Kỹ' → 'ki3', 'ct' → 'ct0'."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tone = next((_TONES[c] for c in decomposed if c in _TONES), "0")
    base = unicodedata.normalize("NFC", _TONE_MARKS.sub("", decomposed))
    if _FINAL_Y_WORD.fullmatch(base):
        base = base[:-1] + "i"
    return base + tone
