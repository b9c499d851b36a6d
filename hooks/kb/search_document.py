"""A document page's search sections, made where the page is rendered: from its blocks.

The search index cuts every page it indexes out of the HTML as written (kb.search_sections):
stripping tags and spaces from a whole document page costs more than everything else the index
does with it. A document page's text is its blocks' text, which the model holds already, so the
page process gives the index the sections with the page (kb.html_render.encode; the build hands
them to the index as MkDocs reads the page, kb_site.on_page_content), and only the
page's head (title, validity, key facts, properties: a few lines of HTML before «Toàn văn») is
cut from HTML. The result is exactly what `cut_page` gives on the written page: sections of the
same anchors, labels and text (tests/test_search_document.py holds every document page of the
sample corpus and of a generated one to that).

Sections of the body, as document.html.j2 lays the blocks out:
- a clause or a section block is a heading with its id: a section labelled as the heading,
  whose text begins with the clause's marker and its text;
- a paragraph with an id (`kb-doan`) begins a section without a label;
- a heading line, a paragraph without an id or a signature belongs to the section before it;
- after the last block come only sections that quote other documents, which search leaves out.
A page whose blocks would not give the HTML's anchors (a block without an id gets a generated
one) is left to `cut_page`: `document_sections` returns None.
"""

from __future__ import annotations

import json

from .model import Block
from .search_sections import HEAD_SECTIONS, CutPage, Section, cut_page

BODY_HEADING = '<h2 id="kb-toan-van">'  # heading_tag(2, "Toàn văn", "kb-toan-van") as rendered
BODY_ANCHOR = "kb-toan-van"
BODY_LABEL = "Toàn văn"


def document_sections(html: str, flat_blocks: list[tuple[Block, int]]) -> CutPage | None:
    """The sections of a document page from its content HTML (the head) and its blocks (the rest)."""
    body = html.find(BODY_HEADING)
    if body < 0:
        return None
    head = cut_page(html[:body])
    sections = list(head.sections)
    starts: list[tuple[str, str, list[str]]] = [(BODY_ANCHOR, BODY_LABEL, [])]
    for block, _ in flat_blocks:
        kind = block.kind
        if kind == "heading" or (kind == "p" and not block.id):
            starts[-1][2].append(block.text)
        elif kind == "signature":
            starts[-1][2].extend(block.lines)
        else:
            start = _section_start(block)
            if start is None:
                return None
            starts.append(start)
    for anchor, label, parts in starts:
        text = _plain(" ".join(parts))
        if text or label:
            sections.append(Section(anchor, label, text, anchor in HEAD_SECTIONS))
    return CutPage(tuple(sections), head.properties, head.title)


def _plain(text: str) -> str:
    """`text` with its spaces as `plain_text` leaves them: one between words, none at the ends.
    Block text is stored so already (the loader), so it is checked, which costs a third of
    rewriting it: printable means no space other than " " (str.split's other spaces are all
    control or separator characters)."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def _section_start(block: Block) -> tuple[str, str, list[str]] | None:
    """Anchor, label and first text of the section a block begins; None where the template
    would print what the model does not hold (a generated id, or "None")."""
    if block.kind == "p":
        return block.id, "", [block.text]
    label = block.label if block.kind == "section" else block.citation_label
    if not block.id or label is None or (block.kind != "section" and block.marker is None):
        return None
    first = [block.text] if block.kind == "section" else [block.marker, block.text]
    return block.id, _plain(label), first


def encode_sections(page: CutPage) -> str:
    """The sections as they travel with the page, to the search index."""
    return json.dumps(
        {"t": page.title, "p": page.properties, "s": [[s.anchor, s.label, s.text, s.head] for s in page.sections]},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def decode_sections(text: str) -> CutPage:
    data = json.loads(text)
    return CutPage(tuple(Section(*s) for s in data["s"]), data["p"], data["t"])
