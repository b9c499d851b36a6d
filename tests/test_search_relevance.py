"""The relevance set (tests/fixtures/search/relevance.yml): a reader's query, the page or clause
that must come first, and why. Run in the browser over http and from file://, on the fixture
corpus (invented documents), never on data/. At least 95 % must come first.

Another set written the same way can be run with KB_RELEVANCE_SET=path/to/set.yml (its `data`
folder, if it has one beside it, is the corpus; else the fixture corpus)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from searchkit import FIXTURE, search, serve

SET = Path(os.environ.get("KB_RELEVANCE_SET") or FIXTURE / "relevance.yml")
QUERIES = yaml.safe_load(SET.read_text(encoding="utf-8"))["queries"]
PRECISION = 0.95




def test_the_set_is_large_enough_and_says_why():
    assert len(QUERIES) >= 40
    assert all(q["q"] and q["first"] and q["why"] for q in QUERIES)


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_first_result_precision(search_site, scheme, browser):
    with serve(search_site) as server:
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        base = server if scheme == "http" else search_site.as_uri()
        page.goto(base + "/index.html")
        misses = []
        for item in QUERIES:
            found = search(page, item["q"])
            expected = item["first"]
            got = found["first"] if "#" in expected else (found["pages"][:1] or [None])[0]
            if got != expected:
                misses.append(f"{item['q']!r}: expected {expected}, got {got} (first pages: {found['pages'][:3]}) — {item['why']}")
        page.close()
    precision = 1 - len(misses) / len(QUERIES)
    print(f"\n{scheme}: first-result precision {precision:.1%} on {len(QUERIES)} queries")
    assert errors == []
    assert precision >= PRECISION, "\n".join(misses)
