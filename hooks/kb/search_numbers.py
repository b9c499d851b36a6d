"""Document numbers for search: "18/2000/CT-TTg", "18-CT/TU", "NĐ 29", "chỉ thị số 18".

A reader who types a document's number in any spelling expects that document first. The index
keeps, per number, the pages of the documents that bear it (full text or cited only) with their
year and their codes (type abbreviations and issuer codes from the number itself, plus the
abbreviation of their type). The browser parses the query the same way (kb-search.js) with the
type table written into the index (`TYPE_CODES`), so both sides use one table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .search_fold import fold

# Folded type name or abbreviation → the code a number's letters use ("Chỉ thị" → CT).
TYPE_CODES = {
    "chi thi": "ct", "ct": "ct",
    "nghi quyet": "nq", "nq": "nq",
    "nghi dinh": "nd", "nd": "nd",
    "quyet dinh": "qd", "qd": "qd",
    "quy dinh": "qd",
    "thong tu": "tt", "tt": "tt",
    "thong tri": "tt",
    "ket luan": "kl", "kl": "kl",
    "huong dan": "hd", "hd": "hd",
    "cong van": "cv", "cv": "cv",
    "thong bao": "tb", "tb": "tb",
    "ke hoach": "kh", "kh": "kh",
    "chuong trinh": "ctr", "ctr": "ctr",
    "bao cao": "bc", "bc": "bc",
    "to trinh": "ttr", "ttr": "ttr",
    "luat": "luat",
    "phap lenh": "pl", "pl": "pl",
    "hien phap": "hp",
    "de an": "da",
}
NUMBER_WORD = "so"  # "số" in "Chỉ thị số 18"
_DIGITS = re.compile(r"\d+")
_YEAR = re.compile(r"(19|20)\d\d")
_CODE = re.compile(r"[a-z]{1,6}")


@dataclass(frozen=True)
class DocumentNumber:
    number: str  # "18" (leading zeros dropped)
    year: str  # "2000" or ""
    codes: frozenset[str]  # {"ct", "ttg"}


def parse_number(text: str, type_name: str = "") -> DocumentNumber | None:
    """The number written in `text` ("Số hiệu" of a page, or an alias): None if there is none."""
    tokens = fold(text).split()
    position = next((i for i, t in enumerate(tokens) if _DIGITS.fullmatch(t)), None)
    if position is None:
        return None
    codes = set()
    before = tokens[:position]
    for i in range(len(before)):
        for width in (2, 1):
            code = TYPE_CODES.get(" ".join(before[i : i + width]))
            if code:
                codes.add(code)
    year = ""
    rest = tokens[position + 1 :]
    if rest and _YEAR.fullmatch(rest[0]):
        year, rest = rest[0], rest[1:]
    codes.update(t for t in rest if _CODE.fullmatch(t))
    type_code = TYPE_CODES.get(fold(type_name))
    if type_code:
        codes.add(type_code)
    return DocumentNumber(tokens[position].lstrip("0") or "0", year, frozenset(codes))
