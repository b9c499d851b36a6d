"""Responsibilities: who must do what, in which role, by when — read from `assignments:` and indexed once.

Each document file may end with a list of assignments; each ties one anchored block (clause,
section or top-level paragraph) to one actor of data/danh-muc/co-quan.yml, with a role, a short
task and optionally the deadline or cycle *as the text states it*. Everything is validated here
(the loader calls `read_assignments` and `load_groups`), then `Responsibilities` builds every
matrix and view the pages need in one pass. No MkDocs here.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from . import messages
from .escape import csv_cell
from .fields import closest as _closest
from .fields import closest_id
from .fields import parse_date, type_name
from .paths import ID_PATTERN
from .messages import register
from .model import Actor, Assignment, Block, Corpus, Deadline, Document, Group
from .problems import Problem
from .vocab import CYCLES, ROLES
from .yamlload import YList, YMap

REGISTRY = "data/danh-muc/co-quan.yml"
# The keys of one assignment and of its deadline: (required, Vietnamese description).
# Validation, messages and the JSON Schema (kb.schema) all read these tables.
ASSIGNMENT_FIELDS: dict[str, tuple[bool, str]] = {
    "clause": (True, "mã khoản/đoạn trong văn bản, ví dụ k1-a hoặc to-chuc-thuc-hien"),
    "actor": (True, f"mã cơ quan trong {REGISTRY}"),
    "role": (True, f"một trong: {', '.join(ROLES)}"),
    "task": (True, "tóm tắt nhiệm vụ, sát lời văn bản"),
    "deadline": (False, "thời hạn hoặc chu kỳ, đúng như văn bản nêu"),
}
ASSIGNMENT_KEYS = set(ASSIGNMENT_FIELDS)
DEADLINE_FIELDS: dict[str, tuple[bool, str]] = {
    "text": (True, "các chữ nêu thời hạn, chép nguyên văn từ khoản được phân công"),
    "date": (False, "ngày hạn chót \"YYYY-MM-DD\", \"YYYY-MM\" hoặc \"YYYY\" (khi văn bản nêu một ngày)"),
    "cycle": (False, "chu kỳ (một hoặc một danh sách) khi văn bản nêu việc lặp lại"),
    "when": (False, "thời điểm trong chu kỳ, nếu văn bản nêu, ví dụ \"cuối năm\""),
}
DEADLINE_FORMS = (
    "{text: \"<nguyên văn>\", date: \"YYYY-MM-DD\"} hoặc "
    "{text: \"<nguyên văn>\", cycle: <chu kỳ>, when: \"<thời điểm, nếu có>\"}"
)
# Page names under trach-nhiem/ that are not actor pages: an actor with such an id would collide.
RESERVED_ACTOR_IDS = ("index", "thoi-han", "phan-cong", "nhom")


# Messages (the guide's list is generated from these; tests/fixtures/invalid/ shows each one) ---

register("groups-not-list", "danh-muc", "Nhóm cơ quan không phải danh sách", "trường 'groups' phải là danh sách các mục '- {{id: ..., name: ...}}'")
register("group-shape", "danh-muc", "Nhóm cơ quan sai dạng", "mỗi nhóm phải có dạng {{id: <mã nhóm>, name: <tên nhóm>}}")
register(
    "group-unknown-key", "danh-muc", "Trường lạ trong nhóm cơ quan", "trường lạ '{key}' trong nhóm (các trường hợp lệ: id, name, note)", {"key": "ten"},
)
register("group-bad-id", "danh-muc", "Mã nhóm sai dạng", "mã nhóm '{id}' không hợp lệ (chỉ gồm chữ thường không dấu, số và '-')", {"id": "../UBND cấp xã"})
register("group-duplicate", "danh-muc", "Hai nhóm cùng mã", "mã nhóm '{id}' bị trùng (dòng {line})", {"id": "ubnd-cap-xa", "line": "14"})
register(
    "actor-reserved-id", "danh-muc", "Mã cơ quan trùng tên trang hệ thống",
    "mã cơ quan '{id}' trùng tên một trang hệ thống (không dùng: {reserved})", {"id": "index", "reserved": ", ".join(RESERVED_ACTOR_IDS)},
)
register(
    "actor-unknown-group", "danh-muc", "Cơ quan thuộc nhóm chưa khai báo",
    "cơ quan '{id}': nhóm '{group}' chưa có trong danh sách 'groups' (thêm nhóm hoặc sửa; các nhóm hiện có: {groups})",
    {"id": "ubnd-xa-an-binh", "group": "ubnd-xa", "groups": "ubnd-cap-xa"},
)

T = "trach-nhiem"
register(
    "assignments-not-list", T, "Phân công không phải danh sách",
    "trường 'assignments' phải là danh sách các mục '- clause: ..., actor: ..., role: ..., task: ...'",
)
register("assignment-not-map", T, "Phân công sai dạng", "mỗi phân công phải là một khối có các trường clause, actor, role, task (và deadline nếu có)")
register(
    "assignment-unknown-key-hint", T, "Trường lạ trong phân công (gõ nhầm tên)",
    "phân công: trường lạ '{key}' (có phải ý bạn là '{hint}'?)", {"key": "actors", "hint": "actor"},
)
register(
    "assignment-unknown-key", T, "Trường lạ trong phân công",
    "phân công: trường lạ '{key}' (các trường hợp lệ: {allowed})", {"key": "ghi-chu", "allowed": ", ".join(sorted(ASSIGNMENT_KEYS))},
)
register(
    "assignment-missing-field", T, "Phân công thiếu trường", "phân công: thiếu trường '{key}' ({description})",
    {"key": "role", "description": ASSIGNMENT_FIELDS["role"][1]},
)
register(
    "assignment-unknown-clause-hint", T, "Phân công cho khoản không có (gõ nhầm mã)",
    "phân công: văn bản không có khoản, mục hay đoạn mang mã '{clause}' (có phải ý bạn là '{hint}'?) (các mã hợp lệ: {ids})",
    {"clause": "k1a", "hint": "k1-a", "ids": "boi-canh, yeu-cau, k1, k1-a, k1-b, k2, k2-y1, k2-y2, hieu-luc"},
)
register(
    "assignment-unknown-clause", T, "Phân công cho khoản không có",
    "phân công: văn bản không có khoản, mục hay đoạn mang mã '{clause}' (các mã hợp lệ: {ids})",
    {"clause": "k4", "ids": "boi-canh, yeu-cau, k1, k1-a, k1-b, k2, k2-y1, k2-y2, hieu-luc"},
    fix="Mã khoản là mã neo trên trang văn bản (k1, k1-a, k2-y1…) hoặc 'id' của đoạn; xem địa chỉ khi bấm ¶ cạnh khoản đó.",
)
register(
    "assignment-unknown-actor-hint", T, "Phân công cho cơ quan không có (gõ nhầm mã)",
    "phân công: không có cơ quan '{actor}' trong danh mục {registry} (có phải ý bạn là '{hint}'?) "
    "(thêm cơ quan vào danh mục, hoặc dùng một mã hợp lệ: {ids})",
    {"actor": "ubnd-xa-an-bin", "registry": REGISTRY, "hint": "ubnd-xa-an-binh", "ids": "ubnd-xa-an-binh"},
)
register(
    "assignment-unknown-actor", T, "Phân công cho cơ quan chưa có trong danh mục",
    "phân công: không có cơ quan '{actor}' trong danh mục {registry} (thêm cơ quan vào danh mục, hoặc dùng một mã hợp lệ: {ids})",
    {"actor": "truong-thon", "registry": REGISTRY, "ids": "ubnd-xa-an-binh"},
    fix="Cơ quan nhận nhiệm vụ phải có trong danh mục cơ quan (id, name, short, level, kind, place, group); "
    "thêm một mục mới rồi dùng mã của mục đó.",
)
register(
    "assignment-unknown-role-hint", T, "Vai trò không có trong danh sách (gõ nhầm)",
    "phân công: vai trò '{role}' không hợp lệ (có phải ý bạn là '{hint}'?) (chọn một trong: {choices})",
    {"role": "chutri", "hint": "chu-tri", "choices": ", ".join(ROLES)},
)
register(
    "assignment-unknown-role", T, "Vai trò không có trong danh sách",
    "phân công: vai trò '{role}' không hợp lệ (chọn một trong: {choices})", {"role": "lanh-dao", "choices": ", ".join(ROLES)},
    fix="Vai trò: " + "; ".join(f"{key} = {label}" for key, (label, _mark) in ROLES.items()) + ".",
)
register(
    "deadline-unreadable", T, "Thời hạn không đọc được",
    "phân công: thời hạn không đọc được (dạng hợp lệ: {forms})", {"forms": DEADLINE_FORMS},
    fix="Thời hạn luôn là một khối có 'text' (nguyên văn) và hoặc 'date' (một ngày), hoặc 'cycle' (việc lặp lại).",
)
register(
    "deadline-date-or-cycle", T, "Thời hạn vừa có ngày vừa có chu kỳ (hoặc không có cả hai)",
    "phân công: thời hạn phải có đúng một trong 'date' hoặc 'cycle' (dạng hợp lệ: {forms})", {"forms": DEADLINE_FORMS},
)
register(
    "deadline-bad-date", T, "Ngày của thời hạn sai dạng",
    "phân công: ngày của thời hạn không hợp lệ '{value}' (dạng đúng: \"YYYY-MM-DD\", \"YYYY-MM\" hoặc \"YYYY\", trong dấu ngoặc kép)",
    {"value": "30/6/2011"},
)
register(
    "deadline-bad-cycle", T, "Chu kỳ không có trong danh sách",
    "phân công: chu kỳ '{value}' không hợp lệ (chọn một hoặc một danh sách trong: {choices})", {"value": "sau-thang", "choices": ", ".join(CYCLES)},
    fix="Chu kỳ: " + "; ".join(f"{key} = {label}" for key, label in CYCLES.items()) + ".",
)
register("deadline-when-not-text", T, "Thời điểm của chu kỳ không phải chuỗi chữ", "phân công: 'when' phải là chuỗi chữ, ví dụ \"cuối năm\"")
register(
    "deadline-not-in-text", T, "Thời hạn không có trong nguyên văn",
    "phân công: thời hạn «{text}» không có trong nguyên văn của {label} (mã '{clause}'; chép đúng các chữ nêu thời hạn trong văn bản)",
    {"text": "mỗi tháng một lần", "label": "Khoản 2", "clause": "k2"},
    fix="Thời hạn ghi lại đúng lời văn bản, không diễn giải: chép các chữ nêu thời hạn từ khoản được phân công "
    "(hoặc các đoạn tiếp theo của khoản đó).",
)
del T


# --- reading (called by the loader) ------------------------------------------------------


def load_groups(data, display: str, actors: dict[str, Actor], problems: list[Problem]) -> dict[str, Group]:
    """The `groups:` list of the parsed actors registry; every actor's `group` must be one of them."""
    groups: dict[str, Group] = {}
    if not isinstance(data, YMap):
        return groups  # the loader already reported why the file is unreadable
    entries = data.get("groups")
    if entries is None:
        entries = YList()
    if not isinstance(entries, YList):
        problems.append(messages.problem("groups-not-list", display, data.line_of("groups")))
        return groups
    incomplete = False
    for index, entry in enumerate(entries):
        line = entries.line_of(index)
        if not isinstance(entry, YMap) or not isinstance(entry.get("id"), str) or not isinstance(entry.get("name"), str):
            problems.append(messages.problem("group-shape", display, line))
            incomplete = True
            continue
        for key in entry:
            if key not in {"id", "name", "note"}:
                problems.append(messages.problem("group-unknown-key", display, entry.line_of(key), key=key))
        if not ID_PATTERN.match(entry["id"]):  # it becomes a page address: trach-nhiem/nhom/<id>.html
            problems.append(messages.problem("group-bad-id", display, entry.line_of("id"), id=entry["id"]))
            incomplete = True
            continue
        if entry["id"] in groups:
            problems.append(messages.problem("group-duplicate", display, line, id=entry["id"], line=groups[entry["id"]].line))
            continue
        groups[entry["id"]] = Group(entry["id"], entry["name"].strip(), line)
    for actor in actors.values():
        if actor.id in RESERVED_ACTOR_IDS:
            problems.append(messages.problem("actor-reserved-id", display, actor.line, id=actor.id, reserved=", ".join(RESERVED_ACTOR_IDS)))
        if actor.group and actor.group not in groups and not incomplete:  # a malformed group is reported once, above
            problems.append(
                messages.problem("actor-unknown-group", display, actor.line, id=actor.id, group=actor.group, groups=", ".join(groups) or "chưa có")
            )
    return groups


def read_assignments(data: YMap, doc_id: str, ctx, actors: dict[str, Actor] | None, body: tuple[Block, ...]) -> tuple[Assignment, ...]:
    """Validate a document's `assignments:` list against its body and the actors registry."""
    raw = data.get("assignments")
    if raw is None:
        return ()
    if not isinstance(raw, YList):
        _report(ctx, "assignments-not-list", data.line_of("assignments"))
        return ()
    blocks = {b.id: b for top in body for b in top.walk() if b.id}
    result = []
    for index, entry in enumerate(raw):
        line = raw.line_of(index)
        if not isinstance(entry, YMap):
            _report(ctx, "assignment-not-map", line)
            continue
        assignment = _assignment(entry, line, doc_id, ctx, actors, blocks)
        if assignment is not None:
            result.append(assignment)
    return tuple(result)


def _assignment(entry: YMap, line: int, doc_id: str, ctx, actors: dict[str, Actor] | None, blocks: dict[str, Block]) -> Assignment | None:
    ok = True
    hinted = set()  # a misspelt key is one slip: do not report the key it stands for as missing too
    for key in entry:
        if key not in ASSIGNMENT_KEYS:
            hint = _closest(key, ASSIGNMENT_KEYS)
            hinted.add(hint)
            if hint:
                _report(ctx, "assignment-unknown-key-hint", entry.line_of(key), key=key, hint=hint)
            else:
                _report(ctx, "assignment-unknown-key", entry.line_of(key), key=key, allowed=", ".join(sorted(ASSIGNMENT_KEYS)))
            ok = False
    for key, (required, description) in ASSIGNMENT_FIELDS.items():
        value = entry.get(key)
        if required and value is not None and not isinstance(value, str):  # typed, but not as text
            _report(ctx, "wrong-type-text", entry.line_of(key), key=key, kind=type_name(value))
            ok = False
        elif required and key not in hinted and (not isinstance(value, str) or not value.strip()):
            _report(ctx, "assignment-missing-field", entry.line_of(key) if key in entry else line, key=key, description=description)
            ok = False
    if not ok:
        return None
    clause, actor, role = entry["clause"].strip(), entry["actor"].strip(), entry["role"].strip()
    if clause not in blocks:
        _report_unknown(ctx, "assignment-unknown-clause", entry.line_of("clause"), clause, blocks, clause=clause, ids=", ".join(blocks))
        ok = False
    if actors is not None and actor not in actors:  # None: the registry itself is broken, reported there
        _report_unknown(ctx, "assignment-unknown-actor", entry.line_of("actor"), actor, actors, suggest=closest_id, actor=actor, registry=REGISTRY, ids=", ".join(sorted(actors)))
        ok = False
    if role not in ROLES:
        _report_unknown(ctx, "assignment-unknown-role", entry.line_of("role"), role, ROLES, role=role, choices=", ".join(ROLES))
        ok = False
    deadline = None
    if "deadline" in entry:
        deadline = _deadline(entry, ctx, blocks.get(clause))
        ok = ok and deadline is not None
    if not ok:
        return None
    task = unicodedata.normalize("NFC", " ".join(entry["task"].split()))
    return Assignment(doc_id, clause, actor, role, task, deadline, line)


def _report(ctx, code: str, line: int, /, **values) -> None:
    ctx.problems.append(messages.problem(code, ctx.path, line, **values))


def _report_unknown(ctx, code: str, line: int, word: str, options, /, suggest=None, **values) -> None:
    """An unknown code: the '-hint' variant of the message when a close match suggests a typo."""
    hint = (suggest or _closest)(word, options)
    if hint:
        _report(ctx, f"{code}-hint", line, hint=hint, **values)
    else:
        _report(ctx, code, line, **values)


def _deadline(entry: YMap, ctx, block: Block | None) -> Deadline | None:
    raw = entry["deadline"]
    line = entry.line_of("deadline")
    if not isinstance(raw, YMap) or not isinstance(raw.get("text"), str) or not raw["text"].strip():
        _report(ctx, "deadline-unreadable", line, forms=DEADLINE_FORMS)
        return None
    strange = [k for k in raw if k not in DEADLINE_FIELDS]
    if strange or ("date" in raw) == ("cycle" in raw):
        _report(ctx, "deadline-date-or-cycle", line, forms=DEADLINE_FORMS)
        return None
    text = unicodedata.normalize("NFC", " ".join(raw["text"].split()))
    if "date" in raw:
        date = parse_date(raw["date"])
        if date is None or not isinstance(raw["date"], str):
            _report(ctx, "deadline-bad-date", raw.line_of("date"), value=raw["date"])
            return None
        deadline = Deadline(text, date=date)
    else:
        cycles = raw["cycle"] if isinstance(raw["cycle"], list) else [raw["cycle"]]
        bad = [c for c in cycles if not isinstance(c, str) or c not in CYCLES]
        if bad or not cycles:
            _report(ctx, "deadline-bad-cycle", raw.line_of("cycle"), value=", ".join(map(str, bad)), choices=", ".join(CYCLES))
            return None
        when = raw.get("when")
        if when is not None and not isinstance(when, str):
            _report(ctx, "deadline-when-not-text", raw.line_of("when"))
            return None
        deadline = Deadline(text, cycles=tuple(cycles), when=when.strip() if when else None)
    if block is not None and not _occurs(text, block):
        _report(ctx, "deadline-not-in-text", raw.line_of("text"), text=text, label=block.citation_label or block.id, clause=block.id)
        return None
    return deadline


def _occurs(words: str, block: Block) -> bool:
    """Does `words` occur in the block or its continuation blocks (as printed, or as corrected)?"""
    for getter in (lambda b: b.text, lambda b: b.original_text):
        text = " ".join(" ".join(getter(b) for b in block.walk()).split())
        if words in text:
            return True
    return False


# --- indexing (once per build) -----------------------------------------------------------


@dataclass
class DocumentMatrix:
    """One document's assignments, as a matrix: rows = anchored blocks, columns = actors."""

    actors: list[Actor]
    rows: list[dict]  # {"block": Block, "cells": {actor_id: [Assignment]}}
    assignments: list[Assignment]


@dataclass
class Responsibilities:
    """Every responsibility view of the corpus, computed in one pass."""

    corpus: Corpus
    assignments: list[Assignment] = field(init=False)
    documents: dict[str, DocumentMatrix] = field(init=False)
    by_actor: dict[str, list[Assignment]] = field(init=False)
    by_group: dict[str, list[Assignment]] = field(init=False)

    def __post_init__(self) -> None:
        self.documents, self.by_actor, self.by_group = {}, defaultdict(list), defaultdict(list)
        self.assignments = []
        # anchor lookups happen for every assignment in several views: index them once
        self._blocks = {doc.id: {b.id: b for b in doc.anchored()} for doc in self.corpus.documents.values() if doc.assignments}
        for doc in self.corpus.documents.values():
            if doc.assignments:
                self.documents[doc.id] = _matrix(doc, self.corpus.actors, self._blocks[doc.id])
            for a in doc.assignments:
                self.assignments.append(a)
                self.by_actor[a.actor].append(a)
                group = self.corpus.actors[a.actor].group
                if group:
                    self.by_group[group].append(a)

    def block(self, a: Assignment) -> Block:
        return self._blocks[a.document][a.clause]

    def actor(self, a: Assignment) -> Actor:
        return self.corpus.actors[a.actor]

    def dated(self) -> list[Assignment]:
        """Assignments with a calendar deadline, earliest first."""
        found = [a for a in self.assignments if a.deadline and a.deadline.date]
        return sorted(found, key=lambda a: (a.deadline.date.sort_key(), a.document, a.actor))  # type: ignore[union-attr]

    def recurring(self) -> list[tuple[str, str, list[Assignment]]]:
        """(cycle id, label, assignments) in the order of CYCLES; an assignment may recur in two cycles."""
        groups: dict[str, list[Assignment]] = defaultdict(list)
        for a in self.assignments:
            for cycle in a.deadline.cycles if a.deadline else ():
                groups[cycle].append(a)
        return [(c, label, groups[c]) for c, label in CYCLES.items() if groups.get(c)]

    def overall(self, document_ids: list[str]) -> list[dict]:
        """Rows actor × document with counts, actors ordered by group then name."""
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for a in self.assignments:
            counts[a.actor][a.document] += 1
        actors = sorted((self.corpus.actors[i] for i in counts), key=lambda x: (x.group or "~", x.name))
        return [
            {"actor": actor, "counts": [counts[actor.id].get(d, 0) for d in document_ids], "total": sum(counts[actor.id].values())}
            for actor in actors
        ]

    def export_rows(self, titles: dict[str, str], urls: dict[str, str]) -> list[dict]:
        """One flat row per assignment, for the CSV and JSON downloads (keys are EXPORT_COLUMNS)."""
        rows = []
        for a in self.assignments:
            actor, block, deadline = self.actor(a), self.block(a), a.deadline
            rows.append(
                {
                    "van_ban": a.document,
                    "ten_van_ban": titles.get(a.document, a.document),
                    "khoan": a.clause,
                    "vi_tri": block.citation_label or a.clause,
                    "co_quan": a.actor,
                    "ten_co_quan": actor.name,
                    "nhom": actor.group or "",
                    "vai_tro": a.role,
                    "ten_vai_tro": a.role_label,
                    "nhiem_vu": a.task,
                    "thoi_han_nguyen_van": deadline.text if deadline else "",
                    "ngay": deadline.date.iso() if deadline and deadline.date else "",
                    "chu_ky": ";".join(deadline.cycles) if deadline else "",
                    "thoi_diem": (deadline.when or "") if deadline else "",
                    "lien_ket": f"{urls.get(a.document, a.document)}#{a.clause}",
                }
            )
        return rows


# Export columns: JSON key → CSV header (Vietnamese, for people opening the file in a spreadsheet).
EXPORT_COLUMNS: dict[str, str] = {
    "van_ban": "Mã văn bản",
    "ten_van_ban": "Văn bản",
    "khoan": "Mã khoản",
    "vi_tri": "Khoản, đoạn",
    "co_quan": "Mã cơ quan",
    "ten_co_quan": "Cơ quan",
    "nhom": "Nhóm",
    "vai_tro": "Mã vai trò",
    "ten_vai_tro": "Vai trò",
    "nhiem_vu": "Nhiệm vụ",
    "thoi_han_nguyen_van": "Thời hạn (nguyên văn)",
    "ngay": "Ngày (YYYY-MM-DD)",
    "chu_ky": "Chu kỳ",
    "thoi_diem": "Thời điểm",
    "lien_ket": "Liên kết",
}


def to_csv(rows: list[dict]) -> str:
    """CSV text starting with a BOM, so spreadsheet programs read it as UTF-8; no cell starts a formula."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS.values())
    for row in rows:
        writer.writerow(csv_cell(row[k]) for k in EXPORT_COLUMNS)
    return "\ufeff" + out.getvalue()


def to_json(rows: list[dict]) -> str:
    return json.dumps({"columns": EXPORT_COLUMNS, "assignments": rows}, ensure_ascii=False, indent=1) + "\n"


def _matrix(doc: Document, actors: dict[str, Actor], blocks: dict[str, Block]) -> DocumentMatrix:
    order = {block_id: i for i, block_id in enumerate(blocks)}  # reading order
    cells: dict[str, dict[str, list[Assignment]]] = defaultdict(lambda: defaultdict(list))
    seen_actors: dict[str, Actor] = {}
    for a in doc.assignments:
        cells[a.clause][a.actor].append(a)
        seen_actors.setdefault(a.actor, actors[a.actor])
    rows = [{"block": blocks[c], "cells": dict(cells[c]), "order": order[c]} for c in sorted(cells, key=order.__getitem__)]
    return DocumentMatrix(list(seen_actors.values()), rows, list(doc.assignments))
