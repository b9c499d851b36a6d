"""A maintainer's YAML becomes a validated model; the five seed documents (the sample corpus,
tests/fixtures/kho-mau) load with honest metadata; every document of data/ has unique anchors."""

from __future__ import annotations

from collections import Counter

from conftest import SAMPLE_SOURCES, sample_copy
from kb.buildcache import DocumentCache
from kb.loader import load_corpus
from kb.model import DateRange, PartialDate

HANOI = "ha-noi-2010-chi-thi-lay-phieu-tin-nhiem"
BEN_TRE = "ben-tre-chi-thi-cong-tac-van-dong-quan-chung"
PHU_THO = "phu-tho-chi-thi-thuc-hien-nghi-quyet-09"
HCM = "tphcm-1995-chi-thi-tong-ket-nghi-quyet-8b"
QUAN_1 = "quan-1-2017-hoi-nghi-trien-khai-quyet-dinh-935-936-994"


def test_every_seed_is_a_document(sample_corpus):
    sources = {doc.source_file for doc in sample_corpus.documents.values()}
    assert sources == {path.name for path in SAMPLE_SOURCES.glob("*.txt")}


def test_hanoi_metadata_is_as_the_source_states(sample_corpus):
    doc = sample_corpus.documents[HANOI]
    assert sample_corpus.actors[doc.issuer.value].name == "Ban Thường vụ Thành ủy Hà Nội"
    assert doc.issued.value == PartialDate(2010, 5, 10)
    assert doc.issued.display() == "10/05/2010"
    assert doc.signer.name.value == "Bùi Duy Nhâm"
    assert doc.signer.position.value == "Phó Bí thư Thường trực"
    assert doc.bloc.value == "dang" and doc.level.value == "tinh"
    assert not doc.number.known  # the source gives no number


def test_unknown_values_stay_unknown_and_inferred_dates_say_why(sample_corpus):
    ben_tre = sample_corpus.documents[BEN_TRE]
    assert not ben_tre.number.known and not ben_tre.signer.name.known
    assert isinstance(ben_tre.issued.value, DateRange)
    assert ben_tre.issued.value.after == PartialDate(2010, 9, 21)
    assert "18/2000" in ben_tre.issued.reason
    assert ben_tre.effective.value  # the text states when it takes effect
    hcm = sample_corpus.documents[HCM]
    assert hcm.issued.value.year == 1995 and hcm.issued.inferred


def test_the_news_report_is_not_called_a_directive(sample_corpus):
    doc = sample_corpus.documents[QUAN_1]
    assert doc.type == "tin-bai"
    assert not doc.issuer.known
    assert doc.level.inferred and doc.level.value == "huyen"


def test_clause_ids_derive_from_numbers(sample_corpus):
    ben_tre = [b.id for b in sample_corpus.documents[BEN_TRE].anchored()]
    assert {"k1", "k1-a", "k1-dd", "k2-e", "k3-b"} <= set(ben_tre)
    phu_tho = [b.id for b in sample_corpus.documents[PHU_THO].anchored()]
    assert {"k2-y1", "k2-y4", "k3-y4", "k5"} <= set(phu_tho)
    hcm = [b.id for b in sample_corpus.documents[HCM].anchored()]
    assert {"k1", "k3", "noi-dung-tong-ket", "noi-dung-tong-ket-5"} <= set(hcm)


def test_clause_labels_follow_vietnamese_citation_convention(sample_corpus):
    block = sample_corpus.documents[BEN_TRE].block("k3-b")
    assert block.citation_label == "Điểm b khoản 3"
    assert sample_corpus.documents[PHU_THO].block("k2-y2").citation_label == "Gạch đầu dòng thứ 2 khoản 2"


def test_anchor_ids_are_unique_in_every_document(corpus):
    for doc in corpus.documents.values():
        counts = Counter(b.id for b in doc.anchored())
        assert not [i for i, n in counts.items() if n > 1], doc.id


def test_typos_are_recorded_as_corrections(sample_corpus):
    pairs = {(c.original, c.corrected) for c in (x for _, x in sample_corpus.documents[PHU_THO].corrections())}
    assert {("hiênj", "hiện"), ("bẳng", "bằng"), ("nhân", "nhận")} <= pairs
    assert ("vối", "với") in {(c.original, c.corrected) for _, c in sample_corpus.documents[HCM].corrections()}


def test_mkdocs_serve_reloads_only_the_edited_file_and_gets_the_same_corpus(sample_corpus, tmp_path):
    """`mkdocs serve` loads with a cache (kb.buildcache.DocumentCache) kept between rebuilds."""
    project = sample_copy(tmp_path / "du-an")
    cache = DocumentCache()
    first, _ = load_corpus(project / "data", root=project, cache=cache)
    assert first.documents == sample_corpus.documents and (cache.hits, cache.misses) == (0, len(first.documents))
    edited = sorted((project / "data" / "van-ban").glob("*.yml"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    again, _ = load_corpus(project / "data", root=project, cache=cache)
    assert again.documents == first.documents and (cache.hits, cache.misses) == (len(first.documents) - 1, len(first.documents) + 1)
