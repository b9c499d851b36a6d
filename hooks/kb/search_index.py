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
    text: str  # plain text as readers see it (diacritics kept)
    folded: str  # label and text folded for matching (kb.search_fold)


@dataclass
class SearchIndex:
    """Collects the sections of every page during a build and writes the index files once."""

    pages: list[tuple[str, str]] = field(default_factory=list)  # (site-relative url, title)
    sections: list[Section] = field(default_factory=list)

    def add_page(self, url: str, title: str, html: str) -> None:
        self.add_sections(url, title, searchable_sections(html))

    def add_sections(self, url: str, title: str, sections) -> None:
        """A page already cut and folded by searchable_sections (kept across `serve --dirty` rebuilds)."""
        page = len(self.pages)
        self.pages.append((url, title))
        for anchor, label, text, folded in sections:
            if text or label:
                self.sections.append(Section(page, anchor, label, text, folded))

    def write(self, site_dir: Path) -> list[Path]:
        """Write the index chunks and the text shards; return the paths written."""
        folded = [s.folded for s in self.sections]
        # a page never straddles two chunks, so each chunk carries exactly the pages it needs
        page_starts = {n for n, s in enumerate(self.sections) if n == 0 or s.page != self.sections[n - 1].page}
        chunks = _cut([len(f) for f in folded], CHUNK_CHARS, allowed=page_starts)
        shards = _cut([len(s.text) for s in self.sections], SHARD_CHARS)
        written = []
        for number, (start, end) in enumerate(chunks):
            sections = self.sections[start:end]
            first_page = sections[0].page if sections else 0
            last_page = sections[-1].page if sections else -1
            chunk = {
                "version": 3,
                "chunks": len(chunks),
                "shardStarts": [first for first, _ in shards] if number == 0 else None,
                "first": start,
                "firstPage": first_page,
                "pages": self.pages[first_page : last_page + 1],
                "sections": [[s.page, s.anchor, s.label] for s in sections],
                "folded": "\n".join(folded[start:end]),  # newline = section separator
            }
            written.append(_write_script(site_dir / CHUNK_FILE.format(number), f"window.kbSearchChunk({number}, {_json(chunk)});\n"))
        for number, (start, end) in enumerate(shards):
            texts = [s.text for s in self.sections[start:end]]
            written.append(_write_script(site_dir / TEXT_FILE.format(number), f"window.kbSearchText({number}, {_json(texts)});\n"))
        return written


def _cut(sizes: list[int], limit: int, allowed: set[int] | None = None) -> list[tuple[int, int]]:
    """Consecutive (start, end) ranges of items of about `limit` total size each (at least one
    range); a range may only start at an index in `allowed`, when given."""
    ranges, start, size = [], 0, 0
    for number, item_size in enumerate(sizes):
        if size >= limit and (allowed is None or number in allowed):
            ranges.append((start, number))
            start, size = number, 0
        size += item_size
    ranges.append((start, len(sizes)))
    return ranges


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


def _write_script(path: Path, content: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path
