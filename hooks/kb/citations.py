"""Citations between documents: detection in the text, the registry of cited documents, resolution.

Everything here runs once per build, after every document has loaded:
  1. `read_links` (called by the loader per file) reads the hand-made `citations:` and `relations:`;
  2. `resolve` loads data/danh-muc/van-ban-dan-chieu.yml, detects citations in every block once,
     maps every spelling to one canonical id, rebuilds the blocks with CitationRef segments and
     returns the index of who cites what, where. No MkDocs here.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from . import messages
from .fields import Context, date_problem, parse_date
from .fields import clean_identifier as _clean_identifier
from .identifiers import number_key
from .paths import ID_PATTERN
from .fields import text as _text
from .fields import unknown_keys as _unknown_keys
from .messages import register
from .model import (
    Block,
    Citation,
    CitationIndex,
    CitationRef,
    CitedDocument,
    Correction,
    Document,
    Fact,
    ManualCitation,
    PartialDate,
    Relation,
    UNKNOWN_FACT,
)
from .problems import Problem
from .vocab import DOCUMENT_TYPES, RELATIONS, choices
from .yamlload import YList, YMap, load_yaml_file, registry_items

REGISTRY_FILE = "van-ban-dan-chieu.yml"

# Every code a file may use: (label on the page of the document that states it, label on the
# page of the other one). Passive codes ("bi-thay-the-boi") let either document record a relation.
RELATION_TYPES: dict[str, tuple[str, str]] = {
    **{code: (mine, theirs) for code, (mine, theirs, _passive) in RELATIONS.items()},
    **{passive: (theirs, mine) for code, (mine, theirs, passive) in RELATIONS.items() if passive != code},
}

# The keys of one item of `relations:` / `citations:`: (required, Vietnamese description).
# Validation, messages and the JSON Schema (kb.schema) all read these tables.
RELATION_FIELDS: dict[str, tuple[bool, str]] = {
    "type": (True, "loại quan hệ: " + ", ".join(RELATION_TYPES)),
    "target": (True, "mã một văn bản trong kho hoặc một mục của danh mục văn bản được dẫn chiếu"),
    "clause": (False, "mã khoản của văn bản này nêu quan hệ, nếu quan hệ nằm ở một khoản"),
    "note": (False, "ghi chú ngắn"),
}
MANUAL_CITATION_FIELDS: dict[str, tuple[bool, str]] = {
    "clause": (True, "mã khoản, mục hay đoạn chứa dẫn chiếu, ví dụ k1-a"),
    "text": (True, "chữ của dẫn chiếu, chép đúng như trong văn bản"),
    "target": (False, "mã văn bản được dẫn chiếu (khi thêm một dẫn chiếu, hoặc chỉ rõ văn bản mà một dẫn chiếu đã tìm thấy trỏ tới)"),
    "ignore": (False, "true: bỏ một dẫn chiếu mà bộ nhận dạng tìm nhầm"),
}

# Messages (the guide's list is generated from these; tests/fixtures/invalid/ shows each one) ---

G = "dan-chieu"
register("relations-not-list", G, "Quan hệ không phải danh sách", "trường 'relations' phải là danh sách, mỗi mục: type, target, clause (tùy chọn), note (tùy chọn)")
register("relation-not-map", G, "Quan hệ sai dạng", "mỗi quan hệ phải có dạng: type: <loại>, target: <mã văn bản>")
register(
    "relation-missing-field", G, "Quan hệ thiếu trường", "quan hệ thiếu trường '{key}' ({description})",
    {"key": "target", "description": RELATION_FIELDS["target"][1]},
)
register(
    "bad-relation-type", G, "Loại quan hệ không có trong danh sách", "loại quan hệ '{value}' không hợp lệ (chọn một trong: {choices})",
    {"value": "thuc-thi", "choices": ", ".join(RELATION_TYPES)},
    fix="Quan hệ được ghi ở một trong hai văn bản: «thuc-hien» trong văn bản thực hiện một nghị quyết, hoặc «duoc-thuc-hien-boi» "
    "trong văn bản được thực hiện; trang của văn bản kia tự hiện chiều ngược lại. Danh sách loại quan hệ ở trang «Dẫn chiếu giữa các văn bản».",
)
register(
    "relation-unknown-target", G, "Quan hệ trỏ tới văn bản không có",
    "quan hệ trỏ tới '{target}' không có trong kho hay trong danh mục {registry} (dùng mã một văn bản hoặc một mục của danh mục)",
    {"target": "nq-09-hdnd-phu-tho", "registry": "data/danh-muc/van-ban-dan-chieu.yml"},
)
register(
    "link-unknown-clause", G, "Khoản không có trong văn bản (quan hệ, dẫn chiếu bổ sung)",
    "không có khoản '{clause}' trong văn bản này (mã hợp lệ: {ids})", {"clause": "k9", "ids": "boi-canh, yeu-cau, k1, k1-a, k1-b"},
    fix="Mã khoản là mã neo trên trang văn bản (k1, k1-a, k2-y1…) hoặc 'id' của đoạn; xem địa chỉ khi bấm ¶ cạnh khoản đó.",
)
register("citations-not-list", G, "Dẫn chiếu bổ sung không phải danh sách", "trường 'citations' phải là danh sách, mỗi mục: clause, text, target (hoặc ignore: true)")
register(
    "manual-citation-not-map", G, "Dẫn chiếu bổ sung sai dạng",
    "mỗi dẫn chiếu bổ sung phải có dạng: clause: <mã khoản>, text: <chữ trong văn bản>, target: <mã văn bản>",
)
register(
    "manual-citation-missing-field", G, "Dẫn chiếu bổ sung thiếu trường", "dẫn chiếu bổ sung thiếu trường '{key}' ({description})",
    {"key": "text", "description": MANUAL_CITATION_FIELDS["text"][1]},
)
register("manual-citation-ignore-not-bool", G, "Trường 'ignore' không phải true/false", "trường 'ignore' chỉ nhận true hoặc false")
register(
    "manual-citation-target-or-ignore", G, "Dẫn chiếu bổ sung vừa thêm vừa bỏ (hoặc không làm gì)",
    "mỗi dẫn chiếu bổ sung cần đúng một trong hai: 'target: <mã văn bản>' (thêm) hoặc 'ignore: true' (bỏ)",
)
register(
    "manual-citation-unknown-target", G, "Dẫn chiếu bổ sung trỏ tới văn bản không có",
    "dẫn chiếu trỏ tới '{target}' không có trong kho hay trong danh mục {registry} (dùng mã một văn bản hoặc một mục của danh mục)",
    {"target": "ct-99-ct-tw", "registry": "data/danh-muc/van-ban-dan-chieu.yml"},
)
register(
    "manual-citation-text-not-found", G, "Không thấy chữ của dẫn chiếu bổ sung",
    "không thấy chữ '{text}' trong khối '{clause}' (chép đúng chữ như trong văn bản)", {"text": "Chỉ thị 05", "clause": "k1"},
)
register(
    "ignored-citation-not-found", G, "Không thấy dẫn chiếu cần bỏ",
    "không thấy dẫn chiếu được phát hiện '{text}' trong khối '{clause}' (chép đúng chữ như trong văn bản)", {"text": "Chỉ thị số 99/CT-TW", "clause": "k1"},
    fix="'ignore: true' chỉ bỏ được một dẫn chiếu mà bộ nhận dạng đã tìm thấy (trang «Báo cáo dẫn chiếu» liệt kê chúng), chép đúng từng chữ.",
)
register(
    "unresolved-citation", G, "Dẫn chiếu chưa có trong danh mục",
    "dẫn chiếu '{text}' ({label}) chưa có trong danh mục {registry} (thêm một mục có số hiệu hoặc cách viết này; "
    "nếu không phải dẫn chiếu, thêm 'ignore: true' vào 'citations:' của văn bản)",
    {"text": "Chỉ thị số 99/CT-TW", "label": "Khoản 1", "registry": "data/danh-muc/van-ban-dan-chieu.yml"},
    severity="warning",
    fix="Thêm vào danh mục một mục mới (id, type, number, issuer, issued, title, aliases, source) hoặc thêm cách viết này vào "
    "'aliases' của mục sẵn có. Trang «Báo cáo dẫn chiếu» liệt kê mọi dẫn chiếu chưa xác định.",
)
register(
    "citation-alias-taken", G, "Một cách viết trỏ tới hai văn bản",
    "cách viết '{spelling}' đã dùng cho '{other}' ({origin}); mỗi cách viết chỉ trỏ tới một văn bản",
    {"spelling": "Chỉ thị 05/CT-UBND", "other": "ct-05-ubnd-an-binh", "origin": "data/danh-muc/van-ban-dan-chieu.yml:3"},
    fix="Số hiệu và các cách viết trong 'aliases' dùng để nhận ra dẫn chiếu. Khi một mục của danh mục chính là một văn bản "
    "trong kho, ghi 'document: <mã văn bản>' cho mục đó thay vì lặp lại số hiệu.",
)
register(
    "citation-ambiguous", G, "Một số hiệu ứng với nhiều văn bản",
    "dẫn chiếu '{text}' ({label}) ứng với {count} văn bản cùng số hiệu: {candidates}; không đoán được văn bản nào "
    "(ghi rõ trong 'citations:' của văn bản này: clause: {clause}, text: \"{text}\", target: <một trong các mã trên>)",
    {"text": "Chỉ thị số 05/CT-UBND", "label": "Khoản 1", "count": "2", "candidates": "vi-du-xa-an-binh-2015-chi-thi-dan-van, ct-05-ubnd-binh-minh",
     "clause": "k1"},
    fix="Các địa phương có thể dùng cùng một số hiệu («05/CT-UBND» của hai xã). Khi văn bản dẫn chiếu không cùng cơ quan ban "
    "hành, cũng không cùng địa bàn với đúng một trong số đó, và câu văn không nêu địa bàn, hãy ghi rõ văn bản được dẫn chiếu bằng một "
    "mục 'citations:' (chép đúng chữ của dẫn chiếu và khoản chứa nó).",
)
register(
    "number-of-cited-entry", G, "Văn bản mới mang số hiệu của một văn bản đã có trong danh mục dẫn chiếu",
    "số hiệu '{spelling}' là của mục '{entry}' trong danh mục văn bản dẫn chiếu ({origin}): nếu văn bản này chính là văn bản đó, "
    "thêm 'document: {id}' vào mục ấy (không xóa, không đổi mã mục; địa chỉ cũ của mục tự chuyển tới trang này); nếu không, sửa số hiệu",
    {"spelling": "Chỉ thị 18/2000/CT-TTg", "entry": "ct-18-2000-ttg", "origin": "data/danh-muc/van-ban-dan-chieu.yml:8", "id": "ttg-2000-chi-thi-18-cong-tac-dan-van"},
    fix="Đây là bước «văn bản đã có trong danh mục dẫn chiếu nay có toàn văn» của phần «Các bước thêm một văn bản».",
)
register(
    "aliases-not-list", G, "Cách viết khác không phải danh sách",
    "trường 'aliases' phải là danh sách các cách viết, ví dụ: [\"Chỉ thị 18\", \"CT 18/2000\"]",
)
register(
    "cited-registry-shape", G, "Danh mục văn bản được dẫn chiếu sai dạng",
    "danh mục văn bản được dẫn chiếu phải có dạng 'documents:' và một danh sách các mục '- id: ...'",
)
register(
    "cited-entry-not-map", G, "Mục của danh mục dẫn chiếu sai dạng",
    "mỗi văn bản được dẫn chiếu phải là một khối có các trường id, type, number, issuer, issued, title, aliases",
)
register(
    "cited-bad-id", G, "Mã văn bản được dẫn chiếu sai dạng",
    "mã '{id}' không hợp lệ (chỉ gồm chữ thường không dấu, số và '-', ví dụ 'ct-18-2000-ttg')", {"id": "CT 18/2000"},
)
register("cited-duplicate-id", G, "Hai mục của danh mục dẫn chiếu cùng mã", "mã '{id}' bị trùng (dòng {line})", {"id": "ct-18-2000-ttg", "line": "8"})
register(
    "cited-fact-block-without-source", G, "Giá trị dạng khối thiếu nguồn",
    "trường '{key}' dạng khối phải có 'source' (nêu trong văn bản nào, hoặc nguồn công khai nào)", {"key": "issued"},
)
register(
    "cited-after-citing", G, "Văn bản được dẫn chiếu ban hành sau văn bản dẫn chiếu nó",
    "mục '{id}': ngày ban hành {date} muộn hơn văn bản dẫn chiếu nó ({document}, ban hành {citing_date}); một văn bản không thể "
    "dẫn chiếu văn bản ban hành sau nó (kiểm tra lại ngày hoặc mục được dẫn chiếu)",
    {"id": "ct-18-2000-ttg", "date": "2099", "document": "data/van-ban/vi-du.yml", "citing_date": "2010"},
)
register("cited-fact-not-scalar", G, "Giá trị không phải giá trị đơn", "trường '{key}' phải là một giá trị đơn", {"key": "number"})
register(
    "cited-fact-without-source", G, "Thông tin văn bản được dẫn chiếu chưa ghi nguồn",
    "trường '{key}' chưa ghi nguồn: thêm 'source:' cho mục này hoặc viết '{key}: {{value: ..., source: ...}}'", {"key": "issuer"},
    fix="Mọi thông tin về văn bản được dẫn chiếu phải có nguồn: văn bản trong kho nêu nó (ví dụ 'source: nêu trong văn bản "
    "ben-tre-…'), hoặc một nguồn công khai. Thông tin không có nguồn thì ghi null («Chưa rõ»).",
)
register(
    "cited-document-missing", G, "Mục của danh mục trỏ tới văn bản không có trong kho",
    "mục '{id}': không có văn bản '{document}' trong data/van-ban/ (sửa 'document:' hoặc bỏ trường này)", {"id": "ct-05-ubnd-an-binh", "document": "vi-du-xa-an-binh"},
)
register(
    "cited-id-is-document", G, "Mục của danh mục trùng mã một văn bản trong kho",
    "mã '{id}' trùng với mã một văn bản trong kho; dùng 'document: {id}' với một mã khác", {"id": "vi-du-xa-an-binh-2015-chi-thi-dan-van"},
)
del G


# Records -------------------------------------------------------------------------------


# Detection -----------------------------------------------------------------------------

# Type words as the texts write them; longer names first so "Nghị quyết liên tịch" wins.
_TYPE_WORDS: tuple[tuple[str, str, bool], ...] = (
    # (regex, vocab key, case-sensitive abbreviation?)
    (r"nghị\s+quyết\s+liên\s+tịch", "nghi-quyet-lien-tich", False),
    (r"nghị\s+quyết", "nghi-quyet", False),
    (r"nghị\s+định", "nghi-dinh", False),
    (r"quyết\s+định", "quyet-dinh", False),
    (r"chỉ\s+thị", "chi-thi", False),
    (r"pháp\s+lệnh", "phap-lenh", False),
    (r"kế\s+hoạch", "ke-hoach", False),
    (r"hướng\s+dẫn", "huong-dan", False),
    (r"thông\s+tư", "thong-tu", False),
    (r"thông\s+tri", "thong-tri", False),
    (r"kết\s+luận", "ket-luan", False),
    (r"quy\s+định", "quy-dinh", False),
    (r"luật", "luat", False),
    (r"NQLT", "nghi-quyet-lien-tich", True),
    (r"NQ", "nghi-quyet", True),
    (r"NĐ", "nghi-dinh", True),
    (r"QĐ", "quyet-dinh", True),
    (r"CT", "chi-thi", True),
)
# A number: digits (maybe a letter: "8B"), then "/" or "-" pieces that are a year or an
# upper-case code ("2000", "CT-TTg", "QĐ/TU", "PL-UBTVQH11"); one stray space after the
# separator is tolerated ("10/CT- TW"). A bare date piece ("ngày 5-12-1997") never follows
# the number directly, so it is not swallowed.
_NUMBER = r"\d{1,4}[A-Z]?(?:\s?[/-]\s?(?:\d{4}|[A-ZĐ][A-ZĐa-z0-9]*))*"
_PLENUM = (
    r"(?i:nghị\s+quyết\s+(?:hội\s+nghị\s+)?trung\s+ương)\s+(?i:lần\s+thứ\s+)?(?P<plenum>\d{1,2})"
    r"\s*\((?i:khóa|khoá)\s+(?P<term>[IVXL]+)\)"
)


def _type_alternatives() -> str:
    parts = []
    for index, (word, _key, abbreviation) in enumerate(_TYPE_WORDS):
        body = word if abbreviation else f"(?i:{word})"
        parts.append(f"(?P<t{index}>{body})")
    return "|".join(parts)


# Compiled once per process: detection is one scan per block per build. The leading lookahead
# (first letters of every type word) lets the scan skip most positions cheaply (~35% faster).
CITATION_PATTERN = re.compile(
    rf"(?=[nNqQcCpPkKhHtTlL])(?<![\wĐđ])(?:{_PLENUM}|(?:{_type_alternatives()})\s+(?:(?i:số)\s+)?(?P<number>{_NUMBER}))(?![\wĐđ])"
)


_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Detected:
    start: int
    end: int
    text: str
    key: str  # normalised: "<type>|<NUMBER>"


def normalise_number(number: str) -> str:
    """'10/CT- TW' → '10/CT-TW', '323/TTg' → '323/TTG': spellings that mean the same number."""
    return number_key(number)


def detect(text: str) -> list[Detected]:
    """Every citation of a numbered (or plenum) document in `text`. Self-references have no number."""
    found: list[Detected] = []
    if not _DIGIT.search(text):  # every pattern needs a number: most paragraphs end here, cheaply
        return found
    for match in CITATION_PATTERN.finditer(text):
        if match["plenum"]:
            key = f"nghi-quyet|TW{int(match['plenum'])}-{match['term'].upper()}"
        else:
            type_key = next(_TYPE_WORDS[i][1] for i in range(len(_TYPE_WORDS)) if match[f"t{i}"])
            key = f"{type_key}|{normalise_number(match['number'])}"
        found.append(Detected(match.start(), match.end(), match.group(0), key))
    return found


def spelling_key(spelling: str) -> str | None:
    """The key of a registry spelling when detection reads all of it as one citation."""
    text = " ".join(unicodedata.normalize("NFC", spelling).split())
    hits = detect(text)
    if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(text):
        return hits[0].key
    return None


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])")
MAX_SENTENCE = 320


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end]; long sentences are cut to a window around it."""
    begin, finish = 0, len(text)
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= start:
            begin = m.end()
        elif m.start() >= end:
            finish = m.start()
            break
    sentence = text[begin:finish].strip()
    if len(sentence) <= MAX_SENTENCE:
        return sentence
    s, e = start - begin, end - begin
    margin = max(40, (MAX_SENTENCE - (e - s)) // 2)
    left, right = max(0, s - margin), min(len(sentence), e + margin)
    if left > 0:
        left = sentence.find(" ", left) + 1 or left
    if right < len(sentence):
        right = sentence.rfind(" ", e, right) if sentence.rfind(" ", e, right) > e else right
    return ("… " if left > 0 else "") + sentence[left:right].strip() + (" …" if right < len(sentence) else "")


# Data: hand-made citations and relations in a document file ------------------------------


def read_links(data: YMap, ctx) -> tuple[tuple[Relation, ...], tuple[ManualCitation, ...]]:
    """Read and check the shape of a document's `relations:` and `citations:` (targets are checked later)."""
    def report(code: str, line: int, /, **values) -> None:
        ctx.problems.append(messages.problem(code, ctx.path, line, **values))

    def missing(entry: YMap, line: int, fields: dict[str, tuple[bool, str]], code: str) -> bool:
        """Report required keys that are absent (an empty value is reported by _text)."""
        absent = [key for key, (required, _d) in fields.items() if required and key not in entry]
        for key in absent:
            report(code, line, key=key, description=fields[key][1])
        return bool(absent)

    # a document's own spellings (the loader keeps only a list of strings): say so instead of dropping them
    aliases = data.get("aliases")
    if aliases is not None and (not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases)):
        report("aliases-not-list", data.line_of("aliases"))

    def entries(key: str, fields: dict, not_list: str, not_map: str, missing_field: str):
        """The well-formed items of the list `key`: (line, item); the others are reported."""
        raw = data.get(key)
        if raw is not None and not isinstance(raw, YList):
            report(not_list, data.line_of(key))
        for index, entry in enumerate(raw if isinstance(raw, YList) else []):
            line = raw.line_of(index)
            if not isinstance(entry, YMap):
                report(not_map, line)
                continue
            _unknown_keys(entry, set(fields), ctx)
            if not missing(entry, line, fields, missing_field):
                yield line, entry

    relations: list[Relation] = []
    for line, entry in entries("relations", RELATION_FIELDS, "relations-not-list", "relation-not-map", "relation-missing-field"):
        kind = entry.get("type")
        if not isinstance(kind, str) or kind not in RELATION_TYPES:
            report("bad-relation-type", entry.line_of("type"), value=kind, choices=", ".join(RELATION_TYPES))
            continue
        target = _text(entry, "target", ctx, required=True)
        if target:
            relations.append(Relation(kind, target, _text(entry, "clause", ctx), _text(entry, "note", ctx), line))

    manual: list[ManualCitation] = []
    for line, entry in entries(
        "citations", MANUAL_CITATION_FIELDS, "citations-not-list", "manual-citation-not-map", "manual-citation-missing-field"
    ):
        clause = _text(entry, "clause", ctx, required=True)
        text = _text(entry, "text", ctx, required=True)
        ignore = entry.get("ignore", False)
        if not isinstance(ignore, bool):
            report("manual-citation-ignore-not-bool", entry.line_of("ignore"))
            continue
        target = _text(entry, "target", ctx)
        if ignore == bool(target):
            report("manual-citation-target-or-ignore", line)
            continue
        if clause and text:
            manual.append(ManualCitation(clause, unicodedata.normalize("NFC", " ".join(text.split())), target, ignore, line))
    return tuple(relations), tuple(manual)


# Data: the registry ---------------------------------------------------------------------

TODAY = dt.date.today()
REGISTRY_FIELDS = {"id", "type", "number", "issuer", "issued", "title", "aliases", "document", "source", "note"}


def load_registry(path: Path, display: str, problems: list[Problem]) -> dict[str, CitedDocument]:
    """Read data/danh-muc/van-ban-dan-chieu.yml; every problem names the file and line."""
    entries: dict[str, CitedDocument] = {}
    if not path.exists() and not path.is_symlink():
        return entries
    loaded = load_yaml_file(path, display, confine_to=path.parent.parent)
    problems.extend(loaded.problems)
    ctx = Context(display)

    def report(code: str, line: int, /, **values) -> None:
        ctx.problems.append(messages.problem(code, display, line, **values))

    data = loaded.value
    if data is None:
        return entries
    items = registry_items(data, "documents")
    if items is None:
        report("cited-registry-shape", getattr(data, "line", 1))
        problems.extend(ctx.problems)
        return entries
    for line, entry in items:
        if not isinstance(entry, YMap):
            report("cited-entry-not-map", line)
            continue
        _unknown_keys(entry, REGISTRY_FIELDS, ctx)
        entry_id = entry.get("id")
        if not _clean_identifier(entry_id, "id", entry.line_of("id"), ctx):
            continue
        if not isinstance(entry_id, str) or not ID_PATTERN.match(entry_id):
            report("cited-bad-id", entry.line_of("id"), id=entry_id)
            continue
        if entry_id in entries:
            report("cited-duplicate-id", entry.line_of("id"), id=entry_id, line=entries[entry_id].line)
            continue
        kind = entry.get("type")
        if not isinstance(kind, str) or kind not in DOCUMENT_TYPES:
            report("bad-type", entry.line_of("type"), value=kind, choices=choices(DOCUMENT_TYPES))
        default_source = entry.get("source")

        def fact(key: str, as_date: bool = False) -> Fact:
            raw = entry.get(key)
            source = default_source
            if isinstance(raw, YMap):
                _unknown_keys(raw, {"value", "source"}, ctx)
                source = raw.get("source")
                raw = raw.get("value")
                if raw is not None and not source:
                    report("cited-fact-block-without-source", entry.line_of(key), key=key)
                    return UNKNOWN_FACT  # reported once: not again as a value without source
            if raw is None:
                return UNKNOWN_FACT
            if isinstance(raw, (list, dict)):
                report("cited-fact-not-scalar", entry.line_of(key), key=key)
                return UNKNOWN_FACT
            if not source:
                report("cited-fact-without-source", entry.line_of(key), key=key)
            if as_date:
                date = parse_date(raw)
                if date is None:
                    report(date_problem(raw), entry.line_of(key), key=key, value=str(raw))
                    return UNKNOWN_FACT
                if date.sort_key() > (TODAY.year, TODAY.month if date.month else 0, TODAY.day if date.day else 0):
                    report("future-date", entry.line_of(key), key=key, value=str(raw))
                    return UNKNOWN_FACT
                return Fact(date, source=source)
            return Fact(unicodedata.normalize("NFC", str(raw).strip()), source=source)

        aliases = entry.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            report("aliases-not-list", entry.line_of("aliases"))
            aliases = []
        document = entry.get("document")
        number = fact("number")
        if not _clean_identifier(number.value, "number", entry.line_of("number"), ctx):
            number = UNKNOWN_FACT
        for alias in aliases:
            _clean_identifier(alias, "aliases", entry.line_of("aliases"), ctx)
        entries[entry_id] = CitedDocument(
            id=entry_id,
            type=str(kind),
            number=number,
            issuer=fact("issuer"),
            issued=fact("issued", as_date=True),
            title=fact("title"),
            aliases=tuple(unicodedata.normalize("NFC", " ".join(a.split())) for a in aliases),
            document=document if isinstance(document, str) else None,
            line=line,
            aliases_line=entry.line_of("aliases"),
        )
    problems.extend(ctx.problems)
    return entries


# Resolution ----------------------------------------------------------------------------


class _Resolver:
    """Maps every spelling (number keys and literal phrases) to one canonical target id."""

    def __init__(self, documents: dict[str, Document], entries: dict[str, CitedDocument], registry_path: str, problems: list[Problem]):
        self.keys: dict[str, str] = {}
        self.key_origin: dict[str, str] = {}
        # a number two issuers both gave ("05/CT-UBND" of two communes): key → every target;
        # which one a citation means is decided per citing document (`pick`)
        self.shared: dict[str, list[str]] = {}
        self.number_issuer: dict[str, tuple[str, str]] = {}  # key → (kind of owner, issuer) of the first owner
        self.documents = documents
        self.phrases: dict[str, str] = {}  # casefolded literal phrase → target
        self.problems = problems
        self.document_numbers: set[str] = set()  # spellings that are a KB document's own number
        self.cited_only = {e.id for e in entries.values() if e.document is None}  # entries with no full text yet
        self.targets = set(documents)
        for entry in entries.values():
            where = f"{registry_path}:{entry.line}"
            if entry.document is not None and entry.document not in documents:
                problems.append(messages.problem("cited-document-missing", registry_path, entry.line, id=entry.id, document=entry.document))
            if entry.id in documents:
                problems.append(messages.problem("cited-id-is-document", registry_path, entry.line, id=entry.id))
            self.targets.add(entry.id)
            if entry.number.known:
                issuer = _issuer_text(entry.issuer)
                self.add_number(entry.type, str(entry.number.value), entry.target, where, registry_path, entry.line, issuer=("entry", issuer) if issuer else None)
            for spelling in entry.aliases:
                self.add(spelling, entry.target, where, registry_path, entry.aliases_line)
        for doc in documents.values():
            where = f"{doc.path}:{doc.line_of('aliases')}"
            if doc.number.known and not doc.number.inferred:
                # an unknown issuer is told apart from every other: the number may be another issuer's
                issuer = ("document", str(doc.issuer.value) if doc.issuer.known else f"?{doc.id}")
                self.add_number(doc.type, str(doc.number.value), doc.id, where, doc.path, doc.line_of("number"), own_number=True, issuer=issuer)
            for spelling in doc.aliases:
                self.add(spelling, doc.id, where, doc.path, doc.line_of("aliases"))
        self.aliases_of = {e.id: e.target for e in entries.values()}
        phrases = sorted(self.phrases, key=len, reverse=True)
        # one alternation for all literal phrases, compiled once per build
        self.phrase_pattern = re.compile("|".join(re.escape(p) for p in phrases), re.IGNORECASE) if phrases else None

    def add_number(self, kind: str, number: str, target: str, where: str, path: str, line: int, own_number: bool = False,
                   issuer: tuple[str, str] | None = None) -> None:
        """The official number is a spelling too ("Chỉ thị 18/2000/CT-TTg"), when detection can read it."""
        spelling = f"{DOCUMENT_TYPES.get(kind, '')} {number}"
        key = spelling_key(spelling)
        if key is None:
            return
        first = self.number_issuer.get(key)
        if first and issuer and first[0] == issuer[0] and first[1] != issuer[1] and key in self.keys:
            # the same number from another issuer of the same kind: both are real documents
            self.shared.setdefault(key, [self.keys[key]]).append(target)
            return
        if issuer and first is None and key not in self.keys:
            self.number_issuer[key] = issuer
        self.add(spelling, target, where, path, line, own_number)

    def add(self, spelling: str, target: str, where: str, path: str, line: int, own_number: bool = False) -> None:
        key = spelling_key(spelling)
        table, name = (self.keys, key) if key else (self.phrases, spelling.casefold())
        if own_number and name in self.document_numbers and (name in self.shared or table.get(name) != target):
            return  # two files with one number and one issuer: the loader reports that (duplicate-number); one slip, one message
        if name in self.shared and target in self.shared[name]:
            return  # a document's alias repeating its own shared number
        if name in self.shared:
            # an alias spelling a shared number: it names one of them (or yet another document)
            self.problems.append(messages.problem("citation-alias-taken", path, line, spelling=spelling, other=", ".join(self.shared[name]), origin=self.key_origin[name]))
            return
        if name in table and table[name] != target:
            if own_number and table[name] in self.cited_only:  # most likely a cited document added in full
                origin = self.key_origin[name]
                self.problems.append(messages.problem("number-of-cited-entry", path, line, spelling=spelling, entry=table[name], origin=origin, id=target))
                return
            self.problems.append(messages.problem("citation-alias-taken", path, line, spelling=spelling, other=table[name], origin=self.key_origin[name]))
            return
        table[name] = target
        self.key_origin.setdefault(name, where)
        if own_number:
            self.document_numbers.add(name)

    def canonical(self, target: str) -> str | None:
        """A target named in the data (entry id or document id) → where it resolves."""
        if target in self.aliases_of:
            return self.aliases_of[target]
        return target if target in self.targets else None

    def find(self, text: str, citing: Document) -> list[tuple[int, int, str, str | None, tuple[str, ...]]]:
        """(start, end, text, target or None, candidates) for every citation in `text`, in order, no overlaps.

        `candidates` is set (and the target None) only for a number several issuers gave that
        nothing in `citing` or in the text decides.
        """
        spans = []
        for d in detect(text):
            if d.key in self.shared:
                target = self.pick(self.shared[d.key], citing, text[d.end : d.end + PLACE_WINDOW])
                spans.append((d.start, d.end, d.text, target, () if target else tuple(self.shared[d.key])))
            else:
                spans.append((d.start, d.end, d.text, self.keys.get(d.key), ()))
        if self.phrase_pattern is not None:
            for m in self.phrase_pattern.finditer(text):
                if not any(s < m.end() and m.start() < e for s, e, *_ in spans):
                    spans.append((m.start(), m.end(), m.group(0), self.phrases[m.group(0).casefold()], ()))
        return sorted(spans)

    def pick(self, candidates: list[str], citing: Document, after: str) -> str | None:
        """The one document a shared number means here, or None when nothing decides.

        In order: the place named right after the citation ("… của UBND xã Bình Minh"); the
        citing document's own issuer; its place. Only documents in the collection carry an issuer
        id and a place, so a choice between registry entries is always the maintainer's.
        """
        documents = [self.documents.get(c) for c in candidates]
        near = after.casefold()
        named = [c for c, d in zip(candidates, documents) if d and d.place.known and _names(_place_name(d.place.value), near)]
        if len(named) == 1:
            return named[0]
        for fact in ("issuer", "place"):
            mine = getattr(citing, fact)
            if not mine.known or mine.inferred:
                continue
            same = [c for c, d in zip(candidates, documents) if d and getattr(d, fact).known and getattr(d, fact).value == mine.value]
            if len(same) == 1:
                return same[0]
        return None


def resolve(documents: dict[str, Document], registry_path: Path, registry_display: str, problems: list[Problem]) -> tuple[dict[str, Document], CitationIndex]:
    """Detect and resolve every citation once; return documents with CitationRef segments and the index."""
    before = len(problems)
    entries = load_registry(registry_path, registry_display, problems)
    # an entry the registry could not read is reported there, once: citations and relations that
    # name it would each repeat the same slip as 'unknown' (with a list of ids missing the one meant)
    registry_broken = any(p.is_error for p in problems[before:])
    resolver = _Resolver(documents, entries, registry_display, problems)
    citations: list[Citation] = []
    relations: list[tuple[str, Relation]] = []
    result: dict[str, Document] = {}
    for doc in documents.values():
        manual = _check_manual(doc, resolver, registry_display, problems)
        body = tuple(_link_block(b, doc, resolver, manual, citations, problems) for b in doc.body)
        for m in manual:
            if not m.used:
                code = "ignored-citation-not-found" if m.ignore else "manual-citation-text-not-found"
                problems.append(messages.problem(code, doc.path, m.line, text=m.text, clause=m.clause))
        for relation in doc.relations:
            target = resolver.canonical(relation.target)
            if target is None:
                if not registry_broken:
                    problems.append(messages.problem("relation-unknown-target", doc.path, relation.line, target=relation.target, registry=registry_display))
                continue
            if relation.clause and doc.block(relation.clause) is None:
                problems.append(messages.problem("link-unknown-clause", doc.path, relation.line, clause=relation.clause, ids=_ids(doc)))
                continue
            relations.append((doc.id, replace(relation, target=target)))
        result[doc.id] = replace(doc, body=body)
    for citation in citations:
        if citation.target is None and not registry_broken:
            problems.append(
                messages.problem(
                    "unresolved-citation", documents[citation.source].path, citation.line,
                    text=citation.text, label=citation.label or "phần tiêu đề", registry=registry_display,
                )
            )
    by_target: dict[str, list[Citation]] = defaultdict(list)
    for citation in citations:
        if citation.target:
            by_target[citation.target].append(citation)
    _check_cited_before_citing(entries, by_target, documents, registry_display, problems)
    index = CitationIndex(entries, tuple(citations), tuple(relations), {k: tuple(v) for k, v in by_target.items()})
    return result, index


def _check_cited_before_citing(entries, by_target, documents, registry_display: str, problems: list[Problem]) -> None:
    """A text cannot cite a document issued after it: a registry date later than a citing text is a slip."""
    for entry in entries.values():
        date = entry.issued.value
        if entry.document or not isinstance(date, PartialDate):
            continue
        for citation in by_target.get(entry.target, ()):
            citing = documents[citation.source]
            known = citing.issued.value
            bound = known if isinstance(known, PartialDate) else getattr(known, "before", None)
            if bound is not None and _later(date, bound):
                problems.append(
                    messages.problem(
                        "cited-after-citing", registry_display, entry.line,
                        id=entry.id, date=date.display(), document=citing.path, citing_date=citing.issued.display(),
                    )
                )
                break  # one root error per entry


def _later(date: PartialDate, than: PartialDate) -> bool:
    """`date` certainly falls after `than`, at the precision both know."""
    for mine, theirs in ((date.year, than.year), (date.month, than.month), (date.day, than.day)):
        if mine is None or theirs is None or mine != theirs:
            return mine is not None and theirs is not None and mine > theirs
    return False


@dataclass
class _Manual:
    clause: str
    text: str
    target: str | None
    ignore: bool
    line: int
    used: bool = False


def _check_manual(doc: Document, resolver: _Resolver, registry_display: str, problems: list[Problem]) -> list[_Manual]:
    checked = []
    for m in doc.manual_citations:
        if doc.block(m.clause) is None:
            problems.append(messages.problem("link-unknown-clause", doc.path, m.line, clause=m.clause, ids=_ids(doc)))
            continue
        target = None
        if m.target is not None:
            target = resolver.canonical(m.target)
            if target is None:
                problems.append(messages.problem("manual-citation-unknown-target", doc.path, m.line, target=m.target, registry=registry_display))
                continue
        checked.append(_Manual(m.clause, m.text, target, m.ignore, m.line))
    return checked


def _ids(doc: Document) -> str:
    ids = [b.id for b in doc.anchored()]
    return ", ".join(ids[:30]) + (", …" if len(ids) > 30 else "")


def _link_block(block: Block, doc: Document, resolver: _Resolver, manual: list[_Manual], out: list[Citation], problems: list[Problem]) -> Block:
    items = tuple(_link_block(b, doc, resolver, manual, out, problems) for b in block.items)
    if not block.segments:
        return replace(block, items=items) if items != block.items else block
    text = block.text
    spans = resolver.find(text, doc)
    # a clause's continuation paragraphs share its anchor, so hand-made entries reach them too
    own = [m for m in manual if m.clause == block.anchor]
    kept = []
    for start, end, words, target, candidates in spans:
        ignored = next((m for m in own if m.ignore and not m.used and m.text.casefold() == words.casefold()), None)
        if ignored is not None:
            ignored.used = True
            continue
        # a hand-made entry with the detected words says which document they mean
        chosen = next((m for m in own if not m.ignore and not m.used and m.text.casefold() == words.casefold()), None)
        if chosen is not None:
            chosen.used = True
            kept.append((start, end, words, chosen.target, True))
            continue
        if target == doc.id:  # the document naming itself is no citation
            continue
        if candidates:
            problems.append(messages.problem(
                "citation-ambiguous", doc.path, block.line, text=words, label=block.citation_label or _label_of(doc, block.anchor) or "phần tiêu đề",
                count=str(len(candidates)), candidates=", ".join(candidates), clause=block.anchor or "",
            ))
            continue
        kept.append((start, end, words, target, False))
    for m in own:
        if m.ignore:
            continue
        at = _free_occurrence(text, m.text, kept)
        if at is not None:
            m.used = True
            kept.append((at, at + len(m.text), text[at : at + len(m.text)], m.target, True))
    kept.sort()
    label = block.citation_label or _label_of(doc, block.anchor)
    for start, end, words, target, is_manual in kept:
        out.append(Citation(doc.id, block.anchor, label, block.line, words, target, sentence_around(text, start, end), is_manual))
    segments = _split(block.segments, [(s, e, t) for s, e, _, t, _ in kept if t])
    if segments is block.segments and items == block.items:
        return block  # most blocks cite nothing: no copy
    return replace(block, segments=segments, items=items)


def _label_of(doc: Document, anchor: str | None) -> str | None:
    """The citation label of the anchored block around a continuation paragraph."""
    anchored = doc.block(anchor) if anchor else None
    return anchored.citation_label if anchored else None


PLACE_WINDOW = 160  # characters after a citation where "… của UBND xã Bình Minh" names its issuer's place


def _place_name(place: str) -> str:
    """'Xã Bình Minh' → 'bình minh': the name a sentence uses after 'xã', 'tỉnh', 'huyện'…"""
    words = place.casefold().split()
    if len(words) > 1 and words[0] in {"xã", "phường", "thị", "huyện", "quận", "tỉnh", "thành", "thôn", "ấp", "bản"}:
        words = words[2:] if words[0] in {"thị", "thành"} and len(words) > 2 else words[1:]
    return " ".join(words)


def _names(name: str, text: str) -> bool:
    """Whether `text` names `name` as whole words: a place "Xã An" is not named by "Ban Dân vận"."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def _issuer_text(issuer: Fact) -> str | None:
    """A registry issuer written in words, compared loosely ("UBND tỉnh X" twice is one issuer)."""
    if not issuer.known:
        return None
    return " ".join(unicodedata.normalize("NFC", str(issuer.value)).casefold().split())


def _free_occurrence(text: str, needle: str, taken) -> int | None:
    start = text.casefold().find(needle.casefold())
    while start != -1:
        if not any(s < start + len(needle) and start < e for s, e, *_ in taken):
            return start
        start = text.casefold().find(needle.casefold(), start + 1)
    return None


def _split(segments, spans: list[tuple[int, int, str]]):
    """Cut plain-text segments at citation spans and wrap those in CitationRef.

    A span that overlaps a corrected word stays unlinked (the correction must remain visible);
    the citation itself is still recorded.
    """
    if not spans:
        return segments
    out = []
    pos = 0
    queue = list(spans)
    for seg in segments:
        length = len(seg) if isinstance(seg, str) else len(seg.corrected if isinstance(seg, Correction) else seg.text)
        seg_start, seg_end = pos, pos + length
        pos = seg_end
        if not isinstance(seg, str):
            out.append(seg)
            continue
        cursor = seg_start
        for span in list(queue):
            start, end, target = span
            if start >= seg_start and end <= seg_end:
                if start > cursor:
                    out.append(seg[cursor - seg_start : start - seg_start])
                out.append(CitationRef(seg[start - seg_start : end - seg_start], target))
                cursor = end
                queue.remove(span)
        if cursor < seg_end:
            out.append(seg[cursor - seg_start :])
    return tuple(out)
