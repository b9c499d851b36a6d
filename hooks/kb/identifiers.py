"""Unicode hygiene for what identifies a document or an agency: ids, numbers, registry keys.

Two spellings that look the same must be the same, and one that only looks the same must be
refused: a zero-width space or a soft hyphen (category Cf) hidden in "18/2000/CT-TTg", or a
Cyrillic "С" typed in place of a Latin "C", would otherwise make a second document with "the
same" number. Confusable detection uses the `confusable-homoglyphs` package (the Unicode
consortium's confusables.txt and Scripts.txt, kept up to date there) instead of tables of our own.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from confusable_homoglyphs import categories, confusables

# Dash and slash variants a number may be typed with (Word's en dash, a full-width slash…)
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u2043"
_SLASHES = "\u2044\u2215\u29f8\uff0f\u2571"
_UNIFORM = str.maketrans({**{c: "-" for c in _DASHES}, **{c: "/" for c in _SLASHES}})
# invisible characters that are not category Cf but hide in copied text just as well
_INVISIBLE_SPACES = {"\u00a0", "\u2007", "\u202f", "\u3000", "\u180e", "\u200b"}


@dataclass(frozen=True)
class Flaw:
    """One character that has no place in an identifier: where (1-based) and what it is."""

    position: int
    char: str
    kind: str  # "hidden" | "script"
    script: str = ""
    looks_like: str = ""

    @property
    def code_point(self) -> str:
        return f"U+{ord(self.char):04X}"

    @property
    def name(self) -> str:
        return unicodedata.name(self.char, "không tên")


def flaws(text: str) -> list[Flaw]:
    """Hidden characters (format, control, unusual spaces) and letters of another script mixed with Latin."""
    found = []
    for index, char in enumerate(text):
        category = unicodedata.category(char)
        if category in ("Cf", "Cc", "Co", "Cn") or char in _INVISIBLE_SPACES:
            found.append(Flaw(index + 1, char, "hidden"))
    letters = [(i, c) for i, c in enumerate(text) if c.isalpha()]
    scripts = {categories.alias(c) for _i, c in letters}
    if "LATIN" in scripts and len(scripts) > 1:
        for index, char in letters:
            script = categories.alias(char)
            if script != "LATIN":
                found.append(Flaw(index + 1, char, "script", script, _latin_twin(char)))
    return sorted(found, key=lambda f: f.position)


def _latin_twin(char: str) -> str:
    for entry in confusables.is_confusable(char, greedy=True, preferred_aliases=["latin"]) or []:
        for glyph in entry["homoglyphs"]:
            if glyph["n"].startswith("LATIN"):
                return glyph["c"]
    return ""


def visible(text: str) -> str:
    """What a reader sees: hidden characters dropped, look-alike letters read as the Latin ones they mimic."""
    replaced = {f.position: ("" if f.kind == "hidden" else f.looks_like or f.char) for f in flaws(text)}
    return "".join(replaced.get(i, c) for i, c in enumerate(text, 1))


def number_key(number: str) -> str:
    """The form two spellings of one number share: '18/2000/CT–TTg', '18／2000／CT-TTG ' → '18/2000/CT-TTG'."""
    text = unicodedata.normalize("NFKC", number).translate(_UNIFORM)
    return "".join(text.split()).upper()
