"""No word of a source's body is lost: whole-text word comparison for every seed."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import SAMPLE_SOURCES, SOURCES
from kb import fidelity


def test_every_document_keeps_every_word_of_its_source(corpus):
    for doc in (d for d in corpus.documents.values() if d.source_file):  # a text typed in has no source to compare
        report = fidelity.check(doc, SOURCES)
        assert report.ok, f"{doc.path}: {report.message}"


def test_corrections_apply_to_the_cleaned_text(sample_corpus):
    doc = sample_corpus.documents["phu-tho-chi-thi-thuc-hien-nghi-quyet-09"]
    cleaned = " ".join(fidelity.body_words(doc, original=False))
    assert "quyết định công nhận chính quyền" in cleaned
    assert "hiênj" not in cleaned and "bẳng" not in cleaned


@pytest.mark.parametrize("mutation", ["drop_word", "drop_removal"])
def test_the_check_catches_a_lost_word(sample_corpus, mutation):
    doc = sample_corpus.documents["ha-noi-2010-chi-thi-lay-phieu-tin-nhiem"]
    if mutation == "drop_word":
        first = next(b for b in doc.blocks() if b.kind == "clause")
        shorter = dataclasses.replace(first, segments=(first.text.split(" ", 1)[1],))
        body = tuple(shorter if b is first else b for b in doc.body)
        doc = dataclasses.replace(doc, body=body)
    else:
        doc = dataclasses.replace(doc, removed=doc.removed[1:])
    assert not fidelity.check(doc, SAMPLE_SOURCES).ok
