"""Relations, validity, chains, topics, glossary and provenance on the graph fixture data set
(tests/fixtures/graph: a central directive, a provincial plan carrying it out, a district plan
carrying that out, an old provincial directive it replaced, and the guide's worked example)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from kb.graph import Graph
from kb.loader import load_corpus
from kb.provenance import marked_source
from kb.topics import topics_of

GRAPH = ROOT / "tests" / "fixtures" / "graph"


@pytest.fixture(scope="module")
def corpus():
    loaded, _warnings = load_corpus(GRAPH / "data", root=GRAPH)
    return loaded


@pytest.fixture(scope="module")
def graph(corpus):
    return Graph(corpus)


def test_a_relation_recorded_on_the_replaced_document_points_from_the_replacing_one(graph):
    edges = [(e.source, e.type, e.target, e.recorded_in) for e in graph.edges if e.type == "thay-the"]
    assert edges == [("tinh-2001-ke-hoach-thuc-hien", "thay-the", "tinh-1998-chi-thi-cu", "tinh-1998-chi-thi-cu")]


def test_both_documents_show_the_relation_in_their_own_words(graph):
    new = {label: [o for o, _e in members] for label, _side, members in graph.groups("tinh-2001-ke-hoach-thuc-hien")}
    old = {label: [o for o, _e in members] for label, _side, members in graph.groups("tinh-1998-chi-thi-cu")}
    assert new["Thay thế"] == ["tinh-1998-chi-thi-cu"]
    assert old["Bị thay thế bởi"] == ["tinh-2001-ke-hoach-thuc-hien"]
    assert new["Thực hiện"] == ["tw-2000-chi-thi-goc"] and new["Được triển khai bởi"] == ["huyen-2002-ke-hoach-trien-khai"]


def test_a_relation_recorded_on_both_documents_is_one_edge(tmp_path):
    import shutil

    shutil.copytree(GRAPH / "data", tmp_path / "data")
    path = tmp_path / "data" / "van-ban" / "tw-2000-chi-thi-goc.yml"
    text = path.read_text(encoding="utf-8").replace("status: null\n", "status: null\nrelations:\n  - type: duoc-thuc-hien-boi\n    target: tinh-2001-ke-hoach-thuc-hien\n", 1)
    path.write_text(text, encoding="utf-8")
    corpus, _warnings = load_corpus(tmp_path / "data", root=tmp_path)
    edges = [e for e in Graph(corpus).edges if e.type == "thuc-hien" and e.target == "tw-2000-chi-thi-goc"]
    assert len(edges) == 1


def test_a_citation_of_a_document_already_related_is_not_listed_twice(graph):
    labels = [label for label, _side, members in graph.groups("tw-2000-chi-thi-goc") for o, _e in members if o == "tinh-2001-ke-hoach-thuc-hien"]
    assert labels == ["Được thực hiện bởi"]  # the plan also cites it by number: shown once, with its relation


def test_the_replaced_documents_banner_is_fed_by_the_replacing_document(graph):
    assert [(e.source, e.type) for e in graph.affecting("tinh-1998-chi-thi-cu")] == [("tinh-2001-ke-hoach-thuc-hien", "thay-the")]
    assert graph.affecting("tw-2000-chi-thi-goc") == []  # being carried out does not change a document's force


def test_status_keeps_its_source_and_date_and_is_unknown_without_one(corpus):
    old = corpus.documents["tinh-1998-chi-thi-cu"]
    assert (old.status.value, old.status_date.iso()) == ("het-hieu-luc", "2001-03-05")
    assert "Kế hoạch số 12/KH-UBND" in old.status.source
    assert not corpus.documents["tw-2000-chi-thi-goc"].status.known  # nothing inferred from the replacement of others


def test_the_implementation_chain_goes_from_the_central_document_down_to_the_district(graph):
    chains = graph.chains()
    assert [root.id for root in chains] == ["tw-2000-chi-thi-goc"]
    assert [(node.id, depth, node.edge.type if node.edge else None) for node, depth in chains[0].walk()] == [
        ("tw-2000-chi-thi-goc", 0, None),
        ("tinh-2001-ke-hoach-thuc-hien", 1, "thuc-hien"),
        ("huyen-2002-ke-hoach-trien-khai", 2, "trien-khai"),
    ]


def test_topics_resolve_names_and_aliases_to_one_entry(corpus):
    plan = corpus.documents["tinh-2001-ke-hoach-thuc-hien"]
    assert [t.id for t in topics_of(plan, corpus.topics)] == ["cong-tac-dan-van"]  # written as its alias


def test_the_source_page_marks_removals_and_corrections_and_keeps_every_character(corpus):
    doc = corpus.documents["vi-du-xa-an-binh-2015-chi-thi-dan-van"]
    source = (GRAPH / "data" / "nguon" / doc.source_file).read_text(encoding="utf-8")
    pieces = marked_source(doc, source)
    assert "".join(p.text for p in pieces) == source
    assert [p.text for p in pieces if p.kind == "removed"] == ["Cổng thông tin điện tử xã An Bình", "Lượt truy cập: 1234"]
    assert [(p.text, p.note) for p in pieces if p.kind == "corrected"] == [("vối", "Đã sửa «vối» thành «với»")]


def test_a_source_file_name_cannot_leave_the_sources_folder(corpus, tmp_path):
    from dataclasses import replace

    from kb.provenance import source_path

    (tmp_path / "bi-mat.txt").write_text("không được đọc", encoding="utf-8")
    (tmp_path / "nguon").mkdir()
    doc = replace(corpus.documents["vi-du-xa-an-binh-2015-chi-thi-dan-van"], source_file="../bi-mat.txt")
    assert source_path(doc, tmp_path / "nguon") is None
