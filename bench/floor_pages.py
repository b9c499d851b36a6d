"""The floor's pages, as Markdown: what plain MkDocs converts in place of our HTML pages.

We render most generated pages straight to HTML (issue 17). The floor still needs them as
Markdown, the very Markdown our generator wrote before that switch: the templates in
bench/floor/templates/ and the (label, Markdown) facts in bench/floor/markdown_facts.py are
the Markdown templates as they were in hooks/ (from commit b6bd6fb), rendered with the context
our generator gives the HTML template of the same page. tests/test_html_snapshot.py checks that plain MkDocs turns
them into our document pages, so the floor keeps building the same pages as ours.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2

FLOOR = Path(__file__).resolve().parent / "floor"
sys.path.insert(0, str(FLOOR))

from kb.labels import document_path, issuer_name  # noqa: E402
from kb.model import Document  # noqa: E402
from kb.render import Md, link_markdown, make_environment  # noqa: E402
from markdown_facts import key_facts, properties  # noqa: E402

SOURCE_LINK = "xem bản nguồn đã ghi nhận, có đánh dấu phần lược bỏ và chữ đã sửa"


class FloorPages:
    """Markdown of every page of one PageGenerator that we render as HTML."""

    def __init__(self, generator):
        self.generator = generator
        self.env = make_environment()
        self.env.loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(FLOOR / "templates")), self.env.loader])
        self.env.globals["graph"] = generator.graph_pages
        self.documents = {document_path(doc.id): doc for doc in generator.documents}

    def markdown(self, page) -> str:
        """The Markdown of a planned page whose `html` is set (kb.pages.PlannedPage)."""
        if page.src_path in self.documents:
            return self.document(self.documents[page.src_path])
        template = page.template.removesuffix(".html.j2") + ".md.j2"
        context = page.context
        if context is None:  # a source page reads its source file when rendered
            context = self.generator.provenance.context(self.generator.corpus.documents[page.src_path.rsplit("/", 1)[1][:-3]])
        return self.env.get_template(template).render(page_path=page.src_path, **context)

    def document(self, doc: Document) -> str:
        g, path = self.generator, document_path(doc.id)
        issuer = issuer_name(doc, g.corpus)
        topics = [link_markdown(p, name, path) for p, name in g.topic_pages.document_topics(doc.id)]
        source = g.provenance.link(doc.id)
        context = g.document_context(doc)
        context.update(
            key_facts=key_facts(doc, issuer),
            properties=properties(doc, issuer, topics=Md("; ".join(topics)) if topics else None, source_link=link_markdown(source, SOURCE_LINK, path) if source else None),
            heading_level=lambda depth: Md("#" * min(depth + 3, 6)),
        )
        return self.env.get_template("document.md.j2").render(page_path=path, **context)
