"""Read one YAML data file into plain Python values that remember their line numbers.

Why not yaml.safe_load: we need the line of every key and list item for error messages,
we must not let YAML turn "2011-02-30" into a bare ValueError (implicit timestamps), and we
refuse anchors/aliases outright (alias bombs, and data that is hard for clerks to read).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

try:  # libyaml is ~10x faster; the pure-Python loader gives the same nodes
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from . import messages, paths
from .problems import Problem

MAX_LINE_LENGTH = 20_000


class YMap(dict):
    """A mapping that knows the line of itself and of each key (1-based)."""

    line: int = 0

    def __init__(self, *args, line: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = line
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class YList(list):
    """A list that knows its own line and the line of each item (1-based)."""

    def __init__(self, *args, line: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = line
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


def registry_items(data, key: str) -> list[tuple[int, object]] | None:
    """The items of a registry's `key:` list with their lines; None when the file is not shaped so."""
    if not isinstance(data, YMap) or not isinstance(data.get(key), YList):
        return None
    items: YList = data[key]
    return [(items.line_of(index), item) for index, item in enumerate(items)]


@dataclass
class Loaded:
    """Result of reading one file: the value (None on fatal error) and what went wrong."""

    value: object
    problems: list[Problem]


class _AliasRefused(Exception):
    def __init__(self, line: int):
        self.line = line


# What a syntax message says after 'lỗi cú pháp YAML: ' (kb/messages.py lists the same words for the guide)
TAB_HINT = "có ký tự Tab: YAML chỉ cho phép thụt lề bằng dấu cách (thay Tab bằng 2 dấu cách)"
UNCLOSED_QUOTE_HINT = "chuỗi trong dấu ngoặc kép chưa được đóng (thêm dấu \" ở cuối)"
BRACKET_HINT = (
    "giá trị bắt đầu bằng dấu ngoặc '[' hoặc '{' nên YAML hiểu là một danh sách (đặt cả giá trị trong dấu ngoặc "
    "kép \"...\"; nếu đúng là danh sách thì đóng ngoặc và ngăn các mục bằng dấu phẩy)"
)
RESERVED_CHARACTER_HINT = "giá trị bắt đầu bằng ký tự YAML dành riêng ('@', '`' hoặc '%') (đặt cả giá trị trong dấu ngoặc kép \"...\")"
# what the parser says when no hint above applies: its own words, inside a Vietnamese sentence with a fix
UNKNOWN_SYNTAX_HINT = (
    "YAML không đọc được chỗ này (trình đọc YAML báo: «{problem}»); kiểm tra dấu ngoặc, dấu ':' và thụt lề "
    "quanh dòng này, hoặc đặt giá trị trong dấu ngoặc kép \"...\""
)
# a value that opens with '[' or '{' (YAML reads a list or a mapping there)
_BRACKET_VALUE = re.compile(r"^\s*(?:-\s+)?[^\s#:\[{][^:]*:\s+([\[{].*?)\s*$")

# Vietnamese explanations for the YAML parser's English problems; the first match wins.
_PARSER_HINTS: list[tuple[str, str]] = [
    (r"found character '\\t'", TAB_HINT),
    (r"mapping values are not allowed", "có dấu ': ' ở chỗ không được phép (đặt cả giá trị trong dấu ngoặc kép \"...\" hoặc dùng khối '>-')"),
    (r"could not find expected ':'", "thiếu dấu ':' sau tên trường (dạng đúng: 'ten_truong: gia_tri')"),
    (r"found undefined alias|found unknown escape", "có ký tự đặc biệt không hợp lệ (đặt giá trị trong dấu ngoặc kép và kiểm tra dấu '\\')"),
    (r"while scanning a quoted scalar", UNCLOSED_QUOTE_HINT),
    (r"did not find expected key|expected <block end>", "thụt lề không thẳng hàng (các trường cùng cấp phải thụt lề bằng nhau)"),
    (r"did not find expected '-' indicator", "thụt lề của danh sách không thẳng hàng (các mục '- ' phải thẳng cột)"),
    (r"found duplicate anchor|found character '[*&]'", "có neo/bí danh YAML ('&', '*'): không được dùng (viết đầy đủ giá trị)"),
    (r"did not find expected ',' or '[\]}]'", BRACKET_HINT),
    (r"found character that cannot start any token", RESERVED_CHARACTER_HINT),
]


def load_yaml_file(path: Path, display_path: str, confine_to: Path | None = None) -> Loaded:
    """Read `path`; every problem names `display_path` and a line.

    With `confine_to` (the data folder), a file that is a link leading out of it or nowhere, or a
    folder named like a data file, is refused before a byte of it is read.
    """
    problems: list[Problem] = []

    def error(code: str, line: int, **values: str) -> Loaded:
        problems.append(messages.problem(code, display_path, line, **values))
        return Loaded(None, problems)

    if confine_to is not None and (refused := paths.file_problem(path, confine_to)):
        return Loaded(None, [messages.problem(refused, display_path, 1)])
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return error("utf16", 1)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        problems.append(messages.problem("bom", display_path, 1))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return error("not-utf8", line)
    if not text.strip():
        return error("empty-file", 1)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        return error("nul", text[: text.index("\x00")].count("\n") + 1)
    lines = text.split("\n")
    if max(map(len, lines)) > MAX_LINE_LENGTH:  # one C-level pass; find the line only if needed
        for number, line_text in enumerate(lines, start=1):
            if len(line_text) > MAX_LINE_LENGTH:
                return error("long-line", number, length=str(len(line_text)), limit=str(MAX_LINE_LENGTH))
    if "\t" in text:
        for number, line_text in enumerate(lines, start=1):
            if "\t" in line_text[: len(line_text) - len(line_text.lstrip())]:
                return error("yaml-tab", number)
    if line := _legacy_mojibake(text):
        return error("mojibake", line)
    normalized = unicodedata.normalize("NFC", text)
    if normalized != text:
        first = next(i for i, (a, b) in enumerate(zip(text.split("\n"), normalized.split("\n")), start=1) if a != b)
        problems.append(messages.problem("nfd", display_path, first))
        text = normalized

    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if "could not find expected ':'" in str(exc.problem) and exc.context_mark:
            mark = exc.context_mark  # the parser notices on the next line; the key without ':' is here
        if "while parsing a flow" in str(exc.context) and exc.context_mark:
            mark = exc.context_mark  # an unclosed '[' or '{' is noticed lines later; point at where it opened
        line = mark.line + 1 if mark else 1
        unclosed = _unclosed_quote(text, line)
        if unclosed:
            return error("yaml-unclosed-quote", unclosed)
        if _text_in_brackets(text, line):
            return error("yaml-bracket", line)
        code, values = _explain(str(exc.problem or exc))
        return error(code, line, **values)
    except yaml.YAMLError as exc:
        code, values = _explain(str(exc))
        return error(code, 1, **values)
    if root is None:
        first = next((n for n, line in enumerate(lines, 1) if line.strip() and not line.lstrip().startswith("#")), 0)
        if first:  # '---' or '...' alone
            return Loaded(None, problems + [messages.problem("null-document", display_path, first)])
        return error("no-data", 1)
    try:
        value = _construct(root, set())
    except _AliasRefused as exc:
        return error("alias", exc.line)
    except _DuplicateKey as exc:
        return error("duplicate-key", exc.line, key=exc.key)
    if value is None:  # 'null', '~' or an empty '---' document: nothing to read, never skipped silently
        first = next((n for n, line in enumerate(lines, 1) if line.strip() and not line.lstrip().startswith("#")), 1)
        problems.append(messages.problem("null-document", display_path, first))
        return Loaded(None, problems)
    return Loaded(value, problems)


_QUOTED_VALUE = re.compile(r'^\s*(?:-\s+)?(?:[\w.-]+:\s+)?"')


def _unclosed_quote(text: str, error_line: int) -> int | None:
    """The line where a double-quoted value opens and never closes on that line, if any before the error.

    The parser only notices a missing closing quote lines later (where the next quote is), so we
    point the clerk at the line that opened the string instead.
    """
    lines = text.split("\n")[:error_line]
    for number in range(len(lines), 0, -1):
        line = lines[number - 1]
        if _QUOTED_VALUE.match(line) and len(re.findall(r'(?<!\\)"', line)) % 2 == 1:
            return number
    return None


# Letters that TCVN3/VNI bytes become when a legacy file is opened as Windows-1252 and saved as
# UTF-8 ("Chỉ thị" -> "ChØ thÞ"): text that has many of these and no Vietnamese letter is mojibake.
_MOJIBAKE = set("¨©ª«¬\xad®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ")
_VIETNAMESE = re.compile("[ăđơưĂĐƠƯ\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]")


def _legacy_mojibake(text: str) -> int | None:
    if _VIETNAMESE.search(text):
        return None
    for number, line in enumerate(text.split("\n"), start=1):
        if sum(ch in _MOJIBAKE for ch in line) >= 3:
            return number
    return None


def _text_in_brackets(text: str, line: int) -> bool:
    """Whether the value on `line` opens with '[' or '{' but is not one closed list: text such as
    "[Dự thảo] Chỉ thị …" that YAML tries to read as a list."""
    lines = text.split("\n")
    found = _BRACKET_VALUE.match(lines[line - 1]) if 0 < line <= len(lines) else None
    if not found:
        return False
    value = found.group(1)
    return not value.endswith("]" if value.startswith("[") else "}")


def _explain(problem: str) -> tuple[str, dict]:
    """The catalogue code and values for the parser's English `problem` (kb/messages.py)."""
    for pattern, hint in _PARSER_HINTS:
        if re.search(pattern, problem):
            return _HINT_CODES.get(hint, "yaml-syntax"), ({} if hint in _HINT_CODES else {"detail": hint})
    return "yaml-syntax", {"detail": UNKNOWN_SYNTAX_HINT.format(problem=problem.strip())}


# hints that have a message of their own in the catalogue; the others print as 'yaml-syntax'
_HINT_CODES = {
    TAB_HINT: "yaml-tab",
    UNCLOSED_QUOTE_HINT: "yaml-unclosed-quote",
    BRACKET_HINT: "yaml-bracket",
    RESERVED_CHARACTER_HINT: "yaml-reserved-char",
    _PARSER_HINTS[1][1]: "yaml-colon",
    _PARSER_HINTS[5][1]: "yaml-indent",
}


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int):
        self.key, self.line = key, line


_MERGE = "tag:yaml.org,2002:merge"


def _construct(node: yaml.Node, seen: set[int]):
    # compose() keeps an alias as a second reference to the same node object
    if id(node) in seen:
        raise _AliasRefused(node.start_mark.line + 1)
    seen.add(id(node))
    cls = node.__class__
    if cls is yaml.ScalarNode:
        return _scalar(node)
    line = node.start_mark.line + 1
    if cls is yaml.SequenceNode:
        items = YList(line=line)
        item_lines = items.item_lines
        for child in node.value:
            items.append(_construct(child, seen))
            item_lines.append(child.start_mark.line + 1)
        return items
    mapping = YMap(line=line)
    key_lines = mapping.key_lines
    for key_node, value_node in node.value:
        if key_node.tag == _MERGE:
            raise _AliasRefused(key_node.start_mark.line + 1)
        key = _construct(key_node, seen)
        key = str(key) if key is not None else "null"
        key_line = key_node.start_mark.line + 1
        if key in mapping:
            raise _DuplicateKey(key, key_line)
        mapping[key] = _construct(value_node, seen)
        key_lines[key] = key_line
    return mapping


# The only plain scalars that are not text (YAML 1.2 core schema, narrowed): null, true/false and a
# whole number written the canonical way. YAML 1.1's yes/no/on/off, 0123 (octal), 1_000, 1:30
# (base 60), floats and dates stay exactly the text the maintainer typed; a field that wants
# text gets that text, a field that wants something else says what it wants (kb.fields).
_NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE_WORDS = frozenset({"true", "True", "TRUE"})
_FALSE_WORDS = frozenset({"false", "False", "FALSE"})
_CANONICAL_INT = re.compile(r"^(?:0|-?[1-9][0-9]{0,17})$")


def _scalar(node: yaml.ScalarNode):
    value = node.value
    if node.style is None or node.style == "":  # only plain (unquoted) scalars get a type
        if value in _NULL_WORDS:
            return None
        if value in _TRUE_WORDS:
            return True
        if value in _FALSE_WORDS:
            return False
        if _CANONICAL_INT.match(value):
            return int(value)
    return value
