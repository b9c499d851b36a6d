"""The relation graph of the collection: typed relations in one direction, citations, chains.

Relations are recorded on either document (kb.vocab.RELATIONS: "thay-the" in the replacing
document, or "bi-thay-the-boi" in the replaced one); here each becomes one Edge from the acting
document to the one acted upon, whichever file recorded it, so both pages show it once.
Built once per build from the resolved CitationIndex. No MkDocs, no markup here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .model import Corpus
from .vocab import AFFECTING, IMPLEMENTING, RELATION_CODES, RELATIONS


@dataclass(frozen=True)
class Edge:
    source: str  # the acting document (implements, replaces, repeals…)
    type: str  # canonical code of kb.vocab.RELATIONS
    target: str  # the document acted upon
    recorded_in: str  # the KB document whose file records it
    clause: str | None  # anchor of the clause stating it, in the recording document
    note: str | None
    line: int


@dataclass(frozen=True)
class ChainNode:
    id: str
    edge: Edge | None  # how this node carries out its parent (None for the root)
    children: tuple["ChainNode", ...]

    def walk(self, depth: int = 0):
        yield self, depth
        for child in self.children:
            yield from child.walk(depth + 1)


class Graph:
    """Every edge once, indexed both ways; citation links between documents; implementation chains."""

    def __init__(self, corpus: Corpus):
        index = corpus.citations
        edges: dict[tuple[str, str, str], Edge] = {}
        for recorded_in, relation in (index.relations if index is not None else ()):
            code, passive = RELATION_CODES[relation.type]
            source, target = (relation.target, recorded_in) if passive else (recorded_in, relation.target)
            if code == "lien-quan":  # symmetric: one edge whichever way it was written
                source, target = sorted((source, target))
            key = (source, code, target)
            if key not in edges:  # recorded on both documents: shown once
                edges[key] = Edge(source, code, target, recorded_in, relation.clause, relation.note, relation.line)
        self.edges: tuple[Edge, ...] = tuple(edges.values())
        self.outgoing: dict[str, list[Edge]] = defaultdict(list)
        self.incoming: dict[str, list[Edge]] = defaultdict(list)
        for edge in self.edges:
            self.outgoing[edge.source].append(edge)
            self.incoming[edge.target].append(edge)
        # citations between documents (a document cites another one, in any clause), in text order
        self.cites: dict[str, list[str]] = defaultdict(list)
        self.cited_by: dict[str, list[str]] = defaultdict(list)
        for citation in (index.citations if index is not None else ()):
            if citation.target and citation.target != citation.source and citation.target not in self.cites[citation.source]:
                self.cites[citation.source].append(citation.target)
                self.cited_by[citation.target].append(citation.source)

    def affecting(self, node: str) -> list[Edge]:
        """Edges that end or change the force of `node` (for its validity banner)."""
        return [e for e in self.incoming.get(node, ()) if e.type in AFFECTING]

    def groups(self, node: str) -> list[tuple[str, str, list[tuple[str, Edge | None]]]]:
        """(label, side, [(other node, edge)]) in the vocabulary's order; side 'out' = this node acts."""
        result = []
        for code, (mine, theirs, _passive) in RELATIONS.items():
            if code == "lien-quan":
                others = [(e.target if e.source == node else e.source, e) for e in [*self.outgoing.get(node, ()), *self.incoming.get(node, ())] if e.type == code]
                if others:
                    result.append((mine, "out", others))
                continue
            out = [(e.target, e) for e in self.outgoing.get(node, ()) if e.type == code]
            if out:
                result.append((mine, "out", out))
            into = [(e.source, e) for e in self.incoming.get(node, ()) if e.type == code]
            if into:
                result.append((theirs, "in", into))
        # a citation of a document already shown with its relation adds nothing to the overview
        related = {other for _label, _side, members in result for other, _edge in members}
        cites = [(other, None) for other in self.cites.get(node, ()) if other not in related]
        if cites:
            result.append(("Dẫn chiếu tới", "out", cites))
        cited_by = [(other, None) for other in self.cited_by.get(node, ()) if other not in related]
        if cited_by:
            result.append(("Được dẫn chiếu bởi", "in", cited_by))
        return result

    def chains(self) -> list[ChainNode]:
        """Trees of documents carrying each top document out, following IMPLEMENTING edges downwards.

        A root is carried out by something and carries out nothing itself; a node reached twice
        (or a cycle) is listed again without its subtree, so every tree is finite.
        """
        implementers: dict[str, list[Edge]] = defaultdict(list)
        implementing: set[str] = set()
        for edge in self.edges:
            if edge.type in IMPLEMENTING:
                implementers[edge.target].append(edge)
                implementing.add(edge.source)
        roots = [node for node in implementers if node not in implementing]
        if not roots and implementers:  # every document carries out another one: a cycle; start anywhere
            roots = [sorted(implementers)[0]]

        def grow(node: str, edge: Edge | None, path: frozenset[str]) -> ChainNode:
            if node in path:
                return ChainNode(node, edge, ())
            children = tuple(grow(e.source, e, path | {node}) for e in implementers.get(node, ()))
            return ChainNode(node, edge, children)

        return [grow(root, None, frozenset()) for root in roots]
