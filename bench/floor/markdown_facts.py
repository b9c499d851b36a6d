"""A document's properties as readers see them: the key facts above the text and the full table.

Labels fit the type (a news report has "Ngày đăng", no "Số hiệu"); values keep the honesty of the
data ("Chưa rõ", "(suy luận: …)"). Python prepares (label, Markdown) pairs; templates lay them out.
"""

from __future__ import annotations

from kb.model import Document, Fact
from kb.render import Md, md_escape, render_fact
from kb.vocab import BLOCS, DOCUMENT_TYPES, LEVELS, NOT_APPLICABLE_BY_TYPE, STATUSES, field_label

# Shown when the data says nothing about where the text was copied from.
DEFAULT_SOURCE_NOTE = "Bản sao lưu trong kho"


def key_facts(doc: Document, issuer: str | None) -> list[tuple[str, Md]]:
    """Type, number, issuer and date: short values, 'suy luận' without its reason.

    The status is not repeated here: the validity banner right above says it, with its source.
    """
    facts = [(field_label(doc.type, "type"), md_escape(DOCUMENT_TYPES.get(doc.type, doc.type)))]
    for name, value in (
        ("number", _short(doc.number)),
        ("issuer", _short(doc.issuer, issuer)),
        ("issued", _short(doc.issued)),
    ):
        if _applies(doc, name, _fact(doc, name)):
            facts.append((field_label(doc.type, name), value))
    return facts


def properties(doc: Document, issuer: str | None, topics: Md | None = None, source_link: Md | None = None) -> list[tuple[str, Md]]:
    """Every property, with the reason of each inferred value; `topics` (links to topic pages) and
    `source_link` (to the page of the recorded source) when the page has them."""
    rows: list[tuple[str, Fact | Md]] = [
        ("type", md_escape(DOCUMENT_TYPES.get(doc.type, doc.type))),
        ("number", doc.number),
        ("title", md_escape(doc.title)),
        ("issuer", _issuer(doc, issuer)),
        ("level", render_fact(doc.level, LEVELS)),
        ("bloc", render_fact(doc.bloc, BLOCS)),
        ("place", doc.place),
        ("signer", doc.signer.name),
        ("signer_position", _position(doc)),
        ("issued", doc.issued),
        ("effective", doc.effective),
        ("status", render_fact(doc.status, STATUSES)),
        ("topics", topics if topics is not None else md_escape("; ".join(doc.topics)) if doc.topics else render_fact(Fact())),
        ("source", Md(md_escape(doc.source_note or DEFAULT_SOURCE_NOTE) + (f" — {source_link}" if source_link else ""))),
    ]
    if doc.aliases:
        rows.append(("aliases", md_escape("; ".join(doc.aliases))))
    out = []
    for name, value in rows:
        fact = _fact(doc, name)
        if fact is not None and not _applies(doc, name, fact):
            continue
        out.append((field_label(doc.type, name), render_fact(value) if isinstance(value, Fact) else value))
    return out


def _fact(doc: Document, name: str) -> Fact | None:
    return {
        "number": doc.number, "issuer": doc.issuer, "issued": doc.issued, "status": doc.status,
        "signer": doc.signer.name, "signer_position": doc.signer.position, "effective": doc.effective,
    }.get(name)


def _applies(doc: Document, name: str, fact: Fact | None) -> bool:
    return name not in NOT_APPLICABLE_BY_TYPE.get(doc.type, ()) or (fact is not None and fact.known)


def _short(fact: Fact, text: str | None = None, labels: dict[str, str] | None = None) -> Md:
    if not fact.known:
        return render_fact(fact)
    value = md_escape(text if text is not None else fact.display(labels))
    return Md(f'{value} <span class="kb-suy-luan">(suy luận)</span>') if fact.inferred else value


def _issuer(doc: Document, issuer: str | None) -> Md:
    if not issuer:
        return render_fact(doc.issuer)
    return render_fact(Fact(issuer, doc.issuer.reason, doc.issuer.source))


def _position(doc: Document) -> Md:
    position = render_fact(doc.signer.position)
    if doc.signer.on_behalf.known:
        return Md(f"{position} ({render_fact(doc.signer.on_behalf)})")
    return position

