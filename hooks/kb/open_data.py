"""Open data: per-document JSON, the whole-collection JSON, schema.org JSON-LD, ELI-shaped
identifiers, and the history feed. Records are plain dicts built once per build from the model;
JSON is written with json.dumps (data, not markup), the Atom feed from a template.

Dates of the feed and of «Mới cập nhật» come only from each document's recorded `changes:`
(never from the clock or from git), so the build is the same from a git clone or a tarball.
"""

from __future__ import annotations

import json

from .citation_pages import Target
from .graph import Graph
from .model import DateRange, Document, Fact, PartialDate
from .vocab import BLOCS, DOCUMENT_TYPES, LEVELS, RELATIONS, STATUSES

DATA_URL = "du-lieu"
COLLECTION_PATH = f"{DATA_URL}/kho.json"
FEED_PATH = "cap-nhat.xml"
UPDATES_PATH = "moi-cap-nhat.md"
FORMAT_VERSION = "1.0"
# schema.org's legislationLegalForce for our statuses (no value when the status is unknown)
LEGAL_FORCE = {"con-hieu-luc": "InForce", "het-hieu-luc": "NotInForce", "het-hieu-luc-mot-phan": "PartiallyInForce"}
ELI_JURISDICTION = "vn"
UNKNOWN_YEAR = "khong-ro-nam"


def document_json_path(doc_id: str) -> str:
    return f"{DATA_URL}/van-ban/{doc_id}.json"


def eli(doc: Document) -> str:
    """ELI-shaped identifier: eli/vn/<loại>/<năm ban hành, khi văn bản ghi>/<mã>. The last part is the
    stable id (the URL van-ban/<mã>.html); type and year make it readable, as ELI does."""
    year = doc.issued.value.year if isinstance(doc.issued.value, PartialDate) and not doc.issued.inferred else UNKNOWN_YEAR
    return f"eli/{ELI_JURISDICTION}/{doc.type}/{year}/{doc.id}"


def _fact(fact: Fact, labels: dict[str, str] | None = None) -> dict | None:
    """A value with how we know it; None when unknown."""
    if not fact.known:
        return None
    value = fact.value
    if isinstance(value, PartialDate):
        out: dict = {"value": value.iso()}
    elif isinstance(value, DateRange):
        out = {"after": value.after.iso() if value.after else None, "before": value.before.iso() if value.before else None}
    else:
        out = {"value": str(value)}
        if labels is not None:
            out["label"] = labels.get(str(value), str(value))
    if fact.reason:
        out["inferred"] = fact.reason
    if fact.source:
        out["source"] = fact.source
    return out


class OpenData:
    """Builds every record once; pages and files ask for them by document id."""

    def __init__(self, corpus, graph: Graph, targets: dict[str, Target], issuer_name, citation_name, display_title, doc_topics: dict[str, list]):
        self.corpus = corpus
        self.graph = graph
        self.targets = targets
        self.issuer_name = issuer_name
        self.citation_name = citation_name
        self.display_title = display_title
        self.doc_topics = doc_topics  # document id -> topics.Topic list, resolved once (TopicPages)
        self.citations_of: dict[str, list] = {}
        for citation in (corpus.citations.citations if corpus.citations else ()):
            self.citations_of.setdefault(citation.source, []).append(citation)

    # Records ----------------------------------------------------------------------------

    def record(self, doc: Document) -> dict:
        """Everything about one document: metadata, clauses with anchors, relations, citations, assignments."""
        corpus = self.corpus
        return {
            "format": FORMAT_VERSION,
            **self.summary(doc),
            "clauses": [
                {"anchor": b.id, "label": b.citation_label or b.label, "kind": b.kind, "text": b.text, "url": f"van-ban/{doc.id}.html#{b.id}"}
                for b in doc.anchored()
            ],
            "citations": [
                {"anchor": c.anchor, "label": c.label, "text": c.text, "target": c.target, "target_name": self.targets[c.target].name if c.target in self.targets else None}
                for c in self.citations_of.get(doc.id, ())
            ],
            "assignments": [
                {
                    "clause": a.clause,
                    "actor": a.actor,
                    "actor_name": corpus.actors[a.actor].name if a.actor in corpus.actors else a.actor,
                    "role": a.role,
                    "role_label": a.role_label,
                    "task": a.task,
                    "deadline": {"text": a.deadline.text, "normalised": a.deadline.normalised()} if a.deadline else None,
                }
                for a in doc.assignments
            ],
            "corrections": [{"anchor": block.anchor, "original": c.original, "corrected": c.corrected} for block, c in doc.corrections()],
            "removed": [{"reason": r.reason, "note": r.note, "text": r.text} for r in doc.removed],
        }

    def summary(self, doc: Document) -> dict:
        """What the collection file says about each document (no clause text)."""
        status = doc.status
        return {
            "id": doc.id,
            "eli": eli(doc),
            "url": f"van-ban/{doc.id}.html",
            "data_url": document_json_path(doc.id),
            "type": {"value": doc.type, "label": DOCUMENT_TYPES.get(doc.type, doc.type)},
            "number": _fact(doc.number),
            "title": doc.title,
            "display_title": self.display_title(doc),
            "citation": self.citation_name(doc, self.corpus),
            "issuer": {**(_fact(doc.issuer) or {}), "name": self.issuer_name(doc, self.corpus)} if doc.issuer.known else None,
            "level": _fact(doc.level, LEVELS),
            "bloc": _fact(doc.bloc, BLOCS),
            "place": _fact(doc.place),
            "signer": {"name": _fact(doc.signer.name), "position": _fact(doc.signer.position), "on_behalf": _fact(doc.signer.on_behalf)},
            "issued": _fact(doc.issued),
            "effective": _fact(doc.effective),
            "status": (
                {"value": status.value, "label": STATUSES[str(status.value)], "source": status.source, "date": doc.status_date.iso() if doc.status_date else None}
                if status.known else None
            ),
            "topics": [{"id": t.id, "name": t.name} for t in self.doc_topics.get(doc.id, ())],
            "relations": self.relations(doc.id),
            "changes": [{"date": c.date.iso(), "note": c.note} for c in doc.changes],
        }

    def relations(self, node: str) -> list[dict]:
        out = []
        for edge in self.graph.outgoing.get(node, ()):
            out.append({"type": edge.type, "label": RELATIONS[edge.type][0], "direction": "out", "other": edge.target, "other_name": self.targets[edge.target].name, "recorded_in": edge.recorded_in, "clause": edge.clause, "note": edge.note})
        for edge in self.graph.incoming.get(node, ()):
            out.append({"type": edge.type, "label": RELATIONS[edge.type][1], "direction": "in", "other": edge.source, "other_name": self.targets[edge.source].name, "recorded_in": edge.recorded_in, "clause": edge.clause, "note": edge.note})
        return out

    def collection(self, documents: list[Document]) -> dict:
        entries = self.corpus.cited
        return {
            "format": FORMAT_VERSION,
            "name": "Kho chỉ thị dân vận",
            "documents": [self.summary(doc) for doc in documents],
            "cited": [
                {
                    "id": e.id,
                    "url": self.targets[e.id].path.replace(".md", ".html") if e.id in self.targets else None,
                    "type": {"value": e.type, "label": DOCUMENT_TYPES.get(e.type, e.type)},
                    "number": _fact(e.number),
                    "title": _fact(e.title),
                    "issuer": _fact(e.issuer),
                    "issued": _fact(e.issued),
                    "document": e.document,
                }
                for e in entries.values()
            ],
            "topics": [{"id": t.id, "name": t.name, "aliases": list(t.aliases), "url": f"chu-de/{t.id}.html"} for t in self.corpus.topics.values()],
            "glossary": [{"term": t.term, "kind": t.kind, "meaning": t.meaning} for t in self.corpus.glossary],
        }

    def json_ld(self, doc: Document) -> dict:
        """schema.org Legislation for the page's <head>."""
        out: dict = {
            "@context": "https://schema.org",
            "@type": "Legislation",
            "@id": f"{doc.id}.html",
            "url": f"{doc.id}.html",
            "name": self.display_title(doc),
            "alternateName": self.citation_name(doc, self.corpus),
            "inLanguage": "vi",
            "legislationType": DOCUMENT_TYPES.get(doc.type, doc.type),
            "identifier": eli(doc),
            "legislationJurisdiction": str(doc.place.value) if doc.place.known and not doc.place.inferred else "Việt Nam",
        }
        if doc.number.known and not doc.number.inferred:
            out["legislationIdentifier"] = str(doc.number.value)
        if isinstance(doc.issued.value, PartialDate) and not doc.issued.inferred:
            out["legislationDate"] = doc.issued.value.iso()
        issuer = self.issuer_name(doc, self.corpus)
        if issuer and not doc.issuer.inferred:
            out["legislationPassedBy"] = {"@type": "Organization", "name": issuer}
        if doc.status.known:
            out["legislationLegalForce"] = LEGAL_FORCE[str(doc.status.value)]
        cited = [self.targets[t].name for t in self.graph.cites.get(doc.id, ()) if t in self.targets]
        if cited:
            out["citation"] = cited
        applies = [self.targets[e.target].name for e in self.graph.outgoing.get(doc.id, ()) if e.type in ("thuc-hien", "trien-khai", "huong-dan")]
        if applies:
            out["legislationApplies"] = applies
        changes = [self.targets[e.target].name for e in self.graph.outgoing.get(doc.id, ()) if e.type in ("sua-doi-bo-sung", "thay-the", "bai-bo", "dinh-chi", "dinh-chinh", "lam-het-hieu-luc")]
        if changes:
            out["legislationChanges"] = changes
        out["hasPart"] = [{"@type": "Legislation", "name": b.citation_label or b.label, "url": f"{doc.id}.html#{b.id}"} for b in doc.anchored()]
        return out

    # History ----------------------------------------------------------------------------

    def changes(self, documents: list[Document]) -> list[dict]:
        """Every recorded change, newest first (ties by document id: the order never depends on the run)."""
        rows = [
            {"date": change.date, "note": change.note, "target": self.targets[doc.id], "doc": doc, "first": index == 0}
            for doc in documents
            for index, change in enumerate(doc.changes)
        ]
        rows.sort(key=lambda r: (r["date"].sort_key(), r["doc"].id), reverse=True)
        return rows


def dumps(record: dict) -> str:
    """The JSON of a data file: stable key order, UTF-8 text, one trailing newline."""
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"
