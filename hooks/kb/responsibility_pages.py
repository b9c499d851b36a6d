"""Pages and downloads about responsibilities (trach-nhiem/…), made from one Responsibilities index.

PageGenerator hands us its render function and page class (a path and a function that makes
the content), so this module needs nothing from pages.py and the two stay independent.
"""

from __future__ import annotations

from functools import partial
from typing import Callable, Iterable

from .model import Actor
from .responsibilities import Assignment, Responsibilities, to_csv, to_json
from .vocab import ACTOR_KINDS, LEVELS, ROLES, UNKNOWN

SECTION = "trach-nhiem"
CSV_PATH = f"{SECTION}/phan-cong.csv"
JSON_PATH = f"{SECTION}/phan-cong.json"


def actor_path(actor_id: str) -> str:
    return f"{SECTION}/{actor_id}.md"


def group_path(group_id: str) -> str:
    return f"{SECTION}/nhom/{group_id}.md"


class ResponsibilityPages:
    """Everything under trach-nhiem/, plus the per-document matrices shown on document pages."""

    def __init__(self, duties: Responsibilities, rows: list[dict]):
        self.duties = duties
        self.rows = {row["doc"].id: row for row in rows}  # PageGenerator's document rows, in date order
        self.order = {doc_id: i for i, doc_id in enumerate(self.rows)}

    # Pages ------------------------------------------------------------------------------

    def pages(self, render: Callable, page_class: type) -> Iterable:
        corpus = self.duties.corpus
        doc_ids = [d for d in self.rows if d in self.duties.documents]
        groups = sorted(
            ((corpus.groups[g], self.duty_rows(items)) for g, items in self.duties.by_group.items()),
            key=lambda item: item[0].name,
        )
        yield render(
            "trach-nhiem-index.html.j2",
            f"{SECTION}/index.md",
            documents=[(self.rows[d], self.short_name(self.rows[d])) for d in doc_ids],
            group_names={g.id: g.name for g in corpus.groups.values()},
            overall=self.duties.overall(doc_ids),
            groups=groups,
            total=len(self.duties.assignments),
            csv_path=CSV_PATH,
            json_path=JSON_PATH,
            roles=ROLES,
            actor_path=actor_path,
            group_path=group_path,
        )
        yield render(
            "trach-nhiem-thoi-han.html.j2",
            f"{SECTION}/thoi-han.md",
            dated=self.duty_rows(self.duties.dated(), keep_order=True),
            recurring=[(cycle, label, self.duty_rows(items)) for cycle, label, items in self.duties.recurring()],
            actor_path=actor_path,
        )
        for actor_id, items in self.duties.by_actor.items():
            actor = corpus.actors[actor_id]
            yield render(
                "trach-nhiem-co-quan.html.j2",
                actor_path(actor_id),
                actor=actor,
                group=corpus.groups.get(actor.group) if actor.group else None,
                members=[],
                duties=self.duty_rows(items),
                facts=self.actor_facts(actor),
                actor_path=actor_path,
                group_path=group_path,
            )
        for group, duty_rows in groups:
            members = sorted({r["actor"].id: r["actor"] for r in duty_rows}.values(), key=lambda a: a.name)
            yield render(
                "trach-nhiem-co-quan.html.j2",
                group_path(group.id),
                actor=None,
                group=group,
                members=members,
                duties=duty_rows,
                facts=[],
                actor_path=actor_path,
                group_path=group_path,
            )
        rows = self.duties.export_rows(
            {d: row["title"] for d, row in self.rows.items()},
            {d: row["path"].removesuffix(".md") + ".html" for d, row in self.rows.items()},
        )
        yield page_class(CSV_PATH, partial(to_csv, rows))
        yield page_class(JSON_PATH, partial(to_json, rows))

    # Data for templates ----------------------------------------------------------------

    def document_context(self, doc_id: str) -> dict | None:
        """What the «Phân công trách nhiệm» section of a document page shows (None: no assignments)."""
        matrix = self.duties.documents.get(doc_id)
        if matrix is None:
            return None
        return {
            "matrix": matrix,
            "roles": ROLES,
            "duties": self.duty_rows(matrix.assignments, keep_order=True),
            "actor_path": actor_path,
            "csv_path": CSV_PATH,
        }

    def duty_rows(self, items: list[Assignment], keep_order: bool = False) -> list[dict]:
        """Assignments with what every table shows about them; by document date and clause order unless kept."""
        rows = []
        for a in items:
            doc_row = self.rows[a.document]
            block = self.duties.block(a)
            rows.append(
                {
                    "a": a,
                    "actor": self.duties.actor(a),
                    "clause_label": block.citation_label or a.clause,
                    "target": f"{doc_row['path']}#{a.clause}",
                    "doc_title": doc_row["title"],
                    "doc_path": doc_row["path"],
                    "doc_short": self.short_name(doc_row),
                    "key": (self.order[a.document], block.line, a.line),
                }
            )
        return rows if keep_order else sorted(rows, key=lambda r: r["key"])

    @staticmethod
    def short_name(doc_row: dict) -> str:
        """'Chỉ thị · Tỉnh Bến Tre · 2010': enough to tell documents apart in a column or a cell."""
        doc = doc_row["doc"]
        parts = [doc_row["type"], doc.place.display() if doc.place.known else None, str(doc.year) if doc.year else None]
        return " · ".join(p for p in parts if p)

    @staticmethod
    def actor_facts(actor: Actor) -> list[tuple[str, str]]:
        return [
            ("Tên đầy đủ", actor.name),
            ("Tên viết tắt", actor.short),
            ("Cấp", LEVELS.get(actor.level, UNKNOWN) if actor.level else UNKNOWN),
            ("Loại", ACTOR_KINDS.get(actor.kind, actor.kind)),
            ("Địa bàn", actor.place or UNKNOWN),
            ("Cách viết khác trong văn bản", "; ".join(actor.aliases) if actor.aliases else "Không có"),
        ]

