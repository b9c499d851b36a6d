"""Draft a document YAML from a raw text: `PYTHONPATH=hooks python -m kb.importer nguon.txt [-o draft.yml]`.

The draft is a starting point for a maintainer, never a finished file: it only re-arranges the
source (so it keeps every word, and the checker's no-word-lost test passes on it), fills the
metadata it can read from the text itself, leaves everything else null, and marks with
`# KIỂM TRA:` comments what a person must look at (probable web chrome, hard-wrapped lines,
duplicated paragraphs, guessed titles, detected citations).
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .loader import ACTORS_FILE, REGISTRIES_DIR, load_corpus
from .model import Actor
from .problems import DataError

# Document type words as they open a directive, longest first; value = vocab key.
TYPE_WORDS = [
    ("nghị quyết liên tịch", "nghi-quyet-lien-tich"),
    ("chỉ thị", "chi-thi"),
    ("nghị quyết", "nghi-quyet"),
    ("quyết định", "quyet-dinh"),
    ("kế hoạch", "ke-hoach"),
    ("hướng dẫn", "huong-dan"),
    ("thông tri", "thong-tri"),
    ("kết luận", "ket-luan"),
    ("quy chế", "quy-che"),
    ("quy định", "quy-dinh"),
    ("thông tư", "thong-tu"),
    ("nghị định", "nghi-dinh"),
]
_TYPE_LINE = re.compile(r"^(?P<word>" + "|".join(w for w, _ in TYPE_WORDS) + r")(?:\s+của\s+.+)?$", re.I)
_NUMBERED = re.compile(r"^(?P<marker>\d{1,2}[.\-/)])(?:\s+(?P<text>.*))?$")
_LETTERED = re.compile(r"^(?P<marker>[a-zđ]\))(?:\s+(?P<text>.*))?$")
_BULLET = re.compile(r"^(?P<marker>[-–•+])\s+(?P<text>.+)$")
_PLACE_DATE = re.compile(
    r"^(?P<place>[A-ZĐ][^,\d]{1,40}),\s*(?:ngày\s+(?P<d1>\d{1,2})\s+tháng\s+(?P<m1>\d{1,2})\s+năm\s+(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})/(?P<m2>\d{1,2})/(?P<y2>\d{4}))\.?$"
)
_NUMBER_LINE = re.compile(r"^Số[:.]?\s*(?P<number>\d+[\w/\-. ]*\w)$", re.I)
_SIGNATURE_START = re.compile(r"^(t/m|tm\.?|k/t|kt\.?|t/l|tl\.?|q\.)\s|^\(đã ký\)$", re.I)
_CITATION = re.compile(
    r"\b(?P<kind>Chỉ thị|Nghị quyết(?: liên tịch)?|Quyết định|Nghị định|Pháp lệnh|Thông tư|Luật|Hướng dẫn|Kế hoạch)"
    r"(?:\s+số)?\s+(?P<number>\d+[A-Z]?(?:[/\-][\w\-]+)*(?:\s*-\s*[A-ZĐ]{2,})?)"
)
# Web-page chrome seen in copied pages: footers, counters, menus.
_CHROME_LINE = re.compile(
    r"^(tin liên quan|liên kết website|(số )?lượt truy cập:?.*|lượt xem:?.*|đang online:?.*|hôm qua:.*|tất cả:.*|"
    r"rx online|.*\bonline:\s*\d[\d.,]*|\d{1,6}|trang chủ|in bài viết|gửi bài viết)$",
    re.I,
)
_FOOTER_START = re.compile(r"^(tin liên quan|liên kết website|các tin khác|tin khác|bài viết liên quan)$", re.I)
_END_PUNCT = re.compile(r"[.;:!?…]['\"”’)]*(?:-|/\.)?$|\./\.$")
UPPER_WORDS = {"Đảng", "Nhà", "Chính"}  # kept for the readers of this module: sentence case is a guess


@dataclass
class Line:
    number: int
    text: str


@dataclass
class Para:
    """A paragraph of the source: its lines joined, and where it started."""

    text: str
    line: int
    wrapped: bool = False  # joined from several hard-wrapped lines


@dataclass
class Draft:
    type: str = "khac"
    type_note: str = ""
    number: str | None = None
    title: str | None = None
    title_note: str = ""
    issuer: Actor | None = None
    issuer_hint: str = ""
    place: str | None = None
    issued: str | None = None
    issued_note: str = ""
    signer_name: str | None = None
    signer_position: str | None = None
    signer_on_behalf: str | None = None
    effective: str | None = None
    removed: list[tuple[int, str, str, str]] = field(default_factory=list)  # (line, text, reason, note)
    body: list[dict] = field(default_factory=list)
    citations: list[tuple[str, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# Reading the source ---------------------------------------------------------------------


def read_source(path: Path) -> list[Line]:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    text = unicodedata.normalize("NFC", raw.decode("utf-8"))  # a legacy encoding fails loudly here
    return [Line(n, " ".join(t.split())) for n, t in enumerate(text.replace("\r\n", "\n").split("\n"), start=1)]


def is_hard_wrapped(lines: list[Line]) -> bool:
    """Lines cut at a fixed width, with no blank lines between paragraphs (001's style)."""
    filled = [l for l in lines if l.text]
    if len(filled) < 10:
        return False
    long = [l for l in filled if 60 <= len(l.text) <= 130]
    blanks = len(lines) - len(filled)
    return len(long) >= 0.5 * len(filled) and max(len(l.text) for l in filled) <= 130 and blanks <= 0.05 * len(lines)


def paragraphs(lines: list[Line], wrapped: bool) -> list[Para]:
    """Join lines into paragraphs; a marker alone on a line ('1.', 'a)') stays its own paragraph."""
    paras: list[Para] = []
    current: list[Line] = []

    def flush():
        if current:
            paras.append(Para(" ".join(l.text for l in current), current[0].number, wrapped and len(current) > 1))
            current.clear()

    for line in lines:
        text = line.text
        if not text:
            flush()
            continue
        if not wrapped:
            # a line that starts in lower case right under another continues its paragraph
            if not (current and _continues(current[-1].text, text)):
                flush()
            current.append(line)
            continue
        alone_marker = bool(re.fullmatch(r"\d{1,2}[.\-/)]|[a-zđ]\)", text))
        if alone_marker or _TYPE_LINE.match(text):
            flush()
            paras.append(Para(text, line.number))
            continue
        previous = current[-1].text if current else None
        if previous is not None and _END_PUNCT.search(previous) and not text[:1].islower():
            flush()
        elif previous is not None and previous.isupper() != text.isupper():
            flush()  # an all-caps title ends where sentence case begins
        current.append(line)
    flush()
    return paras


def _continues(previous: str, text: str) -> bool:
    """A hard-wrapped line: lower-case start under a long line that did not end a sentence."""
    return (
        text[:1].islower()
        and len(previous) >= 40
        and not re.search(r"[.:!?…]['\"”’)]*$", previous)  # ';' and ',' end a wrapped line, not a paragraph
        and not _TYPE_LINE.match(previous)
        and not _CHROME_LINE.match(text)
        and not _SIGNATURE_START.match(text)
        and not _LETTERED.match(text)  # "b) …" after "a) …;" is the next point, not a wrapped line
    )


# Recognising the parts ------------------------------------------------------------------


def draft_from_text(lines: list[Line], actors: dict[str, Actor]) -> Draft:
    draft = Draft()
    wrapped = is_hard_wrapped(lines)
    if wrapped:
        draft.notes.append(
            "Bản nguồn bị ngắt dòng cứng (mỗi dòng khoảng 80 ký tự): các dòng đã được nối thành đoạn; "
            "kiểm tra chỗ bắt đầu mỗi đoạn."
        )
    paras = paragraphs(lines, wrapped)
    paras = _drop_footer(paras, draft)
    paras = _drop_duplicates(paras, draft)

    type_at = next((i for i, p in enumerate(paras) if _TYPE_LINE.match(p.text)), None)
    head: list[Para] = []
    if type_at is None:
        body_paras = paras
        if any(re.match(r"^Ngày \d{1,2}/\d{1,2}/\d{4},", p.text) for p in paras[:6]):
            draft.type = "tin-bai"
            draft.type_note = "không thấy dòng tên loại văn bản; văn bản kể lại sự kiện («Ngày …, … tổ chức …») nên đoán là tin bài"
        else:
            draft.type_note = "không thấy dòng tên loại văn bản (CHỈ THỊ, NGHỊ QUYẾT…): chọn loại đúng"
    else:
        word = _TYPE_LINE.match(paras[type_at].text)["word"].lower()
        draft.type = dict(TYPE_WORDS)[word]
        for para in paras[:type_at]:
            if _PLACE_DATE.match(para.text) or _NUMBER_LINE.match(para.text):
                head.append(para)
            else:
                draft.removed.append((para.line, para.text, "chrome", "Có thể là phần trang web trước văn bản (khẩu hiệu, tiêu đề trang) — KIỂM TRA"))
        body_paras = paras[type_at:]

    for para in head + body_paras[:3]:
        if m := _PLACE_DATE.match(para.text):
            draft.place = m["place"].strip()
            day, month, year = (m["d1"], m["m1"], m["y1"]) if m["y1"] else (m["d2"], m["m2"], m["y2"])
            draft.issued = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
        if m := _NUMBER_LINE.match(para.text):
            draft.number = m["number"]

    _read_body(head, body_paras, type_at is not None, draft)
    _find_issuer(lines, draft, actors)
    if draft.title:  # sentence case lost the capitals of place names the registry knows
        for actor in actors.values():
            bare = re.sub(r"^(Tỉnh|Thành phố|Quận|Huyện|Xã|Phường|Thị trấn)\s+", "", actor.place or "")
            if bare:
                draft.title = re.sub(rf"(?<!\w){re.escape(bare.lower())}(?!\w)", bare, draft.title)
    _find_citations(lines, draft)
    return draft


def _drop_footer(paras: list[Para], draft: Draft) -> list[Para]:
    """Web chrome: a footer block from "Tin liên quan"/"Liên kết website" on, and stray counters."""
    start = next((i for i, p in enumerate(paras) if _FOOTER_START.match(p.text)), None)
    kept = paras
    if start is not None and all(len(p.text) < 80 for p in paras[start:]):
        footer = " ".join(p.text for p in paras[start:])
        draft.removed.append((paras[start].line, footer, "chrome", "Chân trang web (tin liên quan, liên kết, bộ đếm truy cập) — KIỂM TRA"))
        kept = paras[:start]
    result = []
    for para in kept:
        if _CHROME_LINE.match(para.text):
            draft.removed.append((para.line, para.text, "chrome", "Dòng ngắn có vẻ là bộ đếm hoặc thành phần trang web — KIỂM TRA"))
        else:
            result.append(para)
    return result


def _drop_duplicates(paras: list[Para], draft: Draft) -> list[Para]:
    """A long paragraph printed twice: keep the later copy (after the title), list the first in `removed`."""
    result = []
    for index, para in enumerate(paras):
        later = any(p.text == para.text for p in paras[index + 1 :])
        if later and len(para.text) > 80:
            draft.removed.append((para.line, para.text, "duplicate", f"Đoạn lặp lại (dòng {para.line} và sau đó); giữ lần sau — KIỂM TRA"))
        else:
            result.append(para)
    return result


def _read_body(head: list[Para], paras: list[Para], has_type_line: bool, draft: Draft) -> None:
    body = draft.body
    for para in head:
        body.append({"heading": para.text, "line": para.line})
    rest = list(paras)
    if has_type_line:
        body.append({"heading": rest.pop(0).text})
    title_lines = _title_lines(rest, has_type_line)
    if title_lines:
        body.append({"heading": " ".join(p.text for p in title_lines)})
        rest = rest[len(title_lines) :]
        draft.title = _title_from(" ".join(p.text for p in title_lines))
        draft.title_note = "đoán từ dòng tên văn bản; viết hoa chữ đầu câu và tên riêng cho đúng"
    elif not has_type_line and rest:
        first = rest.pop(0)
        body.append({"heading": first.text})
        draft.title = first.text.rstrip(".")
        draft.title_note = "lấy dòng đầu tiên (tiêu đề bài) làm trích yếu"

    signature = _signature(rest, draft)
    if signature:
        rest = rest[: len(rest) - len(signature)]

    top_clause: dict | None = None  # the latest numbered clause, parent of lettered clauses and bullets
    last_letter: dict | None = None
    section: dict | None = None
    last_number = 0
    pending_marker: str | None = None
    used_ids: set[str] = set()
    for para in rest:
        text = para.text
        if pending_marker is not None:
            text = f"{pending_marker} {text}"
            pending_marker = None
        if re.fullmatch(r"\d{1,2}[.\-/)]|[a-zđ]\)", text):
            pending_marker = text  # 001: the marker alone on its line, the clause text on the next
            continue
        if m := _NUMBERED.match(text):
            number = int(re.match(r"\d+", m["marker"])[0])
            clause = {"clause": m["marker"], "text": m["text"] or "", "items": [], "line": para.line}
            if number <= last_number and body and "p" in body[-1] and body[-1]["p"].rstrip().endswith(":"):
                lead = body.pop()
                section = {"section": _slug(lead["p"], 4, used_ids), "text": lead["p"], "label": _words(lead["p"], 4), "items": []}
                body.append(section)
            last_number = number
            (section["items"] if section else body).append(clause)
            top_clause, last_letter = clause, None
            continue
        if (m := _LETTERED.match(text)) and top_clause is not None:
            last_letter = {"clause": m["marker"], "text": m["text"] or "", "items": []}
            top_clause["items"].append(last_letter)
            continue
        if (m := _BULLET.match(text)) and top_clause is not None:
            (last_letter or top_clause)["items"].append({"clause": m["marker"], "text": m["text"]})
            continue
        if top_clause is not None and not top_clause["items"] and len(top_clause["text"]) <= 100:
            top_clause["items"].append({"p": text})  # a short clause heading followed by its paragraph
            continue
        top_clause, last_letter, section = None, None, None
        body.append({"p": text, "id": _slug(text, 3, used_ids), "wrapped": para.wrapped})
    if signature:
        body.append({"signature": [p.text for p in signature]})
    for block in body:
        if "p" in block and re.search(r"có hiệu lực", block["p"], re.I):
            draft.effective = None  # stated in the text: the maintainer writes the short phrase
            draft.notes.append(f"Đoạn «{_words(block['p'], 8)}…» nói về hiệu lực: điền trường 'effective'.")


def _title_lines(paras: list[Para], after_type_line: bool) -> list[Para]:
    """The title (trích yếu) lines right after the type line: all-caps lines, or mixed-case lines up to a long one."""
    if not after_type_line or not paras:
        return []
    first = paras[0].text
    if not (first.isupper() or re.match(r"^(v/v|về|trích yếu)\b", first, re.I) or first[:1].islower()):
        return []
    taken = [paras[0]]
    caps = first.isupper()
    for para in paras[1:]:
        text = para.text
        if _NUMBERED.match(text) or len(text) > 200 or _END_PUNCT.search(taken[-1].text) and not text[:1].islower():
            break
        if not caps and not text[:1].islower() and len(text) > 60 and _END_PUNCT.search(text):
            break  # a sentence, not the rest of the title
        if caps and not text.isupper():
            break
        taken.append(para)
    return taken


def _title_from(text: str) -> str:
    text = re.sub(r"^v/v\b", "Về việc", text.strip(), flags=re.I).rstrip(" .")
    if text.isupper():
        text = text.lower()
    return text[:1].upper() + text[1:]


def _signature(paras: list[Para], draft: Draft) -> list[Para]:
    """The signature block at the end: 't/m …', a position, '(Đã ký)', a name."""
    start = None
    for index in range(len(paras) - 1, max(len(paras) - 7, -1), -1):
        if len(paras[index].text) > 60:
            break
        if _SIGNATURE_START.match(paras[index].text):
            start = index
    if start is None:
        return []
    if start > 0 and paras[start - 1].text.isupper() and len(paras[start - 1].text) < 60:
        start -= 1  # a position line printed above "(Đã ký)" without "t/m"
    block = [p.text for p in paras[start:]]
    signed = next((i for i, t in enumerate(block) if t.lower() == "(đã ký)"), None)
    if block and re.match(r"^(t/m|tm\.?|k/t|kt\.?|t/l|tl\.?)\s", block[0], re.I):
        draft.signer_on_behalf = _phrase_case(block[0])
    if signed is not None and signed > 0 and block[signed - 1].isupper():
        draft.signer_position = _phrase_case(block[signed - 1])
    if len(block) > 1 and 2 <= len(block[-1].split()) <= 5 and block[-1] != "(Đã ký)":
        draft.signer_name = block[-1].title() if block[-1].isupper() else block[-1]
    return paras[start:]


# Capitalisation of common titles in signature lines; anything else is left in sentence case.
_PHRASES = {
    "t/m": "T/M", "tm.": "TM.", "k/t": "K/T", "kt.": "KT.", "ban thường vụ": "Ban Thường vụ", "bí thư": "Bí thư",
    "chủ tịch": "Chủ tịch", "thường trực": "Thường trực", "ủy ban nhân dân": "Ủy ban nhân dân", "ban chấp hành": "Ban Chấp hành",
}


def _phrase_case(text: str) -> str:
    result = text.lower()
    result = result[:1].upper() + result[1:]
    for lower, proper in _PHRASES.items():
        result = re.sub(rf"(?<!\w){re.escape(lower)}(?!\w)", proper, result, flags=re.I)
    return result[:1].upper() + result[1:]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    for old, new in (("uỷ", "ủy"), ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oạ", "ọa"), ("thuỷ", "thủy")):
        text = text.replace(old, new)
    return text


def _find_issuer(lines: list[Line], draft: Draft, actors: dict[str, Actor]) -> None:
    """The registry actor that issues the text: named in the heading, or named right before an
    issuing verb ("… Thành ủy yêu cầu"), or the only actor the text names at all. Each candidate
    scores (how it was found, length of the name matched); a tie is left to the maintainer."""
    filled = [l.text for l in lines if l.text]
    type_at = next((i for i, line in enumerate(filled[:8]) if _TYPE_LINE.match(line)), None)
    # the heading names the issuer ("CHỈ THỊ CỦA CHỦ TỊCH UBND TỈNH PHÚ THỌ"); the title after it
    # names the bodies the text cites, so it does not count
    head = _fold(" ".join(filled[: type_at + 1])) if type_at is not None else ""
    text = _fold(" ".join(filled))
    places = {_bare_place(a.place): a.place for a in actors.values() if a.place}
    named = [place for key, place in places.items() if key and key in text]
    scores: dict[str, tuple[int, int]] = {}
    for actor in actors.values():
        names = [_fold(n) for n in (actor.name, actor.short) if n]
        spoken = names + [_fold(a) for a in actor.aliases]
        if actor.place in named:  # "Ban Thường vụ Thành ủy" in a text that names Hà Nội
            generic = _fold(actor.name).replace(_bare_place(actor.place), "").strip()
            if generic:
                spoken.append(generic)
        best = (0, 0)
        for name in names:
            if name in head:
                best = max(best, (3, len(name)))
            elif name in text:
                best = max(best, (1, len(name)))
        for name in spoken:
            if re.search(rf"{re.escape(name)}\s+(chỉ thị|yêu cầu|xem xét|ban hành|quyết định)\b", text):
                best = max(best, (2, len(name)))
        if best[0]:
            scores[actor.id] = best
    top = max(scores.values(), default=None)
    if top and top[0] == 1:  # only mentioned: it is the issuer only if no other actor is mentioned
        winners = [actors[a] for a, s in scores.items() if s[0] == 1]
    else:
        winners = [actors[a] for a, s in scores.items() if s == top]
    if len(winners) == 1:
        draft.issuer = winners[0]
        draft.place = winners[0].place or draft.place
    elif winners:
        draft.issuer_hint = "nhiều cơ quan trong danh mục khớp như nhau: " + ", ".join(a.id for a in winners)
    else:
        generic = re.search(r"(ủy ban nhân dân (tỉnh|thành phố|quận|huyện|xã)|ban thường vụ \w+ ủy|chủ tịch ubnd \w+)", text)
        hint = f"văn bản nhắc «{generic[0]}»" if generic else "văn bản không nêu rõ"
        draft.issuer_hint = f"không tìm thấy trong danh mục data/{REGISTRIES_DIR}/{ACTORS_FILE} ({hint}); thêm cơ quan vào danh mục nếu biết chắc"
    if draft.place is None and named:
        draft.notes.append(f"Văn bản nhắc địa danh {', '.join(f'«{p}»' for p in named)}: kiểm tra trường 'place'.")


def _bare_place(place: str | None) -> str:
    return re.sub(r"^(tỉnh|thành phố|quận|huyện|xã|phường|thị trấn)\s+", "", _fold(place or ""))


def _find_citations(lines: list[Line], draft: Draft) -> None:
    seen = set()
    for line in lines:
        for m in _CITATION.finditer(line.text):
            label = f"{m['kind']} {m['number']}".strip(" -")
            if label not in seen:
                seen.add(label)
                draft.citations.append((label, line.number))


# Writing the YAML -----------------------------------------------------------------------


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c))


def _words(text: str, count: int) -> str:
    return " ".join(re.findall(r"\w+", text)[:count])


def _slug(text: str, count: int, used: set[str]) -> str:
    base = "-".join(_ascii(w).lower() for w in re.findall(r"\w+", text)[:count]) or "doan"
    base = re.sub(r"[^a-z0-9-]", "", base).strip("-") or "doan"
    if base.startswith("kb-"):
        base = "doan-" + base
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}-{n}", n + 1
    used.add(slug)
    return slug


def quoted(text: str | None) -> str:
    if text is None:
        return "null"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def folded(key: str, text: str, indent: int) -> list[str]:
    """`key: >-` and the text wrapped at ~100 columns (YAML joins the lines with single spaces)."""
    pad = " " * indent
    if len(text) + len(key) + indent < 96:
        return [f"{pad}{key}: {quoted(text)}"]
    inner = pad + ("    " if key.startswith("- ") else "  ")  # deeper than the key the text belongs to
    wrapped = textwrap.wrap(text, width=100 - len(inner), break_long_words=False, break_on_hyphens=False)
    return [f"{pad}{key}: >-", *(f"{inner}{w}" for w in wrapped)]


def to_yaml(draft: Draft, doc_id: str, source_name: str) -> str:
    out = [
        "# yaml-language-server: $schema=../../schema/van-ban.schema.json",
        "# Một văn bản của Kho chỉ thị dân vận — đọc bởi hooks/kb/loader.py",
        f"# BẢN NHÁP do kb.importer tạo từ {source_name}: đọc lại từng dòng «KIỂM TRA» rồi xóa các chú thích này.",
    ]
    out += [f"# KIỂM TRA: {note}" for note in draft.notes]
    out += ["", f"id: {doc_id}"]
    if draft.type_note:
        out.append(f"# KIỂM TRA: loại văn bản — {draft.type_note}")
    out.append(f"type: {draft.type}")
    out.append(f"number: {quoted(draft.number)}")
    if draft.title_note:
        out.append(f"# KIỂM TRA: trích yếu {draft.title_note}")
    out += folded("title", draft.title or "", 0) if draft.title else ["title: null  # KIỂM TRA: điền trích yếu"]
    if draft.issuer:
        out.append(f"issuer: {draft.issuer.id}  # KIỂM TRA: tìm thấy «{draft.issuer.name}» trong danh mục")
        level, bloc = draft.issuer.level, _bloc_of(draft.issuer)
    else:
        out.append(f"# KIỂM TRA: cơ quan ban hành {draft.issuer_hint}")
        out.append("issuer: null")
        level = bloc = None
    out.append(f"level: {level or 'null'}")
    out.append(f"bloc: {bloc or 'null'}")
    out.append(f"place: {quoted(draft.place)}")
    out += [
        "signer:",
        f"  name: {quoted(draft.signer_name)}",
        f"  position: {quoted(draft.signer_position)}",
        f"  on_behalf: {quoted(draft.signer_on_behalf)}",
    ]
    if draft.issued is None:
        out.append("# KIỂM TRA: văn bản không ghi ngày ban hành; nếu suy ra được, ghi {after: …, before: …, reason: …}")
    out.append(f"issued: {quoted(draft.issued)}")
    out.append(f"effective: {quoted(draft.effective)}")
    out.append("status: null")
    out.append("topics: []  # KIỂM TRA: thêm vài chủ đề ngắn")
    if draft.citations:
        out.append("# Dẫn chiếu tìm thấy trong văn bản (dòng của bản nguồn):")
        out += [f"#   - {label} (dòng {line})" for label, line in draft.citations]
    out += ["source:", f"  file: {quoted(source_name)}", '  note: "Bản sao, đã làm sạch"  # KIỂM TRA: nói rõ nguồn là gì']
    if draft.removed:
        out.append("removed:")
        for _line, text, reason, note in sorted(draft.removed):
            out += folded("- text", text, 2)
            out += [f"    reason: {reason}", f"    note: {quoted(note)}"]
    else:
        out.append("removed: []")
    out.append("body:")
    for block in draft.body:
        out += _block_yaml(block, 2)
    return "\n".join(out) + "\n"


def _bloc_of(actor: Actor) -> str | None:
    if actor.kind in ("dang", "chinh-quyen", "mat-tran"):
        return actor.kind
    if re.search(r"ủy ban nhân dân|ubnd", _fold(actor.name)):
        return "chinh-quyen"
    return None


def _block_yaml(block: dict, indent: int) -> list[str]:
    pad = " " * indent
    if "heading" in block:
        return folded("- heading", block["heading"], indent)
    if "signature" in block:
        return [f"{pad}- signature:", *(f"{pad}    - {quoted(line)}" for line in block["signature"])]
    if "p" in block:
        lines = []
        if block.get("wrapped"):
            lines.append(f"{pad}# KIỂM TRA: đoạn này được nối từ nhiều dòng bị ngắt cứng")
        lines += folded("- p", block["p"], indent)
        if block.get("id"):
            lines.append(f"{pad}  id: {block['id']}")
        return lines
    if "section" in block:
        lines = [f"{pad}- section: {block['section']}"]
        lines += folded("text", block["text"], indent + 2)
        lines.append(f"{pad}  label: {quoted(block['label'])}  # KIỂM TRA: tên ngắn của phần")
        lines.append(f"{pad}  items:")
        for item in block["items"]:
            lines += _block_yaml(item, indent + 4)
        return lines
    lines = [f"{pad}- clause: {quoted(block['clause'])}"]
    lines += folded("text", block["text"], indent + 2) if block["text"] else [f"{pad}  text: null  # KIỂM TRA: khoản không có nội dung"]
    if block.get("items"):
        lines.append(f"{pad}  items:")
        for item in block["items"]:
            lines += _block_yaml(item, indent + 4)
    return lines


# Command --------------------------------------------------------------------------------


def draft_yaml(source: Path, root: Path, doc_id: str | None = None) -> str:
    """The draft YAML for `source`, with issuers looked up in the project's actors registry."""
    try:
        corpus, _ = load_corpus(root / "data", root=root)
        actors = corpus.actors
    except DataError:
        actors = {}
    draft = draft_from_text(read_source(source), actors)
    return to_yaml(draft, doc_id or _slug(draft.title or source.stem, 8, set()), source.name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kb.importer", description="Tạo bản nháp YAML từ một văn bản thô (.txt).")
    parser.add_argument("source", help="tệp văn bản thô, ví dụ data/nguon/abc.txt")
    parser.add_argument("-o", "--output", help="ghi bản nháp vào tệp này (mặc định: in ra màn hình)")
    parser.add_argument("--id", help="mã văn bản (mặc định: tạo từ trích yếu)")
    parser.add_argument("--project", default=".", help="thư mục dự án, để tra danh mục cơ quan")
    args = parser.parse_args(argv)
    source = Path(args.source)
    try:
        text = draft_yaml(source, Path(args.project).resolve(), args.id)
    except UnicodeDecodeError:
        print(f"{source}:1: lỗi: tệp không phải UTF-8 (chuyển sang Unicode bằng Unikey trước khi nhập)", file=sys.stderr)
        return 1
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Đã ghi bản nháp {args.output}: đọc lại các dòng «KIỂM TRA», rồi chạy scripts/check.sh", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
