"""Our own compact search index, written as plain <script> files so search works from file://.

Material's search makes every page load rebuild a lunr index from the full text (seconds at a
few thousand documents) and needs a Worker, which Chromium blocks on file://. Instead:

- every page is cut into sections at clause anchors (headings with an id, `.kb-doan`
  paragraphs), so a result points to `van-ban/<id>.html#k3-b`, not just to the page;
- each `search/kb-index-<n>.js` chunk holds its pages (url, title), per section its page,
  anchor and label, plus ONE string with the folded text of its sections (one line each);
  chunk 0 also says how many chunks there are, so it needs no separate table of contents. The browser finds a phrase with `indexOf` over those strings: no
  index to build at load time, cost linear in the corpus and tiny per query. Chunks load in
  parallel and results show as soon as the first chunk has arrived;
- the text as readers see it (for result snippets) is split into `search/kb-text-<n>.js`
  shards loaded only for the sections that are shown.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .search_fold import fold

CHUNK_FILE = "search/kb-index-{}.js"
TEXT_FILE = "search/kb-text-{}.js"
SHARD_CHARS = 200_000  # display text per shard: one shard ≈ 300 KB on disk
CHUNK_CHARS = 1_000_000  # folded text per chunk: ~50 ms to load and parse from disk

# A section starts at a heading with an id, or at an anchored paragraph of a document page.
_SECTION_START = re.compile(
    r'<(h[1-6])\b[^>]*\bid="([^"]+)"[^>]*>|<p\b(?=[^>]*\bclass="[^"]*\bkb-doan\b)[^>]*\bid="([^"]+)"[^>]*>'
)
_HEADERLINK = re.compile(r'<a\b[^>]*class="headerlink"[^>]*>.*?</a>', re.S)
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|tr|td|th|div|table|blockquote)>|<br\s*/?>")
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


@dataclass
class Section:
    page: int
    anchor: str  # "" = top of the page
    label: str  # heading text ("Điểm b khoản 3"), "" for paragraphs and page tops
    folded: str  # label and text folded for matching (kb.search_fold)


@dataclass
class _Chunk:
    number: int
    first: int  # number of its first section in the whole index
    sections: list[Section] = field(default_factory=list)
    size: int = 0  # folded characters


@dataclass
class _Shard:
    first: int
    texts: list[str] = field(default_factory=list)  # plain text as readers see it
    size: int = 0


class SearchIndex:
    """Takes the pages of a build in order and writes the index files under `site_dir`.

    `written(path, content)` is told about every file written (the site zip takes them there).
    """

    def __init__(self, site_dir: Path, written: Callable[[Path, str], None] | None = None):
        self.site_dir = Path(site_dir)
        self.written = written
        self.pages: list[tuple[str, str]] = []  # (site-relative url, title): small, kept whole
        self.count = 0  # sections so far
        self.chunk = _Chunk(0, 0)
        self.first_chunk: _Chunk | None = None  # chunk 0 waits for the totals
        self.shard = _Shard(0)
        self.shard_starts: list[int] = []
        self.paths: list[Path] = []

    def add_page(self, url: str, title: str, html: str) -> None:
        self.add_sections(url, title, searchable_sections(html))

    def add_sections(self, url: str, title: str, sections) -> None:
        """A page already cut and folded by searchable_sections (kept across `serve --dirty` rebuilds)."""
        page = len(self.pages)
        self.pages.append((url, title))
        page_start = True
        for anchor, label, text, folded in sections:
            if not (text or label):
                continue
            # a page never straddles two chunks, so each chunk carries exactly the pages it needs
            if page_start and self.chunk.size >= CHUNK_CHARS:
                self._end_chunk()
            page_start = False
            if self.shard.size >= SHARD_CHARS:
                self._end_shard()
            self.chunk.sections.append(Section(page, anchor, label, folded))
            self.chunk.size += len(folded)
            self.shard.texts.append(text)
            self.shard.size += len(text)
            self.count += 1

    def close(self) -> list[Path]:
        """Write what is left, then chunk 0; return every path written."""
        self._end_shard()
        chunks = self.chunk.number + 1
        self._end_chunk()
        assert self.first_chunk is not None
        self._write_chunk(self.first_chunk, chunks=chunks, shardStarts=self.shard_starts)
        return self.paths

    def _end_chunk(self) -> None:
        if self.chunk.number == 0:
            self.first_chunk = self.chunk
        else:
            self._write_chunk(self.chunk, chunks=None, shardStarts=None)
        self.chunk = _Chunk(self.chunk.number + 1, self.count)

    def _write_chunk(self, chunk: _Chunk, **totals) -> None:
        first_page = chunk.sections[0].page if chunk.sections else 0
        last_page = chunk.sections[-1].page if chunk.sections else -1
        data = {
            "version": 3,
            **totals,
            "first": chunk.first,
            "firstPage": first_page,
            "pages": self.pages[first_page : last_page + 1],
            "sections": [[s.page, s.anchor, s.label] for s in chunk.sections],
            "folded": "\n".join(s.folded for s in chunk.sections),  # newline = section separator
        }
        self._write(CHUNK_FILE.format(chunk.number), f"window.kbSearchChunk({chunk.number}, {_json(data)});\n")

    def _end_shard(self) -> None:
        number = len(self.shard_starts)
        self.shard_starts.append(self.shard.first)
        self._write(TEXT_FILE.format(number), f"window.kbSearchText({number}, {_json(self.shard.texts)});\n")
        self.shard = _Shard(self.count)

    def _write(self, rel_path: str, content: str) -> None:
        path = self.site_dir / rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        self.paths.append(path)
        if self.written is not None:
            self.written(path, content)


def searchable_sections(html: str) -> list[tuple[str, str, str, str]]:
    """(anchor, label, text, folded) for each section of a page; the label counts as text."""
    return [(anchor, label, text, fold(f"{label} {text}")) for anchor, label, text in split_sections(html)]


def split_sections(html: str) -> list[tuple[str, str, str]]:
    """(anchor, label, text) for each section of a page's content HTML; the part before the first
    anchored element, and the page's <h1>, belong to the top of the page (anchor "")."""
    html = _HEADERLINK.sub("", html)
    out: list[tuple[str, str, str]] = []
    anchor, label, start = "", "", 0
    for match in _SECTION_START.finditer(html):
        tag, heading_id, paragraph_id = match.groups()
        if tag == "h1":
            continue
        out.append((anchor, label, plain_text(html[start : match.start()])))
        if tag:
            end = html.find(f"</{tag}>", match.end())
            anchor, label, start = heading_id, plain_text(html[match.end() : end]), end
        else:
            anchor, label, start = paragraph_id, "", match.start()
    out.append((anchor, label, plain_text(html[start:])))
    return out


def plain_text(fragment: str) -> str:
    fragment = _BLOCK_END.sub(" ", fragment)
    return _SPACE.sub(" ", htmllib.unescape(_TAG.sub("", fragment))).strip()


def _json(value) -> str:
    # "</" would end the <script> element if this were ever inlined; keep files ASCII-safe for file://
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
