"""Ids, numbers and registry keys: one spelling per number, nothing hidden, no look-alike letters."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from kb.check import validate
from kb.identifiers import flaws, number_key

VALID = ROOT / "tests" / "fixtures" / "valid"
DOCUMENT = "data/van-ban/vi-du-xa-an-binh-2015-chi-thi-dan-van.yml"


@pytest.mark.parametrize("spelling", ["05/CT-UBND", "05/CT–UBND", "05/CT—UBND", "05／CT-UBND", "05∕CT‐UBND", " 05 / CT - UBND ", "05/ct-ubnd", "０５/CT-UBND"])
def test_dash_slash_and_width_variants_of_a_number_are_one_number(spelling):
    assert number_key(spelling) == number_key("05/CT-UBND")


@pytest.mark.parametrize("hidden", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u00a0", "\x07"])
def test_hidden_characters_are_found_with_their_position(hidden):
    [flaw] = flaws(f"05/CT{hidden}-UBND")
    assert (flaw.kind, flaw.position, flaw.code_point) == ("hidden", 6, f"U+{ord(hidden):04X}")


@pytest.mark.parametrize("letter", ["С", "Т", "А", "В", "Ο", "Ν", "Τ"])  # Cyrillic and Greek capitals that pass for Latin
def test_a_cyrillic_or_greek_letter_among_latin_ones_is_found(letter):
    [flaw] = flaws(f"18/2000/C{letter}-TTg")
    assert flaw.kind == "script" and flaw.position == 10 and flaw.char == letter


def test_vietnamese_letters_are_latin_and_clean():
    assert flaws("Chỉ thị số 05/CT-UBND của Ủy ban nhân dân xã Đông Hòa") == []


def test_the_same_number_from_two_issuers_is_two_documents(tmp_path):
    """The documented way: each document names its own issuer; the number is unique per issuer and type."""
    shutil.copytree(VALID / "data", tmp_path / "data")
    registry = tmp_path / "data/danh-muc/co-quan.yml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace(
            "\n# Nhóm", "  - id: ubnd-xa-binh-an\n    name: Ủy ban nhân dân xã Bình An\n    level: xa\n    kind: chinh-quyen\n    group: ubnd-cap-xa\n\n# Nhóm", 1
        ),
        encoding="utf-8",
    )
    text = (VALID / DOCUMENT).read_text(encoding="utf-8")
    other = text.replace("id: vi-du-xa-an-binh-2015-chi-thi-dan-van", "id: vi-du-xa-binh-an").replace("issuer: ubnd-xa-an-binh", "issuer: ubnd-xa-binh-an")
    (tmp_path / "data/van-ban/vi-du-xa-binh-an.yml").write_text(other, encoding="utf-8")
    _corpus, problems = validate(tmp_path)
    assert [str(p) for p in problems if p.is_error] == []
