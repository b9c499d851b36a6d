"""The controlled vocabulary of topics (data/danh-muc/chu-de.yml) and the check of each document's `topics:`.

A document names its topics in Vietnamese, as readers say them; each must be the name or an
alias of one entry of the vocabulary, which gives it a stable id (the URL of its topic page).
Checked once, after every document has loaded. No MkDocs here.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import messages
from .fields import Context, text, unknown_keys
from .paths import ID_PATTERN
from .messages import register
from .model import Document
from .problems import Problem
from .yamlload import YMap, load_yaml_file, registry_items

TOPICS_FILE = "chu-de.yml"
TOPIC_FIELDS = {"id", "name", "aliases", "note"}

G = "chu-de"
register(
    "topic-unknown", G, "Chủ đề không có trong danh mục",
    "chủ đề '{value}' không có trong danh mục data/danh-muc/chu-de.yml (có phải ý bạn là '{hint}'? nếu là chủ đề mới, thêm vào danh mục)",
    {"value": "công tác dân vân", "hint": "công tác dân vận"},
    fix="Chủ đề của văn bản phải là tên (name) hoặc một cách gọi khác (aliases) của một mục trong data/danh-muc/chu-de.yml. "
    "Chủ đề mới: thêm một mục id, name (và aliases nếu cần); id là địa chỉ trang chủ đề, không đổi sau khi đăng.",
)
register(
    "topic-unknown-no-hint", G, "Chủ đề không có trong danh mục (không có chủ đề gần giống)",
    "chủ đề '{value}' không có trong danh mục data/danh-muc/chu-de.yml (chọn một chủ đề có sẵn hoặc thêm chủ đề mới vào danh mục)",
    {"value": "an ninh mạng"},
)
register(
    "topics-registry-missing", G, "Thiếu danh mục chủ đề",
    "thiếu danh mục chủ đề data/danh-muc/chu-de.yml (tạo tệp theo mẫu trong hướng dẫn)",
)
register(
    "topics-registry-shape", G, "Danh mục chủ đề sai dạng",
    "danh mục chủ đề phải có dạng 'topics:' và một danh sách các mục '- id: ...'",
)
register("topic-entry-not-map", G, "Mục chủ đề sai dạng", "mỗi chủ đề phải là một khối có các trường id, name (và aliases, note nếu cần)")
register(
    "topic-bad-id", G, "Mã chủ đề sai dạng",
    "mã chủ đề '{id}' không hợp lệ (chỉ gồm chữ thường không dấu, số và '-', ví dụ 'dan-chu-o-co-so')", {"id": "Dân chủ"},
)
register("topic-without-name", G, "Chủ đề thiếu tên", "chủ đề '{id}' thiếu trường 'name' (tên chủ đề viết như người đọc gọi, ví dụ \"Dân chủ ở cơ sở\")", {"id": "dan-chu-o-co-so"})
register("topic-duplicate-id", G, "Hai chủ đề cùng mã", "mã chủ đề '{id}' bị trùng (dòng {line})", {"id": "cong-tac-dan-van", "line": "4"})
register(
    "topic-name-taken", G, "Một tên dùng cho hai chủ đề",
    "tên '{name}' đã dùng cho chủ đề '{other}' (dòng {line}); mỗi tên hoặc cách gọi chỉ thuộc một chủ đề",
    {"name": "dân vận chính quyền", "other": "dan-van-chinh-quyen", "line": "12"},
)
register(
    "topic-aliases-not-list", G, "Cách gọi khác của chủ đề không phải danh sách",
    "trường 'aliases' của chủ đề phải là danh sách, ví dụ: [\"công tác quần chúng\"]",
)
del G


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    aliases: tuple[str, ...]
    note: str
    line: int


def topic_key(name: str) -> str:
    """How names are compared: NFC, single spaces, case-insensitive."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def load_topics(path: Path, display: str, problems: list[Problem], needed: bool = True) -> dict[str, Topic] | None:
    """Read the vocabulary; every problem names the file and the line. None when it is unreadable
    (then documents are not checked against it: one message, not one per topic). A missing file is
    an error only when it is `needed` (some document names a topic)."""
    topics: dict[str, Topic] = {}
    if not path.exists():
        if needed:
            problems.append(messages.problem("topics-registry-missing", display, 1))
        return None
    loaded = load_yaml_file(path, display)
    problems.extend(loaded.problems)
    if loaded.value is None:
        return None
    ctx = Context(display)
    items = registry_items(loaded.value, "topics")
    if items is None:
        problems.append(messages.problem("topics-registry-shape", display, getattr(loaded.value, "line", 1)))
        return None
    names: dict[str, tuple[str, int]] = {}
    for line, entry in items:
        if not isinstance(entry, YMap):
            ctx.problems.append(messages.problem("topic-entry-not-map", display, line))
            continue
        unknown_keys(entry, TOPIC_FIELDS, ctx)
        topic_id = entry.get("id")
        if not isinstance(topic_id, str) or not ID_PATTERN.match(topic_id):
            ctx.problems.append(messages.problem("topic-bad-id", display, entry.line_of("id") if "id" in entry else line, id=topic_id))
            continue
        if topic_id in topics:
            ctx.problems.append(messages.problem("topic-duplicate-id", display, entry.line_of("id"), id=topic_id, line=topics[topic_id].line))
            continue
        if "name" not in entry:
            ctx.problems.append(messages.problem("topic-without-name", display, line, id=topic_id))
            continue
        name = text(entry, "name", ctx, required=True)
        aliases = entry.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            ctx.problems.append(messages.problem("topic-aliases-not-list", display, entry.line_of("aliases")))
            aliases = []
        if not name:
            continue
        name = " ".join(unicodedata.normalize("NFC", name).split())
        spellings = [name] + [" ".join(unicodedata.normalize("NFC", a).split()) for a in aliases]
        for spelling in spellings:
            key = topic_key(spelling)
            if key in names and names[key][0] != topic_id:
                other, other_line = names[key]
                ctx.problems.append(messages.problem("topic-name-taken", display, entry.line_of("name"), name=spelling, other=other, line=other_line))
            names.setdefault(key, (topic_id, line))
        topics[topic_id] = Topic(topic_id, name, tuple(spellings[1:]), text(entry, "note", ctx) or "", line)
    problems.extend(ctx.problems)
    return topics


def spelling_index(topics: dict[str, Topic]) -> dict[str, str]:
    """Every accepted spelling (compared by topic_key) -> topic id."""
    index: dict[str, str] = {}
    for topic in topics.values():
        for spelling in (topic.name, *topic.aliases):
            index.setdefault(topic_key(spelling), topic.id)
    return index


def check_documents(documents: dict[str, Document], topics: dict[str, Topic], problems: list[Problem]) -> None:
    """Every document topic must be in the vocabulary; an unknown one gets the closest name as a hint."""
    index = spelling_index(topics)
    names = {topic_key(s): s for t in topics.values() for s in (t.name, *t.aliases)}
    for doc in documents.values():
        for position, topic in enumerate(doc.topics):
            if topic_key(topic) in index:
                continue
            line = doc.line_of(f"topics[{position}]") if f"topics[{position}]" in doc.key_lines else doc.line_of("topics")
            close = difflib.get_close_matches(topic_key(topic), list(names), n=1, cutoff=0.6)
            if close:
                problems.append(messages.problem("topic-unknown", doc.path, line, value=topic, hint=names[close[0]]))
            else:
                problems.append(messages.problem("topic-unknown-no-hint", doc.path, line, value=topic))


def topics_of(doc: Document, topics: dict[str, Topic], index: dict[str, str] | None = None) -> list[Topic]:
    """The document's topics as vocabulary entries, in the document's order, each once."""
    index = spelling_index(topics) if index is None else index
    seen: dict[str, Topic] = {}
    for name in doc.topics:
        topic_id = index.get(topic_key(name))
        if topic_id and topic_id not in seen:
            seen[topic_id] = topics[topic_id]
    return list(seen.values())
