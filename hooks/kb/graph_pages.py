"""What the relation graph shows: the validity banner and the «Lược đồ» of each page, and the
page of implementation chains. Data is prepared once per build; markup is in the templates
(_hieu-luc.html.j2, _quan-he.html.j2, _luoc-do.svg.j2, chuoi-thuc-hien.html.j2)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .citation_pages import CitationPages, Target
from .graph import ChainNode, Edge, Graph
from .model import Corpus, Document
from .render import Md, make_html_environment
from .vocab import LEVELS, RELATIONS, STATUSES, UNKNOWN

CHAINS_PATH = "chuoi-thuc-hien.md"
MAX_BOXES = 10  # per side of a diagram; the lists below it name every document


@dataclass(frozen=True)
class Related:
    """One document in a «Lược đồ» group, as the page shows it."""

    target: Target
    edge: Edge | None
    where: tuple[str, str] | None  # (docs-relative URL, label) of the clause stating the relation
    place: str


class GraphPages:
    def __init__(self, corpus: Corpus, citation_pages: CitationPages, render):
        self.corpus = corpus
        self.graph = Graph(corpus)
        self.targets = citation_pages.targets
        self.render = render
        self.html = make_html_environment()
        self.chains = self.graph.chains()
        self.in_chain = {node.id for root in self.chains for node, _depth in root.walk() if node.children or node.edge}

    # Pages ------------------------------------------------------------------------------

    def pages(self):
        roots = sorted(self.chains, key=lambda root: (self.targets[root.id].sort_date, self.targets[root.id].name))
        trees = [(self.targets[root.id], [self._chain_row(node, depth) for node, depth in root.walk()]) for root in roots]
        yield self.render("chuoi-thuc-hien.html.j2", CHAINS_PATH, trees=trees)

    # Context for templates --------------------------------------------------------------

    def validity(self, doc: Document) -> dict:
        """The banner: the recorded status (with its source and date) and what other documents record."""
        status = doc.status
        affecting = [(RELATIONS[e.type][1], self._related(e.source, e)) for e in self.graph.affecting(doc.id)]
        return {
            "known": status.known,
            "label": STATUSES.get(str(status.value), UNKNOWN) if status.known else UNKNOWN,
            "kind": str(status.value) if status.known else "chua-ro",
            "source": status.source,
            "date": doc.status_date.display() if doc.status_date else None,
            "affecting": affecting,
        }

    def view(self, node: str, page_path: str) -> dict:
        """The «Lược đồ» of one node: groups in both directions and the diagram."""
        groups = [(label, side, [self._related(other, edge) for other, edge in members]) for label, side, members in self.graph.groups(node)]
        return {
            "groups": groups,
            "svg": self._svg(node, groups, page_path) if groups else Md(""),
            "in_chain": node in self.in_chain,
            "chains_path": CHAINS_PATH,
        }

    # Helpers ----------------------------------------------------------------------------

    def _related(self, other: str, edge: Edge | None) -> Related:
        where = None
        if edge is not None and edge.clause:
            block = self.corpus.documents[edge.recorded_in].block(edge.clause)
            where = (f"van-ban/{edge.recorded_in}.md#{edge.clause}", block.citation_label if block and block.citation_label else edge.clause)
        return Related(self.targets[other], edge, where, self._place(other))

    def _place(self, node: str) -> str:
        doc = self.corpus.documents.get(node)
        if doc is None:
            return self.targets[node].issuer
        parts = [doc.level.display(LEVELS) if doc.level.known else None, doc.place.display() if doc.place.known else None]
        return ", ".join(p for p in parts if p) or UNKNOWN

    def _chain_row(self, node: ChainNode, depth: int) -> dict:
        how = RELATIONS[node.edge.type][0] if node.edge else None
        return {"target": self.targets[node.id], "depth": depth, "indent": Md("    " * depth), "how": how, "place": self._place(node.id), "repeat": node.edge is not None and not node.children and node.id in {r.id for r in self.chains}}

    def _svg(self, node: str, groups, page_path: str) -> Md:
        """The diagram: this document in the middle, what it acts on at the left, what acts on it at the right."""
        left = [(label, r) for label, side, members in groups if side == "out" for r in members]
        right = [(label, r) for label, side, members in groups if side == "in" for r in members]
        rows = max(min(len(left), MAX_BOXES + 1), min(len(right), MAX_BOXES + 1), 1)
        box_h, gap, top = 58, 12, 40
        height = top + rows * (box_h + gap) + 10
        centre_y = top + (rows * (box_h + gap) - gap) / 2 - box_h / 2

        def column(items):
            shown = items[:MAX_BOXES]
            boxes = [
                {"label": label, "lines": _wrap(r.target.name, 34, 2), "date": r.target.date, "url": r.target.path, "y": top + i * (box_h + gap)}
                for i, (label, r) in enumerate(shown)
            ]
            if len(items) > MAX_BOXES:
                boxes.append({"label": "", "lines": [f"và {len(items) - MAX_BOXES} văn bản khác (xem danh sách)"], "date": "", "url": None, "y": top + MAX_BOXES * (box_h + gap)})
            return boxes

        me = self.targets[node]
        summary = "; ".join(f"{label}: {len(members)} văn bản" for label, _side, members in groups)
        svg = self.html.get_template("_luoc-do.svg.j2").render(
            page_path=page_path,
            node_id=node,
            title=f"Lược đồ quan hệ của {me.name}",
            desc=f"Bên trái: văn bản mà văn bản này căn cứ, thực hiện, thay thế hay dẫn chiếu tới; bên phải: văn bản tác động tới hoặc dẫn chiếu văn bản này. {summary}.",
            me_lines=_wrap(me.name, 34, 3),
            me_date=me.date,
            left=column(left),
            right=column(right),
            height=int(height),
            centre_y=centre_y,
            box_h=box_h,
        )
        return Md(svg)


@lru_cache(maxsize=4096)
def _wrap(text: str, width: int, lines: int) -> list[str]:
    """Words in at most `lines` lines of about `width` characters, with '…' when cut."""
    words, out, current = text.split(), [], ""
    for word in words:
        if len(current) + len(word) + 1 > width and current:
            out.append(current)
            current = word
            if len(out) == lines:
                break
        else:
            current = f"{current} {word}".strip()
    else:
        if current:
            out.append(current)
        return out
    out[-1] = out[-1].rstrip(",;:") + "…"
    return out[:lines]

