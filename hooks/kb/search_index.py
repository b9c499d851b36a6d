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
"""

from __future__ import annotations

import json
import unicodedata
import zlib
from array import array
from collections import defaultdict
from pathlib import Path
from typing import Callable

from .search_fold import WORD, accent_key, fold
from .search_numbers import TYPE_CODES, parse_number
from .search_sections import NUMBER_LABELS, TYPE_LABEL, CutPage

VERSION = 4
META_FILE = "search/kb-meta.js"
VOCAB_FILE = "search/kb-vocab.js"
SHARD_FILE = "search/s/{}.js"
BIG_FILE = "search/b/{}.js"
PAGE_FILE = "search/t/{}.js"
SHARD_BYTES = 24_000  # target size of a shard; a query reads about one per word
BIG_BYTES = 12_000  # a list longer than this gets a file of its own

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
    """Takes the pages of a build in order and writes the index files under `site_dir`.

    `written(path, content)` is told about every file written (the site zip takes them there).
    """

    def __init__(self, site_dir: Path, written: Callable[[Path, str], None] | None = None):
        self.site_dir = Path(site_dir)
        self.written = written
        self.kinds: list[int] = []  # per page: kind * 4 + number of head sections (0–3)
        self.section_counts: list[int] = []
        self.count = 0  # sections so far
        self.words: dict[str, array] = defaultdict(lambda: array("I"))  # accent key → sections
        self.pairs: dict[tuple[str, str], array] = defaultdict(lambda: array("I"))
        self.numbers: dict[str, list] = defaultdict(list)  # "#18" → [[page, year, codes], ...]
        self._word_keys: dict[str, str | None] = {}  # word as written → accent key (None: folds to several tokens)
        self.paths: list[Path] = []

    def add_page(self, url: str, title: str, page: CutPage, kind: int) -> None:
        number = len(self.kinds)
        heads = min(3, sum(1 for s in page.sections if s.head))
        self.kinds.append(kind * 4 + heads)
        self.section_counts.append(len(page.sections))
        for section in page.sections:
            self._add_section(self.count, f"{section.label} {section.text}")
            self.count += 1
        self._add_numbers(number, page.properties)
        text = {"u": url, "t": title, "s": [[s.anchor, s.label, s.text] for s in page.sections]}
        self._write(PAGE_FILE.format(number), f"window.kbSearchPage({number}, {_json(text)});\n")

    def _add_section(self, section: int, text: str) -> None:
        text = unicodedata.normalize("NFC", text).lower()
        keys = self._word_keys
        found = set()  # two spellings may share a key ("Hoá", "hóa"): a section is listed once
        for word in set(WORD.findall(text)):
            key = keys.get(word, False)
            if key is False:
                folded = fold(word)
                # a word that folds to several tokens ("x²") is indexed as plain tokens
                keys[word] = key = accent_key(word) if folded and " " not in folded else None
            if key is not None:
                found.add(key)
            else:
                found.update(token + "0" for token in fold(word).split())
        for key in found:
            self.words[key].append(section)
        tokens = fold(text).split()
        for pair in set(zip(tokens, tokens[1:])):
            self.pairs[pair].append(section)

    def _add_numbers(self, page: int, properties: dict[str, str]) -> None:
        type_name = properties.get(TYPE_LABEL, "")
        seen = set()
        for label in NUMBER_LABELS:
            for written in properties.get(label, "").split(";"):
                parsed = parse_number(written, type_name)
                if parsed and parsed not in seen:
                    seen.add(parsed)
                    self.numbers["#" + parsed.number].append([page, parsed.year, " ".join(sorted(parsed.codes))])

    def close(self) -> list[Path]:
        """Write the postings, the vocabulary and the metadata (last); return every path written."""
        entries: dict[str, object] = {}  # key → its value in a shard
        vocabulary: dict[str, int] = {}  # folded word → sections containing it (roughly: summed over accents)
        grouped: dict[str, dict[str, str]] = defaultdict(dict)
        for key, sections in self.words.items():
            folded = fold(key[:-1])
            grouped[folded][key] = encode(sections)
            vocabulary[folded] = vocabulary.get(folded, 0) + len(sections)
        for folded, variants in grouped.items():
            only = variants.get(folded + "0")
            entries[folded] = only if only is not None and len(variants) == 1 else dict(sorted(variants.items()))
        for (first, second), sections in self.pairs.items():
            entries[f"{first} {second}"] = encode(sections)
        entries.update(self.numbers)
        self.words.clear()
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
        self._write(META_FILE, f"window.kbSearchMeta({_json(meta)});\n")
        return self.paths

    def _write(self, rel_path: str, content: str) -> None:
        path = self.site_dir / rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        self.paths.append(path)
        if self.written is not None:
            self.written(path, content)


# Helper functions -------------------------------------------------------------------------


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


_CODES = [encode_number(n) for n in range(1 << 15)]  # gaps are mostly small: look them up


def encode_numbers(numbers) -> str:
    numbers = list(numbers)
    if not numbers:
        return ""
    if max(numbers) < len(_CODES):
        return "".join(map(_CODES.__getitem__, numbers))
    return "".join(_CODES[n] if n < len(_CODES) else encode_number(n) for n in numbers)


def encode(sections: array) -> str:
    """Ascending section numbers as gaps: first number, then each difference minus one."""
    if not sections:
        return ""
    gaps = [b - a - 1 for a, b in zip(sections, sections[1:])]
    gaps.insert(0, sections[0])
    return encode_numbers(gaps)


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


def _json(value) -> str:
    # "</" would end the <script> element if this were ever inlined
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
