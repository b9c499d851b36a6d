"""Pages of the cross-reference index: one per cited document, the index, the maintainers' report,
and the "Dẫn chiếu" section of document pages. Data is prepared once per build; Markdown is in
the templates (dan-chieu*.html.j2, _dan-chieu-van-ban.html.j2)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from .citations import RELATION_TYPES, Citation, CitationIndex, CitedDocument
from .labels import display_title, document_path, issuer_name, sort_date
from .model import Corpus, Document, PartialDate
from .vocab import DOCUMENT_TYPES, UNKNOWN

CITED_URL = "dan-chieu"
REPORT_PATH = "bao-cao/dan-chieu.md"
TITLE_ANCHOR = "kb-toan-van"  # citations in the title lines point at the start of the full text
# How the registry records a fact read in a KB document (see the checker's fix for 'source'):
# "nêu trong văn bản <id> (đoạn <anchor>: note)" or "(điểm b khoản 3)".
_STATED_IN = re.compile(r"^nêu trong văn bản (?P<doc>[a-z0-9-]+)(?: \((?P<where>[^):]*)(?::\s*(?P<note>[^)]*))?\))?(?P<rest>.*)$", re.S)


@dataclass(frozen=True)
class Target:
    """Something that can be cited: a registry entry or a KB document, as the pages show it."""

    id: str
    path: str  # docs-relative page
    name: str  # "Chỉ thị số 18/2000/CT-TTg"
    type: str  # Vietnamese label
    number: str
    issuer: str
    date: str
    sort_date: str
    entry: CitedDocument | None = None
    document: Document | None = None


class CitationPages:
    """Builds the citation pages and the per-document context from one resolved CitationIndex."""

    def __init__(self, corpus: Corpus, render):
        self.corpus = corpus
        self.render = render  # PageGenerator._render(template, src_path, **context)
        self.index: CitationIndex = corpus.citations or CitationIndex({}, (), ())
        self.targets: dict[str, Target] = {}
        for doc in corpus.documents.values():
            self.targets[doc.id] = Target(
                id=doc.id,
                path=document_path(doc.id),
                name=display_title(doc),
                type=DOCUMENT_TYPES.get(doc.type, doc.type),
                number=str(doc.number.value) if doc.number.known else UNKNOWN,
                issuer=issuer_name(doc, corpus) or UNKNOWN,
                date=doc.issued.display(),
                sort_date=sort_date(doc),
                document=doc,
            )
        for entry in self.index.entries.values():
            if entry.document:  # one and the same page as the KB document
                continue
            date = entry.issued.value
            self.targets[entry.id] = Target(
                id=entry.id,
                path=f"{CITED_URL}/{entry.id}.md",
                name=entry_name(entry),
                type=DOCUMENT_TYPES.get(entry.type, entry.type),
                number=str(entry.number.value) if entry.number.known else UNKNOWN,
                issuer=entry.issuer.display(),
                date=entry.issued.display(),
                sort_date=date.iso() if isinstance(date, PartialDate) else "",
                entry=entry,
            )
        self.urls = {target_id: target.path for target_id, target in self.targets.items()}
        self.doc_titles = {doc.id: display_title(doc) for doc in corpus.documents.values()}
        self.by_source: dict[str, list[Citation]] = defaultdict(list)
        for citation in self.index.citations:
            if citation.target:
                self.by_source[citation.source].append(citation)
        # relations seen from both ends, built once
        self.relations_from: dict[str, list] = defaultdict(list)
        self.relations_to: dict[str, list] = defaultdict(list)
        for source, relation in self.index.relations:
            self.relations_from[source].append(relation)
            self.relations_to[relation.target].append((source, relation))

    # Pages ------------------------------------------------------------------------------

    def pages(self) -> Iterable:
        cited = [t for t in self.targets.values() if t.entry is not None or self.index.by_target.get(t.id)]
        rows = sorted((self.row(t) for t in cited), key=lambda r: (r["target"].type, r["target"].sort_date, r["target"].name))
        yield self.render("dan-chieu-index.html.j2", f"{CITED_URL}/index.md", rows=rows, by_type=_group(rows, "type"), by_issuer=_group(rows, "issuer"), total=len(self.index.citations))
        for target in self.targets.values():
            if target.entry is not None:
                yield self.render("dan-chieu.html.j2", target.path, t=target, e=target.entry, links=self.links_of(target.id), source_of=self.source_of)
        unresolved = [self.backlink(c) for c in self.index.unresolved]
        yield self.render("bao-cao-dan-chieu.html.j2", REPORT_PATH, unresolved=unresolved, registry=len(self.index.entries), total=len(self.index.citations))

    def document_context(self, doc: Document) -> dict:
        """What a document page needs: URLs for its citation links and its 'Dẫn chiếu' section."""
        outgoing: dict[str, list[Citation]] = defaultdict(list)
        for citation in self.by_source.get(doc.id, ()):
            outgoing[citation.target].append(citation)
        # one link per place: a clause citing the same document twice is listed once
        cites = [(self.targets[t], [self.backlink(c) for c in {c.anchor: c for c in reversed(cs)}.values()][::-1]) for t, cs in outgoing.items()]
        return {"citation_urls": self.urls, "doc_links": dict(self.links_of(doc.id), cites=cites)}

    # Data for templates ------------------------------------------------------------------

    def row(self, target: Target) -> dict:
        citations = self.index.by_target.get(target.id, ())
        return {"target": target, "count": len(citations), "documents": len({c.source for c in citations})}

    def links_of(self, target_id: str) -> dict:
        """Backlinks grouped by citing document, and relations in both directions."""
        grouped: dict[str, list] = defaultdict(list)
        for citation in self.index.by_target.get(target_id, ()):
            grouped[citation.source].append(self.backlink(citation))
        return {
            "cited_by": [(source, self.doc_titles[source], f"van-ban/{source}.md", items) for source, items in grouped.items()],
            "relations": [
                (RELATION_TYPES[r.type][0], self.targets[r.target], self._where(target_id, r), r.note) for r in self.relations_from.get(target_id, ())
            ],
            "inverse": [
                (RELATION_TYPES[r.type][1], self.targets[source], self._where(source, r), r.note) for source, r in self.relations_to.get(target_id, ())
            ],
        }

    def backlink(self, citation: Citation) -> dict:
        anchor = citation.anchor or TITLE_ANCHOR
        before, words, after = _highlight(citation.sentence, citation.text)
        return {
            "citation": citation,
            "url": f"van-ban/{citation.source}.md#{anchor}",
            "label": citation.label or "Phần tiêu đề",
            "title": self.doc_titles.get(citation.source, citation.source),
            "before": before,
            "words": words,
            "after": after,
            "path": self.corpus.documents[citation.source].path,
        }

    def source_of(self, source: str | None) -> dict:
        """Where a fact about a cited document comes from, as readers read it: a KB document by
        its title and the clause by its Vietnamese label, both linked, instead of their ids."""
        match = _STATED_IN.match(" ".join((source or "").split()))
        doc = self.corpus.documents.get(match["doc"]) if match else None
        if doc is None:
            return {"text": source or "", "document": None}
        clauses, unresolved = [], []
        for part in (match["where"] or "").split(","):
            part = part.strip()
            anchor = part[5:].strip() if part.startswith("đoạn ") else part
            block = doc.block(anchor) or next((b for b in doc.anchored() if (b.citation_label or "").casefold() == part.casefold()), None)
            if block:
                label = block.citation_label or ""
                clauses.append((f"{document_path(doc.id)}#{block.id}", label[:1].lower() + label[1:]))
            elif part:
                unresolved.append(part)
        return {
            "document": (document_path(doc.id), display_title(doc)),
            "clauses": clauses,
            "where": ", ".join(unresolved),
            "note": (match["note"] or "").strip(),
            "rest": match["rest"].strip(),
        }

    def _where(self, source: str, relation) -> tuple[str, str] | None:
        """The clause of the stating document a relation is tied to, as (url, label)."""
        if not relation.clause:
            return None
        block = self.corpus.documents[source].block(relation.clause)
        return (f"van-ban/{source}.md#{relation.clause}", block.citation_label if block else relation.clause)


def entry_name(entry: CitedDocument) -> str:
    """How the index names a cited document: by type and number, else by the first spelling."""
    type_label = DOCUMENT_TYPES.get(entry.type, "Văn bản")
    if entry.number.known:
        return f"{type_label} số {entry.number.value}"
    if entry.aliases:
        return entry.aliases[0]
    if entry.title.known:
        return f"{type_label} {entry.title.value}"
    return f"{type_label} ({entry.id})"


def _highlight(sentence: str, words: str) -> tuple[str, str, str]:
    at = sentence.casefold().find(words.casefold())
    if at < 0:
        return sentence, "", ""
    return sentence[:at], sentence[at : at + len(words)], sentence[at + len(words) :]


def _group(rows: list[dict], key: str) -> list[tuple[str, list[dict]]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[getattr(row["target"], key)].append(row)
    # unknown values last, so readers see what is known first
    return sorted(groups.items(), key=lambda kv: (kv[0] == UNKNOWN, kv[0]))
