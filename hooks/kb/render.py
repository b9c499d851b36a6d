"""Markdown rendering helpers: a Jinja environment that escapes every value from the data by default.

Generated pages are HTML (kb.html_render); Markdown is made only for the generated parts of the
hand-written guide (kb.guide) and for the benchmark's floor (bench/floor_pages.py), which
converts our pages from the Markdown they had before. Templates here produce Markdown. Anything printed with {{ ... }} is escaped for Markdown and HTML
unless it is an `Md` (already-safe Markdown made by a filter below), so text from YAML can never
inject markup, links, attribute lists or scripts.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from pathlib import Path

import jinja2

from .model import Block, CitationRef, Correction, Fact
from .vocab import UNKNOWN

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


class Md(str):
    """Markdown that is safe to insert as is."""

    __slots__ = ()


_WHITESPACE = re.compile(r"\s+")
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;"})
# Characters with inline meaning to Python-Markdown or its extensions that we enable.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}#])")
# Line starts that would open a list, a quote or a heading.
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+])(?=\s|$)")


# Anything md_escape would change: a special character, whitespace other than a single space,
# or a line start that opens a block. Most values have none, and one C-level search is far
# cheaper than the three rewrites below (md_escape runs ~250 times per document page).
_NEEDS_ESCAPE = re.compile(r"[&<>|\\`*_\[\]{}#]|[^\S ]|  |^(?:\d|[-+](?:\s|$))")


def md_escape(value: object) -> Md:
    if value is None:
        return Md("")
    if isinstance(value, Md):
        return value
    text = str(value)
    if not _NEEDS_ESCAPE.search(text):
        return Md(text)
    text = _WHITESPACE.sub(" ", text)
    text = _INLINE_SPECIAL.sub(r"\\\1", text.translate(_ENTITIES))
    text = _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)
    return Md(text)


_ATTRIBUTE = str.maketrans({"\\": "&#92;", "*": "&#42;", "_": "&#95;", "(": "&#40;", ")": "&#41;", "[": "&#91;", "]": "&#93;", "`": "&#96;", "{": "&#123;", "}": "&#125;", "|": "&#124;"})


def attr(value: object) -> str:
    """Escape for a double-quoted HTML attribute inside Markdown (a link title, a data- attribute).

    Besides HTML's own characters, everything Markdown reads inside a line is an entity: a ')' would
    end a link's title early, a '|' would cut a table cell, '{' would open an attribute list.
    """
    return html.escape(" ".join(str(value).split()), quote=True).translate(_ATTRIBUTE)


def yaml_string(value: object) -> Md:
    """A front-matter string: HTML-escaped, quotes included (the theme prints it unescaped, in
    <title> text and in attributes such as <meta name="description" content="…">), and JSON-quoted
    (valid YAML). Templates print these values as they are, never through `| e` again."""
    return Md(json.dumps(html.escape(str(value), quote=True), ensure_ascii=False))


def relative_url(target: str, source: str) -> str:
    """Link from the Markdown file `source` to `target` (both docs-relative, maybe with #anchor)."""
    path, _, anchor = target.partition("#")
    rel = _relpath(path, posixpath.dirname(source) or ".") if path else ""
    return rel + (f"#{anchor}" if anchor else "")


# posixpath.relpath normalises both paths against the working directory on every call; pages link
# to the same targets from the same few folders over and over (tens of thousands of links at N=1,000).
_relpath = functools.lru_cache(maxsize=1 << 16)(posixpath.relpath)


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        finalize=md_escape,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        # Markdown attribute lists use "{#id}", so Jinja comments need other delimiters
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters.update(
        {
            "md": md_escape,
            "attr": lambda v: Md(attr(v)),
            "yaml_string": yaml_string,
            "fact": render_fact,
            # a front-matter string holding text that is already safe where the theme prints it (JSON-LD)
            "json_string": lambda v: Md(json.dumps(str(v), ensure_ascii=False)),
        }
    )
    env.globals.update({"link": link, "rich": rich, "UNKNOWN": UNKNOWN})
    return env


def make_html_environment() -> jinja2.Environment:
    """For fragments that land in the page as raw HTML or SVG (Markdown leaves them alone):
    every value is HTML-escaped (autoescape), and links are finished .html URLs, because MkDocs
    does not rewrite links inside raw HTML."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["html_url"] = html_url
    return env


def html_url(target: str, source: str) -> str:
    """The URL of the built page for a docs-relative Markdown `target`, from the page of `source`."""
    path, _, anchor = target.partition("#")
    if path.endswith(".md"):
        path = path[:-3] + ".html"
    return relative_url(path + (f"#{anchor}" if anchor else ""), source)


def script_json(value: object) -> str:
    """JSON that is safe inside an HTML <script> element: no '<', '>', '&' or line separators."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")


@jinja2.pass_context
def link(context, target: str, text: object, title: object | None = None) -> Md:
    """A Markdown link from the page being rendered to a docs-relative target."""
    return link_markdown(target, text, context["page_path"], title)


def link_markdown(target: str, text: object, page_path: str, title: object | None = None) -> Md:
    """A Markdown link from the page `page_path` to a docs-relative target (for Python that prepares cells)."""
    url = relative_url(target, page_path)
    title_part = f' "{attr(title)}"' if title else ""
    return Md(f"[{md_escape(text)}]({url}{title_part})")


@jinja2.pass_context
def rich(context, block: Block, urls: dict[str, str] | None = None) -> Md:
    """A block's text with corrections marked and citations linked."""
    out = []
    for seg in block.segments:
        if isinstance(seg, str):
            out.append(md_escape(seg))
        elif isinstance(seg, Correction):
            out.append(
                f'<span class="kb-sua" data-goc="{attr(seg.original)}" title="Nguyên văn: {attr(seg.original)}">'
                f"{md_escape(seg.corrected)}</span>"
            )
        elif isinstance(seg, CitationRef):
            target = (urls or context.get("citation_urls") or {}).get(seg.target)
            out.append(link(context, target, seg.text) if target else md_escape(seg.text))
    return Md("".join(out))


def render_fact(fact: Fact, labels: dict[str, str] | None = None) -> Md:
    """A metadata value: 'Chưa rõ' when unknown, and the reason when it is inferred."""
    if not fact.known:
        return Md(f'<span class="kb-chua-ro">{UNKNOWN}</span>')
    text = md_escape(fact.display(labels))
    if fact.inferred:
        return Md(f'{text} <span class="kb-suy-luan">(suy luận: {md_escape(day_month_year(fact.reason))})</span>')
    if fact.source:
        return Md(f'{text} <span class="kb-nguon-ngoai">(nguồn: {md_escape(fact.source)})</span>')
    return text


# A date written d/m/yyyy in our own notes ("ngày 6/9/2017"); not inside numbers like 18/2000/CT-TTg.
_SHORT_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")


def day_month_year(note: str) -> str:
    """Dates in the site's one format, dd/mm/yyyy, in notes written by maintainers (never in source text)."""
    return _SHORT_DATE.sub(lambda m: f"{int(m[1]):02d}/{int(m[2]):02d}/{m[3]}", note)
