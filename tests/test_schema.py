"""Editors get completion and Vietnamese hover help from a JSON Schema that agrees with the loader."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from conftest import ROOT
from kb import schema, vocab
from kb.loader import ACTOR_KINDS, DOCUMENT_FIELDS

SCHEMA_DIR = ROOT / "schema"
DOCUMENT_SCHEMA = json.loads((SCHEMA_DIR / "van-ban.schema.json").read_text(encoding="utf-8"))
ACTORS_SCHEMA = json.loads((SCHEMA_DIR / "co-quan.schema.json").read_text(encoding="utf-8"))
INVALID = ROOT / "tests" / "fixtures" / "invalid"
DOC_NAME = "vi-du-xa-an-binh-2015-chi-thi-dan-van.yml"


def enum_of(spec: dict) -> list:
    for option in spec.get("anyOf", [spec]):
        if "enum" in option:
            return option["enum"]
    raise AssertionError(f"no enum in {spec}")


def test_the_committed_schemas_are_the_generated_ones():
    for name in schema.SCHEMAS:
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == schema.render(name), f"chạy: PYTHONPATH=hooks python -m kb.schema ({name})"


def test_the_schema_has_the_loaders_fields_and_required_list():
    assert list(DOCUMENT_SCHEMA["properties"]) == list(DOCUMENT_FIELDS)
    assert DOCUMENT_SCHEMA["required"] == [k for k, (required, _d) in DOCUMENT_FIELDS.items() if required]
    assert DOCUMENT_SCHEMA["additionalProperties"] is False


def test_the_schema_lists_the_same_allowed_values_as_the_loader():
    props = DOCUMENT_SCHEMA["properties"]
    assert props["type"]["enum"] == list(vocab.DOCUMENT_TYPES)
    assert enum_of(props["level"]["anyOf"][1]) == list(vocab.LEVELS)
    assert enum_of(props["bloc"]["anyOf"][1]) == list(vocab.BLOCS)
    assert enum_of(props["status"]["anyOf"][1]["properties"]["value"]) == list(vocab.STATUSES)
    assert props["removed"]["items"]["properties"]["reason"]["enum"] == list(vocab.REMOVAL_REASONS)
    assert ACTORS_SCHEMA["properties"]["actors"]["items"]["properties"]["kind"]["enum"] == list(ACTOR_KINDS)


def test_every_field_has_a_vietnamese_description():
    for key, spec in DOCUMENT_SCHEMA["properties"].items():
        assert spec["description"] and any(ch in spec["description"] for ch in "ăâđêôơưàáạảã"), key


def passes_the_schema(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=") and (path.parent / first.split("=", 1)[1]).resolve().is_file(), path.name
    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), DOCUMENT_SCHEMA)


def test_every_document_of_the_project_passes_the_schema(project):
    for path in sorted((project / "data" / "van-ban").glob("*.yml")):
        passes_the_schema(path)


def test_the_worked_example_passes_the_schema():
    passes_the_schema(ROOT / "tests/fixtures/valid/data/van-ban" / DOC_NAME)


def test_the_actors_registry_passes_its_schema(project):
    jsonschema.validate(yaml.safe_load((project / "data/danh-muc/co-quan.yml").read_text(encoding="utf-8")), ACTORS_SCHEMA)


@pytest.mark.parametrize("case", ["unknown-key-typo", "bad-vocabulary", "bad-document-type", "wrong-type-title-number", "missing-required-field", "bad-id", "empty-title"])
def test_the_editor_flags_what_the_checker_refuses(case):
    data = yaml.safe_load((INVALID / case / "data" / "van-ban" / DOC_NAME).read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, DOCUMENT_SCHEMA)


def test_relations_citations_and_assignments_follow_their_modules_tables():
    from kb.citations import MANUAL_CITATION_FIELDS, RELATION_FIELDS, RELATION_TYPES
    from kb.responsibilities import ASSIGNMENT_FIELDS, CYCLES, DEADLINE_FIELDS, ROLES

    props = DOCUMENT_SCHEMA["properties"]
    tables = [
        (props["relations"]["items"], RELATION_FIELDS),
        (props["citations"]["items"], MANUAL_CITATION_FIELDS),
        (props["assignments"]["items"], ASSIGNMENT_FIELDS),
        (props["assignments"]["items"]["properties"]["deadline"], DEADLINE_FIELDS),
    ]
    for item, fields in tables:
        assert list(item["properties"]) == list(fields)
        assert item["required"] == [k for k, (required, _d) in fields.items() if required]
        assert item["additionalProperties"] is False
        for key, spec in item["properties"].items():
            assert any(ord(ch) > 127 for ch in spec["description"]), key  # written in Vietnamese
    assert props["relations"]["items"]["properties"]["type"]["enum"] == list(RELATION_TYPES)
    assert props["assignments"]["items"]["properties"]["role"]["enum"] == list(ROLES)
    cycle = props["assignments"]["items"]["properties"]["deadline"]["properties"]["cycle"]["anyOf"]
    assert cycle[0]["enum"] == list(CYCLES) and cycle[1]["items"]["enum"] == list(CYCLES)


SECOND_DOC = "vi-du-thon-dong-2015-ke-hoach.yml"


@pytest.mark.parametrize(
    "case, name",
    [
        ("relation-bad-type", SECOND_DOC),
        ("relation-missing-target", SECOND_DOC),
        ("manual-citation-ignore-not-bool", SECOND_DOC),
        ("manual-citation-target-and-ignore", SECOND_DOC),
        ("document-aliases-not-list", SECOND_DOC),
        ("assignment-key-typo", DOC_NAME),
        ("assignment-unknown-role", DOC_NAME),
        ("assignment-missing-role", DOC_NAME),
        ("deadline-unreadable", DOC_NAME),
        ("deadline-without-date-or-cycle", DOC_NAME),
        ("deadline-bad-date", DOC_NAME),
        ("deadline-bad-cycle", DOC_NAME),
    ],
)
def test_the_editor_flags_bad_relations_citations_and_assignments(case, name):
    data = yaml.safe_load((INVALID / case / "data" / "van-ban" / name).read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, DOCUMENT_SCHEMA)


@pytest.mark.parametrize("case", ["relation-unknown-target", "unresolved-citation", "assignment-unknown-actor", "deadline-not-in-text"])
def test_what_only_the_checker_can_know_passes_the_editor(case):
    """Targets, actors and the words of the text are checked against other files: the schema leaves them to the checker."""
    files = list((INVALID / case / "data" / "van-ban").glob("*.yml"))
    for path in files:
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), DOCUMENT_SCHEMA)
