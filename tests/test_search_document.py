"""A document page brings its search sections, made from its blocks where it is rendered
(kb.search_document): they must be exactly what search would cut from the page as written, for
every document page, or search would find a reader something the page does not say."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_site
from searchkit import index_scripts

sys.path.insert(0, str(ROOT / "bench"))
import gen  # noqa: E402

from kb.html_render import RenderedPage, article_and_search, decode, encode  # noqa: E402
from kb.labels import document_path  # noqa: E402
from kb.loader import SOURCES_DIR, load_corpus  # noqa: E402
from kb.model import Block  # noqa: E402
from kb.pages import PageGenerator, address_of  # noqa: E402
from kb import search_document  # noqa: E402
from kb.search_document import decode_sections, document_sections, encode_sections  # noqa: E402
from kb.search_sections import CutPage, Section, cut_page  # noqa: E402


def brought_and_written(project: Path, site: Path):
    """(document id, the sections its page brings, its page as written) for every document."""
    corpus, _ = load_corpus(project / "data", root=project)
    generator = PageGenerator(corpus, sources_dir=project / "data" / SOURCES_DIR)
    for doc in generator.documents:
        _, search = article_and_search(generator.document_content(doc))
        written = (site / address_of(document_path(doc.id))).read_text(encoding="utf-8")
        yield doc.id, search, written


def test_every_sample_document_page_brings_what_search_would_cut_from_it(sample_project, sample_site):
    """The five seed documents: corrections, signatures, sections, paragraphs with and without
    anchors, duties and citations."""
    seen = 0
    for doc_id, search, written in brought_and_written(sample_project, sample_site):
        assert search, f"{doc_id}: its page brings no sections"
        assert decode_sections(search) == cut_page(written), doc_id
        assert '"s":[[' not in written, f"{doc_id}: the sections leaked into the page"
        seen += 1
    assert seen == 5


def test_generated_document_pages_bring_what_search_would_cut_from_them(tmp_path):
    """Every marker style, nested points and bullets, sections, corrections, citations both ways."""
    project = gen.make_project(40, tmp_path / "p")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    pages = list(brought_and_written(project, tmp_path / "site"))
    assert len(pages) == 40
    for doc_id, search, written in pages:
        assert search, f"{doc_id}: its page brings no sections"
        assert decode_sections(search) == cut_page(written), doc_id


HEAD = """<h1 id="t">Chỉ thị 18<a class="headerlink" href="#t" title="x">¶</a></h1>
<p class="kb-tom-tat">Số hiệu: 18-CT/TU</p>
<details class="kb-thuoc-tinh" id="kb-thuoc-tinh"><table><tbody>
<tr>
<td>Số hiệu</td>
<td>18-CT/TU</td>
</tr></tbody></table></details>
<h2 id="kb-toan-van">Toàn văn<a class="headerlink" href="#kb-toan-van" title="x">¶</a></h2>
"""


def test_sections_follow_the_blocks_as_the_page_lays_them_out():
    blocks = [
        Block("heading", 1, ("CHỈ THỊ",)),
        Block("p", 2, ("Mở   đầu &amp; <căn cứ>.",), id="mo-dau"),
        Block("clause", 3, ("Cấp ủy ", "đối thoại"), id="k1", marker="1.", citation_label="Khoản 1"),
        Block("p", 4, ("Thêm một đoạn.",)),
        Block("section", 5, (), id="muc-2", label="Mục  II"),
        Block("signature", 6, lines=("T/M Ban Thường vụ", "BÍ THƯ")),
    ]
    page = document_sections(HEAD, [(b, 0) for b in blocks])
    assert page.title == "Chỉ thị 18"
    assert page.properties == {"Số hiệu": "18-CT/TU"}
    assert page.sections == (
        Section("", "", "Chỉ thị 18 Số hiệu: 18-CT/TU Số hiệu 18-CT/TU", True),
        Section("kb-toan-van", "Toàn văn", "CHỈ THỊ", False),
        Section("mo-dau", "", "Mở đầu &amp; <căn cứ>.", False),  # the text as readers read it: no markup in it
        Section("k1", "Khoản 1", "1. Cấp ủy đối thoại Thêm một đoạn.", False),
        Section("muc-2", "Mục II", "T/M Ban Thường vụ BÍ THƯ", False),
    )
    assert decode_sections(encode_sections(page)) == page


@pytest.mark.parametrize("block", [
    Block("section", 1, ("Phần một",), id=None, label="Phần I"),  # the page would show a generated id
    Block("clause", 1, ("Nội dung",), id="k1", marker=None, citation_label="Khoản 1"),
])
def test_a_page_the_blocks_cannot_describe_is_left_to_search_to_cut(block):
    assert document_sections(HEAD, [(block, 0)]) is None


def test_a_page_without_the_full_text_heading_is_left_to_search_to_cut():
    assert document_sections("<h1 id='t'>T</h1><p>x</p>", []) is None


def test_the_sections_travel_beside_the_html_whatever_the_text_says():
    """Text from data may hold anything, the page's own trailer included."""
    tricky = Section("k1", "Khoản 1", "a --> b \n<!--kb-outline {} --> c", False)
    search = encode_sections(CutPage((tricky,), {"Số hiệu": "1"}, "Tiêu đề -->"))
    page = RenderedPage("title: x", "<h1>x</h1>\n<p>y</p>", [], {"a.md": "a.html"}, ["x"])
    body = encode(page, search)
    html, outline = decode(body.split("---\n", 2)[2])
    assert html == page.html and outline["links"] == {"a.md": "a.html"}
    assert article_and_search(body) == (page.html, search)
    assert decode_sections(article_and_search(body)[1]).sections == (tricky,)
    assert article_and_search(encode(page)) == (page.html, "")


@pytest.mark.parametrize("text", [
    "Cấp ủy đối thoại với nhân dân.", "", " ", "a  b", " a", "a ", "a\u00a0b", "a\tb", "a\nb",
    "a\u2028b", "a\u3000b", "a\x1fb", "{~~x~> y~~}", "1.  Khoản",
])
def test_block_text_gets_the_spaces_search_would_leave_in_it(text):
    assert search_document._plain(text) == " ".join(text.split())


def test_every_space_but_the_plain_one_is_a_character_the_shortcut_notices():
    """`_plain` trusts text that is printable and has no double or outer space: sound only while
    every other character str.split() splits at is not printable."""
    assert not [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c != " " and c.isprintable()]


def test_document_pages_reach_the_index_as_mkdocs_reads_them_before_any_page_is_written(sample_site):
    """The build hands a document page's sections to the search index when MkDocs reads the page
    (kb_site.on_page_content), so a forked build indexes documents while later ones are still
    being rendered; every other page is indexed as it is written. The index numbers pages in the
    order it gets them: the documents first, each with what its page says."""
    files = index_scripts(sample_site / "search")
    kinds = files["kb-meta.js"][0]["kinds"]
    urls = [files[f"t/{number}.js"][1]["u"] for number in range(len(kinds))]
    documents = [number for number, url in enumerate(urls) if url.startswith("van-ban/") and url != "van-ban/index.html"]
    assert documents == list(range(5)), urls[:8]
    assert all(int(kinds[number]) // 4 == 0 for number in documents)
