"""Responsibilities: who must do what, in which role, by when — read from `assignments:` and indexed once.

Each document file may end with a list of assignments; each ties one anchored block (clause,
section or top-level paragraph) to one actor of data/danh-muc/co-quan.yml, with a role, a short
task and optionally the deadline or cycle *as the text states it*. Everything is validated here
(the loader calls `read_assignments` and `load_groups`), then `Responsibilities` builds every
matrix and view the pages need in one pass. No MkDocs here.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .model import Actor, Block, Corpus, Document, PartialDate
from .problems import Problem
from .yamlload import YList, YMap, load_yaml_file

# Roles an actor can have in an assignment: id → (Vietnamese label, short mark for matrices).
ROLES: dict[str, tuple[str, str]] = {
    "chu-tri": ("Chủ trì", "CT"),
    "phoi-hop": ("Phối hợp", "PH"),
    "thuc-hien": ("Thực hiện", "TH"),
    "chi-dao": ("Chỉ đạo", "CĐ"),
    "huong-dan-kiem-tra": ("Hướng dẫn, kiểm tra", "HD"),
    "bao-cao": ("Báo cáo", "BC"),
    "nhan-bao-cao": ("Nhận báo cáo", "NBC"),
    "theo-doi": ("Theo dõi", "TD"),
    "co-quan-thuong-truc": ("Cơ quan thường trực", "TT"),
}

# Recurrences a deadline may state: id → Vietnamese label. Order = order on the deadlines page.
CYCLES: dict[str, str] = {
    "thuong-xuyen": "Thường xuyên",
    "dinh-ky": "Định kỳ (văn bản không nêu chu kỳ)",
    "hang-quy": "Hằng quý",
    "6-thang": "Sáu tháng một lần",
    "hang-nam": "Hằng năm",
    "2-nam": "Hai năm một lần",
    "khi-phat-sinh": "Khi phát sinh",
}

ASSIGNMENT_KEYS = {"clause", "actor", "role", "task", "deadline"}
DEADLINE_FORMS = (
    "{text: \"<nguyên văn>\", date: \"YYYY-MM-DD\"} hoặc "
    "{text: \"<nguyên văn>\", cycle: <chu kỳ>, when: \"<thời điểm, nếu có>\"}"
)
REGISTRY = "data/danh-muc/co-quan.yml"
# Page names under trach-nhiem/ that are not actor pages: an actor with such an id would collide.
RESERVED_ACTOR_IDS = ("index", "thoi-han", "phan-cong", "nhom")


@dataclass(frozen=True)
class Deadline:
    """A deadline in the source's own words plus its normalised form: a date or recurrence(s)."""

    text: str
    date: PartialDate | None = None
    cycles: tuple[str, ...] = ()
    when: str | None = None

    def normalised(self) -> str:
        """'20/06/1995' or 'Hằng năm (cuối năm)'."""
        if self.date:
            return self.date.display()
        label = "; ".join(CYCLES[c] for c in self.cycles)
        return f"{label} ({self.when})" if self.when else label


@dataclass(frozen=True)
class Assignment:
    document: str  # document id
    clause: str  # anchor id inside that document
    actor: str  # actor id
    role: str
    task: str
    deadline: Deadline | None
    line: int

    @property
    def role_label(self) -> str:
        return ROLES[self.role][0]

    @property
    def mark(self) -> str:
        return ROLES[self.role][1]


@dataclass(frozen=True)
class Group:
    """A generic role shared by actors of different places (every Sở Nội vụ)."""

    id: str
    name: str
    line: int = 0


# --- reading (called by the loader) ------------------------------------------------------


def load_groups(path: Path, display: str, actors: dict[str, Actor], problems: list[Problem]) -> dict[str, Group]:
    """The `groups:` list of the actors registry; every actor's `group` must be one of them."""
    groups: dict[str, Group] = {}
    if not path.exists():
        return groups
    loaded = load_yaml_file(path, display)
    data = loaded.value
    if not isinstance(data, YMap):
        return groups  # the loader already reported why the file is unreadable
    entries = data.get("groups")
    if entries is None:
        entries = YList()
    if not isinstance(entries, YList):
        problems.append(Problem(display, data.line_of("groups"), "trường 'groups' phải là danh sách các mục '- {id: ..., name: ...}'"))
        return groups
    for index, entry in enumerate(entries):
        line = entries.line_of(index)
        if not isinstance(entry, YMap) or not isinstance(entry.get("id"), str) or not isinstance(entry.get("name"), str):
            problems.append(Problem(display, line, "mỗi nhóm phải có dạng {id: <mã nhóm>, name: <tên nhóm>}"))
            continue
        for key in entry:
            if key not in {"id", "name", "note"}:
                problems.append(Problem(display, entry.line_of(key), f"trường lạ '{key}' trong nhóm (các trường hợp lệ: id, name, note)"))
        if entry["id"] in groups:
            problems.append(Problem(display, line, f"mã nhóm '{entry['id']}' bị trùng (dòng {groups[entry['id']].line})"))
            continue
        groups[entry["id"]] = Group(entry["id"], entry["name"].strip(), line)
    for actor in actors.values():
        if actor.id in RESERVED_ACTOR_IDS:
            problems.append(Problem(display, actor.line, f"mã cơ quan '{actor.id}' trùng tên một trang hệ thống (không dùng: {', '.join(RESERVED_ACTOR_IDS)})"))
        if actor.group and actor.group not in groups:
            problems.append(
                Problem(display, actor.line, f"cơ quan '{actor.id}': nhóm '{actor.group}' chưa có trong danh sách 'groups' (thêm nhóm hoặc sửa; các nhóm hiện có: {', '.join(groups) or 'chưa có'})")
            )
    return groups


def read_assignments(data: YMap, doc_id: str, ctx, actors: dict[str, Actor], body: tuple[Block, ...]) -> tuple[Assignment, ...]:
    """Validate a document's `assignments:` list against its body and the actors registry."""
    raw = data.get("assignments")
    if raw is None:
        return ()
    if not isinstance(raw, YList):
        ctx.error(data.line_of("assignments"), "trường 'assignments' phải là danh sách các mục '- clause: ..., actor: ..., role: ..., task: ...'")
        return ()
    blocks = {b.id: b for top in body for b in top.walk() if b.id}
    result = []
    for index, entry in enumerate(raw):
        line = raw.line_of(index)
        if not isinstance(entry, YMap):
            ctx.error(line, "mỗi phân công phải là một khối có các trường clause, actor, role, task (và deadline nếu có)")
            continue
        assignment = _assignment(entry, line, doc_id, ctx, actors, blocks)
        if assignment is not None:
            result.append(assignment)
    return tuple(result)


def _assignment(entry: YMap, line: int, doc_id: str, ctx, actors: dict[str, Actor], blocks: dict[str, Block]) -> Assignment | None:
    ok = True
    for key in entry:
        if key not in ASSIGNMENT_KEYS:
            ctx.error(entry.line_of(key), f"phân công: trường lạ '{key}' (các trường hợp lệ: {', '.join(sorted(ASSIGNMENT_KEYS))})")
            ok = False
    for key in ("clause", "actor", "role", "task"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            ctx.error(entry.line_of(key) if key in entry else line, f"phân công: thiếu trường '{key}' ({_KEY_HELP[key]})")
            ok = False
    if not ok:
        return None
    clause, actor, role = entry["clause"].strip(), entry["actor"].strip(), entry["role"].strip()
    if clause not in blocks:
        ctx.error(entry.line_of("clause"), f"phân công: văn bản không có khoản, mục hay đoạn mang mã '{clause}'{_hint(clause, blocks)} (các mã hợp lệ: {', '.join(blocks)})")
        ok = False
    if actor not in actors:
        ctx.error(
            entry.line_of("actor"),
            f"phân công: không có cơ quan '{actor}' trong danh mục {REGISTRY}{_hint(actor, actors)} "
            f"(thêm cơ quan vào danh mục, hoặc dùng một mã hợp lệ: {', '.join(sorted(actors))})",
        )
        ok = False
    if role not in ROLES:
        ctx.error(entry.line_of("role"), f"phân công: vai trò '{role}' không hợp lệ{_hint(role, ROLES)} (chọn một trong: {', '.join(ROLES)})")
        ok = False
    deadline = None
    if "deadline" in entry:
        deadline = _deadline(entry, ctx, blocks.get(clause))
        ok = ok and deadline is not None
    if not ok:
        return None
    task = unicodedata.normalize("NFC", " ".join(entry["task"].split()))
    return Assignment(doc_id, clause, actor, role, task, deadline, line)


_KEY_HELP = {
    "clause": "mã khoản/đoạn trong văn bản, ví dụ k1-a hoặc to-chuc-thuc-hien",
    "actor": f"mã cơ quan trong {REGISTRY}",
    "role": f"một trong: {', '.join(ROLES)}",
    "task": "tóm tắt nhiệm vụ, sát lời văn bản",
}


def _deadline(entry: YMap, ctx, block: Block | None) -> Deadline | None:
    from .loader import parse_date  # at call time: the loader imports this module

    raw = entry["deadline"]
    line = entry.line_of("deadline")
    if not isinstance(raw, YMap) or not isinstance(raw.get("text"), str) or not raw["text"].strip():
        ctx.error(line, f"phân công: thời hạn không đọc được (dạng hợp lệ: {DEADLINE_FORMS})")
        return None
    strange = [k for k in raw if k not in {"text", "date", "cycle", "when"}]
    if strange or ("date" in raw) == ("cycle" in raw):
        ctx.error(line, f"phân công: thời hạn phải có đúng một trong 'date' hoặc 'cycle' (dạng hợp lệ: {DEADLINE_FORMS})")
        return None
    text = unicodedata.normalize("NFC", " ".join(raw["text"].split()))
    if "date" in raw:
        date = parse_date(raw["date"])
        if date is None or not isinstance(raw["date"], str):
            ctx.error(raw.line_of("date"), f"phân công: ngày của thời hạn không hợp lệ '{raw['date']}' (dạng đúng: \"YYYY-MM-DD\", \"YYYY-MM\" hoặc \"YYYY\", trong dấu ngoặc kép)")
            return None
        deadline = Deadline(text, date=date)
    else:
        cycles = raw["cycle"] if isinstance(raw["cycle"], list) else [raw["cycle"]]
        bad = [c for c in cycles if c not in CYCLES]
        if bad or not cycles:
            ctx.error(raw.line_of("cycle"), f"phân công: chu kỳ '{', '.join(map(str, bad))}' không hợp lệ (chọn một hoặc một danh sách trong: {', '.join(CYCLES)})")
            return None
        when = raw.get("when")
        if when is not None and not isinstance(when, str):
            ctx.error(raw.line_of("when"), "phân công: 'when' phải là chuỗi chữ, ví dụ \"cuối năm\"")
            return None
        deadline = Deadline(text, cycles=tuple(cycles), when=when.strip() if when else None)
    if block is not None and not _occurs(text, block):
        ctx.error(raw.line_of("text"), f"phân công: thời hạn «{text}» không có trong nguyên văn của {block.citation_label or block.id} (mã '{block.id}'; chép đúng các chữ nêu thời hạn trong văn bản)")
        return None
    return deadline


def _occurs(words: str, block: Block) -> bool:
    """Does `words` occur in the block or its continuation blocks (as printed, or as corrected)?"""
    for getter in (lambda b: b.text, lambda b: b.original_text):
        text = " ".join(" ".join(getter(b) for b in block.walk()).split())
        if words in text:
            return True
    return False


def _hint(word: str, options) -> str:
    match = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return f" (có phải ý bạn là '{match[0]}'?)" if match else ""


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
    """CSV text starting with a BOM, so spreadsheet programs read it as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS.values())
    for row in rows:
        writer.writerow(row[k] for k in EXPORT_COLUMNS)
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
