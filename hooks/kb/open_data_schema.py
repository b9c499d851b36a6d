"""JSON Schemas of the open data files (kb.open_data): published with them under du-lieu/schema/
and committed under schema/ (kb.schema writes both sets)."""

from __future__ import annotations

from .vocab import DOCUMENT_TYPES, RELATIONS, STATUSES

ID = {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"}
TEXT = {"type": "string"}
NULLABLE_TEXT = {"type": ["string", "null"]}


def _fact() -> dict:
    """A value and how it is known: null = chưa rõ."""
    return {
        "description": "null: chưa rõ. value (hoặc after/before cho khoảng ngày suy luận); inferred: lý do suy luận; source: nguồn ngoài",
        "anyOf": [
            {"type": "null"},
            {
                "type": "object",
                "properties": {
                    "value": TEXT,
                    "label": TEXT,
                    "after": NULLABLE_TEXT,
                    "before": NULLABLE_TEXT,
                    "inferred": TEXT,
                    "source": TEXT,
                    "name": NULLABLE_TEXT,
                },
                "additionalProperties": False,
            },
        ],
    }


def _relation() -> dict:
    return {
        "type": "object",
        "properties": {
            "type": {"enum": list(RELATIONS)},
            "label": TEXT,
            "direction": {"enum": ["out", "in"], "description": "out: văn bản này tác động tới văn bản kia; in: ngược lại"},
            "other": ID,
            "other_name": TEXT,
            "recorded_in": ID,
            "clause": NULLABLE_TEXT,
            "note": NULLABLE_TEXT,
        },
        "required": ["type", "label", "direction", "other", "recorded_in"],
        "additionalProperties": False,
    }


def _summary_properties() -> dict:
    return {
        "id": ID,
        "eli": {"type": "string", "pattern": r"^eli/vn/[a-z-]+/(\d{4}|khong-ro-nam)/[a-z0-9-]+$", "description": "Định danh dạng ELI: eli/vn/<loại>/<năm>/<mã>"},
        "url": {"type": "string", "description": "Trang văn bản, tính từ gốc trang web"},
        "data_url": TEXT,
        "type": {"type": "object", "properties": {"value": {"enum": list(DOCUMENT_TYPES)}, "label": TEXT}, "required": ["value", "label"], "additionalProperties": False},
        "number": _fact(),
        "title": TEXT,
        "display_title": TEXT,
        "citation": TEXT,
        "issuer": _fact(),
        "level": _fact(),
        "bloc": _fact(),
        "place": _fact(),
        "signer": {"type": "object", "properties": {"name": _fact(), "position": _fact(), "on_behalf": _fact()}, "additionalProperties": False},
        "issued": _fact(),
        "effective": _fact(),
        "status": {
            "description": "null: chưa rõ (không suy luận)",
            "anyOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "properties": {"value": {"enum": list(STATUSES)}, "label": TEXT, "source": TEXT, "date": NULLABLE_TEXT},
                    "required": ["value", "label", "source"],
                    "additionalProperties": False,
                },
            ],
        },
        "topics": {"type": "array", "items": {"type": "object", "properties": {"id": ID, "name": TEXT}, "required": ["id", "name"], "additionalProperties": False}},
        "relations": {"type": "array", "items": _relation()},
        "changes": {
            "type": "array",
            "items": {"type": "object", "properties": {"date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}, "note": TEXT}, "required": ["date", "note"], "additionalProperties": False},
        },
    }


SUMMARY_REQUIRED = ["id", "eli", "url", "data_url", "type", "number", "title", "citation", "issuer", "issued", "status", "topics", "relations", "changes"]


def document_data_schema() -> dict:
    properties = {
        "format": {"const": "1.0"},
        **_summary_properties(),
        "clauses": {
            "type": "array",
            "description": "Mọi khoản, điểm, mục, đoạn có neo, theo thứ tự văn bản",
            "items": {
                "type": "object",
                "properties": {"anchor": ID, "label": NULLABLE_TEXT, "kind": {"enum": ["p", "clause", "section"]}, "text": TEXT, "url": TEXT},
                "required": ["anchor", "kind", "text", "url"],
                "additionalProperties": False,
            },
        },
        "citations": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"anchor": NULLABLE_TEXT, "label": NULLABLE_TEXT, "text": TEXT, "target": NULLABLE_TEXT, "target_name": NULLABLE_TEXT},
                "required": ["anchor", "text", "target"],
                "additionalProperties": False,
            },
        },
        "assignments": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "clause": ID,
                    "actor": ID,
                    "actor_name": TEXT,
                    "role": TEXT,
                    "role_label": TEXT,
                    "task": TEXT,
                    "deadline": {"anyOf": [{"type": "null"}, {"type": "object", "properties": {"text": TEXT, "normalised": TEXT}, "additionalProperties": False}]},
                },
                "required": ["clause", "actor", "role", "task"],
                "additionalProperties": False,
            },
        },
        "corrections": {
            "type": "array",
            "items": {"type": "object", "properties": {"anchor": NULLABLE_TEXT, "original": TEXT, "corrected": TEXT}, "required": ["original", "corrected"], "additionalProperties": False},
        },
        "removed": {
            "type": "array",
            "items": {"type": "object", "properties": {"reason": TEXT, "note": TEXT, "text": TEXT}, "required": ["reason", "text"], "additionalProperties": False},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "van-ban.json",
        "title": "Một văn bản của Kho chỉ thị dân vận (du-lieu/van-ban/<mã>.json)",
        "type": "object",
        "properties": properties,
        "required": ["format", *SUMMARY_REQUIRED, "clauses", "citations", "assignments", "corrections", "removed"],
        "additionalProperties": False,
    }


def collection_schema() -> dict:
    fact = _fact()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "kho.json",
        "title": "Toàn bộ Kho chỉ thị dân vận (du-lieu/kho.json): thuộc tính và quan hệ của mọi văn bản",
        "type": "object",
        "properties": {
            "format": {"const": "1.0"},
            "name": TEXT,
            "documents": {
                "type": "array",
                "items": {"type": "object", "properties": _summary_properties(), "required": SUMMARY_REQUIRED, "additionalProperties": False},
            },
            "cited": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"id": ID, "url": NULLABLE_TEXT, "type": {"type": "object"}, "number": fact, "title": fact, "issuer": fact, "issued": fact, "document": NULLABLE_TEXT},
                    "required": ["id", "type"],
                    "additionalProperties": False,
                },
            },
            "topics": {"type": "array", "items": {"type": "object", "properties": {"id": ID, "name": TEXT, "aliases": {"type": "array", "items": TEXT}, "url": TEXT}, "required": ["id", "name"], "additionalProperties": False}},
            "glossary": {"type": "array", "items": {"type": "object", "properties": {"term": TEXT, "kind": TEXT, "meaning": TEXT}, "required": ["term", "kind", "meaning"], "additionalProperties": False}},
        },
        "required": ["format", "name", "documents", "cited", "topics", "glossary"],
        "additionalProperties": False,
    }


OPEN_DATA_SCHEMAS = {"van-ban.schema.json": document_data_schema, "kho.schema.json": collection_schema}
