"""The catalogue of messages the checker prints: code -> exact template, meaning and fix.

The guide's section «Lỗi thường gặp và cách sửa» is generated from this catalogue, and the
bad-input tests (tests/test_bad_input.py) assert that every message the checker prints for a
fixture matches the template of the code the fixture names, so the guide cannot drift from
the checker. Modules that add checks (citations, responsibilities, …) add their entries with
`register(...)` at import time, next to the code that prints them.

Templates use str.format syntax: {name} is a value from the file, {{ and }} are literal braces.
Modules print a catalogue message with `text(code, **values)` or `problem(code, path, line, **values)`,
so the printed words are the catalogue's words by construction, not by a test that could miss one.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

from .problems import Problem


@dataclass(frozen=True)
class Message:
    code: str
    group: str  # guide section: "tep", "yaml", "truong", "ngay", "noi-dung", "danh-muc"
    title: str  # short Vietnamese name of the mistake, for the guide
    template: str  # the exact text printed after "tệp:dòng: lỗi: "
    example: dict = field(default_factory=dict)  # placeholder values to show in the guide
    severity: str = "error"
    fix: str = ""  # longer advice for the guide (the message itself already says the fix briefly)

    def render(self, **values) -> str:
        return self.template.format(**{**self.example, **values})

    def placeholders(self) -> set[str]:
        return {name for _literal, name, _spec, _conv in string.Formatter().parse(self.template) if name is not None}

    def pattern(self) -> re.Pattern:
        parts, seen = [], set()
        for literal, name, _spec, _conv in string.Formatter().parse(self.template):
            parts.append(re.escape(literal))
            if name is not None:  # a repeated placeholder must repeat the same value
                parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
                seen.add(name)
        return re.compile("^" + "".join(parts) + "$", re.S)

    def matches(self, message: str) -> bool:
        return bool(self.pattern().match(message))


CATALOGUE: dict[str, Message] = {}

GROUPS: dict[str, str] = {
    "tep": "Tệp và bảng mã",
    "yaml": "Cú pháp YAML",
    "truong": "Trường thông tin",
    "ngay": "Ngày tháng",
    "noi-dung": "Nội dung văn bản",
    "danh-muc": "Danh mục và tham chiếu",
    "dan-chieu": "Dẫn chiếu và quan hệ giữa các văn bản",
    "trach-nhiem": "Phân công trách nhiệm",
    "hieu-luc": "Tình trạng hiệu lực",
    "chu-de": "Chủ đề",
    "thuat-ngu": "Thuật ngữ và chữ viết tắt",
    "cap-nhat": "Lịch sử cập nhật",
}


def register(code: str, group: str, title: str, template: str, example: dict | None = None, severity: str = "error", fix: str = "") -> Message:
    if code in CATALOGUE:
        raise ValueError(f"message code {code!r} registered twice")
    if group not in GROUPS:
        raise ValueError(f"unknown message group {group!r}")
    message = Message(code, group, title, template, example or {}, severity, fix)
    CATALOGUE[code] = message
    return message


def text(code: str, /, **values) -> str:
    """The exact message of `code` with the file's values; every placeholder must be given.

    Unlike Message.render (which fills gaps with the guide's example values), a missing or
    unexpected value is a programming error here: a clerk must never read an example value.
    """
    message = CATALOGUE[code]
    wanted = message.placeholders()
    if set(values) != wanted:
        raise KeyError(f"message {code!r} needs {sorted(wanted)}, got {sorted(values)}")
    return message.template.format(**values)


def problem(code: str, path: str, line: int, /, **values) -> Problem:
    """A Problem printing the catalogue message `code`, with the catalogue's severity."""
    return Problem(path, line, text(code, **values), CATALOGUE[code].severity)


def by_group() -> list[tuple[str, list[Message]]]:
    return [(label, [m for m in CATALOGUE.values() if m.group == key]) for key, label in GROUPS.items()]


# Data ----------------------------------------------------------------------------------
# Files and encodings (yamlload.py, loader._misplaced_files)

register("empty-file", "tep", "Tệp rỗng", "tệp rỗng (hãy điền nội dung theo mẫu trong trang «Hướng dẫn bổ sung văn bản»)")
register("no-data", "tep", "Tệp chỉ có chú thích", "tệp không có dữ liệu (chỉ có chú thích)")
register(
    "not-utf8", "tep", "Bảng mã cũ (Windows-1258, TCVN3/ABC, VNI)",
    "tệp không phải UTF-8 (có thể đang dùng bảng mã cũ Windows-1258, TCVN3/ABC hoặc VNI); hãy mở tệp bằng trình soạn thảo "
    "và lưu lại với bảng mã UTF-8 (Unikey: chuyển mã sang Unicode)",
    fix="Mở tệp bằng Unikey → «Công cụ chuyển mã», chọn bảng mã nguồn (TCVN3 hoặc VNI Windows), bảng mã đích Unicode; "
    "hoặc trong VS Code chọn «Reopen with Encoding» rồi «Save with Encoding: UTF-8».",
)
register(
    "mojibake", "tep", "Chữ Việt bị hỏng do chuyển mã sai",
    "chữ Việt bị hỏng: tệp có vẻ được gõ bằng bảng mã cũ TCVN3/ABC hoặc VNI rồi lưu lại thành UTF-8 "
    "(dùng Unikey «Công cụ chuyển mã» chuyển từ TCVN3 hoặc VNI sang Unicode, rồi lưu lại)",
    fix="Dấu hiệu: chữ hiện thành «ChØ thÞ», «d©n vËn». Văn bản gõ bằng phông .VnTime đã bị lưu lại mà không chuyển mã.",
)
register("utf16", "tep", "Tệp UTF-16", "tệp lưu dạng UTF-16 (Notepad gọi là «Unicode»); hãy lưu lại với bảng mã UTF-8")
register("bom", "tep", "Ký tự BOM ở đầu tệp", "tệp có ký tự BOM ở đầu; đã bỏ qua (nên lưu tệp dạng UTF-8 không BOM)", severity="notice")
register(
    "nfd", "tep", "Unicode tổ hợp (NFD)",
    "văn bản dùng Unicode dạng tổ hợp (NFD) hoặc lẫn lộn; đã tự chuẩn hóa sang dạng dựng sẵn (NFC) (nên lưu tệp bằng bộ gõ Unicode dựng sẵn)",
    severity="notice",
    fix="Chữ trông giống hệt nhưng tìm kiếm không thấy. Trong Unikey chọn bảng mã «Unicode dựng sẵn».",
)
register("nul", "tep", "Ký tự NUL", "tệp chứa ký tự NUL: có lẽ không phải tệp văn bản (lưu lại dạng UTF-8)")
register(
    "long-line", "tep", "Dòng quá dài",
    "dòng dài {length} ký tự, vượt giới hạn {limit} (ngắt văn bản thành nhiều dòng trong khối '>-' hoặc tách đoạn)",
    {"length": "25009", "limit": "20000"},
)
register("yaml-extension", "tep", "Đuôi tệp .yaml", "đuôi tệp phải là '.yml' (đổi tên tệp, ví dụ 'ten-van-ban.yml')")
register(
    "misplaced-file", "tep", "Tệp đặt sai thư mục",
    "tệp YAML nằm ngoài thư mục dự kiến; văn bản đặt trong data/van-ban/, danh mục đặt trong data/danh-muc/ (di chuyển tệp)",
)
register(
    "fidelity", "tep", "Bản làm sạch không khớp bản nguồn",
    "bản làm sạch không khớp bản nguồn data/nguon/{file}: {detail} (chỉ được đổi cách trình bày; chữ bỏ đi phải ghi trong "
    "'removed', lỗi chính tả ghi {{~~gốc~>sửa~~}})",
    {"file": "vi-du.txt", "detail": "chữ thứ 90: nguồn có 'không', bản làm sạch có 'gây' (ngữ cảnh: …)"},
    fix="Mọi chữ của bản nguồn phải còn trong 'body' hoặc được ghi trong 'removed'. Tìm chữ được nêu trong thông báo "
    "và chép lại đúng như bản nguồn.",
)

# YAML syntax (yamlload.py)
register("yaml-tab", "yaml", "Thụt lề bằng Tab", "lỗi cú pháp YAML: có ký tự Tab: YAML chỉ cho phép thụt lề bằng dấu cách (thay Tab bằng 2 dấu cách)")
register(
    "yaml-colon", "yaml", "Dấu hai chấm trong giá trị không có ngoặc kép",
    "lỗi cú pháp YAML: có dấu ': ' ở chỗ không được phép (đặt cả giá trị trong dấu ngoặc kép \"...\" hoặc dùng khối '>-')",
)
register("yaml-unclosed-quote", "yaml", "Thiếu dấu ngoặc kép đóng", "lỗi cú pháp YAML: chuỗi trong dấu ngoặc kép chưa được đóng (thêm dấu \" ở cuối)")
register("yaml-indent", "yaml", "Thụt lề không thẳng hàng", "lỗi cú pháp YAML: thụt lề không thẳng hàng (các trường cùng cấp phải thụt lề bằng nhau)")
register(
    "yaml-bracket", "yaml", "Giá trị bắt đầu bằng dấu ngoặc '[' hoặc '{'",
    "lỗi cú pháp YAML: giá trị bắt đầu bằng dấu ngoặc '[' hoặc '{{' nên YAML hiểu là một danh sách (đặt cả giá trị trong dấu ngoặc "
    "kép \"...\"; nếu đúng là danh sách thì đóng ngoặc và ngăn các mục bằng dấu phẩy)",
    fix="Ví dụ 'title: [Dự thảo] Chỉ thị về …' phải viết 'title: \"[Dự thảo] Chỉ thị về …\"'.",
)
register(
    "yaml-reserved-char", "yaml", "Giá trị bắt đầu bằng ký tự dành riêng",
    "lỗi cú pháp YAML: giá trị bắt đầu bằng ký tự YAML dành riêng ('@', '`' hoặc '%') (đặt cả giá trị trong dấu ngoặc kép \"...\")",
)
register(
    "yaml-syntax", "yaml", "Lỗi cú pháp YAML khác", "lỗi cú pháp YAML: {detail}", {"detail": "thiếu dấu ':' sau tên trường (dạng đúng: 'ten_truong: gia_tri')"},
    fix="Khi không có lời khuyên riêng, thông báo chép nguyên văn lời của trình đọc YAML (tiếng Anh) trong «…», kèm cách kiểm tra.",
)
register("alias", "yaml", "Neo/bí danh YAML", "không được dùng neo/bí danh YAML ('&', '*', '<<'): hãy viết đầy đủ giá trị")
register("duplicate-key", "yaml", "Một trường viết hai lần", "trường '{key}' xuất hiện hai lần trong cùng một khối (xóa một trong hai)", {"key": "status"})

# Fields (loader.py)
register("missing-field", "truong", "Thiếu trường bắt buộc", "thiếu trường bắt buộc '{key}' ({description}); nếu chưa rõ, ghi '{key}: null'", {"key": "issued", "description": "ngày ban hành"})
register("unknown-key-hint", "truong", "Trường lạ (gõ nhầm tên)", "trường lạ '{key}' (có phải ý bạn là '{hint}'?)", {"key": "isued", "hint": "issued"})
register("unknown-key", "truong", "Trường lạ", "trường lạ '{key}' (các trường hợp lệ: {allowed})", {"key": "ghi-chu", "allowed": "name, on_behalf, position"})
register("bad-id", "truong", "Mã văn bản sai dạng", "mã văn bản '{id}' không hợp lệ (chỉ gồm chữ thường không dấu, số và '-')", {"id": "Chỉ-thị-05"})
register(
    "id-not-file-name", "truong", "Mã khác tên tệp (hoặc chép tệp mà quên đổi mã)",
    "mã '{id}' khác tên tệp '{stem}.yml' (đổi 'id: {stem}' hoặc đổi tên tệp thành '{id}.yml')",
    {"id": "ha-noi-2010-chi-thi", "stem": "ha-noi-2011-chi-thi"},
)
register("bad-type", "truong", "Loại văn bản không có trong danh sách", "loại văn bản '{value}' không hợp lệ (chọn một trong: {choices})", {"value": "chỉ thị", "choices": "chi-thi, nghi-quyet, …"})
register("bad-choice", "truong", "Giá trị không có trong danh sách", "trường '{key}': giá trị '{value}' không hợp lệ (chọn một trong: {choices})", {"key": "level", "value": "cap-xa", "choices": "trung-uong, tinh, huyen, xa"})
register("wrong-type-text", "truong", "Sai kiểu: cần chuỗi chữ", "trường '{key}' phải là chuỗi chữ, không phải {kind} (đặt giá trị trong dấu ngoặc kép)", {"key": "title", "kind": "số"})
register("empty-field", "truong", "Trường bắt buộc để trống", "trường '{key}' không được để trống", {"key": "title"})
register("topics-not-list", "truong", "Chủ đề không phải danh sách", "trường 'topics' phải là danh sách chủ đề, ví dụ: [công tác dân vận, chính quyền cơ sở]")
register(
    "fact-without-reason", "truong", "Giá trị suy luận thiếu lý do",
    "trường '{key}' dạng khối phải có 'reason' (lý do suy luận) hoặc 'source' (nguồn công khai)", {"key": "level"},
)
register("source-missing", "truong", "Không thấy tệp nguồn", "không thấy tệp nguồn '{file}' trong data/nguon/ (chép tệp nguồn vào đó hoặc bỏ trường 'file')", {"file": "vi-du.txt"})
register("bad-removal-reason", "truong", "Lý do loại bỏ không hợp lệ", "lý do loại bỏ '{value}' không hợp lệ (chọn một trong: {choices})", {"value": "quang-cao", "choices": "chrome, duplicate"})

# Dates
register("bad-date", "ngay", "Ngày không có thật hoặc sai dạng", "trường '{key}': ngày không hợp lệ '{value}' (dạng đúng: YYYY-MM-DD, YYYY-MM hoặc YYYY, ví dụ '2010-05-10')", {"key": "issued", "value": "2011-02-30"})
register("future-date", "ngay", "Ngày ở tương lai", "trường '{key}': ngày '{value}' ở tương lai (kiểm tra lại năm, tháng, ngày)", {"key": "issued", "value": "2105-03-02"})
register("date-range-order", "ngay", "Khoảng ngày ngược", "ngày ban hành suy luận: 'after' phải sớm hơn 'before'")

# Body
register("empty-body", "noi-dung", "Nội dung trống", "nội dung văn bản ('body') trống: cần ít nhất một khối (p, clause, heading…)")
register("empty-text", "noi-dung", "Đoạn văn trống", "trường '{key}' trống", {"key": "p"})
register("bad-marker", "noi-dung", "Ký hiệu khoản không nhận ra", "ký hiệu khoản '{marker}' không nhận ra (dạng hợp lệ: '1.', '1-', '1/', '1)', 'a)', 'đ)', '-')", {"marker": "II."})
register("clause-without-text", "noi-dung", "Khoản thiếu nội dung", "khoản '{marker}' thiếu trường 'text' (nội dung sau ký hiệu '{marker}')", {"marker": "1."})
register("duplicate-anchor", "noi-dung", "Hai khối cùng mã neo", "mã neo '{id}' trùng với khối ở dòng {line} (đặt 'id:' riêng cho một trong hai)", {"id": "boi-canh", "line": "42"})
register("reserved-anchor", "noi-dung", "Mã neo dành riêng", "mã neo '{id}' không được bắt đầu bằng 'kb-' (dành cho các mục do hệ thống tạo)", {"id": "kb-yeu-cau"})
register(
    "correction-unclosed", "noi-dung", "Đánh dấu sửa lỗi chưa khép",
    "đánh dấu sửa lỗi không khép kín gần '{near}' (dạng đúng: {{~~chữ gốc~>chữ đã sửa~~}})", {"near": "ý kiến đối {~~vối~>với nhân dân;"},
)
register(
    "correction-empty", "noi-dung", "Sửa lỗi thiếu chữ",
    "sửa lỗi '{markup}' thiếu chữ gốc hoặc chữ đã sửa (dạng đúng: {{~~chữ gốc~>chữ đã sửa~~}})", {"markup": "{~~vối~>~~}"},
)

# Registries and references
register(
    "unknown-actor", "danh-muc", "Cơ quan ban hành không có trong danh mục",
    "không có cơ quan '{id}' trong danh mục data/danh-muc/co-quan.yml (thêm cơ quan vào danh mục hoặc sửa mã)", {"id": "ubnd-xa-an-binh-moi"},
)
register("bad-actor-kind", "danh-muc", "Loại cơ quan không hợp lệ", "loại cơ quan '{value}' không hợp lệ (chọn một trong: {choices})", {"value": "uy-ban", "choices": "dang, chinh-quyen, mat-tran, ca-nhan, khac"})
register("duplicate-number", "danh-muc", "Hai văn bản cùng số hiệu", "số hiệu '{number}' trùng với văn bản {other} (kiểm tra lại số hiệu)", {"number": "05/CT-UBND", "other": "data/van-ban/vi-du.yml"})

# Validity (loader._status): a status is never inferred and always has a source
register(
    "status-without-source", "hieu-luc", "Tình trạng hiệu lực không ghi nguồn",
    "tình trạng hiệu lực '{value}' phải ghi nguồn: viết 'status: {{value: {value}, source: \"<nguồn>\", date: \"YYYY-MM-DD\"}}'; không có nguồn thì ghi 'status: null' (Chưa rõ)",
    {"value": "con-hieu-luc"},
    fix="Nguồn là nơi nói rõ tình trạng: cơ sở dữ liệu quốc gia về văn bản pháp luật (ghi ngày tra cứu), công báo, "
    "hoặc văn bản bãi bỏ/thay thế. 'date' là ngày tình trạng bắt đầu (ngày hết hiệu lực), nếu nguồn nói.",
)
register(
    "status-inferred", "hieu-luc", "Tình trạng hiệu lực suy luận",
    "tình trạng hiệu lực không được suy luận (bỏ 'reason'; ghi 'source' nếu có nguồn nói rõ, nếu không ghi 'status: null')",
    fix="Một văn bản cũ chưa chắc đã hết hiệu lực, một văn bản không bị bãi bỏ chưa chắc còn hiệu lực: chỉ nguồn mới nói được.",
)

# History in the collection (loader._changes)
register(
    "changes-not-list", "cap-nhat", "Lịch sử cập nhật không phải danh sách",
    "trường 'changes' phải là danh sách, mỗi mục: date: \"YYYY-MM-DD\", note: <thay đổi gì>",
)
register(
    "change-shape", "cap-nhat", "Mục lịch sử cập nhật sai dạng",
    "mỗi mục của 'changes' phải có dạng: date: \"YYYY-MM-DD\", note: \"Thêm vào kho\"",
)
register(
    "change-date-not-day", "cap-nhat", "Ngày cập nhật thiếu ngày",
    "ngày cập nhật '{value}' phải đủ ngày, tháng, năm (dạng YYYY-MM-DD)", {"value": "2026-11"},
)
register(
    "changes-order", "cap-nhat", "Lịch sử cập nhật không theo thứ tự",
    "ngày cập nhật '{value}' sớm hơn mục trước ({previous}); ghi các mục từ cũ đến mới, mục mới nhất ở cuối",
    {"value": "2026-11-01", "previous": "2026-11-20"},
    fix="Mỗi lần sửa văn bản (thêm khoản, sửa chữ, sửa thuộc tính), thêm một dòng ở cuối 'changes' với ngày sửa và một câu "
    "nói đã sửa gì; trang «Mới cập nhật» và nguồn tin Atom lấy ngày từ đây.",
)
