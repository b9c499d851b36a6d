"""Page generation: turn the Corpus into pages (src path → content), once per build.

Pages are HTML rendered from the model (kb.html_render, templates/*.html.j2), handed to MkDocs
with their table of contents; the data files (JSON, CSV, Atom) and forwarding pages are written
as they are. Only hand-written pages (docs/) go through Python-Markdown."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable, Iterable

from markupsafe import Markup

from .citation_pages import CitationPages
from .document_facts import key_facts, properties
from .glossary import GlossaryMarker
from .graph_pages import GraphPages
from .html_render import HtmlPages, html_link
from .labels import DOCUMENTS_URL, citation_name, display_title, document_path, issuer_name, sort_date, year_key, year_label
from .model import Corpus, Document
from .open_data import COLLECTION_PATH, DATA_URL, FEED_PATH, UPDATES_PATH, OpenData, document_json_path, dumps, eli
from .open_data_schema import OPEN_DATA_SCHEMAS
from .problems import Problem
from .provenance_pages import ProvenancePages
from .redirects import redirect_page, relative_url, resolve
from .render import make_html_environment, script_json
from .topic_pages import TopicPages
from .responsibilities import Responsibilities
from .responsibility_pages import ResponsibilityPages
from .search_document import document_sections, encode_sections
from .vocab import BLOCS, DOCUMENT_TYPES, LEVELS, REMOVAL_REASONS, UNKNOWN

@dataclass(frozen=True)
class GeneratedPage:
    src_path: str  # docs-relative Markdown path, e.g. "van-ban/x.md"
    content: str
    edit_path: str | None = None  # the data file a maintainer edits (project-relative)


@dataclass(frozen=True)
class PlannedPage:
    """A page whose path is known at once and whose content is rendered when asked for.

    The MkDocs wiring needs every path before it needs any content; keeping the two apart lets
    it render the contents in another process while MkDocs converts the pages it already has.
    """

    src_path: str
    render: Callable[[], str]
    edit_path: str | None = None
    html: bool = False  # rendered straight to HTML (kb.html_render.encode), not Markdown
    template: str | None = None  # the page template and its context (the benchmark's floor reads them)
    context: dict | None = None

    def generate(self) -> GeneratedPage:
        return GeneratedPage(self.src_path, self.render(), self.edit_path)


def address_of(src_path: str) -> str:
    """The site address of a docs-relative file: 'van-ban/x.md' → 'van-ban/x.html'."""
    return src_path[:-3] + ".html" if src_path.endswith(".md") else src_path


def _marked(fact, text: str) -> str:
    """Table cells have no room for the reason; they still say that the value is inferred."""
    return f"{text} (suy luận)" if fact.inferred else text


class PageGenerator:
    """Builds every generated page of the site from one Corpus."""

    def __init__(self, corpus: Corpus, sources_dir: Path | None = None):
        self.corpus = corpus
        self.documents = sorted(corpus.documents.values(), key=lambda d: (sort_date(d), d.id))
        self.rows = [self._row(doc) for doc in self.documents]
        self.citation_pages = CitationPages(corpus, self._render)
        self.graph_pages = GraphPages(corpus, self.citation_pages, self._render)
        # every page is HTML from the model (kb.html_render); the «Lược đồ» and validity partials ask `graph`
        self.html_pages = HtmlPages(GlossaryMarker(corpus.glossary), {"graph": self.graph_pages})
        self.topic_pages = TopicPages(corpus, self.rows, self.citation_pages.targets, self._render)
        self.provenance = ProvenancePages(self.documents, sources_dir, self._render_now, PlannedPage)
        self.open_data = OpenData(corpus, self.graph_pages.graph, self.citation_pages.targets, issuer_name, citation_name, display_title, self.topic_pages.doc_topics)
        self.responsibilities = ResponsibilityPages(Responsibilities(corpus), self.rows)

    def pages(self) -> Iterable[GeneratedPage]:
        return (page.generate() for page in self.plan())

    def plan(self) -> list[PlannedPage]:
        """Every page, in the order MkDocs reads them; contents are rendered on demand."""
        pages = [
            self._render("home.html.j2", "index.md", counts=self._counts()),
            self._render("list.html.j2", f"{DOCUMENTS_URL}/index.md", rows=self.rows),
        ]
        for facet, title, heading in BROWSE_FACETS:
            groups = self._group(facet)
            pages.append(self._render(
                "browse.html.j2",
                f"duyet/{facet}.md",
                facet=facet,
                title=title,
                heading=heading,
                groups=groups,
                sortable=any(len(rows) > 1 for _, _, rows in groups),
            ))
        for doc in self.documents:
            pages.append(PlannedPage(document_path(doc.id), partial(self.document_content, doc), edit_path=doc.path, html=True))
        pages.extend(self.citation_pages.pages())
        pages.extend(self.graph_pages.pages())
        pages.extend(self.topic_pages.pages())
        pages.extend(self.provenance.pages())
        pages.extend(self._open_data_pages())
        pages.extend(self.responsibilities.pages(self._render, PlannedPage))
        return pages

    def forwarding(self, published: set[str]) -> tuple[list[PlannedPage], list[Problem]]:
        """One forwarding page per old address (kb.redirects), checked against `published`:
        every address the site has a page for (the plan's and the hand-written ones)."""
        forwards, problems = resolve(self.corpus.forwards, published)
        forwards += self.provenance.companion_forwards(forwards, published)
        titles = {f"{address_of(t.path)}": t.name for t in self.citation_pages.targets.values()}
        pages = [
            PlannedPage(forward.old, partial(redirect_page, relative_url(forward.old, forward.new), titles.get(forward.new, "địa chỉ mới")))
            for forward in forwards
        ]
        return pages, problems

    def document_page(self, doc: Document) -> GeneratedPage:
        return GeneratedPage(document_path(doc.id), self.document_content(doc), edit_path=doc.path)

    def document_content(self, doc: Document) -> str:
        issuer = issuer_name(doc, self.corpus)
        context = self.document_context(doc)
        context.update(
            key_facts=key_facts(doc, issuer),
            properties=properties(doc, issuer, topics=self._topic_links(doc), source_link=self._source_link(doc)),
            heading_level=html_heading_level,
        )
        # the page's search sections come from its blocks (kb.search_document): cheaper than
        # cutting its text back out of the written HTML, which the index does for other pages
        search = partial(_document_search, flat_blocks=context["flat_blocks"])
        return self.html_pages.render("document.html.j2", document_path(doc.id), context, search=search)

    def document_context(self, doc: Document) -> dict:
        """What a document page shows, before any markup (the benchmark's floor renders it as Markdown)."""
        return dict(
            doc=doc,
            title=display_title(doc),
            cite=citation_name(doc, self.corpus),
            corrections=doc.corrections(),
            removal_rows=[(REMOVAL_REASONS[r.reason], r.note, len(r.text.split())) for r in doc.removed],
            flat_blocks=list(flatten(doc.body)),
            **self.citation_pages.document_context(doc),
            responsibilities=self.responsibilities.document_context(doc.id),
            jsonld=script_json(self.open_data.json_ld(doc)),
        )

    def _topic_links(self, doc: Document) -> Markup | None:
        """The document's topics, each a link to its topic page (None: the document names none)."""
        links = [html_link(path, name, document_path(doc.id)) for path, name in self.topic_pages.document_topics(doc.id)]
        return Markup("; ").join(links) if links else None

    def _source_link(self, doc: Document) -> Markup | None:
        page = self.provenance.link(doc.id)
        return html_link(page, "xem bản nguồn đã ghi nhận, có đánh dấu phần lược bỏ và chữ đã sửa", document_path(doc.id)) if page else None

    def _open_data_pages(self) -> list[PlannedPage]:
        """Machine-readable copies of the collection, the history page and its Atom feed."""
        data = self.open_data
        pages = [PlannedPage(document_json_path(doc.id), partial(lambda d: dumps(data.record(d)), doc), edit_path=doc.path) for doc in self.documents]
        pages.append(PlannedPage(COLLECTION_PATH, lambda: dumps(data.collection(self.documents))))
        for name, make in OPEN_DATA_SCHEMAS.items():
            pages.append(PlannedPage(f"{DATA_URL}/schema/{name}", partial(lambda m: dumps(m()), make)))
        changes = data.changes(self.documents)
        undated = [row for row in self.rows if not row["doc"].changes]
        pages.append(self._render("moi-cap-nhat.html.j2", UPDATES_PATH, changes=changes[:100], undated=undated, feed=FEED_PATH))
        pages.append(PlannedPage(FEED_PATH, partial(self._feed, changes[:50])))
        pages.append(self._render("du-lieu.html.j2", f"{DATA_URL}/index.md", documents=self.rows, schemas=list(OPEN_DATA_SCHEMAS), collection=COLLECTION_PATH, feed=FEED_PATH, eli=eli, json_path=document_json_path))
        return pages

    def _feed(self, changes: list[dict]) -> str:
        return make_html_environment().get_template("cap-nhat.xml.j2").render(changes=changes, updated=changes[0]["date"].iso() if changes else "1970-01-01")  # no recorded change: no date to give

    def _render(self, template: str, src_path: str, **context) -> PlannedPage:
        """A page from a template, rendered straight to HTML (kb.html_render) when its content is asked for."""
        return PlannedPage(src_path, partial(self._render_now, template, src_path, context), html=True, template=template, context=context)

    def _render_now(self, template: str, src_path: str, context: dict) -> str:
        return self.html_pages.render(template, src_path, context)

    def _row(self, doc: Document) -> dict:
        return {
            "doc": doc,
            "path": document_path(doc.id),
            "title": display_title(doc),
            "type": DOCUMENT_TYPES.get(doc.type, doc.type),
            "number": doc.number.value if doc.number.known else UNKNOWN,
            "issuer": _marked(doc.issuer, issuer_name(doc, self.corpus) or UNKNOWN),
            "level": _marked(doc.level, doc.level.display(LEVELS)),
            "bloc": _marked(doc.bloc, doc.bloc.display(BLOCS)),
            "place": doc.place.display(),
            "date": doc.issued.display(),
            "sort_date": sort_date(doc),
            "year": year_label(doc),
        }

    def _counts(self) -> dict:
        return {
            "documents": len(self.documents),
            "clauses": sum(1 for doc in self.documents for b in doc.blocks() if b.kind == "clause"),
            "issuers": len({doc.issuer.value for doc in self.documents if doc.issuer.known}),
            "types": Counter(DOCUMENT_TYPES.get(doc.type, doc.type) for doc in self.documents).most_common(),
            "corrections": sum(len(doc.corrections()) for doc in self.documents),
            "cited": len(self.corpus.cited),
            "assignments": sum(len(doc.assignments) for doc in self.documents),
        }

    def _group(self, facet: str) -> list[tuple[str, str, list[dict]]]:
        """(anchor, heading, rows) per group. The anchor comes from what the group is, not from
        its place in the list, so a link to one group keeps pointing at it when others appear."""
        label, key = {
            "co-quan": (lambda r: r["issuer"], lambda d: _fact_key(d.issuer)),
            "cap": (lambda r: r["level"], lambda d: _fact_key(d.level)),
            "nam": (lambda r: r["year"], year_key),
            "loai": (lambda r: r["type"], lambda d: d.type),
        }[facet]
        groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for row in self.rows:
            groups[(key(row["doc"]), label(row))].append(row)
        # unknown values go last, so readers see what is known first
        ordered = sorted(groups.items(), key=lambda kv: (kv[0][1].startswith(UNKNOWN), kv[0][1]))
        return [(f"nhom-{anchor}", heading, rows) for (anchor, heading), rows in ordered]


def _fact_key(fact) -> str:
    if not fact.known:
        return "chua-ro"
    return f"{fact.value}-suy-luan" if fact.inferred else str(fact.value)


BROWSE_FACETS = (
    ("co-quan", "Văn bản theo cơ quan ban hành", "Cơ quan ban hành"),
    ("cap", "Văn bản theo cấp ban hành", "Cấp"),
    ("nam", "Văn bản theo năm ban hành", "Năm"),
    ("loai", "Văn bản theo loại", "Loại văn bản"),
)


def _document_search(html: str, flat_blocks) -> str:
    sections = document_sections(html, flat_blocks)
    return encode_sections(sections) if sections else ""


def flatten(blocks, depth: int = 0):
    """Blocks in reading order with their nesting depth, so templates need no recursion."""
    for block in blocks:
        yield block, depth
        yield from flatten(block.items, depth + 1)


def html_heading_level(depth: int) -> int:
    """Clauses nest as h3 (khoản), h4 (điểm), h5, h6 (and deeper stay h6)."""
    return min(depth + 3, 6)
