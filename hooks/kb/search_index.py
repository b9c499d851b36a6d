"""Our search index: postings sharded by word, written as plain <script> files (works from file://).

Material's search rebuilds a lunr index from the whole text on every page load and needs a Worker
(blocked on file://); our previous index was the whole corpus folded, which a query had to read in
full. This one is an inverted index a query reads a few small files of:

- sections (kb.search_sections) are numbered in build order; a page's sections are consecutive;
- for every folded word, the sections that contain it, split by accent key (kb.search_fold:
  "dân", "dần", "đan" are three lists under "dan"), so an accented query can rank its exact
  accents first and an unaccented one takes them all;
- for every pair of neighbouring words ("ben tre"), the sections that contain it: a phrase is
  found without positions, and ranks above the same words apart;
- for every document number ("#18"), the pages bearing it with year and codes (kb.search_numbers).

A key lives in shard `crc32(key) % shards` (`search/s/<n>.js`), or, if its list is long, in a
file of its own (`search/b/<n>.js`, listed in the metadata). A section list is a string of
gaps, each a base-32 number whose last digit is one of `#`…`B` and earlier digits `]`…`|`.
`search/kb-meta.js` (read first: a few bytes per page) holds the shard count, each page's kind
and number of sections; `search/kb-vocab.js` (read only for a word not in the index: prefixes
while typing, "Có phải bạn tìm …") the sorted words; `search/t/<page>.js` the readers' text,
titles and anchors of one page, read only for the pages shown.

Writing: a section's pieces of text (between spaces) only go into a stream of piece numbers
(`_add_section`); every CHUNK_SECTIONS sections the stream is turned into accent keys and pairs,
sorted and written as gaps with numpy (`_flush`), so the per-section work in Python is one
split and one extend, memory holds one chunk's stream, and a list is held as the text it is
written in (about a byte a section), not as numbers.
"""

from __future__ import annotations

import base64
import json
import re
import unicodedata
import zlib
from array import array
from collections import defaultdict, deque
from itertools import accumulate, islice, repeat
from operator import sub
from pathlib import Path

import numpy as np

from .search_fold import WORD, accent_key, fold
from .search_numbers import TYPE_CODES, parse_number
from .search_sections import ISSUED_LABEL, ISSUER_LABEL, NUMBER_LABELS, TYPE_LABEL, CutPage

VERSION = 5
META_FILE = "search/kb-meta.js"
VOCAB_FILE = "search/kb-vocab.js"
SHARD_FILE = "search/s/{}.js"
BIG_FILE = "search/b/{}.js"
PAGE_FILE = "search/t/{}.js"
PAGE_PART_FILE = "search/t/{}-{}.js"
# A page's readers' text is cut into files of about this many characters. A bigger part makes
# fewer files (each costs the build ~0.2-0.5 ms of kernel CPU to create) and makes every shown
# result read more: at 10,000 documents 12,000 -> 14,000 made 1,394 fewer files of 13,922 for
# 0.04-0.11 MB more read by a query (every measured query still <= 2.00 MB); 16,000 made 814
# fewer again but took two queries over 2 MB (kb-search.js reads parts as listed in "c").
PAGE_PART_CHARS = 14_000
SNIPPET_CHARS = 20_000  # of a section's text, what a snippet can show (kb-search.js SNIPPET_SCAN)
FILTER_FILE = "search/kb-loc.js"
SHARD_BYTES = 24_000  # target size of a shard; a query reads about one per word
BIG_BYTES = 12_000  # a list longer than this gets a file of its own
PAIR_SHIFT = 32  # a pair of tokens numbered a, b is the int a << 32 | b
PAIR_MASK = (1 << PAIR_SHIFT) - 1
BITMAP = "!"  # a section list written as a bitmap starts with this (never the first digit of a gap)
CHUNK_SECTIONS = 16_384  # sections whose words are gathered before they are sorted into lists

# Page kinds, best first: documents with their text, documents known only by citation, the rest
# (guides, per-agency duty pages, lists). Front matter `search: {kind: ...}` may say otherwise.
KINDS = ("van-ban", "dan-chieu", "khac")


def page_kind(url: str, declared: str | None = None) -> int:
    if declared in KINDS:
        return KINDS.index(declared)
    folder, _, name = url.partition("/")
    if folder in ("van-ban", "dan-chieu") and name and name != "index.html" and "/" not in name:
        return KINDS.index(folder)
    return KINDS.index("khac")


class SearchIndex:
    """Takes the pages of a build in order and writes the index files under `site_dir`."""

    def __init__(self, site_dir: Path):
        self.site_dir = Path(site_dir)
        self.kinds: list[int] = []  # per page: kind * 4 + number of head sections (0–3)
        self.section_counts: list[int] = []
        self.count = 0  # sections so far
        # Words and pairs are numbered as first met; lists are kept by number (ints hash and
        # compare faster than strings, and a pair is one int, not a tuple of two strings).
        self.keys: list[str] = []  # accent key ("đang4") by number
        self.key_lists = _Lists()  # sections containing each accent key, by key number
        self.tokens: list[str] = []  # folded token ("dang") by number
        self.pairs: dict[int, int] = {}  # first token << PAIR_SHIFT | second token → its number in pair_lists
        self.pair_lists = _Lists()
        # The sections since the last chunk, as one stream: the pieces of text of each section
        # in order, by number, and where each section ends. Each piece stands for the accent
        # keys of its words (`_piece_keys[_piece_starts[p]:][:_piece_lengths[p]]`); a word has
        # one key and one folded token, so the tokens (for pairs) are the keys' tokens.
        # The stream is an array, not a list, so that numpy reads it where it is.
        self._chunk_first = 0
        self._piece_stream = array("I")
        self._section_ends = array("I")
        self._pieces = _Numbering(self._learn)  # piece of text between spaces → its number
        self._words: dict[str, tuple[int, ...]] = {}  # word (lower case, NFC) → its accent keys
        self._piece_keys = array("I")
        self._piece_starts = array("I")
        self._piece_lengths = array("I")
        self._token_of_key = array("I")  # key number → token number
        self._key_numbers: dict[str, int] = {}
        self._token_numbers: dict[str, int] = {}
        self.numbers: dict[str, list] = defaultdict(list)  # "#18" → [[page, year, codes], ...]
        # what the results can be filtered by, per page: type, year of issue, issuers (0 = none)
        self.filters = {"type": _Facet(), "year": _Facet(), "issuer": _Facet()}
        self.paths: list[Path] = []
        self._folders: set[Path] = set()  # made already

    def add_page(self, url: str, title: str, page: CutPage, kind: int) -> None:
        number = len(self.kinds)
        heads = min(3, sum(1 for s in page.sections if s.head))
        self.kinds.append(kind * 4 + heads)
        self.section_counts.append(len(page.sections))
        for section in page.sections:
            self._add_section(f"{section.label} {section.text}")
        self.count += len(page.sections)
        self._add_numbers(number, page.properties)
        self._add_filters(page.properties)
        # the readers' text in parts of about PAGE_PART_CHARS: a result shows three sections,
        # and a long page (a timeline, a glossary) must not cost a megabyte to show them
        parts: list[list[list[str]]] = [[]]
        size = 0
        for s in page.sections:
            shown = _shown_text(s.text)
            if parts[-1] and size + len(shown) > PAGE_PART_CHARS:
                parts.append([])
                size = 0
            parts[-1].append([s.anchor, s.label, shown])
            size += len(shown) + len(s.label) + len(s.anchor) + 10
        text: dict[str, object] = {"u": url, "t": title, "s": parts[0]}
        if len(parts) > 1:
            text["c"] = list(accumulate(len(part) for part in parts[:-1]))  # first section of parts 1, 2, …
        self._write(PAGE_FILE.format(number), f"window.kbSearchPage({number}, {_json(text)});\n")
        for k, part in enumerate(parts[1:], 1):
            self._write(PAGE_PART_FILE.format(number, k), f"window.kbSearchPagePart({number}, {k}, {_json(part)});\n")

    # The hot loop of the writer: every section of every page. Text is split at spaces; each
    # distinct piece ("dân,", "18/2000/CT-TTg") is folded and keyed once per build (`_learn`,
    # called by the numbering for a piece it has not seen). A section only appends its pieces'
    # numbers to a stream (in C, through map); every CHUNK_SECTIONS sections, `_flush` turns the
    # stream into lists with numpy.
    def _add_section(self, text: str) -> None:
        stream = self._piece_stream
        stream.extend(map(self._pieces.__getitem__, text.split()))
        self._section_ends.append(len(stream))
        if len(self._section_ends) >= CHUNK_SECTIONS:
            self._flush()

    def _flush(self) -> None:
        """The chunk's sections into the lists: for every key, and every pair of neighbouring
        tokens in a section, the sections that have it, once each, ascending."""
        count = len(self._section_ends)
        if not count:
            return
        # 32-bit numbers where they fit: the arrays are a million rows a chunk, and their cost is
        # mostly moving them through memory
        pieces = np.frombuffer(self._piece_stream, dtype=np.uint32)
        lengths = np.frombuffer(self._piece_lengths, dtype=np.uint32)[pieces]
        starts = np.frombuffer(self._piece_starts, dtype=np.uint32)[pieces]
        # every piece's keys in stream order, and the section of the chunk each is in
        ends = np.cumsum(lengths, dtype=np.int64)
        total = int(ends[-1]) if len(ends) else 0
        at = np.repeat(starts - (ends - lengths), lengths)
        at += np.arange(total)
        keys = np.frombuffer(self._piece_keys, dtype=np.uint32)[at]
        keys_before = np.concatenate(([0], ends))[np.frombuffer(self._section_ends, dtype=np.uint32)]  # at each section's end
        where = np.repeat(np.arange(count, dtype=np.uint32), np.diff(keys_before, prepend=0))
        first = self._chunk_first
        # keys: (key, section) once each; the stream is in section order, so a stable order by
        # key leaves each key's sections ascending
        order = _stable_order(keys)
        keys_sorted, where_sorted = keys[order], where[order]
        fresh = _changes(keys_sorted, where_sorted)
        self.key_lists.add(keys_sorted[fresh].astype(np.int64), where_sorted[fresh] + np.int64(first))
        # pairs: neighbouring tokens of one section, each pair packed in one number (its left
        # token above just enough bits for the right one), so that ordering them by both takes
        # a radix pass fewer than ordering by two columns
        tokens = np.frombuffer(self._token_of_key, dtype=np.uint32)[keys]
        inside = where[1:] == where[:-1]
        left, right, where = tokens[:-1][inside], tokens[1:][inside], where[1:][inside]
        shift = np.uint64(max(int(right.max()).bit_length(), 1) if len(right) else 1)
        packed = left.astype(np.uint64) << shift | right
        order = _stable_order(packed)
        packed, where = packed[order], where[order]
        fresh = _changes(packed, where)
        packed, where = packed[fresh], where[fresh]
        runs = np.flatnonzero(_changes(packed))
        heads = packed[runs]
        pairs = ((heads >> shift) << np.uint64(PAIR_SHIFT) | heads & ((np.uint64(1) << shift) - np.uint64(1))).tolist()
        numbers = self.pairs
        numbered = [numbers.setdefault(pair, len(numbers)) for pair in pairs]
        self.pair_lists.add(np.repeat(np.array(numbered, dtype=np.int64), np.diff(runs, append=len(packed))), where + np.int64(first))
        self._chunk_first += count
        self._piece_stream = array("I")  # new arrays: numpy's views of the old ones block a resize
        self._section_ends = array("I")

    def _learn(self, piece: str) -> int:
        keys: list[int] = []
        for word in WORD.findall(unicodedata.normalize("NFC", piece).lower()):
            known = self._words.get(word)  # "2015" is in "7/7/2015" and in "773/2015/KH-MTTQ"
            if known is None:
                self._words[word] = known = self._word_keys(word)
            keys += known
        self._pieces[piece] = number = len(self._piece_starts)
        self._piece_starts.append(len(self._piece_keys))
        self._piece_lengths.append(len(keys))
        self._piece_keys.extend(keys)
        return number

    def _word_keys(self, word: str) -> tuple[int, ...]:
        keys = []
        folded = fold(word).split()
        # a word that folds to several tokens ("x²") is indexed as plain tokens
        for key, token in zip([accent_key(word)] if len(folded) == 1 else [token + "0" for token in folded], folded):
            number = self._number(key, self._key_numbers, self.keys)
            if number == len(self._token_of_key):
                self._token_of_key.append(self._number(token, self._token_numbers, self.tokens))
            keys.append(number)
        return tuple(keys)

    @staticmethod
    def _number(name: str, numbers: dict[str, int], names: list[str]) -> int:
        number = numbers.get(name)
        if number is None:
            numbers[name] = number = len(names)
            names.append(name)
        return number

    def _add_numbers(self, page: int, properties: dict[str, str]) -> None:
        type_name = properties.get(TYPE_LABEL, "")
        seen = set()
        for label in NUMBER_LABELS:
            for written in properties.get(label, "").split(";"):
                parsed = parse_number(written, type_name)
                if parsed and parsed not in seen:
                    seen.add(parsed)
                    self.numbers["#" + parsed.number].append([page, parsed.year, " ".join(sorted(parsed.codes))])

    def _add_filters(self, properties: dict[str, str]) -> None:
        known = [v.strip() for v in properties.get(TYPE_LABEL, "").split(";") if v.strip() and v.strip() != UNKNOWN]
        self.filters["type"].add(known[:1])
        # a year only when the date names exactly one (an inferred range "2008–2010" names none)
        years = set(YEAR.findall(properties.get(ISSUED_LABEL, "")))
        self.filters["year"].add(list(years) if len(years) == 1 else [])
        self.filters["issuer"].add([v.strip() for v in properties.get(ISSUER_LABEL, "").split(";") if v.strip() and v.strip() != UNKNOWN])

    def close(self) -> list[Path]:
        """Write the postings, the vocabulary and the metadata (last); return every path written."""
        self._flush()
        sections = self.count
        entries: dict[str, object] = {}  # key → its value in a shard
        vocabulary: dict[str, int] = {}  # folded word → sections containing it (roughly: summed over accents)
        grouped: dict[str, dict[str, str]] = defaultdict(dict)
        self.key_lists.reserve(len(self.keys))
        for key, gaps, length in zip(self.keys, self.key_lists.gaps, self.key_lists.lengths.tolist()):
            if not length:
                continue
            folded = fold(key[:-1])
            grouped[folded][key] = self.key_lists.written(gaps, length, sections)
            vocabulary[folded] = vocabulary.get(folded, 0) + length
        for folded, variants in grouped.items():
            only = variants.get(folded + "0")
            entries[folded] = only if only is not None and len(variants) == 1 else dict(sorted(variants.items()))
        tokens, pair_lists = self.tokens, self.pair_lists
        lengths = pair_lists.lengths.tolist()
        for pair, number in self.pairs.items():
            entries[f"{tokens[pair >> PAIR_SHIFT]} {tokens[pair & PAIR_MASK]}"] = pair_lists.written(pair_lists.gaps[number], lengths[number], sections)
        entries.update(self.numbers)
        self.key_lists = _Lists()
        self.pair_lists = _Lists()
        self.pairs.clear()

        big: dict[str, int] = {}
        small: list[tuple[str, object]] = []
        total = 0
        # keys in a fixed order: the files must not depend on hash seeds (a parallel build and a
        # serial one give the same bytes)
        for key, value in sorted(entries.items()):
            size = _size(value)
            if size > BIG_BYTES:
                big[key] = len(big)
                self._write(BIG_FILE.format(big[key]), f'window.kbSearchShard("b{big[key]}", {_json({key: value})});\n')
            else:
                small.append((key, value))
                total += size + len(key) + 4
        shards = max(1, -(-total // SHARD_BYTES))
        buckets: list[dict] = [{} for _ in range(shards)]
        for key, value in small:
            buckets[shard_of(key, shards)][key] = value
        for number, bucket in enumerate(buckets):
            self._write(SHARD_FILE.format(number), f'window.kbSearchShard("s{number}", {_json(bucket)});\n')

        words = sorted(vocabulary)
        vocab = {"words": " ".join(words), "df": encode_numbers(vocabulary[w] for w in words)}
        self._write(VOCAB_FILE, f"window.kbSearchVocab({_json(vocab)});\n")
        meta = {
            "version": VERSION,
            "shards": shards,
            "sections": self.count,
            "kinds": "".join(chr(48 + k) for k in self.kinds),
            "counts": encode_numbers(self.section_counts),
            "big": big,
            "types": TYPE_CODES,
        }
        # read only when the reader opens «Lọc»: the names, sorted, and each page's values
        filters = {name: facet.written(reverse=name == "year") for name, facet in self.filters.items()}
        self._write(FILTER_FILE, f"window.kbSearchFilters({_json(filters)});\n")
        self._write(META_FILE, f"window.kbSearchMeta({_json(meta)});\n")
        return self.paths

    def _write(self, rel_path: str, content: str) -> None:
        path = self.site_dir / rel_path
        if path.parent not in self._folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(path.parent)
        path.write_bytes(content.encode("utf-8"))
        self.paths.append(path)


# Helper functions -------------------------------------------------------------------------


def _shown_text(text: str) -> str:
    """A section's text as far as a snippet can reach: the browser looks for the first match in
    the first SNIPPET_CHARS characters (kb-search.js, SNIPPET_SCAN) and shows the start if there
    is none; a page without anchors (a timeline) is one section of a megabyte."""
    if len(text) <= SNIPPET_CHARS:
        return text
    cut = text.rfind(" ", 0, SNIPPET_CHARS)
    return text[: cut if cut > 0 else SNIPPET_CHARS] + " …"


UNKNOWN = "Chưa rõ"
YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


class _Facet:
    """One filter (type, year, issuer): the values of each page, by number of first sight."""

    def __init__(self) -> None:
        self.names: dict[str, int] = {}
        self.pages: list[list[int]] = []

    def add(self, values: list[str]) -> None:
        self.pages.append([self.names.setdefault(v, len(self.names)) for v in dict.fromkeys(values)])

    def written(self, reverse: bool = False) -> dict:
        """Names in the order the reader sees them (Vietnamese letters by their base letter; years
        newest first), and per page the number of values then each value's place in that order."""
        order = sorted(self.names, key=lambda name: (fold(name), name), reverse=reverse)
        place = {self.names[name]: i for i, name in enumerate(order)}
        flat: list[int] = []
        for values in self.pages:
            flat.append(len(values))
            flat.extend(place[v] for v in values)
        return {"names": order, "pages": encode_numbers(flat)}


class _Numbering(dict):
    """A dict that asks `learn` for the value of a key it lacks (and `learn` stores it): the
    writer's stream takes a section's piece numbers in one C call, new pieces or not."""

    def __init__(self, learn) -> None:
        super().__init__()
        self.learn = learn

    def __missing__(self, key):
        return self.learn(key)


class _Lists:
    """Section lists being written, by number: each as its gaps (`encode`), extended chunk after
    chunk, with its length and its last section."""

    def __init__(self) -> None:
        self.gaps: list[str] = []
        self.lengths = np.zeros(0, dtype=np.int64)
        self.last = np.zeros(0, dtype=np.int64)

    def reserve(self, size: int) -> None:
        grow = size - len(self.gaps)
        if grow > 0:
            self.gaps.extend([""] * grow)
            self.lengths = np.concatenate((self.lengths, np.zeros(grow, dtype=np.int64)))
            self.last = np.concatenate((self.last, np.full(grow, -1, dtype=np.int64)))

    def add(self, lists, sections) -> None:
        """Append `sections` to `lists` (numpy int64 arrays, one row per section): each list's
        rows are consecutive and ascending, and after every section it already has."""
        if not len(lists):
            return
        self.reserve(int(lists.max()) + 1)
        starts = np.flatnonzero(_changes(lists))
        ends = np.append(starts[1:], len(lists))
        numbers = lists[starts]
        previous = np.empty_like(sections)
        previous[1:] = sections[:-1]
        previous[starts] = self.last[numbers]
        text, char_ends = _encode_numbers(sections - previous - 1)  # the first of a list: itself
        gaps = self.gaps
        char_starts = np.concatenate(([0], char_ends))[starts]
        for number, start, end in zip(numbers.tolist(), char_starts.tolist(), char_ends[ends - 1].tolist()):
            gaps[number] += text[start:end]
        self.last[numbers] = sections[ends - 1]
        self.lengths[numbers] += ends - starts

    @staticmethod
    def written(gaps: str, length: int, total: int) -> str:
        """`encode_list` of a list of `length` sections written as `gaps`."""
        if length * 6 < total:
            return gaps
        flags = np.zeros(total, dtype=bool)
        flags[_decode_gaps(gaps)] = True
        packed = BITMAP + base64.b64encode(np.packbits(flags, bitorder="little").tobytes()).decode("ascii")
        return packed if len(packed) < len(gaps) else gaps


def _stable_order(*columns):
    """The order of rows sorted by `columns` (unsigned integer arrays, the first one most
    significant), rows that tie keeping their order: a stable sort of each 16-bit digit, least
    significant first (numpy sorts 16-bit integers stably by radix, in linear time)."""
    order = None
    for column in reversed(columns):
        top = int(column.max()) if len(column) else 0
        for shift in range(0, max(top.bit_length(), 1), 16):
            digits = ((column if order is None else column[order]) >> shift).astype(np.uint16)
            step = np.argsort(digits, kind="stable")
            order = step if order is None else order[step]
    return order


def _changes(*columns):
    """True where a row differs from the one before in any of `columns` (and at the first row)."""
    changed = np.ones(len(columns[0]), dtype=bool)
    if len(changed) > 1:
        np.not_equal(columns[0][1:], columns[0][:-1], out=changed[1:])
        for column in columns[1:]:
            changed[1:] |= column[1:] != column[:-1]
    return changed


def _encode_numbers(numbers) -> tuple[str, object]:
    """`encode_number` of each of `numbers` (numpy int64, ≥ 0), all in one string, and where each
    one's code ends in it. Most are gaps of one digit: the others' earlier digits are written
    for them alone; the passes work on 32-bit copies (they are bound by memory, not arithmetic)."""
    top = int(numbers.max()) if len(numbers) else 0
    width = max(1, -(-top.bit_length() // 5))  # digits of the largest
    small = numbers.astype(np.uint32) if top < 1 << 32 else numbers
    digits = np.ones(len(small), dtype=np.uint8)
    for place in range(1, width):
        digits += small >= 1 << 5 * place
    ends = np.cumsum(digits, dtype=np.int64)
    codes = np.empty(int(ends[-1]) if len(ends) else 0, dtype=np.uint8)
    last = ends - 1
    codes[last] = (small & 31) + 35  # the last digit: "#" … "B"
    for place in range(1, width):
        has = np.flatnonzero(digits > place)
        codes[last[has] - place] = (small[has] >> 5 * place & 31) + 93  # the others: "]" … "|"
    return codes.tobytes().decode("ascii"), ends


def _decode_gaps(text: str):
    """`decode` with numpy: the sections of a list written as gaps."""
    codes = np.frombuffer(text.encode("ascii"), dtype=np.uint8).astype(np.int64)
    last = codes < 93
    digits = np.where(last, codes - 35, codes - 93)
    ends = np.flatnonzero(last)
    number = np.cumsum(last) - last  # which number each digit belongs to
    place = ends[number] - np.arange(len(codes))
    values = digits[ends].copy()
    for p in range(1, int(place.max()) + 1 if len(place) else 0):
        at = place == p
        values[number[at]] += digits[at] << 5 * p
    return np.cumsum(values + 1) - 1


def shard_of(key: str, shards: int) -> int:
    return zlib.crc32(key.encode("utf-8")) % shards


_LAST_DIGIT = [chr(35 + d) for d in range(32)]  # "#" … "B": never '"' or "\"
_DIGIT = [chr(93 + d) for d in range(32)]  # "]" … "|"
def encode_number(n: int) -> str:
    digits = []
    while True:
        digits.append(n & 31)
        n >>= 5
        if not n:
            break
    return "".join(_DIGIT[d] for d in reversed(digits[1:])) + _LAST_DIGIT[digits[0]]


def _first_codes(count: int) -> list[str]:
    text, ends = _encode_numbers(np.arange(count, dtype=np.int64))
    ends = ends.tolist()
    return [text[start:end] for start, end in zip([0, *ends[:-1]], ends)]


_CODES = _first_codes(1 << 15)  # gaps are mostly small: look them up (made with numpy: one call per code took 0.1 s)


def encode_numbers(numbers) -> str:
    numbers = list(numbers)
    if not numbers:
        return ""
    if max(numbers) < len(_CODES):
        return "".join(map(_CODES.__getitem__, numbers))
    return "".join(_CODES[n] if n < len(_CODES) else encode_number(n) for n in numbers)


_GAP_CODES = [""] + _CODES[:-1]  # a difference d between neighbours is written as the gap d - 1


def encode(sections: array) -> str:
    """Ascending section numbers as gaps: first number, then each difference minus one."""
    if not sections:
        return ""
    first = sections[0]
    head = _CODES[first] if first < len(_CODES) else encode_number(first)
    if len(sections) == 1:
        return head
    differences = list(map(sub, islice(sections, 1, None), sections))
    if max(differences) < len(_GAP_CODES):
        return head + "".join(map(_GAP_CODES.__getitem__, differences))
    return head + "".join(encode_number(d - 1) for d in differences)


def encode_list(sections: array, total: int) -> str:
    """A section list as written in the index: gaps (`encode`), or, if shorter, a bitmap of all
    `total` sections in base64 (bit s of byte s // 8 = section s), after BITMAP. The commonest
    words are in most sections: their bitmap is about a sixth of their gaps, and the browser
    reads it with atob() and ANDs it a word at a time. (The writer makes the same with numpy,
    a chunk of sections at a time: `_Lists`; this is the definition its tests compare with.)"""
    if len(sections) * 6 < total:  # a gap costs at least one character, a bitmap total / 6
        return encode(sections)
    flags = bytearray(b"0") * total
    deque(map(flags.__setitem__, sections, repeat(49)), maxlen=0)  # b"1" at each section, in C
    bitmap = int(flags[::-1], 2).to_bytes((total + 7) // 8, "little")
    gaps = encode(sections)
    packed = BITMAP + base64.b64encode(bitmap).decode("ascii")
    return packed if len(packed) < len(gaps) else gaps


def decode_list(text: str) -> list[int]:
    if not text.startswith(BITMAP):
        return decode(text)
    bitmap = int.from_bytes(base64.b64decode(text[1:]), "little")
    return [s for s in range(bitmap.bit_length()) if bitmap >> s & 1]


def decode(text: str) -> list[int]:
    out, value, previous = [], 0, -1
    for char in text:
        code = ord(char)
        if code >= 93:
            value = value * 32 + code - 93
        else:
            value = value * 32 + code - 35
            previous = value if previous < 0 else previous + value + 1
            out.append(previous)
            value = 0
    return out


def _size(value) -> int:
    if isinstance(value, str):
        return len(value) + 2
    if isinstance(value, dict):
        return sum(len(k) + len(v) + 6 for k, v in value.items())
    return len(_json(value))


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # one for all: json.dumps makes one a call


def _json(value) -> str:
    # "</" would end the <script> element if this were ever inlined
    return _ENCODER.encode(value).replace("</", "<\\/")
