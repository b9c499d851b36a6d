"""The benchmark's synthetic corpora are valid data, and a document page does not grow with the corpus.

Structural checks only: timings live in bench/run.py and BENCHMARKS.md, never in tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_site

sys.path.insert(0, str(ROOT / "bench"))
import gen  # noqa: E402

from kb.check import validate  # noqa: E402


def test_a_generated_corpus_passes_every_check_of_the_build(tmp_path):
    project = gen.make_project(40, tmp_path / "p")
    corpus, problems = validate(project)
    assert corpus is not None and problems == [], "\n".join(map(str, problems))
    assert len(corpus.documents) == 40
    blocks = [b for doc in corpus.documents.values() for b in doc.blocks()]
    markers = {b.marker for b in blocks if b.kind == "clause"}
    # every marker style the loader knows, points with "đ)", bullets, corrections, citations, duties
    assert {"1.", "1-", "1/", "1)", "a)", "đ)", "-"} <= markers
    assert any(b.kind == "section" for b in blocks)
    assert any(doc.corrections() for doc in corpus.documents.values())
    assert sum(len(doc.assignments) for doc in corpus.documents.values()) >= 80
    linked = [s for b in blocks for s in b.segments if type(s).__name__ == "CitationRef"]
    assert any(s.target in corpus.documents for s in linked), "no citation between generated documents"
    assert any(s.target not in corpus.documents for s in linked), "no citation of a registry document"


def test_generation_is_deterministic_and_document_i_is_the_same_for_every_n(tmp_path):
    small = gen.write_data(10, tmp_path / "a")
    large = gen.write_data(30, tmp_path / "b")
    again = gen.write_data(10, tmp_path / "c")
    assert [p.read_bytes() for p in small] == [p.read_bytes() for p in again]
    by_name = {p.name: p.read_bytes() for p in large}
    assert all(by_name[p.name] == p.read_bytes() for p in small)


@pytest.mark.parametrize("sizes", [(20, 200)])
def test_a_document_page_is_the_same_size_whatever_the_size_of_the_corpus(tmp_path, sizes):
    """Nothing on a document page lists the whole corpus (no full nav, no full lists)."""
    pages = {}
    for n in sizes:
        project = gen.make_project(n, tmp_path / f"p{n}")
        result = build_site(project, tmp_path / f"site{n}")
        assert result.returncode == 0, result.stderr
        # documents 1..N-CITE_WINDOW have all the documents that may cite them in both corpora
        stable = [p for p in (project / "data" / "van-ban").glob("*.yml") if int(p.stem[-5:]) <= n - gen.CITE_WINDOW]
        pages[n] = {p.stem: (tmp_path / f"site{n}" / "van-ban" / f"{p.stem}.html").read_text(encoding="utf-8") for p in stable}
    small, large = sizes
    assert pages[small], "no document to compare"
    for doc_id, html in pages[small].items():
        assert len(pages[large][doc_id]) == len(html), doc_id
        assert pages[large][doc_id] == html, doc_id



def test_the_build_without_search_leaves_out_our_search_index_and_nothing_else(tmp_path):
    """bench/run.py --variants ours-nosearch: the index's share of a build is the difference
    between two builds that differ only by the index."""
    project = gen.make_project(10, tmp_path / "p")
    result = build_site(project, tmp_path / "with")
    assert result.returncode == 0, result.stderr
    without = subprocess.run([sys.executable, str(ROOT / "bench" / "nosearch.py"), str(project), str(tmp_path / "without")],
                             capture_output=True, text=True, cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert without.returncode == 0, without.stderr
    assert (tmp_path / "with" / "search" / "kb-meta.js").is_file() and not (tmp_path / "without" / "search").exists()

    def files(site: Path) -> dict[str, bytes]:
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file() and "search" not in p.parts and p.suffix != ".zip"}

    assert files(tmp_path / "without") == files(tmp_path / "with")


def test_the_index_share_script_builds_with_and_without_the_index_and_reports_both_shares(tmp_path):
    """bench/index_share.py: what BENCHMARKS.md's index shares come from (numbers are not checked)."""
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "index_share.py"), "--size", "3", "--rounds", "1", "--work", str(tmp_path)],
                            capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines[1:3]] == ["with", "without"]
    assert lines[-2].startswith("wall: with index") and lines[-1].startswith("CPU: with index") and "index share: mean" in lines[-1]
    assert (tmp_path / "n3" / "mkdocs.yml").is_file()
