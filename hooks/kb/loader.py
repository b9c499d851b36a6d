"""Load and validate everything under data/ into a Corpus; collect every problem before failing."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import citations, glossary, markup, messages, paths, redirects, responsibilities, topics
from .buildcache import DocumentCache, fingerprint
from .collector import collector_paused
from .fields import Context, date_problem, parse_date
from .fields import clean_identifier as _clean_identifier
from .paths import ID_PATTERN
from .fields import fact as _fact
from .fields import text as _text
from .fields import text_list as _text_list
from .fields import type_name as _type_name
from .fields import unknown_keys as _unknown_keys
from .identifiers import number_key, visible
from .model import (
    Actor,
    Block,
    Change,
    Corpus,
    DateRange,
    Document,
    Fact,
    PartialDate,
    Removal,
    Signer,
    UNKNOWN_FACT,
)
from .problems import DataError, Problem
from .vocab import ACTOR_KINDS, BLOCS, DOCUMENT_TYPES, LEVELS, REMOVAL_REASONS, STATUSES, choices
from .yamlload import YList, YMap, load_yaml_file, registry_items

DOCUMENTS_DIR = "van-ban"
REGISTRIES_DIR = "danh-muc"
SOURCES_DIR = "nguon"  # raw source texts, kept for the fidelity check
ACTORS_FILE = "co-quan.yml"

# Every top-level key of a document file: (required, Vietnamese description for messages and the guide).
DOCUMENT_FIELDS: dict[str, tuple[bool, str]] = {
    "id": (True, "mã văn bản, trùng với tên tệp"),
    "type": (True, "loại văn bản"),
    "number": (True, "số hiệu (null nếu chưa rõ)"),
    "title": (True, "trích yếu"),
    "issuer": (True, "mã cơ quan ban hành (null nếu chưa rõ)"),
    "level": (True, "cấp ban hành"),
    "bloc": (True, "khối ban hành"),
    "place": (True, "địa bàn"),
    "signer": (True, "người ký"),
    "issued": (True, "ngày ban hành"),
    "effective": (True, "hiệu lực"),
    "status": (True, "tình trạng hiệu lực"),
    "topics": (True, "chủ đề"),
    "source": (True, "nguồn"),
    "removed": (True, "phần đã loại bỏ khỏi bản nguồn"),
    "body": (True, "nội dung văn bản"),
    "aliases": (False, "các cách viết khác của số hiệu/tên văn bản"),
    "relations": (False, "quan hệ với văn bản khác"),
    "citations": (False, "dẫn chiếu bổ sung bằng tay"),
    "assignments": (False, "phân công trách nhiệm"),
    "changes": (False, "lịch sử cập nhật trong kho (ngày thêm, ngày sửa)"),
}

RESERVED_ID_PREFIX = "kb-"  # anchors the generator adds to every page (kb-thuoc-tinh, kb-sua-loi, …)
BLOCK_KINDS = ("heading", "p", "clause", "section", "signature")
_NUMBERED = re.compile(r"^(\d+)[.\-/)]?$")
_LETTERED = re.compile(r"^([a-zđ])[).]$")
_BULLET = re.compile(r"^[-–•+]$")


def load_corpus(
    data_dir: Path,
    root: Path | None = None,
    today: dt.date | None = None,
    cache: DocumentCache | None = None,
) -> tuple[Corpus, list[Problem]]:
    """Load data/; raise DataError listing every error. Returns the corpus and the warnings.

    With a `cache` (kept by `mkdocs serve` across rebuilds), files whose bytes and reading
    context did not change since the previous load are not parsed again.
    """
    with collector_paused():
        return _load_corpus(data_dir, root, today, cache)


def _load_corpus(
    data_dir: Path, root: Path | None, today: dt.date | None, cache: DocumentCache | None
) -> tuple[Corpus, list[Problem]]:
    root = root or data_dir.parent
    today = today or dt.date.today()
    problems: list[Problem] = []

    def rel(path: Path) -> str:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return path.as_posix()

    problems.extend(_misplaced_files(data_dir, rel))
    actors_path = data_dir / REGISTRIES_DIR / ACTORS_FILE
    # one read of the actors registry serves both its `actors:` and its `groups:` lists
    actors_data = _read_registry(actors_path, rel(actors_path), problems)
    actors, actors_complete = _load_actors(actors_data, rel(actors_path), problems)
    # a registry with a broken entry is reported there, once: references to agencies are then not
    # checked (each would be a follow-on error of the same slip, with a list of ids missing the one meant)
    known_actors = actors if actors_complete else None
    groups = responsibilities.load_groups(actors_data, rel(actors_path), actors, problems)

    sources_dir = data_dir / SOURCES_DIR
    if cache is not None:  # what reading one document consults besides its own bytes
        registry = data_dir / REGISTRIES_DIR / ACTORS_FILE
        context_key = fingerprint(
            registry.read_bytes() if registry.is_file() else b"",
            "\n".join(sorted(p.name for p in sources_dir.iterdir())) if sources_dir.is_dir() else "",
            today.isoformat(),
        )
    documents: dict[str, Document] = {}
    document_files = sorted((data_dir / DOCUMENTS_DIR).glob("*.yml"))

    def read(path: Path) -> tuple[Document | None, tuple[Problem, ...]]:
        return _read_document_file(path, rel(path), known_actors, today, sources_dir)

    if cache is None:
        results = [read(path) for path in document_files]
    else:
        results = []
        for path in document_files:
            if paths_problem := paths.file_problem(path, data_dir):  # nothing to fingerprint
                results.append((None, (messages.problem(paths_problem, rel(path), 1),)))
                continue
            key = fingerprint(path.read_bytes(), context_key)
            hit = cache.get(rel(path), key)
            if hit is None:
                hit = read(path)
                cache.put(rel(path), key, hit)
            results.append(hit)
    for path, (doc, file_problems) in zip(document_files, results):
        problems.extend(file_problems)
        if doc is not None:  # its id is its file name (else reported as id-not-file-name): unique by construction
            documents[doc.id] = doc
    if cache is not None:
        cache.keep_only({rel(p) for p in document_files})

    _check_unique_numbers(documents, problems)
    # citations need every document loaded: resolve them in one pass (citations.py)
    registry = data_dir / REGISTRIES_DIR / citations.REGISTRY_FILE
    documents, cited = citations.resolve(documents, registry, rel(registry), problems)
    # published addresses that forward elsewhere: declared, and implied by promoted cited documents
    declared_path = data_dir / REGISTRIES_DIR / Path(redirects.REDIRECTS_FILE).name
    forwards = redirects.read_declared(declared_path, rel(declared_path), problems) + redirects.promoted(cited.entries, rel(registry))
    topics_path = data_dir / REGISTRIES_DIR / topics.TOPICS_FILE
    vocabulary = topics.load_topics(topics_path, rel(topics_path), problems, needed=any(doc.topics for doc in documents.values()))
    if vocabulary is not None:
        topics.check_documents(documents, vocabulary, problems)
    glossary_path = data_dir / REGISTRIES_DIR / glossary.GLOSSARY_FILE
    terms = glossary.load_glossary(glossary_path, rel(glossary_path), problems)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise DataError(problems)
    corpus = Corpus(
        documents=documents, actors=actors, cited=cited.entries, citations=cited, groups=groups, forwards=tuple(forwards),
        topics=vocabulary or {}, glossary=terms,
    )
    return corpus, sorted(problems)


def _read_document_file(
    path: Path, display: str, actors: dict[str, Actor] | None, today: dt.date, sources_dir: Path
) -> tuple[Document | None, tuple[Problem, ...]]:
    """One document file on its own (checks that need other documents are done by the caller)."""
    ctx = Context(display)
    loaded = load_yaml_file(path, display, confine_to=sources_dir.parent)
    ctx.problems.extend(loaded.problems)
    doc = None
    if loaded.value is not None:
        doc = _read_document(loaded.value, path.stem, ctx, actors, today, sources_dir)
    return doc, tuple(ctx.problems)


def _misplaced_files(data_dir: Path, rel) -> list[Problem]:
    problems = []
    expected_dirs = {data_dir / DOCUMENTS_DIR, data_dir / REGISTRIES_DIR}
    for path in sorted(data_dir.rglob("*")):
        if path.suffix.lower() not in (".yml", ".yaml") or not path.is_file():
            continue
        if path.suffix.lower() == ".yaml":
            problems.append(messages.problem("yaml-extension", rel(path), 1))
        elif path.parent not in expected_dirs:
            problems.append(messages.problem("misplaced-file", rel(path), 1))
    return problems


# --- registries -------------------------------------------------------------------------


def _read_registry(path: Path, display: str, problems: list[Problem]):
    """The parsed actors registry, or None (with the reason in `problems`) when unreadable."""
    if not path.exists() and not path.is_symlink():
        problems.append(messages.problem("actors-missing", display, 1))
        return None
    loaded = load_yaml_file(path, display, confine_to=path.parent.parent)
    problems.extend(loaded.problems)
    return loaded.value


def _load_actors(data, display: str, problems: list[Problem]) -> tuple[dict[str, Actor], bool]:
    """The agencies of the registry, and whether every entry could be read (ids usable for references)."""
    actors: dict[str, Actor] = {}
    ctx = Context(display)
    if data is None:
        return actors, False
    entries = registry_items(data, "actors")
    if entries is None:
        ctx.report("actors-shape", getattr(data, "line", 1))
        problems.extend(ctx.problems)
        return actors, False
    complete = True
    for line, entry in entries:
        if not isinstance(entry, YMap):
            ctx.report("actor-not-map", line)
            complete = False
            continue
        allowed = {"id", "name", "short", "level", "kind", "place", "group", "aliases", "note"}
        _unknown_keys(entry, allowed, ctx)
        actor_id = entry.get("id")
        if not _clean_identifier(actor_id, "id", entry.line_of("id"), ctx):
            complete = False
            continue
        if not isinstance(actor_id, str) or not ID_PATTERN.match(actor_id):
            ctx.report("actor-bad-id", entry.line_of("id"), id=str(actor_id))
            complete = False
            continue
        if actor_id in actors:
            ctx.report("actor-duplicate-id", entry.line_of("id"), id=actor_id, line=str(actors[actor_id].line))
            continue
        name = _text(entry, "name", ctx, required=True) or actor_id
        level = entry.get("level")
        if level is not None and (not isinstance(level, str) or level not in LEVELS):
            ctx.report("actor-bad-level", entry.line_of("level"), value=str(level), choices=choices(LEVELS))
        kind = entry.get("kind")
        if not isinstance(kind, str) or kind not in ACTOR_KINDS:
            ctx.report("bad-actor-kind", entry.line_of("kind"), value=str(kind), choices=choices(ACTOR_KINDS))
        aliases = _text_list(entry, "aliases", ctx)
        actors[actor_id] = Actor(
            id=actor_id,
            name=name,
            short=_text(entry, "short", ctx) or name,
            level=level,
            kind=str(kind),
            place=_text(entry, "place", ctx),
            group=_text(entry, "group", ctx),
            aliases=aliases,
            line=line,
        )
    problems.extend(ctx.problems)
    return actors, complete




# --- documents --------------------------------------------------------------------------


def _read_document(
    data, stem: str, ctx: Context, actors: dict[str, Actor] | None, today: dt.date, sources_dir: Path | None = None
) -> Document | None:
    if not isinstance(data, YMap):
        ctx.report("document-not-map", getattr(data, "line", 1))
        return None
    _unknown_keys(data, set(DOCUMENT_FIELDS), ctx)
    typed = {visible(key) for key in data}  # a name with a hidden character is reported as such, not as missing
    for key, (required, description) in DOCUMENT_FIELDS.items():
        if required and key not in typed:
            ctx.report("missing-field", data.line, key=key, description=description)

    doc_id = data.get("id")
    if not _clean_identifier(doc_id, "id", data.line_of("id"), ctx):
        doc_id = stem
    elif not isinstance(doc_id, str) or not ID_PATTERN.match(doc_id):
        ctx.report("bad-id", data.line_of("id"), id=str(doc_id))
        doc_id = stem
    elif doc_id != stem:
        ctx.report("id-not-file-name", data.line_of("id"), id=doc_id, stem=stem)
        doc_id = stem  # the file name is the URL; do not report the same slip again as a duplicate id

    doc_type = data.get("type")
    if not isinstance(doc_type, str) or doc_type not in DOCUMENT_TYPES:
        ctx.report("bad-type", data.line_of("type"), value=str(doc_type), choices=choices(DOCUMENT_TYPES))

    title = _text(data, "title", ctx, required=True) or doc_id
    issuer = _fact(data, "issuer", ctx)
    number = _fact(data, "number", ctx)
    if not _clean_identifier(number.value, "number", data.line_of("number"), ctx):
        number = UNKNOWN_FACT  # reported; not compared with other numbers
    if not _clean_identifier(issuer.value, "issuer", data.line_of("issuer"), ctx):
        pass
    elif issuer.known and actors is not None and issuer.value not in actors:
        ctx.report("unknown-actor", data.line_of("issuer"), id=str(issuer.value))
    level = _fact(data, "level", ctx, LEVELS)
    bloc = _fact(data, "bloc", ctx, BLOCS)
    status, status_date = _status(data, ctx, today)
    signer = _signer(data, ctx)
    issued = _issued(data, ctx, today)

    source = data.get("source")
    source_file, source_note = "", ""
    if isinstance(source, YMap):
        _unknown_keys(source, {"file", "note", "url"}, ctx)
        source_file = _text(source, "file", ctx) or ""
        source_note = _text(source, "note", ctx) or ""
        if source_file and sources_dir is not None:
            confined = paths.source_file(source_file, sources_dir)
            if confined is None:  # never read, never quoted: it may be any file of the machine
                ctx.report("source-outside", source.line_of("file"), file=source_file)
                source_file = ""
            elif paths.file_problem(confined, sources_dir) or not confined.is_file():
                ctx.report("source-missing", source.line_of("file"), file=source_file)
                source_file = ""
        if not (source.get("file") or source_note or source.get("url")):
            ctx.report("source-needs-one", source.line)
    elif "source" in data:
        ctx.report("source-shape", data.line_of("source"))

    topics = data.get("topics") or []
    if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
        ctx.report("topics-not-list", data.line_of("topics"))
        topics = []
    # each topic's own line, for the vocabulary check made once every file is read (kb.topics)
    topic_lines = {f"topics[{i}]": topics.line_of(i) for i in range(len(topics))} if isinstance(topics, YList) else {}
    topics = [unicodedata.normalize("NFC", " ".join(t.split())) for t in topics]

    removed = _removed(data, ctx)
    body = _body(data, ctx)
    aliases = data.get("aliases") or []
    relations, manual_citations = citations.read_links(data, ctx)

    return Document(
        id=doc_id,
        path=ctx.path,
        type=str(doc_type),
        number=number,
        title=title,
        issuer=issuer,
        level=level,
        bloc=bloc,
        place=_fact(data, "place", ctx),
        signer=signer,
        issued=issued,
        effective=_fact(data, "effective", ctx),
        status=status,
        status_date=status_date,
        topics=tuple(topics),
        source_file=source_file,
        source_note=source_note,
        removed=removed,
        body=body,
        aliases=tuple(a for a in aliases if isinstance(a, str)) if isinstance(aliases, list) else (),
        relations=relations,
        manual_citations=manual_citations,
        key_lines={**data.key_lines, **topic_lines},
        assignments=responsibilities.read_assignments(data, doc_id, ctx, actors, body),
        changes=_changes(data, ctx, today),
    )


def _status(data: YMap, ctx: Context, today: dt.date) -> tuple[Fact, PartialDate | None]:
    """Validity: null (chưa rõ) or {value, source, date?, note?}. Never inferred, never without a source."""
    raw = data.get("status")
    line = data.line_of("status")
    if raw is None:
        return UNKNOWN_FACT, None
    if not isinstance(raw, YMap):
        if isinstance(raw, str) and raw.strip() in STATUSES:
            ctx.problems.append(messages.problem("status-without-source", ctx.path, line, value=raw.strip()))
        else:
            ctx.problems.append(messages.problem("bad-choice", ctx.path, line, key="status", value=raw, choices=choices(STATUSES)))
        return UNKNOWN_FACT, None
    if "reason" in raw:
        ctx.problems.append(messages.problem("status-inferred", ctx.path, raw.line_of("reason")))
        return UNKNOWN_FACT, None
    _unknown_keys(raw, {"value", "source", "date", "note"}, ctx)
    value = raw.get("value")
    if value not in STATUSES:
        ctx.problems.append(messages.problem("bad-choice", ctx.path, raw.line_of("value") if "value" in raw else line, key="status", value=value, choices=choices(STATUSES)))
        return UNKNOWN_FACT, None
    source = _text(raw, "source", ctx)
    if not source:
        ctx.problems.append(messages.problem("status-without-source", ctx.path, line, value=value))
        return UNKNOWN_FACT, None
    date = _checked_date(raw["date"], "status.date", raw.line_of("date"), ctx, today) if "date" in raw else None
    note = _text(raw, "note", ctx)
    return Fact(value, source=source + (f" — {note}" if note else "")), date


def _changes(data: YMap, ctx: Context, today: dt.date) -> tuple[Change, ...]:
    """The document's history in the collection: [{date, note}], oldest first (the feed reads it)."""
    raw = data.get("changes")
    if raw is None:
        return ()
    if not isinstance(raw, YList):
        ctx.problems.append(messages.problem("changes-not-list", ctx.path, data.line_of("changes")))
        return ()
    result: list[Change] = []
    for index, entry in enumerate(raw):
        line = raw.line_of(index)
        if not isinstance(entry, YMap) or "date" not in entry or "note" not in entry:
            ctx.problems.append(messages.problem("change-shape", ctx.path, line))
            continue
        _unknown_keys(entry, {"date", "note"}, ctx)
        date = _checked_date(entry["date"], "changes.date", entry.line_of("date"), ctx, today)
        if date is not None and date.day is None:
            ctx.problems.append(messages.problem("change-date-not-day", ctx.path, entry.line_of("date"), value=entry["date"]))
            continue
        note = _text(entry, "note", ctx, required=True)
        if date is None or not note:
            continue
        if result and date.sort_key() < result[-1].date.sort_key():
            ctx.problems.append(messages.problem("changes-order", ctx.path, entry.line_of("date"), value=entry["date"], previous=result[-1].date.iso()))
            continue
        result.append(Change(date, note, line))
    return tuple(result)


def _signer(data: YMap, ctx: Context) -> Signer:
    raw = data.get("signer")
    if raw is None:
        return Signer()
    if not isinstance(raw, YMap):
        ctx.report("signer-shape", data.line_of("signer"))
        return Signer()
    _unknown_keys(raw, {"name", "position", "on_behalf"}, ctx)
    return Signer(name=_fact(raw, "name", ctx), position=_fact(raw, "position", ctx), on_behalf=_fact(raw, "on_behalf", ctx))


def _issued(data: YMap, ctx: Context, today: dt.date) -> Fact:
    raw = data.get("issued")
    line = data.line_of("issued")
    if raw is None:
        return UNKNOWN_FACT
    if isinstance(raw, YMap):
        _unknown_keys(raw, {"after", "before", "reason", "value", "source"}, ctx)
        if "value" in raw:
            date = _checked_date(raw["value"], "issued", raw.line_of("value"), ctx, today)
            if not raw.get("reason") and not raw.get("source"):
                ctx.report("issued-block-without-reason", line)
            return Fact(date, reason=raw.get("reason"), source=raw.get("source")) if date else UNKNOWN_FACT
        after = _checked_date(raw["after"], "issued.after", raw.line_of("after"), ctx, today) if "after" in raw else None
        before = _checked_date(raw["before"], "issued.before", raw.line_of("before"), ctx, today) if "before" in raw else None
        if not (after or before):
            ctx.report("issued-range-without-bound", line)
            return UNKNOWN_FACT
        if after and before and after.sort_key() > before.sort_key():
            ctx.report("date-range-order", line)
        if not isinstance(raw.get("reason"), str) or not raw["reason"].strip():
            ctx.report("issued-range-without-reason", line)
        return Fact(DateRange(after, before), reason=raw.get("reason"))
    date = _checked_date(raw, "issued", line, ctx, today)
    return Fact(date) if date else UNKNOWN_FACT


def _checked_date(raw, key: str, line: int, ctx: Context, today: dt.date) -> PartialDate | None:
    date = parse_date(raw)
    if date is None:
        ctx.report(date_problem(raw), line, key=key, value=str(raw))
        return None
    if date.sort_key() > (today.year, today.month if date.month else 0, today.day if date.day else 0):
        ctx.report("future-date", line, key=key, value=str(raw))
        return None
    return date


def _removed(data: YMap, ctx: Context) -> tuple[Removal, ...]:
    raw = data.get("removed")
    if raw is None:
        return ()
    if not isinstance(raw, YList):
        ctx.report("removed-not-list", data.line_of("removed"))
        return ()
    result = []
    for index, entry in enumerate(raw):
        line = raw.line_of(index)
        if not isinstance(entry, YMap):
            ctx.report("removal-shape", line)
            continue
        _unknown_keys(entry, {"text", "reason", "note"}, ctx)
        text = _text(entry, "text", ctx, required=True)
        reason = entry.get("reason")
        if not isinstance(reason, str) or reason not in REMOVAL_REASONS:
            ctx.report("bad-removal-reason", entry.line_of("reason"), value=str(reason), choices=choices(REMOVAL_REASONS))
            continue
        if text:
            result.append(Removal(text=text, reason=reason, note=_text(entry, "note", ctx) or "", line=line))
    return tuple(result)


# --- body -------------------------------------------------------------------------------


def _body(data: YMap, ctx: Context) -> tuple[Block, ...]:
    raw = data.get("body")
    if raw is None:
        return ()
    if not isinstance(raw, YList) or not raw:
        ctx.report("empty-body", data.line_of("body"))
        return ()
    builder = _BodyBuilder(ctx)
    blocks = builder.blocks(raw, parent=None, top_level=True)
    if not any(b.kind in ("p", "clause", "section") for b in blocks):
        ctx.report("body-without-text", data.line_of("body"))
    return blocks


# The keys each kind of body block may have.
_BLOCK_KEYS = {
    "heading": frozenset({"heading"}),
    "p": frozenset({"p", "id", "label"}),
    "clause": frozenset({"clause", "text", "items", "id", "label"}),
    "section": frozenset({"section", "text", "label", "items"}),
    "signature": frozenset({"signature"}),
}


@dataclass
class _Parent:
    id: str | None
    citation_label: str | None
    section_label: str | None = None


class _BodyBuilder:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.seen_ids: dict[str, int] = {}
        self.paragraph_count = 0

    def blocks(self, items: YList, parent: _Parent | None, top_level: bool) -> tuple[Block, ...]:
        result: list[Block] = []
        bullets = 0
        for index, raw in enumerate(items):
            line = items.line_of(index)
            if not isinstance(raw, YMap):
                self.ctx.report("block-not-map", line, kinds=", ".join(BLOCK_KINDS))
                continue
            kinds = [k for k in BLOCK_KINDS if k in raw]
            if len(kinds) != 1:
                self.ctx.report("block-kind-count", line, kinds=", ".join(BLOCK_KINDS))
                continue
            kind = kinds[0]
            if kind == "clause" and _BULLET.match(str(raw.get("clause", "")).strip()):
                bullets += 1
            block = self.block(kind, raw, line, parent, top_level, bullets)
            if block is not None:
                result.append(block)
        return tuple(result)

    def block(self, kind: str, raw: YMap, line: int, parent: _Parent | None, top_level: bool, bullets: int) -> Block | None:
        _unknown_keys(raw, _BLOCK_KEYS[kind], self.ctx)
        if kind == "signature":
            lines = raw.get("signature")
            if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
                self.ctx.report("signature-shape", line)
                return None
            return Block(kind, line, lines=tuple(lines), anchor=parent.id if parent else None)
        if kind == "heading":
            return Block(kind, line, segments=self.segments(raw, "heading", line), anchor=parent.id if parent else None)
        if kind == "p":
            segments = self.segments(raw, "p", line)
            block_id = None
            label = None
            if top_level:
                self.paragraph_count += 1
                block_id = raw.get("id") or f"doan-{self.paragraph_count}"
                if not isinstance(block_id, str) or not ID_PATTERN.match(block_id):  # it becomes an anchor
                    self.ctx.report("bad-paragraph-id", raw.line_of("id"), id=str(block_id))
                    block_id = f"doan-{self.paragraph_count}"
                label = _text(raw, "label", self.ctx) or _paragraph_label(segments)
                self.claim(block_id, raw.line_of("id") if "id" in raw else line)
            elif "id" in raw:
                self.ctx.report("nested-paragraph-id", raw.line_of("id"))
            return Block(kind, line, segments=segments, id=block_id, label=label, citation_label=label, anchor=block_id or (parent.id if parent else None))
        if kind == "section":
            section_id = raw.get("section")
            if not isinstance(section_id, str) or not ID_PATTERN.match(section_id):
                self.ctx.report("bad-section-id", line, id=str(section_id))
                return None
            self.claim(section_id, line)
            label = _text(raw, "label", self.ctx, required=True) or section_id
            me = _Parent(section_id, label, section_label=label)
            items = self.items(raw, me)
            return Block(kind, line, segments=self.segments(raw, "text", line), id=section_id, label=label, citation_label=label, items=items, anchor=section_id)
        # clause
        marker = str(raw.get("clause", "")).strip()
        number, id_part, own_label = self.classify(marker, line, bullets, parent)
        if id_part is None:
            return None
        if "id" in raw:
            block_id = raw["id"]
            if not isinstance(block_id, str) or not ID_PATTERN.match(block_id):
                self.ctx.report("bad-clause-id", raw.line_of("id"), id=str(block_id))
                return None
        elif parent is None:
            block_id = f"k{id_part}"
        else:
            block_id = f"{parent.id}-{id_part}"
        self.claim(block_id, raw.line_of("id") if "id" in raw else line)
        own_label = _text(raw, "label", self.ctx) or own_label
        if parent is None:
            citation_label = own_label
        elif parent.section_label:
            citation_label = f"{own_label} ({parent.section_label})"
        else:
            citation_label = f"{own_label} {_lower_first(parent.citation_label or '')}".strip()
        me = _Parent(block_id, citation_label)
        if "text" not in raw:
            self.ctx.report("clause-without-text", line, marker=marker)
        return Block(
            kind,
            line,
            segments=self.segments(raw, "text", line),
            id=block_id,
            marker=marker,
            number=number,
            label=own_label,
            citation_label=citation_label[:1].upper() + citation_label[1:],
            items=self.items(raw, me),
            anchor=block_id,
        )

    def items(self, raw: YMap, parent: _Parent) -> tuple[Block, ...]:
        items = raw.get("items")
        if items is None:
            return ()
        if not isinstance(items, YList):
            self.ctx.report("items-not-list", raw.line_of("items"))
            return ()
        return self.blocks(items, parent, top_level=False)

    def classify(self, marker: str, line: int, bullets: int, parent: _Parent | None) -> tuple[str | None, str | None, str]:
        in_section = parent is not None and parent.section_label is not None
        if m := _NUMBERED.match(marker):
            number = m.group(1)
            return number, number, (f"Mục {number}" if in_section else f"Khoản {number}")
        if m := _LETTERED.match(marker):
            letter = m.group(1)
            return letter, ("dd" if letter == "đ" else letter), f"Điểm {letter}"
        if _BULLET.match(marker):
            return None, f"y{bullets}", f"Gạch đầu dòng thứ {bullets}"
        self.ctx.report("bad-marker", line, marker=marker)
        return None, None, ""

    def claim(self, block_id: str, line: int) -> None:
        if block_id.startswith(RESERVED_ID_PREFIX):
            self.ctx.report("reserved-anchor", line, id=block_id)
        elif block_id in self.seen_ids:
            self.ctx.report("duplicate-anchor", line, id=block_id, line=str(self.seen_ids[block_id]))
        else:
            self.seen_ids[block_id] = line

    def segments(self, raw: YMap, key: str, line: int):
        text = raw.get(key)
        if text is None:
            return ()
        if not isinstance(text, str):
            self.ctx.report("wrong-type-text", raw.line_of(key), key=key, kind=_type_name(text))
            return ()
        text = " ".join(text.split())
        if not text:
            self.ctx.report("empty-text", raw.line_of(key), key=key)
            return ()
        try:
            return markup.parse_corrections(unicodedata.normalize("NFC", text))
        except markup.MarkupError as exc:
            self.ctx.report(exc.code, raw.line_of(key), **exc.values)
            return (text,)


def _paragraph_label(segments) -> str:
    words = "".join(s if isinstance(s, str) else s.corrected for s in segments).split()
    head = " ".join(words[:6])
    return f"Đoạn «{head}{'…' if len(words) > 6 else ''}»"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _check_unique_numbers(documents: dict[str, Document], problems: list[Problem]) -> None:
    """A number is unique per issuer and document type: two provinces may both issue "01/CT-UBND"."""
    by_number: dict[tuple, Document] = {}
    for doc in documents.values():
        if not doc.number.known:
            continue
        key = (doc.issuer.value, doc.type, number_key(str(doc.number.value)))
        if key in by_number:
            other = by_number[key]
            problems.append(
                messages.problem("duplicate-number", doc.path, doc.line_of("number"), number=str(doc.number.value), other=other.path)
            )
        else:
            by_number[key] = doc
