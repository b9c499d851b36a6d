"""A page cut into search sections: one per clause anchor, with what ranks it.

Works on the HTML as written to disk (or on the content HTML alone): the article is cut at
headings with an id and at anchored paragraphs (`.kb-doan`), so a result points to
`van-ban/<id>.html#k3-b`, not just to the page. What a section is worth for ranking:

- the top of the page (title) and the properties table (number, trích yếu) are the page's
  *head*: a match there says what the page is about;
- sections that quote other documents — «Văn bản dẫn chiếu», «Được dẫn chiếu bởi», relations,
  the responsibilities table that repeats the page's own clauses — are left out, so a page never
  matches another document's words (a `<h2>` with class `kb-ngoai-tim-kiem` is left out too,
  with everything under it);
- the document number(s) in the properties table («Số hiệu», «Cách viết khác») are kept apart
  (kb.search_numbers) so that "CT 18" finds the document numbered 18.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass

# Sections that quote or list other pages' words: found on those pages, not here.
QUOTING_SECTIONS = frozenset(
    {"kb-dan-chieu", "kb-duoc-dan-chieu", "kb-quan-he", "kb-trach-nhiem", "kb-chi-tiet-phan-cong", "kb-luoc-bo", "kb-sua-loi"}
)
HEAD_SECTIONS = frozenset({"", "kb-thuoc-tinh"})
SKIP_CLASS = "kb-ngoai-tim-kiem"
NUMBER_LABELS = ("Số hiệu", "Cách viết khác", "Cách viết khác trong văn bản")
TYPE_LABEL = "Loại văn bản"
ISSUER_LABEL = "Cơ quan ban hành"
ISSUED_LABEL = "Ngày ban hành"

_ARTICLE = re.compile(r'<article\b[^>]*class="[^"]*\bmd-content__inner\b[^"]*"[^>]*>')
_SECTION_START = re.compile(
    r'<(h[1-6])\b([^>]*)\bid="([^"]+)"[^>]*>|<p\b(?=[^>]*\bclass="[^"]*\bkb-doan\b)[^>]*\bid="([^"]+)"[^>]*>'
)
_PRINT_ONLY = re.compile(r'<p\b[^>]*class="[^"]*\bkb-chi-in\b[^"]*"[^>]*>.*?</p>', re.S)
_HEADERLINK = re.compile(r'<a\b[^>]*class="headerlink"[^>]*>.*?</a>', re.S)
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|tr|td|th|div|table|blockquote)>|<br\s*/?>")
_TAG = re.compile(r"<[^>]+>")
_ROW = re.compile(r"<tr>\s*<td[^>]*>(.*?)</td>\s*<td[^>]*>(.*?)</td>", re.S)


@dataclass(frozen=True)
class Section:
    anchor: str  # "" = top of the page
    label: str  # heading text ("Điểm b khoản 3"); "" for paragraphs and the page top
    text: str  # plain text as readers see it
    head: bool  # title or properties: what the page is about


@dataclass(frozen=True)
class CutPage:
    sections: tuple[Section, ...]
    properties: dict[str, str]  # label → value of the properties table (head only)
    title: str = ""  # the page's <h1> as readers see it ("" if it has none)


def article_html(page_html: str) -> str:
    """The article of a page as written (Material's `md-content__inner`), or the input if it is
    content HTML already."""
    start = _ARTICLE.search(page_html)
    if not start:
        return page_html
    end = page_html.rfind("</article>")
    return _PRINT_ONLY.sub("", page_html[start.end() : end if end > start.end() else len(page_html)])


def cut_page(html: str) -> CutPage:
    """Sections of a page (the part before the first anchored element, and the <h1>, are the top
    of the page, anchor ""), without the sections that quote other documents."""
    html = _HEADERLINK.sub("", article_html(html))
    raw: list[tuple[str, str, str, str]] = []  # anchor, label, html, section of level 2 it is in
    anchor, label, start, top = "", "", 0, ""
    title = ""
    for match in _SECTION_START.finditer(html):
        tag, _, heading_id, paragraph_id = match.groups()
        if tag == "h1":
            title = title or _h1_text(html, match)
            continue
        raw.append((anchor, label, html[start : match.start()], top))
        if tag:
            end = html.find(f"</{tag}>", match.end())
            end = len(html) if end < 0 else end
            anchor, label, start = heading_id, plain_text(html[match.end() : end]), end
            if tag == "h2":
                top = "skip" if heading_id in QUOTING_SECTIONS or SKIP_CLASS in match.group(0) else heading_id
        else:
            anchor, label, start = paragraph_id, "", match.start()
    raw.append((anchor, label, html[start:], top))
    sections, properties = [], {}
    for anchor, label, fragment, top in raw:
        if top == "skip":
            continue
        head = anchor in HEAD_SECTIONS
        if head:  # the properties table: a section of its own, or folded into the top of the page
            for name, value in _ROW.findall(fragment):
                properties.setdefault(plain_text(name), plain_text(value))
        text = plain_text(fragment)
        if text or label:
            sections.append(Section(anchor, label, text, head))
    return CutPage(tuple(sections), properties, title)


def page_title(html: str) -> str:
    """`cut_page(html).title` without cutting the rest: a page found by its title only (a
    per-agency duty page, which grows with the corpus) is not cut for text nobody indexes."""
    article = article_html(html)
    for match in _SECTION_START.finditer(article):
        if match.group(1) == "h1":
            title = _h1_text(article, match)
            if title:
                return title
    return ""


def _h1_text(html: str, h1: re.Match) -> str:
    """The text of the <h1> that `h1` (a `_SECTION_START` match) opens, as readers see it."""
    return plain_text(_HEADERLINK.sub("", html[h1.end() : html.find("</h1>", h1.end())]))


def title_only(title: str) -> CutPage:
    return CutPage((Section("", "", title, True),), {}, title)


def plain_text(fragment: str) -> str:
    # str.split() and the regex \s agree on what is a space (both Py_UNICODE_ISSPACE); split is faster
    return " ".join(htmllib.unescape(_TAG.sub("", _BLOCK_END.sub(" ", fragment))).split())
