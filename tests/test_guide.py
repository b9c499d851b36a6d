"""The maintainers' guide shows a worked example that is known to load, and the checker's own messages."""

from __future__ import annotations

import html
import re

from conftest import ROOT
from kb import messages
from kb.loader import DOCUMENT_FIELDS

GUIDE = ROOT / "docs" / "huong-dan" / "bo-sung-van-ban.md"
VALID = ROOT / "tests" / "fixtures" / "valid" / "data"


def code_block(text: str) -> str:
    """`text` as an indented Markdown code block."""
    return "\n".join(("    " + line) if line else "" for line in text.rstrip("\n").split("\n"))


def built_guide(site) -> str:
    return (site / "huong-dan" / "bo-sung-van-ban.html").read_text(encoding="utf-8")


def test_the_worked_example_is_the_valid_fixture_file():
    guide = GUIDE.read_text(encoding="utf-8")
    example = (VALID / "van-ban" / "vi-du-xa-an-binh-2015-chi-thi-dan-van.yml").read_text(encoding="utf-8")
    # the fixture lives deeper in the tree, so only its schema path differs from a real data file
    assert code_block(example.replace("../../../../../schema/", "../../schema/")) in guide
    assert code_block((VALID / "nguon" / "vi-du-xa-an-binh.txt").read_text(encoding="utf-8")) in guide


def test_the_guide_lists_every_checker_message_with_its_fix(site):
    page = html.unescape(re.sub(r"<[^>]+>", "", built_guide(site)))
    for message in messages.CATALOGUE.values():
        assert message.title in page, message.code
        assert " ".join(message.render().split()) in " ".join(page.split()), message.code
        if message.fix:
            assert " ".join(message.fix.split()) in " ".join(page.split()), message.code
    assert "kb:loi-thuong-gap" not in built_guide(site) and "kb:bang-truong" not in built_guide(site)


def test_the_field_reference_covers_every_field(site):
    page = built_guide(site)
    for key in DOCUMENT_FIELDS:
        assert f"<code>{key}</code>" in page, key


def test_the_guide_is_written_in_composed_unicode():
    import unicodedata

    text = GUIDE.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
