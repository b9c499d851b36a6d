"""Generated pages are rendered straight to HTML, not through Python-Markdown (issue 17): a reader
cannot tell. Every generated page of the sample corpus and of a generated corpus equals, whitespace
normalised, the page the Markdown path built (tests/fixtures/html-snapshot/, taken before the
switch; how to refresh it after a deliberate change: tests/htmlsnapshot.py)."""

from __future__ import annotations

import re
import sys

import pytest

from conftest import ROOT, build_site
from htmlsnapshot import GENERATED_DOCUMENTS, HAND_WRITTEN, compare, load_snapshot, normalise

sys.path.insert(0, str(ROOT / "bench"))
import gen  # noqa: E402
import run  # noqa: E402

_TOOLTIP = re.compile(r"<abbr [^>]*>|</abbr>")


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """(project, site) of the generated corpus the snapshot was taken from."""
    work = tmp_path_factory.mktemp("generated")
    project = gen.make_project(GENERATED_DOCUMENTS, work / "project")
    result = build_site(project, work / "site")
    assert result.returncode == 0, result.stderr
    return project, work / "site"


def test_every_generated_page_of_the_sample_corpus_is_unchanged(sample_site):
    assert compare(sample_site, load_snapshot("kho-mau")) == []


def test_every_generated_page_of_a_generated_corpus_is_unchanged(generated):
    assert compare(generated[1], load_snapshot("sinh")) == []


def test_the_benchmark_floor_converts_the_same_pages_from_markdown(generated, tmp_path):
    """The floor (bench/run.py) is plain MkDocs building our pages from Markdown: for pages we
    render as HTML, the Markdown our build wrote before (bench/floor_pages.py). It has no hooks,
    so no glossary tooltips (and no generated part in the hand-written guide); apart from those
its generated pages are ours, one for one."""
    project, site = generated
    floor = run.make_floor(project, tmp_path / "floor")
    result = build_site(floor, tmp_path / "floor-site")
    assert result.returncode == 0, result.stderr
    pages = sorted(a for p in site.rglob("*.html") if not HAND_WRITTEN.match(a := p.relative_to(site).as_posix()))
    assert len([p for p in pages if p.startswith("van-ban/")]) == GENERATED_DOCUMENTS + 1
    for address in pages:
        ours = _TOOLTIP.sub("", normalise((site / address).read_text(encoding="utf-8")))
        theirs = _TOOLTIP.sub("", normalise((tmp_path / "floor-site" / address).read_text(encoding="utf-8")))
        assert ours == theirs, address


@pytest.mark.parametrize(
    "a, b",
    [
        ("<p>a\n  b</p>\n<p>c</p>", "<p>a b</p><p>c</p>"),
        ("<td> x </td>", "<td>x</td>"),
        ("a &#124; b", "a | b"),
        ("&#60;b&#62;", "&lt;b&gt;"),
        ('<p>&#34;a&#34;</p>', '<p>"a"</p>'),
        ('<meta name="generator" content="mkdocs-1.6.1"><p>x</p>', "<p>x</p>"),
    ],
)
def test_what_the_comparison_ignores(a, b):
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("<span>a</span> <span>b</span>", "<span>a</span><span>b</span>"),  # a visible space
        ("&lt;b&gt;", "<b>"),  # text is not markup
        ("<p>a</p>", "<p>b</p>"),
        ('<a href="x.html">a</a>', '<a href="y.html">a</a>'),
        ('<a title="a&quot;b">x</a>', '<a title="a">x</a>'),
    ],
)
def test_what_the_comparison_sees(a, b):
    assert normalise(a) != normalise(b)
