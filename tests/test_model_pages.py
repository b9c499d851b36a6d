"""Pages rendered from the model skip Python-Markdown, not what it did for readers or MkDocs' checks:
a link to a missing page is a warning (so `--strict` fails), a link to a missing anchor is reported
after the build, the page's table of contents is the one the sidebar shows, and glossary terms get
their tooltips where the abbr extension gave them."""

from __future__ import annotations

import logging
from types import SimpleNamespace

from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import meta

from generated_files import GeneratedFile, ModelPage
from kb import forked
from kb.glossary import GlossaryMarker, Term
from kb.html_render import PageOutline, RenderedPage, article, decode, encode
from markdown.extensions.toc import nest_toc_tokens

CONFIG = {"site_url": None, "repo_url": None, "edit_uri": None, "edit_uri_template": None}
SITE = SimpleNamespace(site_dir="/site", use_directory_urls=False, plugins=SimpleNamespace(_current_plugin=None))  # what File.generated reads of the config


def _files() -> Files:
    return Files([File("van-ban/b.md", src_dir="/nowhere", dest_dir="/site", use_directory_urls=False)])


def _page(files: Files, links: dict[str, str], anchors: list[str]):
    """van-ban/a.md, read and rendered as MkDocs does, from a source rendered on demand."""
    outline = PageOutline("van-ban/a.md")
    title = outline.heading(1, "Chỉ thị về công tác dân vận")
    outline.heading(2, "Toàn văn", "kb-toan-van")
    outline.heading(5, "Gạch đầu dòng", "k1-y1")  # below toc_depth: a permalink, no toc entry
    source = encode(RenderedPage('title: "Chỉ thị"', title, nest_toc_tokens(outline.toc), links, anchors))
    file = GeneratedFile.add(SITE, "van-ban/a.md", InclusionLevel.NOT_IN_NAV, forked.PagesOnDemand([("van-ban/a.md", lambda: source)]))
    files.append(file)
    page = ModelPage(None, file, CONFIG)
    page.markdown, page.meta = meta.get_data(file.read())
    ModelPage(None, files.get_file_from_path("van-ban/b.md"), CONFIG).present_anchor_ids = {"k1"}
    page.render({}, files)
    return page


def test_the_table_of_contents_nests_headings_as_the_toc_extension_does():
    page = _page(_files(), {}, ["chi-thi-ve-cong-tac-dan-van", "kb-toan-van"])
    assert [(item.title, item.id, item.level) for item in page.toc] == [("Chỉ thị về công tác dân vận", "chi-thi-ve-cong-tac-dan-van", 1)]
    assert [(item.title, item.id) for item in page.toc.items[0].children] == [("Toàn văn", "kb-toan-van")]


def test_between_reading_and_writing_a_page_holds_its_outline_not_its_html():
    page = _page(_files(), {}, ["chi-thi-ve-cong-tac-dan-van", "kb-toan-van"])
    assert page.markdown == page.content == "" and page.title == "Chỉ thị"
    page.load_content()
    assert page.content.startswith('<h1 id="chi-thi-ve-cong-tac-dan-van">Chỉ thị về công tác dân vận<a class="headerlink"')
    assert page.content.endswith("</h1>")


def test_a_link_to_a_page_that_does_not_exist_is_a_warning(caplog):
    with caplog.at_level(logging.WARNING):
        _page(_files(), {"van-ban/c.md#k1": "c.html#k1"}, [])
    assert "Doc file 'van-ban/a.md' contains a link 'c.html#k1', but the target 'van-ban/c.md' is not found among documentation files." in caplog.text


def test_a_link_to_a_missing_anchor_is_reported_by_mkdocs_anchor_check(caplog):
    files = _files()
    page = _page(files, {"van-ban/b.md#k1": "b.html#k1", "van-ban/b.md#k9": "b.html#k9", "#kb-toan-van": "#kb-toan-van", "#mat": "#mat"}, ["kb-toan-van"])
    with caplog.at_level(logging.WARNING):
        page.validate_anchor_links(files=files, log_level=logging.WARNING)
    assert caplog.messages == [
        "Doc file 'van-ban/a.md' contains a link 'b.html#k9', but the doc 'van-ban/b.md' does not contain an anchor '#k9'.",
        "Doc file 'van-ban/a.md' contains a link '#mat', but there is no such anchor on this page.",
    ]


def test_the_outline_travels_with_the_html():
    html, outline = decode(encode(RenderedPage("title: x", "<p>a</p>", [], {"#x": "#x"}, ["x"]))[len("---\ntitle: x\n---\n"):])
    assert html == "<p>a</p>" and outline == {"toc": [], "links": {"#x": "#x"}, "anchors": ["x"]}
    assert article(encode(RenderedPage('title: "a\\n---\\nb"', "<p>a</p>", [], {}, []))) == "<p>a</p>"


def _glossary(*pairs):
    return GlossaryMarker(tuple(Term(term, "viet-tat", meaning, "", "", 1) for term, meaning in pairs))


def test_glossary_tooltips_mark_whole_words_in_text_as_the_abbr_extension_did():
    marker = _glossary(("UBND", "Ủy ban nhân dân"), ("CT-TTg", "Chỉ thị của Thủ tướng"))
    page = '<p title="UBND">UBND tỉnh; UBNDx; 18/2000/CT-TTg &amp;UBND _UBND</p>'
    assert marker.mark(page) == (
        '<p title="UBND"><abbr title="Ủy ban nhân dân">UBND</abbr> tỉnh; UBNDx; 18/2000/<abbr title="Chỉ thị của Thủ tướng">CT-TTg</abbr>'
        ' &amp;<abbr title="Ủy ban nhân dân">UBND</abbr> _<abbr title="Ủy ban nhân dân">UBND</abbr></p>'
    )


def test_glossary_tooltips_leave_code_figures_summaries_and_source_text_alone():
    marker = _glossary(("UBND", "Ủy ban nhân dân"))
    untouched = '<code>UBND</code><figure><svg><text>UBND</text></svg></figure><summary>UBND</summary><pre class="kb-ban-nguon">UBND</pre>'
    assert marker.mark(untouched) == untouched
    assert _glossary().mark("<p>UBND</p>") == "<p>UBND</p>"
    # text between raw parts is marked, each raw part left alone (a page may hold thousands of them)
    mixed = "<td>UBND</td><td><code>UBND</code></td>" * 3 + "<p>UBND</p><pre>UBND\n</pre>UBND"
    marked = marker.mark(mixed)
    assert marked.count("<abbr") == 5 and "<code>UBND</code>" in marked and "<pre>UBND\n</pre>" in marked
