"""Abbreviations and terms (data/danh-muc/thuat-ngu.yml): read and checked once per build.

The site shows each as a tooltip wherever it occurs (on generated pages: `GlossaryMarker`, on
hand-written pages: Python-Markdown's `abbr` extension, fed the whole list once per build by the
MkDocs wiring) and lists them on the glossary page.
No MkDocs here.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from . import messages
from .fields import Context, text, unknown_keys
from .messages import register
from .problems import Problem
from .vocab import choices
from .yamlload import YMap, load_yaml_file, registry_items

GLOSSARY_FILE = "thuat-ngu.yml"
TERM_FIELDS = {"term", "kind", "meaning", "source", "note"}
TERM_KINDS: dict[str, str] = {
    "viet-tat": "Chữ viết tắt",
    "ky-hieu": "Ký hiệu trong số hiệu văn bản",
    "thuat-ngu": "Thuật ngữ",
}
# A term is matched as a whole word by the tooltip pass: letters, digits, spaces, '-', '/', '.'
_TERM = re.compile(r"^[\w][\w \-/.]*[\w.]$|^\w$")

G = "thuat-ngu"
register(
    "glossary-shape", G, "Danh mục thuật ngữ sai dạng",
    "danh mục thuật ngữ phải có dạng 'terms:' và một danh sách các mục '- term: ...'",
)
register(
    "glossary-entry-not-map", G, "Mục thuật ngữ sai dạng",
    "mỗi mục phải là một khối có các trường term, kind, meaning (và source, note nếu cần)",
)
register(
    "glossary-missing-field", G, "Mục thuật ngữ thiếu trường",
    "mục thuật ngữ thiếu trường '{key}' ({description})", {"key": "meaning", "description": "nghĩa đầy đủ hoặc lời giải thích"},
)
register(
    "glossary-bad-kind", G, "Loại thuật ngữ không hợp lệ",
    "loại '{value}' không hợp lệ (chọn một trong: {choices})", {"value": "tu-viet-tat", "choices": ", ".join(TERM_KINDS)},
)
register(
    "glossary-bad-term", G, "Thuật ngữ có ký tự không dùng được",
    "thuật ngữ '{term}' chỉ được gồm chữ, số, dấu cách và '-', '/', '.' (bỏ dấu ngoặc, dấu phẩy)", {"term": "UBND (tỉnh)"},
)
register(
    "glossary-duplicate", G, "Một thuật ngữ ghi hai lần",
    "thuật ngữ '{term}' đã có ở dòng {line} (gộp hai mục làm một)", {"term": "UBND", "line": "5"},
)
del G

REQUIRED = {"term": "chữ viết tắt hoặc thuật ngữ, viết đúng như trong văn bản", "kind": "loại: " + ", ".join(TERM_KINDS), "meaning": "nghĩa đầy đủ hoặc lời giải thích"}


@dataclass(frozen=True)
class Term:
    term: str
    kind: str
    meaning: str
    source: str
    note: str
    line: int

    @property
    def anchor(self) -> str:
        """A stable ASCII anchor on the glossary page, from the term itself."""
        folded = unicodedata.normalize("NFD", self.term.replace("Đ", "D").replace("đ", "d"))
        ascii_term = "".join(c for c in folded if not unicodedata.combining(c)).lower()
        return "tn-" + "-".join(re.findall(r"[a-z0-9]+", ascii_term))


def load_glossary(path: Path, display: str, problems: list[Problem]) -> tuple[Term, ...]:
    """Read the glossary; a missing file means no glossary (the site works without one)."""
    if not path.exists():
        return ()
    loaded = load_yaml_file(path, display)
    problems.extend(loaded.problems)
    if loaded.value is None:
        return ()
    ctx = Context(display)
    items = registry_items(loaded.value, "terms")
    if items is None:
        problems.append(messages.problem("glossary-shape", display, getattr(loaded.value, "line", 1)))
        return ()
    terms: dict[str, Term] = {}
    anchors: set[str] = set()
    for line, entry in items:
        if not isinstance(entry, YMap):
            ctx.problems.append(messages.problem("glossary-entry-not-map", display, line))
            continue
        unknown_keys(entry, TERM_FIELDS, ctx)
        absent = [key for key in REQUIRED if key not in entry]
        for key in absent:
            ctx.problems.append(messages.problem("glossary-missing-field", display, line, key=key, description=REQUIRED[key]))
        if absent:
            continue
        term = text(entry, "term", ctx, required=True)
        meaning = text(entry, "meaning", ctx, required=True)
        kind = entry.get("kind")
        if kind not in TERM_KINDS:
            ctx.problems.append(messages.problem("glossary-bad-kind", display, entry.line_of("kind"), value=kind, choices=choices(TERM_KINDS)))
            continue
        if not term or not meaning:
            continue
        term = unicodedata.normalize("NFC", " ".join(term.split()))
        if not _TERM.match(term):
            ctx.problems.append(messages.problem("glossary-bad-term", display, entry.line_of("term"), term=term))
            continue
        if term in terms:
            ctx.problems.append(messages.problem("glossary-duplicate", display, entry.line_of("term"), term=term, line=terms[term].line))
            continue
        record = Term(term, kind, unicodedata.normalize("NFC", " ".join(meaning.split())), text(entry, "source", ctx) or "", text(entry, "note", ctx) or "", line)
        if record.anchor in anchors:  # "UBND" and "ubnd" would share a page anchor
            ctx.problems.append(messages.problem("glossary-duplicate", display, entry.line_of("term"), term=term, line=line))
            continue
        anchors.add(record.anchor)
        terms[term] = record
    problems.extend(ctx.problems)
    return tuple(terms.values())


def tooltips(terms: tuple[Term, ...]) -> dict[str, str]:
    """term -> tooltip text, for Python-Markdown's abbr extension (its `glossary` option)."""
    return {t.term: t.meaning for t in terms}


def term_pattern(terms: tuple[Term, ...]) -> re.Pattern | None:
    """One pattern for every term, longest first, matched as whole words (as the abbr extension does)."""
    if not terms:
        return None
    names = sorted((t.term for t in terms), key=len, reverse=True)
    # the lookahead changes no match: it lets the regex engine skip to a term's first letter
    # instead of trying every term at every word boundary of a page (twice as fast)
    first_letters = "".join(sorted({re.escape(n[0]) for n in names}))
    return re.compile(rf"(?=[{first_letters}])\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


class GlossaryMarker:
    """Marks every term in a page's HTML as Python-Markdown's `abbr` extension did on Markdown pages:
    `<abbr title="meaning">term</abbr>` around each whole-word occurrence in text, never inside a
    tag, in code, or in the parts Markdown left as raw HTML (the «Lược đồ» figure, a <summary>,
    the source text in <pre>).

    Word boundaries are read as Markdown read them: an escaped character ('_', '&' …) stood in the
    text as a placeholder that is not a word character, so the same characters here count as none.
    """

    def __init__(self, terms: tuple[Term, ...]):
        self.pattern = term_pattern(terms)
        self.titles = {t.term: html.escape(t.meaning, quote=True) for t in terms}

    def mark(self, page: str) -> str:
        if self.pattern is None:
            return page
        masked = _MASKED.sub(lambda m: "\x02" * len(m[0]), page)
        # raw HTML spans, in order and apart: a match is inside one if the last span starting
        # at or before it ends after it (a page may hold thousands: the open-data list's <code>)
        raw_starts, raw_ends = [], []
        for m in _RAW_HTML.finditer(page):
            raw_starts.append(m.start())
            raw_ends.append(m.end())
        out, position = [], 0
        for match in self.pattern.finditer(masked):
            start, end = match.span()
            if masked.rfind("<", 0, start) > masked.rfind(">", 0, start):
                continue
            before = bisect_right(raw_starts, start) - 1
            if before >= 0 and start < raw_ends[before]:
                continue
            term = page[start:end]
            out.append(page[position:start])
            out.append(f'<abbr title="{self.titles[term]}">{term}</abbr>')
            position = end
        if not out:
            return page
        out.append(page[position:])
        return "".join(out)


# Character references and '_' (Markdown's escapes); raw HTML blocks Markdown did not read into.
_MASKED = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);|_")
_RAW_HTML = re.compile(r"<(figure|summary|script|style|code|pre)\b.*?</\1>", re.S)
