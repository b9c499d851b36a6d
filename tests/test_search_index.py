"""The search index as the build writes it: pages cut into sections (quoting sections left out),
document numbers in any spelling, accent keys, section lists that decode to what was added, and
keys that land in the shard the browser looks in."""

from __future__ import annotations

import random
import zlib
from array import array
from itertools import accumulate
from pathlib import Path

import numpy as np
import pytest

from kb.search_fold import accent_key, fold
from searchkit import index_scripts
from kb import search_index
from kb.search_index import SearchIndex, decode, decode_list, encode, page_kind, shard_of
from kb.search_numbers import DocumentNumber, parse_number
from kb.search_sections import CutPage, Section, cut_page, page_title

PAGE = """<html><body><article class="md-content__inner md-typeset">
<meta name="kb-trich-dan" content="x">
<h1 id="t">Chỉ thị 18-CT/TU về dân vận<a class="headerlink" href="#t">¶</a></h1>
<h2 id="kb-thuoc-tinh">Thuộc tính văn bản</h2>
<table><tbody><tr>
<td>Loại văn bản</td>
<td>Chỉ thị</td>
</tr><tr>
<td>Số hiệu</td>
<td>18-CT/TU</td>
</tr><tr>
<td>Cách viết khác</td>
<td>Chỉ thị 18; CT 18/2019</td>
</tr></tbody></table>
<h2 id="kb-toan-van">Toàn văn</h2>
<p class="kb-doan" id="mo-dau">Mở đầu &amp; căn cứ.</p>
<h3 id="k1" class="kb-khoan">Khoản 1</h3><p>Cấp ủy đối thoại với nhân dân.</p>
<h2 id="kb-duoc-dan-chieu">Được dẫn chiếu bởi</h2>
<h3 id="tu-binh-son">Chỉ thị của huyện Bình Sơn</h3><ul><li>«… Bình Sơn …»</li></ul>
<h2 id="ghi-chu" class="kb-ngoai-tim-kiem">Bảng trích</h2><p>Trích văn bản khác: Hải Cảng.</p>
<h2 id="phu-luc">Phụ lục</h2><p>Danh sách xã.</p>
<p class="kb-chi-in">Nguồn: tệp.txt</p>
</article></body></html>"""


def test_a_page_is_cut_at_anchors_without_the_sections_that_quote_other_documents():
    page = cut_page(PAGE)
    assert page.title == "Chỉ thị 18-CT/TU về dân vận"
    assert [(s.anchor, s.label, s.head) for s in page.sections] == [
        ("", "", True), ("kb-thuoc-tinh", "Thuộc tính văn bản", True), ("kb-toan-van", "Toàn văn", False),
        ("mo-dau", "", False), ("k1", "Khoản 1", False), ("phu-luc", "Phụ lục", False),
    ]
    text = " ".join(s.text for s in page.sections)
    assert "Bình Sơn" not in text and "Hải Cảng" not in text and "tệp.txt" not in text
    assert page.sections[3].text == "Mở đầu & căn cứ."
    assert page.properties["Số hiệu"] == "18-CT/TU"
    assert page_title(PAGE) == page.title
    assert page_title(PAGE.replace('<h1 id="t">', '<h1 id="trong"></h1><h1 id="t">')) == page.title


@pytest.mark.parametrize("written, type_name, expected", [
    ("18/2000/CT-TTg", "", DocumentNumber("18", "2000", frozenset({"ct", "ttg"}))),
    ("18-CT/TU", "Chỉ thị", DocumentNumber("18", "", frozenset({"ct", "tu"}))),
    ("29/1998/NĐ-CP", "Nghị định", DocumentNumber("29", "1998", frozenset({"nd", "cp"}))),
    ("Chỉ thị số 05", "", DocumentNumber("5", "", frozenset({"ct"}))),
    ("935-QĐ/TU", "Quyết định", DocumentNumber("935", "", frozenset({"qd", "tu"}))),
    ("Chưa rõ", "Chỉ thị", None),
])
def test_document_numbers_in_any_spelling(written, type_name, expected):
    assert parse_number(written, type_name) == expected


def test_accent_keys_keep_marks_and_tone_wherever_the_tone_sits():
    assert accent_key("Đảng") == "đang4" != accent_key("đăng") == "đăng0"
    assert accent_key("hoá") == accent_key("hóa") == "hoa2"
    assert accent_key("uỷ") == accent_key("ủy")
    assert accent_key("kỹ") == accent_key("kĩ") == "ki3"
    for word in ["Đảng", "hoá", "thuỷ", "Quý", "nghiêng", "ưu"]:
        assert fold(accent_key(word)[:-1]) == fold(word)


def test_section_lists_decode_to_what_was_added():
    rng = random.Random(5)
    for _ in range(300):
        numbers = sorted(rng.sample(range(rng.choice([40, 5_000, 3_000_000])), rng.randint(0, 35)))
        assert decode(encode(numbers)) == numbers
    assert '"' not in encode(list(range(0, 10**6, 997))) and "\\" not in encode(list(range(0, 10**6, 997)))


def test_page_kinds_rank_documents_then_cited_documents_then_the_rest():
    assert page_kind("van-ban/x.html") == 0
    assert page_kind("dan-chieu/x.html") == 1
    assert page_kind("van-ban/index.html") == page_kind("huong-dan/x.html") == page_kind("trach-nhiem/x.html") == 2
    assert page_kind("huong-dan/x.html", "van-ban") == 0


def _value(files: dict[str, object], key: str):
    """A key's value where the browser looks for it: its own file if the metadata lists one, else its shard."""
    meta = files["kb-meta.js"][0]
    if key in meta["big"]:
        return files[f"b/{meta['big'][key]}.js"][1][key]
    shard = shard_of(key, meta["shards"])
    assert files[f"s/{shard}.js"][0] == f"s{shard}"
    return files[f"s/{shard}.js"][1].get(key)


def test_every_word_pair_and_number_is_found_in_the_shard_the_browser_reads(tmp_path, monkeypatch):
    monkeypatch.setattr(search_index, "BIG_BYTES", 300)  # long lists get files of their own
    index = SearchIndex(tmp_path)
    pages = [
        ("van-ban/a.html", "A", CutPage((Section("", "", "Chỉ thị về Đảng", True), Section("k1", "Khoản 1", "Đăng ký hộ tịch dạng giấy", False)), {"Số hiệu": "18-CT/TU"}), 0),
        ("dan-chieu/b.html", "B", CutPage((Section("", "", "Chỉ thị số 18/2000/CT-TTg", True),), {"Số hiệu": "18/2000/CT-TTg", "Loại văn bản": "Chỉ thị"}), 1),
        ("huong-dan/c.html", "C", CutPage(tuple(Section(f"s{i}", "", "đảng viên dân vận " * 3, False) for i in range(3000)), {}), 2),
    ]
    for url, title, cut, kind in pages:
        index.add_page(url, title, cut, kind)
    index.close()
    files = index_scripts(tmp_path / "search")
    meta = files["kb-meta.js"][0]
    assert meta["sections"] == 3003 and meta["kinds"] == chr(48 + 1) + chr(48 + 5) + chr(48 + 8) and meta["big"]

    def value(key):
        return _value(files, key)

    dang = value("dang")  # Đảng, đăng, dạng, đảng: one entry, split by accents
    assert decode_list(dang["đang4"]) == [0] + list(range(3, 3003))
    assert decode(dang["đăng0"]) == [1] and decode(dang["dang5"]) == [1]
    assert decode_list(value("dan van")) == list(range(3, 3003))
    assert decode(value("ho tich")) == [1]
    assert value("#18") == [[0, "", "ct tu"], [1, "2000", "ct ttg"]]
    assert files["t/1.js"][1] == {"u": "dan-chieu/b.html", "t": "B", "s": [["", "", "Chỉ thị số 18/2000/CT-TTg"]]}
    assert zlib.crc32(b"dan van") % meta["shards"] == shard_of("dan van", meta["shards"])


def test_a_long_page_text_is_written_in_parts_a_result_reads_one_of(tmp_path):
    index = SearchIndex(tmp_path)
    sections = tuple(Section(f"s{i}", f"Mục {i}", f"đoạn {i} " + "chữ " * 1500, False) for i in range(12))
    index.add_page("huong-dan/dai.html", "Dài", CutPage(sections, {}), 2)
    index.close()
    files = index_scripts(tmp_path / "search")
    page = files["t/0.js"][1]
    starts = [0] + page["c"]
    assert len(starts) > 3 and all(f"t/0-{k}.js" in files for k in range(1, len(starts)))
    assert max(len((tmp_path / "search" / name).read_text(encoding="utf-8")) for name in files if name.startswith("t/")) < 2 * search_index.PAGE_PART_CHARS
    parts = [page["s"]] + [files[f"t/0-{k}.js"][2] for k in range(1, len(starts))]
    assert [s for part in parts for s in part] == [[s.anchor, s.label, s.text] for s in sections]
    assert all(files[f"t/0-{k}.js"][:2] == [0, k] for k in range(1, len(starts)))


def test_a_huge_section_keeps_only_the_text_a_snippet_can_show(tmp_path):
    index = SearchIndex(tmp_path)
    index.add_page("dong-thoi-gian.html", "Dòng thời gian", CutPage((Section("", "", "mốc " * 50_000 + "cuối", True),), {}), 2)
    index.close()
    files = index_scripts(tmp_path / "search")
    shown = files["t/0.js"][1]["s"][0][2]
    assert shown.startswith("mốc mốc") and shown.endswith(" …") and len(shown) <= search_index.SNIPPET_CHARS + 2
    # every word is still found: the postings come from the whole text
    meta = files["kb-meta.js"][0]
    assert any("cuoi" in value[1] for name, value in files.items() if name.startswith("s/")) or "cuoi" in meta["big"]


# The writer's fast path (numpy, a chunk of sections at a time) against the definitions above.


def test_lists_written_a_chunk_at_a_time_are_the_lists_encode_list_writes():
    rng = random.Random(7)
    total = 50_000
    truth = {number: sorted(rng.sample(range(total), rng.choice([1, 3, 40, 9_000, 30_000]))) for number in range(12)}
    truth[12] = [total - 1]  # a gap of more than 2**15
    truth[13] = list(range(total))  # every section: a bitmap
    lists = search_index._Lists()
    for first in range(0, total, 7_000):  # chunks: each list gets its sections of the chunk in one run
        numbers = [n for n in rng.sample(sorted(truth), len(truth)) for s in truth[n] if first <= s < first + 7_000]
        sections = [s for n in dict.fromkeys(numbers) for s in truth[n] if first <= s < first + 7_000]
        lists.add(np.array(numbers, dtype=np.int64), np.array(sections, dtype=np.int64))
    for number, sections in truth.items():
        written = lists.written(lists.gaps[number], int(lists.lengths[number]), total)
        assert written == search_index.encode_list(array("I", sections), total), number
        assert decode_list(written) == sections


def test_rows_are_ordered_stably_by_columns_wider_than_16_bits():
    rng = np.random.default_rng(3)
    left = rng.integers(0, 3 * 2**16, 5_000).astype(np.uint32)
    right = rng.integers(0, 2**32, 5_000, dtype=np.uint64).astype(np.uint32)
    right[::7] = 5  # ties, kept in order
    assert np.array_equal(search_index._stable_order(left, right), np.lexsort((np.arange(5_000), right, left)))


def test_numbers_of_any_width_are_encoded_as_encode_number_writes_them():
    numbers = [0, 31, 32, 1_023, 1_024, 2**15, 2**20 - 1, 2**31, 2**32 + 5, 2**40 + 3, 7]
    text, ends = search_index._encode_numbers(np.array(numbers, dtype=np.int64))
    assert text == "".join(map(search_index.encode_number, numbers))
    assert ends.tolist() == list(accumulate(len(search_index.encode_number(n)) for n in numbers))


def test_words_and_pairs_are_listed_right_with_more_words_than_16_bits_can_number(tmp_path, monkeypatch):
    """The writer sorts pairs of word numbers packed in one integer and radix-sorts 16 bits at a
    time: a corpus of more than 65,536 words takes every pass."""
    monkeypatch.setattr(search_index, "CHUNK_SECTIONS", 700)
    rng = random.Random(11)
    letters = "abcdeghiklmnopqrstuvxy"
    vocabulary = ["".join(rng.choice(letters) for _ in range(7)) for _ in range(70_000)]
    sections = [vocabulary[i : i + 36] for i in range(0, len(vocabulary), 35)]  # each word met once or twice
    sections += [rng.choices(vocabulary, k=40) for _ in range(600)]  # and some again, later
    index = SearchIndex(tmp_path)
    for n in range(0, len(sections), 10):
        cut = CutPage(tuple(Section(f"s{i}", "", " ".join(words), False) for i, words in enumerate(sections[n : n + 10])), {})
        index.add_page(f"huong-dan/{n}.html", str(n), cut, 2)
    index.close()
    assert len(index.tokens) > 2**16
    files = index_scripts(tmp_path / "search")
    expected: dict[str, set[int]] = {}
    for number, words in enumerate(sections):
        for key in words + [f"{a} {b}" for a, b in zip(words, words[1:])]:
            expected.setdefault(key, set()).add(number)
    for key in rng.sample(sorted(expected), 2_000) + vocabulary[-50:]:
        assert decode_list(_value(files, key)) == sorted(expected[key]), key


def test_the_index_does_not_depend_on_how_its_sections_are_chunked(tmp_path, monkeypatch):
    pages = [
        (f"van-ban/{n}.html", f"Văn bản {n}", CutPage(tuple(
            Section(f"k{k}", f"Khoản {k}", f"Ủy ban nhân dân {n} triển khai {k}; số {n * k}/2019/CT-UBND, x² – Đảng đăng dạng", k == 0)
            for k in range(n % 7)), {"Số hiệu": f"{n}/CT-UBND"}), n % 3)
        for n in range(60)
    ]

    def written(folder: Path, chunk: int) -> dict[str, bytes]:
        monkeypatch.setattr(search_index, "CHUNK_SECTIONS", chunk)
        index = SearchIndex(folder)
        for page in pages:
            index.add_page(*page)
        index.close()
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.js"))}

    whole = written(tmp_path / "a", 10_000)
    assert written(tmp_path / "b", 1) == whole and written(tmp_path / "c", 5) == whole
