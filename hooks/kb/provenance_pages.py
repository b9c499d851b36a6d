"""One page per document with a recorded source file: the source text with the cleaning marked
(kb.provenance). Rendered on demand, so the source is read only when the page is made."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path

from .model import Document
from .provenance import marked_source, source_path
from .render import Md, make_html_environment

PROVENANCE_URL = "ban-nguon"
TEMPLATE = "ban-nguon.html.j2"


def provenance_path(doc_id: str) -> str:
    return f"{PROVENANCE_URL}/{doc_id}.md"


class ProvenancePages:
    def __init__(self, documents: list[Document], sources_dir: Path | None, render_now, planned_page):
        self.sources_dir = sources_dir
        self.render_now = render_now  # PageGenerator._render_now(template, src_path, context)
        self.planned_page = planned_page
        self.html = make_html_environment()
        self.paths = {doc.id: source_path(doc, sources_dir) for doc in documents} if sources_dir else {}
        self.documents = [doc for doc in documents if self.paths.get(doc.id)]

    def link(self, doc_id: str) -> str | None:
        """The provenance page of a document, if it has one."""
        return provenance_path(doc_id) if self.paths.get(doc_id) else None

    def companion_forwards(self, forwards, published: set[str]) -> list:
        """A renamed document's source page moves with it: `ban-nguon/<old>.html` forwards to the new one."""
        moved = []
        for forward in forwards:
            old, new = (_document_id(address) for address in (forward.old, forward.new))
            if old and new and forward.entry is None:
                companion = replace(forward, old=f"{PROVENANCE_URL}/{old}.html", new=f"{PROVENANCE_URL}/{new}.html")
                if companion.new in published and companion.old not in published:
                    moved.append(companion)
        return moved

    def pages(self):
        for doc in self.documents:
            yield self.planned_page(provenance_path(doc.id), partial(self._content, doc), edit_path=doc.path, html=True, template=TEMPLATE)

    def context(self, doc: Document) -> dict:
        pieces = marked_source(doc, self.paths[doc.id].read_text(encoding="utf-8"))
        return {
            "doc": doc,
            "source": Md(self.html.get_template("_ban-nguon.html.j2").render(pieces=pieces)),
            "counts": {
                "removed": sum(1 for p in pieces if p.kind == "removed"),
                "corrected": sum(1 for p in pieces if p.kind == "corrected"),
            },
        }

    def _content(self, doc: Document) -> str:
        return self.render_now(TEMPLATE, provenance_path(doc.id), self.context(doc))


def _document_id(address: str) -> str | None:
    """'van-ban/<id>.html' -> '<id>'; None for any other address."""
    if address.startswith("van-ban/") and address.endswith(".html") and address.count("/") == 1:
        return address[len("van-ban/") : -len(".html")]
    return None
