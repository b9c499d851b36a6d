"""Generated pages rendered straight to HTML from the model: no Markdown is parsed for them.

A page template (*.html.j2) prints every value from the data HTML-escaped (Jinja autoescape);
`Markup` marks fragments this module made (f-strings around `escape`: the HTML `Markup.format`
gives, for a fraction of its cost, which counts for every link and heading). While a page
renders, a `PageOutline` records its headings (the table of contents, as Python-Markdown's `toc`
extension would give it: the same slugs, the same nesting, a permalink after every heading) and
its links (docs-relative targets, so the wiring can check them against the site's files and
anchors as MkDocs checks Markdown links). The result travels as one string (`encode`/`decode`): front matter, the article HTML and
one line of JSON with the outline, so it can be rendered in another process like a Markdown page.

What the HTML looks like is fixed by what the Markdown path produced (tests/test_html_snapshot.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Callable

import jinja2
from markdown.extensions.toc import nest_toc_tokens, slugify, unique
from markupsafe import Markup, escape

from .model import Block, CitationRef, Correction, Fact
from .render import TEMPLATES_DIR, day_month_year, html_url, yaml_string
from .vocab import UNKNOWN

PERMALINK = '<a class="headerlink" href="#{id}" title="Liên kết cố định tới mục này">¶</a>'
TOC_DEPTH = 4  # mkdocs.yml: toc_depth
_TAGS = re.compile(r"<[^>]*>")
_ID = re.compile(r'\sid="([^"]+)"')


@dataclass
class PageOutline:
    """Headings and links of one page, collected while its template renders."""

    page_path: str  # docs-relative source path of the page, e.g. "van-ban/x.md"
    taken: frozenset[str] = frozenset()  # ids the page has besides generated slugs (second pass only)
    toc: list[dict] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)  # docs-relative target (with #anchor) → URL written
    slugs: list[str] = field(default_factory=list)

    def link(self, target: str, text: object, title: object | None = None) -> Markup:
        url = self.links.get(target)
        if url is None:
            url = self.links[target] = html_url(target, self.page_path)
        title_part = f' title="{escape(" ".join(str(title).split()))}"' if title else ""
        return Markup(f'<a href="{escape(url)}"{title_part}>{escape(text)}</a>')

    def heading(self, level: int, inner: object, id: str | None = None, css: str | None = None) -> Markup:
        inner = escape(inner)
        name = " ".join(_TAGS.sub("", inner).split())
        if id is None:
            id = unique(slugify(Markup(name).unescape(), "-"), set(self.taken) | set(self.slugs))
            self.slugs.append(id)
        if level <= TOC_DEPTH:
            self.toc.append({"level": level, "id": id, "name": name, "html": str(inner), "data-toc-label": ""})
        id_html = escape(id)
        attributes = f' class="{escape(css)}" id="{id_html}"' if css else f' id="{id_html}"'
        return Markup(f"<h{level}{attributes}>{inner}{PERMALINK.format(id=id_html)}</h{level}>")


@dataclass(frozen=True)
class RenderedPage:
    """A page's article HTML with what MkDocs needs besides it."""

    front_matter: str  # YAML, without the '---' lines
    html: str
    toc: list  # nested toc tokens (mkdocs.structure.toc.get_toc takes them)
    links: dict[str, str]
    anchors: list[str]  # every id on the page


_TRAILER = "\n<!--kb-outline "


def encode(page: RenderedPage, search: str = "") -> str:
    """One string for the page: front matter, HTML, what the page gives the search index if it
    gives anything (kb.search_document), and the outline as a last-line comment, which says how
    long the search part is."""
    outline = {"toc": page.toc, "links": page.links, "anchors": page.anchors}
    if search:
        outline["search"] = len(search)
    outline_json = json.dumps(outline, ensure_ascii=False, separators=(",", ":"))
    return f"---\n{page.front_matter}\n---\n{page.html}{search}{_TRAILER}{outline_json}-->\n"


def decode(body: str) -> tuple[str, dict]:
    """The article HTML and the outline of a page body (what follows the front matter)."""
    html, _, outline = decode_all(body)
    return html, outline


def decode_all(body: str) -> tuple[str, str, dict]:
    """The article HTML, the search part ("" if none) and the outline of a page body."""
    cut = body.rindex(_TRAILER)
    outline = json.loads(body[cut + len(_TRAILER) : body.rindex("-->")])
    html_end = cut - outline.get("search", 0)
    return body[:html_end], body[html_end:cut], outline


def article(source: str) -> str:
    """The article HTML of a whole page source, front matter first (as `encode` wrote it and
    MkDocs reads it: the front matter ends at the first '---' line, no value spans lines)."""
    return article_and_search(source)[0]


def article_and_search(source: str) -> tuple[str, str]:
    """The article HTML of a whole page source and what it gives the search index ("" if none)."""
    body = source[source.index(_FRONT_MATTER_END) + len(_FRONT_MATTER_END) :].lstrip("\n")
    html, search, _ = decode_all(body)
    return html, search


_FRONT_MATTER_END = "\n---\n"


def is_encoded(body: str) -> bool:
    return _TRAILER in body


class HtmlPages:
    """Renders *.html.j2 page templates: a front-matter block and a content block per template."""

    def __init__(self, glossary_marker, globals_: dict):
        self.glossary = glossary_marker
        self.env = make_html_page_environment()
        self.env.globals.update(globals_)

    def render(self, template: str, page_path: str, context: dict, search: Callable[[str], str] | None = None) -> str:
        """The page's source (`encode`); `search`, given the page's HTML, says what the page gives
        the search index."""
        page = self._render(template, page_path, context, frozenset())
        explicit = list(page.anchors)
        for slug in page.toc_slugs:
            explicit.remove(slug)
        if any(slug in explicit for slug in page.toc_slugs):  # the toc extension would have numbered it
            page = self._render(template, page_path, context, frozenset(explicit))
        return encode(page.rendered, search(page.rendered.html) if search else "")

    def _render(self, template: str, page_path: str, context: dict, taken: frozenset[str]):
        outline = PageOutline(page_path, taken)
        tmpl = self.env.get_template(template)
        ctx = tmpl.new_context(dict(context, outline=outline, page_path=page_path))
        front = "".join(tmpl.blocks["front_matter"](ctx)).strip("\n")
        html = self.glossary.mark("".join(tmpl.blocks["content"](ctx)))
        anchors = _ID.findall(html)
        return _Rendered(RenderedPage(front, html, nest_toc_tokens(outline.toc), outline.links, anchors), outline.slugs)


@dataclass(frozen=True)
class _Rendered:
    rendered: RenderedPage
    toc_slugs: list[str]

    @property
    def anchors(self) -> list[str]:
        return self.rendered.anchors


def make_html_page_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        # one environment per build: templates cannot change under it, so no stat() of the
        # template file at every {% include %} (thousands per build)
        auto_reload=False,
    )
    env.filters.update({
        "fact": fact_html,
        # front-matter strings, already escaped for where the theme prints them (kb.render.yaml_string)
        "yaml_string": lambda v: Markup(yaml_string(v)),
        "json_string": lambda v: Markup(json.dumps(str(v), ensure_ascii=False)),
    })
    env.globals.update({"link": link, "heading_tag": heading, "rich": rich, "UNKNOWN": UNKNOWN})
    return env


@jinja2.pass_context
def link(context, target: str, text: object, title: object | None = None) -> Markup:
    """A link from the page being rendered to a docs-relative target."""
    return context["outline"].link(target, text, title)


@jinja2.pass_context
def heading(context, level: int, inner: object, id: str | None = None, css: str | None = None) -> Markup:
    return context["outline"].heading(level, inner, id, css)


@jinja2.pass_context
def rich(context, block: Block, urls: dict[str, str] | None = None) -> Markup:
    """A block's text with corrections marked and citations linked."""
    outline: PageOutline = context["outline"]
    out = []
    for seg in block.segments:
        if isinstance(seg, str):
            out.append(escape(seg))
        elif isinstance(seg, Correction):
            original = escape(" ".join(seg.original.split()))
            out.append(Markup(f'<span class="kb-sua" data-goc="{original}" title="Nguyên văn: {original}">{escape(seg.corrected)}</span>'))
        elif isinstance(seg, CitationRef):
            target = (urls or context.get("citation_urls") or {}).get(seg.target)
            out.append(outline.link(target, seg.text) if target else escape(seg.text))
    return Markup("").join(out)


def fact_html(fact: Fact, labels: dict[str, str] | None = None) -> Markup:
    """A metadata value: 'Chưa rõ' when unknown, and the reason when it is inferred."""
    if not fact.known:
        return Markup('<span class="kb-chua-ro">{}</span>').format(UNKNOWN)
    text = escape(fact.display(labels))
    if fact.inferred:
        return Markup('{} <span class="kb-suy-luan">(suy luận: {})</span>').format(text, day_month_year(fact.reason))
    if fact.source:
        return Markup('{} <span class="kb-nguon-ngoai">(nguồn: {})</span>').format(text, fact.source)
    return text


def html_link(target: str, text: object, page_path: str) -> Markup:
    """A link prepared in Python before the page renders (a table cell made of links)."""
    return Markup(f'<a href="{escape(html_url(target, page_path))}">{escape(text)}</a>')
