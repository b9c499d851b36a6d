"""Draft a document YAML from a raw text: `PYTHONPATH=hooks python -m kb.importer nguon.txt [-o draft.yml]`.

The draft is a starting point for a maintainer, never a finished file. It only re-arranges the
source, so it keeps every word (the checker's no-word-lost test passes on it); it reads the
parts of an official document by their formal layout (kb.doc_layout: header, type line and
trích yếu, body levels, signature, "Nơi nhận"), fills the metadata the text states, and leaves
a field empty with a `# KIỂM TRA:` comment whenever it is not sure. Lines a web portal added
(menus, print buttons, counters, related news, copyright) and paragraphs printed twice go to
`removed`; the document's own header never does.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import textwrap
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import doc_layout as layout
from .import_agency import Agency, bloc_of_actor, find_in_registry, issuing_agency
from .loader import ACTORS_FILE, REGISTRIES_DIR, load_corpus
from .model import Actor
from .problems import DataError

_CITATION = re.compile(
    r"\b(?P<kind>Chỉ thị|Nghị quyết(?: liên tịch)?|Quyết định|Nghị định|Pháp lệnh|Thông tư|Luật|Hướng dẫn|Kế hoạch|Kết luận|Quy định)"
    r"(?:\s+số)?\s+(?P<number>\d+[A-Z]?(?:[/\-][\w\-]+)*(?:\s*-\s*[A-ZĐ]{2,})?)"
)
_END_PUNCT = re.compile(r"[.;:!?…]['\"”’)]*(?:-|/\.)?$|\./\.$")
_MARKER_ALONE = re.compile(r"^(\d{1,2}[.\-/)]|[a-zđ]\)|[IVXL]{1,6}[.\-/)])$")
TITLE_UNKNOWN = "Chưa rõ trích yếu"  # the loader needs a title; the KIỂM TRA note above it says to write one
_AUTHORITY_BODY = re.compile(r"^(ban thường vụ|ban chấp hành|thường trực)\b", re.I)


@dataclass
class Line:
    number: int
    text: str  # whitespace collapsed
    raw: str = ""  # as in the file (tabs and runs of spaces kept: two-column copies)


@dataclass
class Para:
    """A paragraph of the source: its lines joined, and where it started."""

    text: str
    line: int
    wrapped: bool = False  # joined from several hard-wrapped lines


@dataclass
class Removal:
    lines: list[Line]
    reason: str  # chrome | duplicate
    note: str

    @property
    def text(self) -> str:
        return " ".join(l.text for l in self.lines)


@dataclass
class Draft:
    type: str = "khac"
    type_note: str = ""
    number: str | None = None
    title: str | None = None
    title_note: str = ""
    issuer: Actor | None = None
    agency: Agency | None = None  # the issuing body as the header names it
    new_issuer: Agency | None = None  # proposed registry entry when the registry lacks it
    issuer_note: str = ""
    level: str | None = None
    bloc: str | None = None
    place: str | None = None
    issued: str | None = None
    issued_note: str = ""
    signer_name: str | None = None
    signer_position: str | None = None
    signer_on_behalf: str | None = None
    effective: str | None = None
    removed: list[Removal] = field(default_factory=list)
    body: list[dict] = field(default_factory=list)
    citations: list[tuple[str, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# Reading the source ---------------------------------------------------------------------


def read_source(path: Path) -> list[Line]:
    """The lines of a raw text: UTF-8 (BOM dropped), NFC, any line ending (CRLF, CR, LF)."""
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    text = unicodedata.normalize("NFC", raw.decode("utf-8"))  # a legacy encoding fails loudly here
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u200b", "")
    return [Line(n, " ".join(t.split()), t) for n, t in enumerate(text.split("\n"), start=1)]


def wrap_width(lines: list[Line]) -> int | None:
    """The width a hard-wrapped copy was cut at (every line at most ~that long, many close to it), or None."""
    filled = [l for l in lines if l.text]
    if len(filled) < 8:
        return None
    width = max(len(l.text) for l in filled)
    if width > 100:
        return None
    near = [l for l in filled if len(l.text) >= width - 15]
    return width if len(near) >= 0.3 * len(filled) else None


def paragraphs(lines: list[Line], width: int | None) -> list[Para]:
    """Join lines into paragraphs. In a hard-wrapped copy a line continues the one above when the
    first word of the line would not have fitted on it; otherwise only a line that starts in lower
    case under a long unfinished line continues it."""
    paras: list[Para] = []
    current: list[Line] = []

    def flush():
        if current:
            paras.append(Para(" ".join(l.text for l in current), current[0].number, width is not None and len(current) > 1))
            current.clear()

    for line in lines:
        text = line.text
        if not text:
            flush()
            continue
        if current and _continues(current[-1].text, text, width):
            current.append(line)
            continue
        flush()
        current.append(line)
    flush()
    return paras


def _continues(previous: str, text: str, width: int | None) -> bool:
    if _MARKER_ALONE.match(previous) or layout.RECIPIENTS.match(text) or layout.is_chrome(text):
        return False
    starts_block = bool(layout.NUMBERED.match(text) or layout.LETTERED.match(text) or layout.BULLET.match(text) or layout.section_of(text))
    if width is not None:
        first = text.split()[0]
        # the word did not fit: a wrap, not a new paragraph (a little slack, none after a full stop)
        slack = 0 if re.search(r"[.!?:]['\"”’)]*$", previous) and text[:1].isupper() else 3
        cut_here = len(previous) + 1 + len(first) > width - slack
        if not cut_here:
            return False
        if starts_block and _END_PUNCT.search(previous):
            return False
        if layout.is_caps(previous) != layout.is_caps(text) and (len(previous.split()) < 12 or len(text.split()) < 12):
            return False  # a caps heading ends where sentence case begins
        return True
    return (
        text[:1].islower()
        and len(previous) >= 40
        and not re.search(r"[.:!?…]['\"”’)]*$", previous)  # ';' and ',' end a wrapped line, not a paragraph
        and not layout.type_of_line(previous)
        and not starts_block
    )


# Recognising the parts ------------------------------------------------------------------


def draft_from_text(lines: list[Line], actors: dict[str, Actor]) -> Draft:
    draft = Draft()
    filled = [i for i, l in enumerate(lines) if l.text]
    type_at = next((i for i in filled[:40] if _is_type_line(lines[i])), None)
    header_start = next((i for i in filled[:30] if any(layout.header_cell_kind(c) for c in _cells(lines[i]))), None)
    if header_start is not None and type_at is not None and header_start > type_at:
        header_start = None
    org_lines: list[str] = []
    author: str | None = None
    if type_at is None and header_start is None:
        body_start = _read_news_head(lines, draft)
    else:
        body_start = _read_header(lines, header_start, type_at, draft, org_lines)
        if type_at is not None:
            body_start, author = _read_type_and_title(lines, type_at, draft)
    body_lines = lines[body_start:]
    main, attached = _split_attached(body_lines)
    signature_body = _read_part(main, draft, main_part=True)
    if attached:
        _read_part(attached, draft, main_part=False)
    _find_issuer(org_lines, author or signature_body, draft, actors)
    _fix_title_case(draft, actors)
    _assign_ids(draft.body, draft)
    _find_citations(lines, draft)
    if any("có hiệu lực" in b.get("p", "") + b.get("text", "") for b in _walk(draft.body)):
        draft.notes.append("Văn bản có câu nói về hiệu lực: điền trường 'effective' bằng một cụm ngắn.")
    return draft


def _is_type_line(line: Line) -> bool:
    found = layout.type_of_line(line.text)
    if not found:
        return False
    return layout.is_caps(line.text) or len(line.text.split()) <= 3  # "CHỈ THỊ", "Chỉ thị"; not a headline


def _read_header(lines: list[Line], start: int | None, type_at: int | None, draft: Draft, org_lines: list[str]) -> int:
    """The header block (before the type line, or for a công văn up to its last header line):
    headings, number, place and date, organisation lines, "V/v" subject. Lines before it are chrome."""
    start = start if start is not None else type_at
    assert start is not None
    leading = [l for l in lines[:start] if l.text]
    if leading:
        draft.removed.append(Removal(leading, "chrome", "Phần trang web trước văn bản (tên trang, trình đơn, đường dẫn, nút bấm)"))
    end = type_at if type_at is not None else _header_end(lines, start)
    subject: list[Line] = []
    subject_open = False
    index = start
    while index < end:
        line = lines[index]
        index += 1
        if not line.text:
            continue
        cells = _cells(line)
        kinds = [layout.header_cell_kind(c) for c in cells]
        if subject and subject_open and not any(kinds) and not line.text[:1].isupper():
            subject.append(line)  # the subject line wrapped
            continue
        if layout.SUBJECT.match(line.text) and not subject:
            subject.append(line)
            subject_open = True
            continue
        if subject_open:
            draft.body.append({"heading": " ".join(l.text for l in subject)})
            subject_open = False
        if not any(kinds) and layout.is_chrome(line.text):
            draft.removed.append(Removal([line], "chrome", "Dòng của trang web xen trong phần đầu văn bản"))
            continue
        draft.body.append({"heading": line.text})
        for cell, kind in zip(cells, kinds):
            if kind == "number" and draft.number is None:
                draft.number = layout.NUMBER.match(cell)["number"]
            elif kind == "date" and draft.issued is None:
                _read_date(cell, draft)
            elif kind == "org":
                if org_lines and layout.is_unit_continuation(cell) and not layout.is_org_line(cell):
                    org_lines[-1] = f"{org_lines[-1]} {cell}"  # "ỦY BAN NHÂN DÂN" / "HUYỆN ĐỨC LINH"
                else:
                    org_lines.append(cell)
    if subject:
        text = " ".join(l.text for l in subject)
        if subject_open:
            draft.body.append({"heading": text})
        rest = layout.SUBJECT.match(text)["rest"]
        draft.title = "Về việc " + rest.rstrip(" .") if rest else None
        draft.title_note = "lấy từ dòng «V/v» dưới số hiệu; sửa chữ hoa cho đúng"
        if type_at is None:
            draft.type = "cong-van"
            draft.type_note = "không có dòng tên loại, có dòng «V/v …» dưới số hiệu: đoán là công văn"
    elif type_at is None:
        draft.type_note = "phần đầu văn bản không có dòng tên loại (CHỈ THỊ, KẾ HOẠCH…): chọn loại đúng"
    return end


def _cells(line: Line) -> list[str]:
    """The cells of a header line; the whole line when cutting it at wide gaps breaks what it says
    ("Kon Tum, ngày   tháng 3 năm 2025": the day was left blank, not a second column)."""
    cells = layout.columns(line.raw) or [line.text]
    if len(cells) > 1 and not all(layout.header_cell_kind(c) for c in cells) and layout.header_cell_kind(line.text):
        return [line.text]
    return cells


def _header_end(lines: list[Line], start: int) -> int:
    """For a text without a type line: the line after the last header line near the top."""
    end = start
    for index in range(start, min(len(lines), start + 25)):
        text = lines[index].text
        if not text:
            continue
        cells = _cells(lines[index])
        if any(layout.header_cell_kind(c) for c in cells) or layout.SUBJECT.match(text):
            end = index + 1
        elif len(text) > 120 or layout.ADDRESSEE.match(text):
            break
    # a wrapped "V/v" line continues on the next line(s)
    while end < len(lines) and lines[end].text and not lines[end].text[:1].isupper() and not layout.ADDRESSEE.match(lines[end].text):
        end += 1
    return end


def _read_date(cell: str, draft: Draft) -> None:
    m = layout.PLACE_DATE.match(cell)
    if m["m3"]:  # "ngày    tháng 8 năm 2024": the day left blank in the copy
        month, year = int(m["m3"]), int(m["y3"])
        if 1 <= month <= 12:
            draft.issued = f"{year:04d}-{month:02d}"
            draft.issued_note = f"dòng «{cell}» để trống ngày: chỉ ghi tháng và năm; kiểm tra bản gốc"
        return
    day, month, year = (m["d1"], m["m1"], m["y1"]) if m["y1"] else (m["d2"], m["m2"], m["y2"])
    day, month, year = int(day), int(month), int(year)
    if 1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100:
        draft.issued = f"{year:04d}-{month:02d}-{day:02d}"
    else:
        draft.issued_note = f"dòng «{cell}» có ngày không hợp lệ"


def _read_type_and_title(lines: list[Line], type_at: int, draft: Draft) -> tuple[int, str | None]:
    """The type line, an optional "CỦA …" line, and the trích yếu lines under them."""
    type_line = lines[type_at]
    word, key = layout.type_of_line(type_line.text)
    draft.type = key
    if key == "khac":
        draft.type_note = f"dòng tên loại «{type_line.text}» không có trong danh sách loại: chọn loại gần nhất hoặc 'khac'"
    draft.body.append({"heading": type_line.text})
    author = None
    m = re.match(r"^.*?\bcủa\s+(?P<who>.+)$", type_line.text, re.I)
    if m:
        author = m["who"]
    index = type_at + 1
    while index < len(lines) and not lines[index].text:
        index += 1
    if index < len(lines) and layout.is_caps(lines[index].text) and re.match(r"^của\s", lines[index].text, re.I):
        author = lines[index].text.split(None, 1)[1]
        draft.body.append({"heading": lines[index].text})
        index += 1
    title: list[Line] = []
    while index < len(lines):
        line = lines[index]
        text = line.text
        if not text:
            if title:
                break
            index += 1
            continue
        if not title:
            # the line under the type line is the trích yếu unless it is plainly body text
            if _starts_body(text, first_title_line=True) or re.search(r"[:;]$", text) or len(text) > 300 and not layout.is_caps(text):
                break
            title.append(line)
            index += 1
            continue
        previous = title[-1].text
        if _starts_body(text) or _END_PUNCT.search(previous) and not previous.endswith(","):
            break
        if text[:1].isupper() and not (layout.is_caps(text) and layout.is_caps(previous)) and not _title_runs_on(lines, index):
            break  # a new sentence: the body begins
        if layout.is_caps(text) and not layout.is_caps(previous):
            break  # an authority line after a sentence-case title ("ỦY BAN NHÂN DÂN TỈNH …")
        title.append(line)
        index += 1
    following = next((l.text for l in lines[index:] if l.text), "")
    if author is None and layout.is_org_line(following):
        # the authority line (thẩm quyền ban hành) under the title: "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN …"
        author = re.sub(r"\s*(QUYẾT ĐỊNH|QUYẾT NGHỊ)?\s*:?$", "", following)
    if title:
        text = " ".join(l.text for l in title)
        draft.body.append({"heading": text})
        draft.title = _title_from(text)
        draft.title_note = "lấy từ các dòng dưới tên loại; sửa chữ hoa cho đúng (tên riêng, tên cơ quan)"
    else:
        draft.title_note = "không thấy dòng trích yếu dưới tên loại: điền trích yếu"
    return index, author


def _title_runs_on(lines: list[Line], index: int) -> bool:
    """A title line that starts with a capital ("Chủ tịch, Phó Chủ tịch …") still belongs to the
    title when it and the lines after it, up to a blank line, are short unfinished phrases."""
    run = []
    for line in lines[index : index + 4]:
        if not line.text:
            break
        run.append(line.text)
    else:
        return False
    return bool(run) and all(len(t) < 100 and not re.search(r"[.:;!?]$", t) and not _starts_body(t) for t in run)


def _starts_body(text: str, first_title_line: bool = False) -> bool:
    # "Thực hiện …" opens many a body, but also many a kế hoạch's trích yếu
    openers = r"Căn cứ|Kính gửi|Xét đề nghị|Theo đề nghị" if first_title_line else r"Căn cứ|Thực hiện|Kính gửi|Xét đề nghị|Theo đề nghị"
    return bool(
        layout.NUMBERED.match(text)
        or layout.section_of(text)
        or re.match(rf"^(-\s*)?({openers})\b", text)
        or layout.ADDRESSEE.match(text)
    )


def _title_from(text: str) -> str:
    text = re.sub(r"^(v/v)\b\s*:?\s*", "Về việc ", text.strip(), flags=re.I).rstrip(" .")
    if layout.is_caps(text):
        text = layout.restore_capitals(text.lower())
    return text[:1].upper() + text[1:]


def _read_news_head(lines: list[Line], draft: Draft) -> int:
    """A news item (tin bài): portal lines, a dateline, the headline, then the story."""
    draft.type = "tin-bai"
    draft.type_note = "không có phần đầu của văn bản (quốc hiệu, cơ quan, số, tên loại): đoán là tin bài"
    filled = [i for i, l in enumerate(lines) if l.text]
    if filled and re.match(r"^Ngày \d{1,2}/\d{1,2}/\d{4},", lines[filled[0]].text):
        return 0  # the story begins at once ("Ngày 6/9/2017, Quận ủy … tổ chức …")
    dateline = next((i for i in reversed(filled[:15]) if _is_dateline(lines[i].text)), None)
    after = next((i for i in filled if dateline is not None and i > dateline), None)
    if after is not None and _is_headline(lines[after].text):
        story = after + 1  # "Thứ Năm, 16/05/2024 - 08:45" and the headline under it
    else:
        width = wrap_width(lines)
        story = next((i for i in filled[:30] if _is_story_line(lines, i, width)), None)
    if story is None:
        draft.title_note = "không thấy tiêu đề bài: điền trích yếu"
        return 0
    headline = None
    for index in reversed([i for i in filled if i < story]):
        text = lines[index].text
        if layout.is_chrome(text) or layout.PORTAL_DATELINE.match(text) or re.fullmatch(r"\d[\d.,]{0,9}", text):
            continue
        if _is_headline(text):
            headline = index
        break
    if headline is None:
        draft.title_note = "bài không có tiêu đề riêng: viết trích yếu ngắn theo nội dung"
        leading = [lines[i] for i in filled if i < story]
        if leading:
            draft.removed.append(Removal(leading, "chrome", "Phần trang web trước bài (tên trang, trình đơn)"))
        return story
    leading = [lines[i] for i in filled if i < headline]
    if leading:
        draft.removed.append(Removal(leading, "chrome", "Phần trang web trước bài (tên trang, trình đơn, chuyên mục, ngày đăng)"))
    draft.body.append({"heading": lines[headline].text})
    draft.title = lines[headline].text.rstrip(" .")
    draft.title_note = "lấy tiêu đề bài làm trích yếu"
    return headline + 1


def _is_dateline(text: str) -> bool:
    return bool(layout.PORTAL_DATELINE.match(text) or re.match(r"^(cập nhật|đăng ngày|ngày đăng)\b.*\d{4}", text, re.I))


def _is_headline(text: str) -> bool:
    return len(text.split()) >= 5 and not layout.SITE_NAME.search(text) and not layout.is_caps(text) and not layout.is_chrome(text) and not _END_PUNCT.search(text)


def _is_story_line(lines: list[Line], index: int, width: int | None) -> bool:
    """The first line of a news story: a long line, or in a hard-wrapped copy a line cut before the next one."""
    text = lines[index].text
    if layout.is_chrome(text) or layout.PORTAL_DATELINE.match(text):
        return False
    if len(text) >= 120:
        return True
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    return bool(width and following and len(text) >= width - 15 and _continues(text, following, width))


def _split_attached(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """A decision with its attached quy chế/quy định: the part from the attachment's own header on."""
    for index, line in enumerate(lines):
        if not layout.ATTACHED_NOTE.match(line.text):
            continue
        type_at = next((i for i in range(index - 1, max(index - 8, -1), -1) if _is_type_line(lines[i])), None)
        if type_at is None:
            continue
        start = type_at
        while start > 0 and (not lines[start - 1].text or any(layout.header_cell_kind(c) for c in _cells(lines[start - 1]))):
            start -= 1
        while start < type_at and not lines[start].text:
            start += 1
        return lines[:start], lines[start:]
    return lines, []


def _read_part(lines: list[Line], draft: Draft, main_part: bool) -> str | None:
    """Body, signature and recipients of the main text or of an attachment; the body a T/M or
    T/L signature acts for ("BAN THƯỜNG VỤ"), if any."""
    lines = _drop_chrome(lines, draft)
    prefix = ""
    if not main_part:
        lines, prefix = _read_attached_head(lines, draft)
    lines, tail = _split_tail(lines)
    width = wrap_width(lines)
    if width and main_part:
        draft.notes.append(
            f"Bản nguồn bị ngắt dòng cứng (mỗi dòng khoảng {width} ký tự): các dòng đã được nối thành đoạn; kiểm tra chỗ bắt đầu mỗi đoạn."
        )
    paras = _drop_duplicates(paragraphs(lines, width), draft)
    paras = _addressee(paras, draft)
    _build_body(paras, draft, prefix)
    signing_body = None
    for kind, block_lines in tail:
        draft.body.append({"signature": [l.text for l in block_lines]})
        if kind == "signature" and main_part:
            signing_body = _read_signature(block_lines, draft)
    return signing_body


def _read_attached_head(lines: list[Line], draft: Draft) -> tuple[list[Line], str]:
    """The attachment's header lines, type line, title and "(Ban hành kèm theo …)" become headings."""
    index = 0
    prefix = "phu-luc-"
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.text:
            continue
        draft.body.append({"heading": line.text})
        if found := (layout.type_of_line(line.text) if _is_type_line(line) else None):
            prefix = _slug(found[0], 3, set()) + "-"
        if layout.ATTACHED_NOTE.match(line.text):
            # a note wrapped over several lines ends with its closing parenthesis
            while not line.text.rstrip().endswith(")") and index < len(lines) and lines[index].text:
                line = lines[index]
                draft.body[-1]["heading"] += " " + line.text
                index += 1
            break
    return lines[index:], prefix


def _drop_chrome(lines: list[Line], draft: Draft) -> list[Line]:
    """Portal lines: a related-news list from its title to the end, and chrome lines anywhere."""
    filled = [i for i, l in enumerate(lines) if l.text]
    footer_at = None
    for i in filled:
        if layout.FOOTER_START.match(lines[i].text) and all(len(lines[j].text) <= 160 for j in filled if j > i):
            footer_at = i
            break
    def counter(i: int) -> bool:  # a bare number between blank or chrome lines: a view counter
        if not re.fullmatch(r"\d[\d.,]{0,9}", lines[i].text):
            return False
        around = [lines[j].text for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        return all(not t or layout.is_chrome(t) for t in around)

    kept: list[Line] = []
    run: list[Line] = []
    for i, line in enumerate(lines):
        in_footer = footer_at is not None and i >= footer_at
        if line.text and (in_footer or layout.is_chrome(line.text) or counter(i)):
            run.append(line)
            continue
        if line.text and run:
            draft.removed.append(Removal(run, "chrome", _chrome_note(run)))
            run = []
        kept.append(line)
    if run:
        draft.removed.append(Removal(run, "chrome", _chrome_note(run)))
    return kept


def _chrome_note(run: list[Line]) -> str:
    if any(layout.FOOTER_START.match(l.text) for l in run):
        return "Chân trang web (tin liên quan, bộ đếm, bản quyền)"
    return "Dòng của trang web (nút in, gửi email, bộ đếm lượt xem, đường dẫn)"


def _split_tail(lines: list[Line]) -> tuple[list[Line], list[tuple[str, list[Line]]]]:
    """The signature and "Nơi nhận:" blocks at the end, in source order (either may come first)."""
    filled = [i for i, l in enumerate(lines) if l.text]
    if not filled:
        return lines, []
    recipients_at = next((i for i in reversed(filled) if layout.RECIPIENTS.match(lines[i].text)), None)
    if recipients_at is not None and filled.index(recipients_at) < len(filled) - 30:
        recipients_at = None  # a "Nơi nhận" far from the end is text, not the recipients block
    if recipients_at is not None and _signature_cells(lines[recipients_at]):
        # a two-column copy: recipients and signature share lines; keep them together, in order
        return lines[:recipients_at], [("signature", [l for l in lines[recipients_at:] if l.text])]
    blocks: list[tuple[str, list[Line]]] = []
    end = len(lines)
    if recipients_at is not None:
        stop = recipients_at + 1
        while stop < len(lines) and (not lines[stop].text or layout.BULLET.match(lines[stop].text) or lines[stop].text.startswith(("-", "+", "–"))):
            stop += 1
        after = [l for l in lines[stop:] if l.text]
        signature_after = _signature_run(after)
        if signature_after and len(signature_after) == len(after):
            blocks.append(("recipients", [l for l in lines[recipients_at:stop] if l.text]))
            blocks.append(("signature", after))
            end = recipients_at
        elif not after:
            blocks.append(("recipients", [l for l in lines[recipients_at:stop] if l.text]))
            end = recipients_at
        else:
            return lines, []  # something else follows: leave it all in the body
    before = [l for l in lines[:end] if l.text]
    signature = _signature_run(before)
    if signature and not (blocks and blocks[-1][0] == "signature"):
        blocks.insert(0, ("signature", signature))
        end = lines.index(signature[0])
    return lines[:end], blocks


def _signature_run(lines: list[Line]) -> list[Line]:
    """The longest run of signature lines ending the list, if it holds a sign of a signature
    (an authority prefix, "(đã ký)" or a position line) and ends with a name or "(đã ký)"."""
    run: list[Line] = []
    for line in reversed(lines):
        text = line.text
        if len(run) >= 7:
            break
        if layout.AUTHORITY.match(text) or layout.is_signed_note(text) or layout.is_position(text):
            run.insert(0, line)
        elif not run and layout.is_person_name(text):
            run.insert(0, line)
        else:
            break
    if not run or not any(layout.AUTHORITY.match(l.text) or layout.is_signed_note(l.text) or layout.is_position(l.text) for l in run):
        return []
    return run


def _signature_cells(line: Line) -> bool:
    return any(layout.AUTHORITY.match(c) for c in layout.columns(line.raw)[1:])


def _read_signature(block: list[Line], draft: Draft) -> str | None:
    """Signer fields from a signature block (right-hand cells of a two-column copy)."""
    texts: list[str] = []
    for line in block:
        cells = layout.columns(line.raw) or [line.text]
        if layout.RECIPIENTS.match(cells[0]) or cells[0].startswith(("-", "+", "–")):
            cells = cells[1:]  # the recipients column
        texts += [c for c in cells if c]
    authority = [t for t in texts if layout.AUTHORITY.match(t)]
    on_behalf = [t for t in authority if not t.startswith("Q.")]
    if on_behalf:
        draft.signer_on_behalf = ", ".join(_phrase_case(t) for t in on_behalf)
    others = [t for t in texts if not layout.AUTHORITY.match(t) or t.startswith("Q.")]
    names = [t for t in others if layout.is_person_name(t)]
    if names and texts[-1] == names[-1]:
        name = names[-1]
        draft.signer_name = layout.title_case_words(name) if layout.is_caps(name) else name
    positions = [t for t in others if (layout.is_position(t) or t.startswith("Q.")) and not layout.is_signed_note(t)]
    if positions:
        draft.signer_position = _phrase_case(positions[-1])
    for text in on_behalf:
        rest = layout.AUTHORITY.match(text)["rest"]
        if _AUTHORITY_BODY.match(rest):
            return rest
    return None


# Capitals of titles and bodies in signature lines; anything else is sentence case.
_PHRASES = {
    "t/m": "T/M", "tm.": "TM.", "k/t": "K/T", "kt.": "KT.", "t/l": "T/L", "tl.": "TL.", "tuq.": "TUQ.", "q.": "Q.",
    "ban thường vụ": "Ban Thường vụ", "ban chấp hành": "Ban Chấp hành", "bí thư": "Bí thư", "chủ tịch": "Chủ tịch",
    "thường trực": "Thường trực", "ủy ban nhân dân": "Ủy ban nhân dân", "văn phòng": "Văn phòng", "trưởng ban": "Trưởng Ban",
    "đảng ủy": "Đảng ủy", "giám đốc": "Giám đốc", "hội đồng nhân dân": "Hội đồng nhân dân",
}


def _phrase_case(text: str) -> str:
    result = layout.sentence_case(" ".join(text.split()))
    for lower, proper in _PHRASES.items():
        result = re.sub(rf"(?<!\w){re.escape(lower)}(?!\w)", proper, result, flags=re.I)
    return result[:1].upper() + result[1:]


def _drop_duplicates(paras: list[Para], draft: Draft) -> list[Para]:
    """A long paragraph printed twice: keep the later copy, list the first in `removed`."""
    result = []
    for index, para in enumerate(paras):
        later = any(p.text == para.text for p in paras[index + 1 :])
        if later and len(para.text) > 60:
            draft.removed.append(Removal([Line(para.line, para.text)], "duplicate", f"Đoạn in lặp hai lần (từ dòng {para.line}); giữ lần sau"))
        else:
            result.append(para)
    return result


def _addressee(paras: list[Para], draft: Draft) -> list[Para]:
    """"Kính gửi:" and the list under it (part of the header of a công văn) become headings."""
    if not paras or not layout.ADDRESSEE.match(paras[0].text):
        return paras
    draft.body.append({"heading": paras[0].text})
    index = 1
    while index < len(paras) and layout.BULLET.match(paras[index].text) and len(paras[index].text) <= 120:
        draft.body.append({"heading": paras[index].text})
        index += 1
    return paras[index:]


@dataclass
class _Open:
    """An open container while the body is read: a section, a clause, or the body itself."""

    kind: str  # body | section | numbered | lettered | dash | plus
    block: dict
    rank: int = -1

    @property
    def items(self) -> list:
        return self.block["items"]


def _build_body(paras: list[Para], draft: Draft, prefix: str) -> None:
    """The body tree: parts (Phần, Chương, Mục, Điều, Roman) holding clauses (1., a), -, +) and paragraphs."""
    root = _Open("body", {"items": draft.body})
    stack = [root]
    pending: str | None = None
    index = 0
    top_numbers: list[int] = []
    while index < len(paras):
        para = paras[index]
        index += 1
        text = para.text
        if pending is not None:
            text, pending = f"{pending} {text}", None
        if _MARKER_ALONE.match(text) and index < len(paras):
            pending = text  # the marker alone on its line, the text on the next
            continue
        if section := layout.section_of(text):
            kind, number, rest = section
            if (not rest or kind in ("chuong", "phan") and len(text.split()) <= 3) and index < len(paras):
                following = paras[index].text
                if layout.is_caps(following) or kind == "dieu" and len(following) < 150:
                    text, index = f"{text} {following}", index + 1
            rank = layout.SECTION_RANK[kind]
            while len(stack) > 1 and not (stack[-1].kind == "section" and stack[-1].rank < rank):
                stack.pop()
            word = {"phan": "Phần", "chuong": "Chương", "muc": "Mục", "roman": "Mục", "dieu": "Điều"}[kind]
            block = {
                "section": prefix + _slug(f"{word} {number}", 4, set()),
                "text": text,
                "label": f"{word} {number}",
                "items": [],
            }
            stack[-1].items.append(block)
            stack.append(_Open("section", block, rank))
            continue
        if m := layout.NUMBERED.match(text):
            while stack[-1].kind not in ("section", "body"):
                stack.pop()
            number = int(m["num"])
            if stack[-1] is root:
                if top_numbers and number <= top_numbers[-1] and draft.body and "p" in draft.body[-1] and draft.body[-1]["p"].rstrip().endswith(":"):
                    lead = draft.body.pop()  # numbering restarts under a lead-in paragraph: that paragraph opens a part
                    section = {"section": None, "text": lead["p"], "label": _words(lead["p"], 4), "items": [], "label_note": True}
                    draft.body.append(section)
                    stack.append(_Open("section", section, 4))
                    top_numbers = []
                else:
                    top_numbers.append(number)
            block = {"clause": m["marker"], "text": m["text"] or "", "items": [], "wrapped": para.wrapped}
            stack[-1].items.append(block)
            stack.append(_Open("numbered", block))
            continue
        if m := layout.LETTERED.match(text):
            while stack[-1].kind not in ("numbered", "section", "body"):
                stack.pop()
            block = {"clause": m["marker"], "text": m["text"] or "", "items": [], "wrapped": para.wrapped}
            stack[-1].items.append(block)
            stack.append(_Open("lettered", block))
            continue
        if m := layout.BULLET.match(text):
            kind = "plus" if m["marker"] == "+" else "dash"
            while stack[-1].kind not in ("numbered", "lettered", "section", "body") and not (kind == "plus" and stack[-1].kind == "dash"):
                stack.pop()
            if stack[-1] is root:
                _paragraph(text, para, stack, root)  # a dash line outside any clause ("- Căn cứ …")
                continue
            block = {"clause": m["marker"], "text": m["text"], "items": [], "wrapped": para.wrapped}
            stack[-1].items.append(block)
            stack.append(_Open(kind, block))
            continue
        if layout.is_caps(text) and len(text.split()) <= 14 and not _END_PUNCT.search(text.rstrip(":")):
            while len(stack) > 1 and stack[-1].kind != "section":
                stack.pop()
            stack[-1].items.append({"heading": text})  # "QUYẾT ĐỊNH:", "ỦY BAN NHÂN DÂN TỈNH …"
            continue
        _paragraph(text, para, stack, root)


def _paragraph(text: str, para: Para, stack: list[_Open], root: _Open) -> None:
    """An unnumbered paragraph: the text of a short clause heading above it, else of the open part, else top level."""
    if layout.CLOSING.match(text):
        del stack[1:]
    clause = next((o for o in reversed(stack) if o.kind in ("numbered", "lettered", "dash", "plus")), None)
    if clause is not None and stack[-1] is clause and (_heading_like(clause.block["text"]) or clause.block["text"].rstrip().endswith(":") and not clause.items):
        clause.items.append({"p": text, "wrapped": para.wrapped})
        return
    while len(stack) > 1 and stack[-1].kind != "section":
        stack.pop()
    block = {"p": text, "wrapped": para.wrapped}
    stack[-1].items.append(block)
    if stack[-1] is root:
        block["id"] = None  # assigned once every id is known


def _heading_like(text: str) -> bool:
    return bool(text) and len(text.split()) <= 15 and not _END_PUNCT.search(text)


def _walk(blocks: list[dict]):
    for block in blocks:
        yield block
        yield from _walk(block.get("items", []))


def _assign_ids(body: list[dict], draft: Draft) -> None:
    """Anchors exactly as the loader derives them; a clash (numbering restarted without a part
    heading) gets an explicit id with a KIỂM TRA note, so the draft always loads."""
    used: set[str] = set()
    for block in body:  # part ids first: they are the stable anchors readers cite
        if "section" in block and block["section"]:
            block["section"] = _unique(block["section"], used, block, draft)
    for block in body:
        if "section" in block and not block["section"]:
            block["section"] = _slug(block["text"], 4, used)
    _assign_clause_ids(body, None, used, draft, top=True)


def _assign_clause_ids(blocks: list[dict], parent: str | None, used: set[str], draft: Draft, top: bool) -> None:
    bullets = 0
    for block in blocks:
        if "section" in block:
            if not top:
                block["section"] = _unique(block["section"] or _slug(block["text"], 4, used), used, block, draft)
            _assign_clause_ids(block["items"], block["section"], used, draft, top=False)
        elif "clause" in block:
            marker = block["clause"]
            if layout.BULLET.match(marker + " x"):
                bullets += 1
                part = f"y{bullets}"
            elif m := re.match(r"^(\d+)", marker):
                part = m.group(1)
            else:
                part = "dd" if marker[0] == "đ" else marker[0]
            natural = f"k{part}" if parent is None else f"{parent}-{part}"
            if natural in used:
                block["id"] = _unique(natural, used, block, draft)
                block["id_note"] = True
                own = block["id"]
            else:
                used.add(natural)
                own = natural
            _assign_clause_ids(block["items"], own, used, draft, top=False)
        elif "p" in block and top:
            block["id"] = _slug(block["p"], 3, used)


def _unique(base: str, used: set[str], block: dict, draft: Draft) -> str:
    if base not in used:
        used.add(base)
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    used.add(f"{base}-{n}")
    block["id_note"] = True
    return f"{base}-{n}"


def _find_issuer(org_lines: list[str], author: str | None, draft: Draft, actors: dict[str, Actor]) -> None:
    """Issuer from the header (never from the body's mentions): a registry entry with the same
    whole name, or a proposed entry."""
    agency = issuing_agency(org_lines, author)
    draft.agency = agency
    if agency is None:
        if draft.type == "tin-bai":
            draft.issuer_note = "tin bài không có cơ quan ban hành; để null, hoặc ghi cơ quan tổ chức sự kiện kèm lý do"
        else:
            draft.issuer_note = "phần đầu văn bản không nêu tên cơ quan ban hành: điền mã cơ quan nếu biết chắc"
        return
    actor = find_in_registry(agency, actors)
    if actor is not None:
        draft.issuer = actor
        draft.level, draft.bloc, draft.place = actor.level, bloc_of_actor(actor), actor.place
        draft.issuer_note = f"phần đầu văn bản ghi «{agency.name}», khớp mục '{actor.id}' của danh mục"
        return
    draft.new_issuer = agency
    draft.level, draft.bloc, draft.place = agency.level, agency.bloc, agency.place
    draft.issuer_note = (
        f"phần đầu văn bản ghi «{agency.name}», chưa có trong danh mục data/{REGISTRIES_DIR}/{ACTORS_FILE}: "
        "kiểm tra rồi thêm mục đề xuất dưới đây vào danh mục và ghi mã của nó vào 'issuer'"
    )


def _fix_title_case(draft: Draft, actors: dict[str, Actor]) -> None:
    """Sentence case lost the capitals of place names: give back the ones the header or registry knows."""
    if not draft.title:
        return
    places = {a.place for a in actors.values() if a.place}
    if draft.agency and draft.agency.place:
        places.add(draft.agency.place)
    for place in places:
        bare = re.sub(r"^(Tỉnh|Thành phố|Quận|Huyện|Thị xã|Xã|Phường|Thị trấn)\s+", "", place)
        if bare:
            draft.title = re.sub(rf"(?<!\w){re.escape(bare.lower())}(?!\w)", bare, draft.title)


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
    base = re.sub(r"-+", "-", base)
    if base.startswith("kb-") or base == "kb" or base.isdigit():
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
    if draft.number is None:
        out.append("# KIỂM TRA: không thấy dòng «Số: …» trong phần đầu; điền số hiệu nếu văn bản có, nếu không để null")
    out.append(f"number: {quoted(draft.number)}")
    if draft.title_note:
        out.append(f"# KIỂM TRA: trích yếu {draft.title_note}")
    out += folded("title", draft.title or TITLE_UNKNOWN, 0)
    if draft.issuer_note:
        out.append(f"# KIỂM TRA: cơ quan ban hành — {draft.issuer_note}")
    if draft.new_issuer is not None:
        agency = draft.new_issuer
        out += [
            "#   - id: " + agency.id,
            "#     name: " + agency.name,
            "#     short: " + agency.short,
            "#     level: " + (agency.level or "null  # KIỂM TRA: cấp của cơ quan"),
            "#     kind: " + agency.kind,
            "#     place: " + (agency.place or "null  # KIỂM TRA: địa bàn"),
        ]
    out.append(f"issuer: {draft.issuer.id if draft.issuer else 'null'}")
    if draft.new_issuer is not None:
        out.append(f"# KIỂM TRA: cấp, khối, địa bàn — đọc từ tên cơ quan «{draft.new_issuer.name}» ở phần đầu văn bản")
    for key, value, what in (("level", draft.level, "cấp ban hành"), ("bloc", draft.bloc, "khối ban hành"), ("place", draft.place, "địa bàn")):
        if value is None:
            out.append(f"# KIỂM TRA: {what} — văn bản không nói rõ; điền nếu biết chắc (kèm 'reason' nếu suy luận), nếu không để null")
        out.append(f"{key}: {quoted(value) if key == 'place' else (value or 'null')}")
    if not (draft.signer_name and draft.signer_position):
        out.append("# KIỂM TRA: người ký — không đọc được đủ khối chữ ký (chức vụ, họ tên); đối chiếu cuối văn bản")
    out += [
        "signer:",
        f"  name: {quoted(draft.signer_name)}",
        f"  position: {quoted(draft.signer_position)}",
        f"  on_behalf: {quoted(draft.signer_on_behalf)}",
    ]
    if draft.issued is not None and draft.issued_note:
        out.append(f"# KIỂM TRA: ngày ban hành — {draft.issued_note}")
    if draft.issued is None:
        reason = draft.issued_note or "văn bản không ghi ngày ban hành"
        out.append(f"# KIỂM TRA: ngày ban hành — {reason}; nếu suy ra được, ghi {{after: …, before: …, reason: …}}")
    out.append(f"issued: {quoted(draft.issued)}")
    out.append(f"effective: {quoted(draft.effective)}")
    out.append("status: null")
    out.append("# KIỂM TRA: chủ đề — thêm vài chủ đề ngắn")
    out.append("topics: []")
    if draft.citations:
        out.append("# Dẫn chiếu tìm thấy trong văn bản (dòng của bản nguồn):")
        out += [f"#   - {label} (dòng {line})" for label, line in draft.citations]
    out += ["source:", f"  file: {quoted(source_name)}", "  # KIỂM TRA: nguồn — nói rõ bản thô lấy từ đâu", '  note: "Bản sao, đã làm sạch"']
    if draft.removed:
        out.append("# KIỂM TRA: phần loại bỏ — xem từng mục có đúng là của trang web hoặc bị lặp không")
        out.append("removed:")
        for removal in sorted(draft.removed, key=lambda r: r.lines[0].number):
            out += folded("- text", removal.text, 2)
            out += [f"    reason: {removal.reason}", f"    note: {quoted(removal.note)}"]
    else:
        out.append("removed: []")
    out.append("body:")
    for block in draft.body:
        out += _block_yaml(block, 2)
    return "\n".join(out) + "\n"


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
        if block.get("id_note"):
            lines.append(f"{pad}  # KIỂM TRA: mã phần bị trùng nên thêm số; đặt mã ngắn có nghĩa")
        lines += folded("text", block["text"], indent + 2)
        note = "  # KIỂM TRA: tên ngắn của phần" if block.get("label_note") else ""
        lines.append(f"{pad}  label: {quoted(block['label'])}{note}")
        if block["items"]:
            lines.append(f"{pad}  items:")
            for item in block["items"]:
                lines += _block_yaml(item, indent + 4)
        return lines
    lines = [f"{pad}# KIỂM TRA: khoản này được nối từ nhiều dòng bị ngắt cứng"] if block.get("wrapped") else []
    lines.append(f"{pad}- clause: {quoted(block['clause'])}")
    if block.get("id"):
        lines.append(f"{pad}  # KIỂM TRA: số khoản lặp lại (đánh số lại từ đầu mà không có tên phần): mã riêng cho khoản này")
        lines.append(f"{pad}  id: {block['id']}")
    lines += folded("text", block["text"], indent + 2) if block["text"] else [f"{pad}  # KIỂM TRA: khoản không có nội dung", f"{pad}  text: null"]
    if block.get("items"):
        lines.append(f"{pad}  items:")
        for item in block["items"]:
            lines += _block_yaml(item, indent + 4)
    return lines


# Command --------------------------------------------------------------------------------


def draft_yaml(source: Path, root: Path, doc_id: str | None = None) -> str:
    """The draft YAML for `source`, with issuers looked up in the project's actors registry."""
    draft = draft_from_text(read_source(source), registry_actors(root / "data" / REGISTRIES_DIR / ACTORS_FILE))
    return to_yaml(draft, doc_id or _slug(draft.title or source.stem, 8, set()), source.name)


def registry_actors(registry: Path) -> dict[str, Actor]:
    """The agencies of an actors registry (data/danh-muc/co-quan.yml), read on their own: a
    mistake in some document file must not leave the importer without its registry."""
    if not registry.is_file():
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        alone = Path(tmp)
        (alone / "data" / REGISTRIES_DIR).mkdir(parents=True)
        shutil.copy(registry, alone / "data" / REGISTRIES_DIR / ACTORS_FILE)
        try:
            corpus, _ = load_corpus(alone / "data", root=alone)
        except DataError as error:
            raise RegistryError(registry, error) from None
    return corpus.actors


class RegistryError(Exception):
    """The actors registry itself does not load: the importer cannot look issuers up."""

    def __init__(self, path: Path, error: DataError):
        first = next((str(p) for p in error.problems if p.is_error), "")
        super().__init__(f"{path}: danh mục cơ quan có lỗi, sửa trước khi nhập (chạy scripts/check.sh): {first}")


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
    except RegistryError as error:
        print(error, file=sys.stderr)
        return 1
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Đã ghi bản nháp {args.output}: đọc lại các dòng «KIỂM TRA», rồi chạy scripts/check.sh", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
