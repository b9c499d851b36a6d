"""JSON Schemas of the data files, for editors (completion, hover help in Vietnamese).

Built from the loader's own tables (DOCUMENT_FIELDS, ACTOR_KINDS, vocab) and those of the
modules that read `relations:`, `citations:` (citations.py) and `assignments:` (responsibilities.py),
so the schema and the checker cannot disagree; `PYTHONPATH=hooks python -m kb.schema` rewrites schema/*.json, and
tests/test_schema.py fails when the committed files are stale. The loader stays the authority:
the schema helps while typing, the checker decides.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .citations import MANUAL_CITATION_FIELDS, RELATION_FIELDS, RELATION_TYPES
from .glossary import TERM_KINDS
from .loader import BLOCK_KINDS, DOCUMENT_FIELDS
from .open_data_schema import collection_schema, document_data_schema
from .responsibilities import ASSIGNMENT_FIELDS, DEADLINE_FIELDS
from .vocab import ACTOR_KINDS, BLOCS, CYCLES, DOCUMENT_TYPES, LEVELS, REMOVAL_REASONS, ROLES, STATUSES

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

# Hover help for each top-level field; every key of loader.DOCUMENT_FIELDS must be here.
FIELD_HELP: dict[str, str] = {
    "id": "Mã văn bản: trùng với tên tệp (không có .yml); chỉ chữ thường không dấu, số và '-'. Mã là địa chỉ trang, không đổi sau khi đăng.",
    "type": "Loại văn bản.",
    "number": "Số hiệu đúng như văn bản ghi (ví dụ \"10/CT-TW\"); null nếu văn bản không ghi. Không được tự đặt.",
    "title": "Trích yếu, viết hoa chữ đầu câu (ví dụ \"Về việc tăng cường …\").",
    "issuer": "Mã cơ quan ban hành trong data/danh-muc/co-quan.yml; null nếu chưa rõ; hoặc {value, reason} nếu suy luận.",
    "level": "Cấp của cơ quan ban hành; null nếu chưa rõ; hoặc {value, reason} nếu suy luận.",
    "bloc": "Khối của cơ quan ban hành; null nếu chưa rõ; hoặc {value, reason} nếu suy luận.",
    "place": "Địa bàn, viết bằng chữ (\"Tỉnh Bến Tre\"); null nếu chưa rõ.",
    "signer": "Người ký: name, position, on_behalf (ví dụ \"T/M Ban Thường vụ\"); null cho phần chưa rõ. Không được tự đặt tên người ký.",
    "issued": "Ngày ban hành \"YYYY-MM-DD\", \"YYYY-MM\" hoặc \"YYYY\" (trong dấu ngoặc kép); null nếu chưa rõ; hoặc khoảng suy luận {after, before, reason}.",
    "effective": "Hiệu lực như văn bản ghi (cụm từ ngắn); null nếu văn bản không nói.",
    "status": "Tình trạng hiệu lực: null (Chưa rõ) trừ khi có nguồn nói rõ; khi có nguồn: {value, source, date (ngày tình trạng bắt đầu, nếu nguồn nói), note}. Không bao giờ suy luận.",
    "topics": "Danh sách chủ đề ngắn, ví dụ [công tác dân vận, chính quyền cơ sở].",
    "source": "Nguồn: file (tên tệp trong data/nguon/), note (nguồn là gì, đã làm sạch thế nào), url (nếu có).",
    "removed": "Mọi phần đã bỏ khỏi bản nguồn (thành phần trang web, đoạn lặp), chép nguyên văn; [] nếu không bỏ gì.",
    "body": "Toàn văn, theo đúng thứ tự bản nguồn: các khối heading, p, clause, section, signature.",
    "aliases": "Các cách viết khác của số hiệu hoặc tên văn bản (để tìm kiếm và dẫn chiếu).",
    "relations": "Quan hệ với văn bản khác (thay thế, hướng dẫn thi hành…); xem hướng dẫn dẫn chiếu.",
    "citations": "Dẫn chiếu bổ sung bằng tay, khi bộ nhận dạng tự động không tìm được.",
    "assignments": "Phân công trách nhiệm: cơ quan nào làm gì, theo khoản nào.",
    "changes": "Lịch sử cập nhật trong kho, từ cũ đến mới: mỗi mục date (\"YYYY-MM-DD\") và note (thêm vào kho, sửa gì). Trang «Mới cập nhật» và nguồn tin Atom lấy ngày từ đây.",
}


def _enum(vocabulary: dict[str, str], what: str) -> dict:
    return {
        "enum": list(vocabulary),
        "description": f"{what}: " + "; ".join(f"{k} = {v}" for k, v in vocabulary.items()),
    }


def _fact(inner: dict, what: str) -> dict:
    """null (chưa rõ), a plain value, or {value, reason} / {value, source}."""
    return {
        "description": what,
        "anyOf": [
            {"type": "null", "description": "Chưa rõ"},
            inner,
            {
                "type": "object",
                "description": "Giá trị suy luận (kèm reason) hoặc lấy từ nguồn công khai khác (kèm source)",
                "properties": {
                    "value": inner,
                    "reason": {"type": "string", "description": "Vì sao suy ra giá trị này, từ đâu"},
                    "source": {"type": "string", "description": "Nguồn công khai của giá trị"},
                },
                "required": ["value"],
                "anyOf": [{"required": ["reason"]}, {"required": ["source"]}],
                "additionalProperties": False,
            },
        ],
    }


def _text(description: str) -> dict:
    return {"type": "string", "minLength": 1, "description": description}


def _item(fields: dict[str, tuple[bool, str]], shapes: dict[str, dict], what: str) -> dict:
    """An object whose keys, required keys and descriptions come from a module's field table."""
    assert set(shapes) == set(fields), (set(shapes) ^ set(fields))
    return {
        "type": "object",
        "description": what,
        "properties": {key: {**shapes[key], "description": description[:1].upper() + description[1:]} for key, (_r, description) in fields.items()},
        "required": [key for key, (required, _d) in fields.items() if required],
        "additionalProperties": False,
    }


def _relation() -> dict:
    types = {key: f"{mine} (trang văn bản kia ghi «{theirs}»)" for key, (mine, theirs) in RELATION_TYPES.items()}
    shapes = {
        "type": _enum(types, "Loại quan hệ"),
        "target": {"type": "string", "pattern": ID_PATTERN},
        "clause": {"type": "string", "pattern": ID_PATTERN},
        "note": {"type": "string"},
    }
    item = _item(RELATION_FIELDS, shapes, "Văn bản này <loại quan hệ> văn bản target")
    item["properties"]["type"]["description"] = _enum(types, "Loại quan hệ")["description"]
    return item


def _manual_citation() -> dict:
    shapes = {
        "clause": {"type": "string", "pattern": ID_PATTERN},
        "text": {"type": "string", "minLength": 1},
        "target": {"type": "string", "pattern": ID_PATTERN},
        "ignore": {"type": "boolean"},
    }
    item = _item(MANUAL_CITATION_FIELDS, shapes, "Thêm một dẫn chiếu (target) hoặc bỏ một dẫn chiếu tìm nhầm (ignore: true)")
    item["oneOf"] = [{"required": ["target"]}, {"required": ["ignore"], "properties": {"ignore": {"const": True}}}]
    return item


def _assignment() -> dict:
    cycle = _enum(CYCLES, "Chu kỳ")
    deadline_shapes = {
        "text": {"type": "string", "minLength": 1},
        "date": {"type": "string", "pattern": DATE_PATTERN},
        "cycle": {"anyOf": [cycle, {"type": "array", "items": cycle, "minItems": 1}]},
        "when": {"type": "string"},
    }
    deadline = _item(DEADLINE_FIELDS, deadline_shapes, "")
    deadline["oneOf"] = [{"required": ["date"]}, {"required": ["cycle"]}]
    deadline["properties"]["cycle"]["description"] += ". " + cycle["description"]
    roles = {key: label for key, (label, _mark) in ROLES.items()}
    shapes = {
        "clause": {"type": "string", "pattern": ID_PATTERN},
        "actor": {"type": "string", "pattern": ID_PATTERN},
        "role": _enum(roles, "Vai trò"),
        "task": {"type": "string", "minLength": 1},
        "deadline": deadline,
    }
    item = _item(ASSIGNMENT_FIELDS, shapes, "Một cơ quan, một vai trò, một nhiệm vụ theo một khoản")
    item["properties"]["role"]["description"] = _enum(roles, "Vai trò")["description"]
    item["properties"]["deadline"]["description"] += ": text (nguyên văn) kèm date (một ngày) hoặc cycle (việc lặp lại)"
    return item


def document_schema() -> dict:
    date = {"type": "string", "pattern": DATE_PATTERN, "description": "Ngày dạng YYYY-MM-DD, YYYY-MM hoặc YYYY"}
    blocks = {"type": "array", "items": {"$ref": "#/$defs/block"}}
    properties = {
        "id": {"type": "string", "pattern": ID_PATTERN},
        "type": _enum(DOCUMENT_TYPES, "Loại văn bản"),
        "number": _fact({"type": "string"}, ""),
        "title": {"type": "string", "minLength": 1},
        "issuer": _fact({"type": "string", "pattern": ID_PATTERN}, ""),
        "level": _fact(_enum(LEVELS, "Cấp"), ""),
        "bloc": _fact(_enum(BLOCS, "Khối"), ""),
        "place": _fact({"type": "string"}, ""),
        "signer": {
            "anyOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "properties": {
                        "name": _fact({"type": "string"}, "Họ tên người ký"),
                        "position": _fact({"type": "string"}, "Chức vụ người ký, ví dụ \"Phó Bí thư Thường trực\""),
                        "on_behalf": _fact({"type": "string"}, "Ký thay mặt, ví dụ \"T/M Ban Thường vụ\""),
                    },
                    "additionalProperties": False,
                },
            ]
        },
        "issued": {
            "anyOf": [
                {"type": "null", "description": "Chưa rõ"},
                date,
                {
                    "type": "object",
                    "description": "Khoảng ngày suy luận: after và/hoặc before, kèm reason",
                    "properties": {"after": date, "before": date, "reason": _text("Vì sao suy ra khoảng ngày này")},
                    "required": ["reason"],
                    "anyOf": [{"required": ["after"]}, {"required": ["before"]}],
                    "additionalProperties": False,
                },
                {
                    "type": "object",
                    "description": "Ngày suy luận hoặc lấy từ nguồn khác: value kèm reason hoặc source",
                    "properties": {"value": date, "reason": {"type": "string"}, "source": {"type": "string"}},
                    "required": ["value"],
                    "additionalProperties": False,
                },
            ]
        },
        "effective": _fact({"type": "string"}, ""),
        "status": {
            "description": FIELD_HELP["status"],
            "anyOf": [
                {"type": "null", "description": "Chưa rõ: chưa có nguồn nào nói văn bản còn hay hết hiệu lực"},
                {
                    "type": "object",
                    "description": "Tình trạng theo một nguồn: value, source (bắt buộc), date, note",
                    "properties": {
                        "value": _enum(STATUSES, "Tình trạng hiệu lực"),
                        "source": {"type": "string", "minLength": 1, "description": "Nguồn nói rõ tình trạng (cơ sở dữ liệu, công báo, văn bản bãi bỏ…), kèm ngày tra cứu"},
                        "date": {"type": "string", "pattern": DATE_PATTERN, "description": "Ngày tình trạng bắt đầu (ví dụ ngày hết hiệu lực), nếu nguồn nói"},
                        "note": {"type": "string", "description": "Ghi chú ngắn, ví dụ phần nào hết hiệu lực"},
                    },
                    "required": ["value", "source"],
                    "additionalProperties": False,
                },
            ],
        },
        "topics": {"type": "array", "items": {"type": "string"}},
        "source": {
            "type": "object",
            "properties": {
                "file": {"type": "string", "description": "Tên tệp văn bản thô trong data/nguon/"},
                "note": {"type": "string", "description": "Nguồn là gì, đã làm sạch thế nào"},
                "url": {"type": "string", "description": "Địa chỉ trang nguồn (nếu có)"},
            },
            "additionalProperties": False,
        },
        "removed": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "text": _text("Phần bị bỏ, chép nguyên văn bản nguồn"),
                    "reason": _enum(REMOVAL_REASONS, "Lý do bỏ"),
                    "note": {"type": "string", "description": "Phần này là gì, ví dụ \"Bộ đếm lượt truy cập của trang web\""},
                },
                "required": ["text", "reason"],
                "additionalProperties": False,
            },
        },
        "body": {**blocks, "minItems": 1},
        "aliases": {"type": "array", "items": {"type": "string"}},
        "relations": {"type": "array", "items": _relation()},
        "citations": {"type": "array", "items": _manual_citation()},
        "assignments": {"type": "array", "items": _assignment()},
        "changes": {
            "type": "array",
            "description": FIELD_HELP["changes"],
            "items": {
                "type": "object",
                "properties": {
                    "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": "Ngày thêm hoặc sửa, dạng YYYY-MM-DD"},
                    "note": {"type": "string", "minLength": 1, "description": "Đã làm gì: «Thêm vào kho», «Sửa số hiệu theo bản gốc»…"},
                },
                "required": ["date", "note"],
                "additionalProperties": False,
            },
        },
    }
    for key, spec in properties.items():
        spec["description"] = FIELD_HELP[key] + (" " + spec["description"] if spec.get("description") and key == "type" else "")
    marker = "Ký hiệu khoản đúng như bản nguồn: \"1.\", \"1-\", \"1/\", \"1)\", \"a)\", \"đ)\" hoặc \"-\" (gạch đầu dòng)"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "van-ban.schema.json",
        "title": "Văn bản của Kho chỉ thị dân vận",
        "description": "Một văn bản (data/van-ban/<mã>.yml). Hướng dẫn đầy đủ: trang «Hướng dẫn bổ sung văn bản».",
        "type": "object",
        "properties": properties,
        "required": [key for key, (required, _d) in DOCUMENT_FIELDS.items() if required],
        "additionalProperties": False,
        "$defs": {
            "block": {
                "description": "Một khối nội dung: " + ", ".join(BLOCK_KINDS),
                "oneOf": [
                    {"type": "object", "properties": {"heading": _text("Dòng tiêu đề ở đầu văn bản, nguyên văn")}, "required": ["heading"], "additionalProperties": False},
                    {
                        "type": "object",
                        "properties": {
                            "p": _text("Một đoạn văn không đánh số; sửa lỗi chính tả rõ ràng bằng {~~chữ gốc~>chữ đã sửa~~}"),
                            "id": {"type": "string", "pattern": ID_PATTERN, "description": "Mã neo ngắn có nghĩa cho đoạn ở cấp ngoài cùng (ví dụ mo-dau, hieu-luc)"},
                            "label": {"type": "string", "description": "Tên ngắn của đoạn khi trích dẫn"},
                        },
                        "required": ["p"],
                        "additionalProperties": False,
                    },
                    {
                        "type": "object",
                        "properties": {
                            "clause": {"type": "string", "description": marker},
                            "text": _text("Nội dung sau ký hiệu khoản, đến hết đoạn"),
                            "items": {**blocks, "description": "Điểm, gạch đầu dòng và đoạn tiếp theo của khoản"},
                            "id": {"type": "string", "pattern": ID_PATTERN, "description": "Chỉ ghi khi mã tự sinh (k1, k1-a…) bị trùng"},
                            "label": {"type": "string", "description": "Tên khi trích dẫn, nếu khác mặc định (Khoản 1, Điểm a…)"},
                        },
                        "required": ["clause", "text"],
                        "additionalProperties": False,
                    },
                    {
                        "type": "object",
                        "properties": {
                            "section": {"type": "string", "pattern": ID_PATTERN, "description": "Mã của phần (ví dụ noi-dung-tong-ket); dùng khi đánh số lại từ 1"},
                            "text": _text("Đoạn dẫn vào phần"),
                            "label": _text("Tên ngắn của phần, ví dụ \"Nội dung tổng kết\""),
                            "items": blocks,
                        },
                        "required": ["section", "text", "label"],
                        "additionalProperties": False,
                    },
                    {
                        "type": "object",
                        "properties": {"signature": {"type": "array", "items": {"type": "string"}, "description": "Các dòng chữ ký, nguyên văn"}},
                        "required": ["signature"],
                        "additionalProperties": False,
                    },
                ],
            }
        },
    }


def actors_schema() -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "co-quan.schema.json",
        "title": "Danh mục cơ quan của Kho chỉ thị dân vận",
        "description": "Cơ quan, tổ chức và chức danh (data/danh-muc/co-quan.yml): cơ quan ban hành và nơi nhận nhiệm vụ.",
        "type": "object",
        "properties": {
            "actors": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string", "pattern": ID_PATTERN, "description": "Mã cơ quan (dùng trong trường issuer của văn bản)"},
                        "name": {"type": "string", "minLength": 1, "description": "Tên đầy đủ, ví dụ \"Ủy ban nhân dân tỉnh Bến Tre\""},
                        "short": {"type": "string", "description": "Tên ngắn, ví dụ \"UBND tỉnh Bến Tre\""},
                        "level": {"anyOf": [{"type": "null"}, _enum(LEVELS, "Cấp")], "description": "Cấp của cơ quan"},
                        "kind": _enum(ACTOR_KINDS, "Loại cơ quan"),
                        "place": {"type": "string", "description": "Địa bàn, ví dụ \"Tỉnh Bến Tre\""},
                        "group": {"type": "string", "description": "Nhóm chức danh chung giữa các địa phương, ví dụ ubnd-cap-tinh"},
                        "aliases": {"type": "array", "items": {"type": "string"}, "description": "Các cách gọi khác trong văn bản"},
                        "note": {"type": "string", "description": "Ghi chú"},
                    },
                    "required": ["id", "name", "kind"],
                    "additionalProperties": False,
                },
            },
            "groups": {
                "type": "array",
                "description": "Nhóm vai trò chung giữa các địa phương (trường group của mỗi cơ quan), dùng cho trang trách nhiệm",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string", "pattern": ID_PATTERN, "description": "Mã nhóm, ví dụ ubnd-cap-tinh"},
                        "name": {"type": "string", "minLength": 1, "description": "Tên nhóm, ví dụ \"Ủy ban nhân dân cấp tỉnh\""},
                        "note": {"type": "string", "description": "Ghi chú"},
                    },
                    "required": ["id", "name"],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["actors"],
        "additionalProperties": False,
    }


def topics_schema() -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "chu-de.schema.json",
        "title": "Danh mục chủ đề của Kho chỉ thị dân vận",
        "description": "Chủ đề (data/danh-muc/chu-de.yml): trường topics của mỗi văn bản phải là name hoặc một aliases của một mục.",
        "type": "object",
        "properties": {
            "topics": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string", "pattern": ID_PATTERN, "description": "Mã chủ đề: địa chỉ trang chu-de/<id>.html, không đổi sau khi đăng"},
                        "name": {"type": "string", "minLength": 1, "description": "Tên chủ đề như người đọc gọi, ví dụ \"Dân chủ ở cơ sở\""},
                        "aliases": {"type": "array", "items": {"type": "string", "minLength": 1}, "description": "Các cách gọi khác được chấp nhận trong trường topics"},
                        "note": {"type": "string", "description": "Ghi chú, hiện trên trang chủ đề"},
                    },
                    "required": ["id", "name"],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["topics"],
        "additionalProperties": False,
    }


def glossary_schema() -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "thuat-ngu.schema.json",
        "title": "Chữ viết tắt và thuật ngữ của Kho chỉ thị dân vận",
        "description": "Thuật ngữ (data/danh-muc/thuat-ngu.yml): hiện thành chú thích ở mọi trang và trên trang «Thuật ngữ».",
        "type": "object",
        "properties": {
            "terms": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "term": {"type": "string", "minLength": 1, "description": "Chữ viết tắt hoặc thuật ngữ, viết đúng như trong văn bản (phân biệt hoa, thường)"},
                        "kind": _enum(TERM_KINDS, "Loại"),
                        "meaning": {"type": "string", "minLength": 1, "description": "Nghĩa đầy đủ hoặc lời giải thích"},
                        "source": {"type": "string", "description": "Nguồn của lời giải thích, nếu có"},
                        "note": {"type": "string", "description": "Ghi chú"},
                    },
                    "required": ["term", "kind", "meaning"],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["terms"],
        "additionalProperties": False,
    }


SCHEMAS = {
    "van-ban.schema.json": document_schema,
    "co-quan.schema.json": actors_schema,
    "chu-de.schema.json": topics_schema,
    "thuat-ngu.schema.json": glossary_schema,
    # the open data files the build publishes (du-lieu/), for their users
    "du-lieu-van-ban.schema.json": document_data_schema,
    "du-lieu-kho.schema.json": collection_schema,
}


def render(name: str) -> str:
    return json.dumps(SCHEMAS[name](), ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    target = Path("schema")
    target.mkdir(exist_ok=True)
    for name in SCHEMAS:
        (target / name).write_text(render(name), encoding="utf-8")
        print(f"đã ghi schema/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
