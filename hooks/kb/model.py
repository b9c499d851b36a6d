"""The knowledge-base model: plain frozen dataclasses, built only by the loader, no MkDocs here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Union

from .vocab import CYCLES, ROLES, UNKNOWN


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month or only the year."""

    year: int
    month: int | None = None
    day: int | None = None

    def display(self) -> str:
        if self.day:
            return f"{self.day:02d}/{self.month:02d}/{self.year}"
        if self.month:
            return f"{self.month:02d}/{self.year}"
        return str(self.year)

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)


@dataclass(frozen=True)
class DateRange:
    """An inferred date: only bounds are known."""

    after: PartialDate | None = None
    before: PartialDate | None = None

    def display(self) -> str:
        if self.after and self.before:
            return f"trong khoảng {self.after.display()} – {self.before.display()}"
        if self.after:
            return f"sau {self.after.display()}"
        return f"trước {self.before.display()}"  # type: ignore[union-attr]

    @property
    def year(self) -> int | None:
        """The year when both bounds fall in it, else None."""
        if self.after and self.before and self.after.year == self.before.year:
            return self.after.year
        return None

    def sort_key(self) -> tuple[int, int, int]:
        bound = self.after or self.before
        return bound.sort_key() if bound else (0, 0, 0)


@dataclass(frozen=True)
class Fact:
    """A metadata value and how we know it: stated by the source, inferred (with reason), or unknown."""

    value: str | PartialDate | DateRange | None = None
    reason: str | None = None  # set when the value is inferred, not stated
    source: str | None = None  # set when the value comes from an outside public source

    @property
    def known(self) -> bool:
        return self.value is not None

    @property
    def inferred(self) -> bool:
        return self.reason is not None

    def display(self, labels: dict[str, str] | None = None) -> str:
        if self.value is None:
            return UNKNOWN
        if labels is not None:
            return labels.get(str(self.value), str(self.value))
        if isinstance(self.value, (PartialDate, DateRange)):
            return self.value.display()
        return str(self.value)


UNKNOWN_FACT = Fact()


@dataclass(frozen=True)
class Correction:
    """A wording correction made to the source text, shown to readers."""

    original: str
    corrected: str


@dataclass(frozen=True)
class CitationRef:
    """A span of text that cites another document (filled by the citation detector)."""

    text: str
    target: str  # canonical id of the cited document


Segment = Union[str, Correction, CitationRef]


@dataclass(frozen=True)
class Block:
    """One block of a document's body: heading, paragraph, clause, section or signature."""

    kind: str  # heading | p | clause | section | signature
    line: int
    segments: tuple[Segment, ...] = ()
    id: str | None = None
    marker: str | None = None  # clause marker as printed in the source: "1-", "a)", "-"
    number: str | None = None  # "1", "a", "đ"; None for bullets
    label: str | None = None  # own label: "Khoản 1", "Điểm a", "Gạch đầu dòng thứ 2"
    citation_label: str | None = None  # full Vietnamese citation path: "Điểm b khoản 3"
    items: tuple["Block", ...] = ()
    lines: tuple[str, ...] = ()  # signature lines
    anchor: str | None = None  # id of this block or of the nearest anchored block around it

    @property
    def text(self) -> str:
        """The corrected text, as readers see it."""
        return "".join(s if isinstance(s, str) else (s.corrected if isinstance(s, Correction) else s.text) for s in self.segments)

    @property
    def original_text(self) -> str:
        """The text as the source printed it (corrections undone)."""
        return "".join(s if isinstance(s, str) else (s.original if isinstance(s, Correction) else s.text) for s in self.segments)

    def walk(self) -> Iterator["Block"]:
        yield self
        for item in self.items:
            yield from item.walk()


@dataclass(frozen=True)
class Removal:
    text: str
    reason: str
    note: str
    line: int


@dataclass(frozen=True)
class Change:
    """One line of a document's history in the collection: when it was added or changed, and what."""

    date: PartialDate  # to the day
    note: str
    line: int = 0


@dataclass(frozen=True)
class Signer:
    name: Fact = UNKNOWN_FACT
    position: Fact = UNKNOWN_FACT
    on_behalf: Fact = UNKNOWN_FACT


@dataclass(frozen=True)
class Actor:
    """An agency, body or role that directives address."""

    id: str
    name: str
    short: str
    level: str | None
    kind: str
    place: str | None = None
    group: str | None = None  # generic role shared across places, e.g. "so-noi-vu"
    aliases: tuple[str, ...] = ()
    line: int = 0


# Citations and relations between documents (read and resolved by citations.py) ---------


@dataclass(frozen=True)
class CitedDocument:
    """An entry of the registry: a document the texts cite (maybe itself a KB document)."""

    id: str
    type: str
    number: Fact
    issuer: Fact
    issued: Fact
    title: Fact
    aliases: tuple[str, ...]
    document: str | None  # id of the KB document that IS this entry, if any
    line: int
    aliases_line: int = 0

    @property
    def target(self) -> str:
        """Where citations of this entry point: the KB document if there is one."""
        return self.document or self.id


@dataclass(frozen=True)
class Citation:
    """One place where a document cites another."""

    source: str  # citing document id
    anchor: str | None  # anchor of the citing block (None: the title lines at the top)
    label: str | None  # "Điểm b khoản 3"
    line: int  # line of the block in the citing file
    text: str  # the words as they stand in the text
    target: str | None  # canonical id; None when unresolved
    sentence: str  # the sentence around the citation
    manual: bool = False


@dataclass(frozen=True)
class Relation:
    """A typed relation stated in a document file: this document <type> target."""

    type: str
    target: str
    clause: str | None
    note: str | None
    line: int


@dataclass(frozen=True)
class ManualCitation:
    """A hand-made correction of detection: add a citation, or ignore a false one."""

    clause: str
    text: str
    target: str | None
    ignore: bool
    line: int


@dataclass(frozen=True)
class CitationIndex:
    """The result of resolution: registry entries, every citation, every relation."""

    entries: dict[str, CitedDocument]
    citations: tuple[Citation, ...]
    relations: tuple[tuple[str, Relation], ...]  # (stating document id, relation)
    by_target: dict[str, tuple[Citation, ...]] = field(default_factory=dict)

    @property
    def unresolved(self) -> tuple[Citation, ...]:
        return tuple(c for c in self.citations if c.target is None)


# Responsibilities (read by responsibilities.py) -----------------------------------------


@dataclass(frozen=True)
class Deadline:
    """A deadline in the source's own words plus its normalised form: a date or recurrence(s)."""

    text: str
    date: PartialDate | None = None
    cycles: tuple[str, ...] = ()
    when: str | None = None

    def normalised(self) -> str:
        """'20/06/1995' or 'Hằng năm (cuối năm)'."""
        if self.date:
            return self.date.display()
        label = "; ".join(CYCLES[c] for c in self.cycles)
        return f"{label} ({self.when})" if self.when else label


@dataclass(frozen=True)
class Assignment:
    document: str  # document id
    clause: str  # anchor id inside that document
    actor: str  # actor id
    role: str
    task: str
    deadline: Deadline | None
    line: int

    @property
    def role_label(self) -> str:
        return ROLES[self.role][0]

    @property
    def mark(self) -> str:
        return ROLES[self.role][1]


@dataclass(frozen=True)
class Group:
    """A generic role shared by actors of different places (every Sở Nội vụ)."""

    id: str
    name: str
    line: int = 0


# Documents and the corpus --------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    id: str
    path: str  # relative to the project root
    type: str
    number: Fact
    title: str
    issuer: Fact  # value: actor id
    level: Fact
    bloc: Fact
    place: Fact
    signer: Signer
    issued: Fact  # value: PartialDate or DateRange
    effective: Fact
    status: Fact  # value from STATUSES with its source; never inferred
    topics: tuple[str, ...]
    source_file: str
    source_note: str
    removed: tuple[Removal, ...]
    body: tuple[Block, ...]
    aliases: tuple[str, ...] = ()
    # typed relations and hand-made citations (see citations.py)
    relations: tuple[Relation, ...] = ()
    manual_citations: tuple[ManualCitation, ...] = ()
    key_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    # who must do what, from which clause (see responsibilities.py)
    assignments: tuple[Assignment, ...] = ()
    status_date: PartialDate | None = None  # from when the status holds, when the source says
    changes: tuple[Change, ...] = ()  # history in the collection, oldest first

    def blocks(self) -> Iterator[Block]:
        for block in self.body:
            yield from block.walk()

    def anchored(self) -> Iterator[Block]:
        """Blocks that have a stable anchor (clauses, sections, top-level paragraphs)."""
        return (b for b in self.blocks() if b.id)

    def block(self, block_id: str) -> Block | None:
        return next((b for b in self.anchored() if b.id == block_id), None)

    def corrections(self) -> list[tuple[Block, Correction]]:
        found = []
        for block in self.blocks():
            for seg in block.segments:
                if isinstance(seg, Correction):
                    found.append((block, seg))
        return found

    @property
    def year(self) -> int | None:
        value = self.issued.value
        if isinstance(value, PartialDate):
            return value.year
        if isinstance(value, DateRange):
            return value.year
        return None

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


@dataclass(frozen=True)
class Forward:
    """`old` (a site address that once had a page) forwards to `new` (a page of the site)."""

    old: str
    new: str
    path: str  # the data file that says so
    line: int
    entry: str | None = None  # the registry entry whose promotion implies it (None: declared)


@dataclass(frozen=True)
class Corpus:
    """Everything loaded from data/, cross-checked."""

    documents: dict[str, Document]
    actors: dict[str, Actor]
    # registry of documents cited by the texts (citations.py), keyed by canonical id
    cited: dict[str, CitedDocument] = field(default_factory=dict)
    # every citation and typed relation, resolved once per build (citations.resolve)
    citations: CitationIndex | None = None
    # generic roles shared by actors of different places, keyed by id
    groups: dict[str, Group] = field(default_factory=dict)
    # old addresses that forward to a page: declared ones and promoted cited documents (kb.redirects)
    forwards: tuple[Forward, ...] = ()
    # controlled vocabulary of topics (topics.Topic), keyed by id
    topics: dict = field(default_factory=dict)
    # abbreviations and terms (glossary.Term), in file order
    glossary: tuple = ()
