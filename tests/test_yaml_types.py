"""Plain YAML values keep what the maintainer typed: only null, true/false and whole numbers get a type."""

from __future__ import annotations

import pytest

from kb.yamlload import load_yaml_file

TYPED_AS_TEXT = ["no", "No", "yes", "on", "off", "y", "n", "0123", "1_000", "0x1F", "0o17", "1:30", "1.5", "1e3", ".inf", ".nan",
                 "2010-05-10", "2010-05-10T10:00:00", "-0", "+5", "00", "=1+1"]


@pytest.mark.parametrize("typed", TYPED_AS_TEXT)
def test_a_plain_value_that_yaml_1_1_would_convert_stays_the_text_typed(typed, tmp_path):
    path = tmp_path / "x.yml"
    path.write_text(f"value: {typed}\n{typed}: key\n", encoding="utf-8")
    loaded = load_yaml_file(path, "x.yml")
    assert loaded.problems == []
    assert loaded.value == {"value": typed, typed: "key"}


@pytest.mark.parametrize("typed, value", [("~", None), ("null", None), ("", None), ("true", True), ("False", False), ("0", 0), ("2010", 2010), ("-7", -7)])
def test_null_booleans_and_canonical_whole_numbers_are_typed(typed, value, tmp_path):
    path = tmp_path / "x.yml"
    path.write_text(f"value: {typed}\n", encoding="utf-8")
    loaded = load_yaml_file(path, "x.yml").value
    assert loaded["value"] == value and type(loaded["value"]) is type(value)
