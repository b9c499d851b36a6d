"""How the site names and addresses a document: its page path, title, issuer and date labels.

Shared by every page generator (pages, citation_pages, responsibility_pages), below them all.
"""

from __future__ import annotations

from .model import Corpus, DateRange, Document, PartialDate
from .vocab import DOCUMENT_TYPES, UNKNOWN

DOCUMENTS_URL = "van-ban"


def document_path(doc_id: str) -> str:
    return f"{DOCUMENTS_URL}/{doc_id}.md"


def display_title(doc: Document) -> str:
    """'Chỉ thị về việc …' when the trích yếu starts with 'Về …', else the trích yếu itself."""
    title = doc.title
    lowered = title.lower()
    if lowered.startswith(("về ", "v/v ")):
        type_label = DOCUMENT_TYPES.get(doc.type, "")
        number = f" {doc.number.value}" if doc.number.known and not doc.number.inferred else ""
        return f"{type_label}{number} {title[:1].lower()}{title[1:]}"
    return title


def issuer_name(doc: Document, corpus: Corpus) -> str | None:
    if not doc.issuer.known:
        return None
    actor = corpus.actors.get(str(doc.issuer.value))
    return actor.name if actor else str(doc.issuer.value)


def citation_name(doc: Document, corpus: Corpus) -> str:
    """How a Vietnamese reader cites the document: 'Chỉ thị số … ngày … của … về …'."""
    parts = [DOCUMENT_TYPES.get(doc.type, "Văn bản")]
    if doc.number.known:
        parts.append(f"số {doc.number.value}")
    if isinstance(doc.issued.value, PartialDate):
        date = doc.issued.value
        parts.append(f"ngày {date.display()}" if date.day else f"năm {date.year}" if not date.month else f"tháng {date.display()}")
    issuer = issuer_name(doc, corpus)
    if issuer:
        parts.append(f"của {issuer}")
    title = doc.title
    if title.lower().startswith(("về ", "v/v ")):
        parts.append(title[:1].lower() + title[1:])
    else:
        parts.append(f"«{title}»")
    return " ".join(parts)


def issue_year(doc: Document) -> tuple[int | None, bool]:
    """The year a document was issued and whether that year is inferred (None: unknown)."""
    value = doc.issued.value
    if isinstance(value, PartialDate):
        return value.year, False
    if isinstance(value, DateRange) and value.year:
        return value.year, True
    return None, False


def year_label(doc: Document) -> str:
    year, inferred = issue_year(doc)
    if year is None:
        return f"{UNKNOWN} năm"
    return f"{year} (suy luận)" if inferred else str(year)


def year_key(doc: Document) -> str:
    """year_label as a stable anchor part: '2010', '2010-suy-luan' or 'chua-ro'."""
    year, inferred = issue_year(doc)
    if year is None:
        return "chua-ro"
    return f"{year}-suy-luan" if inferred else str(year)


def sort_date(doc: Document) -> str:
    value = doc.issued.value
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, DateRange):
        return (value.after or value.before).iso()  # type: ignore[union-attr]
    return ""
