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

from .problems import FOOTER, Problem


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
                parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")
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
    # not about one file: the checker's last line and what the site build says around the messages
    "tao-trang": "Dòng tổng kết khi kiểm tra và khi tạo trang web",
}
SUMMARY_GROUP = "tao-trang"


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
    return Problem(path, line, text(code, **values), CATALOGUE[code].severity, code)


def by_group() -> list[tuple[str, list[Message]]]:
    return [(label, [m for m in CATALOGUE.values() if m.group == key]) for key, label in GROUPS.items()]


# Data ----------------------------------------------------------------------------------
# Files and encodings (yamlload.py, loader._misplaced_files)

register("no-data-dir", "tep", "Không thấy thư mục data/", "không thấy thư mục data/ (chạy lệnh trong thư mục dự án)")
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
register(
    "null-document", "tep", "Tệp chỉ có giá trị rỗng",
    "tệp không có dữ liệu: chỉ có giá trị rỗng ('null', '~' hoặc '---') (điền nội dung theo mẫu, hoặc xóa tệp)",
)
register(
    "link-outside", "tep", "Liên kết trỏ ra ngoài data/",
    "tệp là liên kết (symlink) trỏ ra ngoài thư mục data/: không được đọc (chép tệp thật vào đây thay cho liên kết)",
    fix="Kho chỉ đọc tệp nằm trong data/. Một liên kết tới tệp ở nơi khác có thể làm lộ nội dung của máy xây dựng trang.",
)
register("link-broken", "tep", "Liên kết hỏng", "tệp là liên kết (symlink) trỏ tới tệp không tồn tại (xóa liên kết hoặc chép tệp thật vào đây)")
register("not-a-file", "tep", "Thư mục mang tên tệp dữ liệu", "đây là một thư mục, không phải tệp (đổi tên thư mục: tên kết thúc bằng '.yml' dành cho tệp dữ liệu)")
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
register("document-not-map", "truong", "Tệp văn bản sai dạng", "tệp văn bản phải là một khối 'trường: giá trị' (xem mẫu trong hướng dẫn)")
register(
    "hidden-character", "truong", "Ký tự ẩn trong mã hoặc số hiệu",
    "trường '{key}': có ký tự ẩn {code_point} ({name}) ở vị trí {position} (xóa ký tự này rồi gõ lại; thường lẫn vào khi chép từ web hoặc Word)",
    {"key": "number", "code_point": "U+200B", "name": "ZERO WIDTH SPACE", "position": "3"},
    fix="Ký tự ẩn (dấu cách độ rộng 0, gạch nối mềm, BOM…) không nhìn thấy được nhưng làm hai số hiệu trông giống nhau "
    "thành khác nhau. Đặt con trỏ ở vị trí được nêu, xóa vài ký tự quanh đó và gõ lại.",
)
register(
    "mixed-script", "truong", "Chữ của bảng chữ khác trông giống chữ Latinh",
    "trường '{key}': chữ '{char}' ở vị trí {position} là {code_point} ({name}), chữ {script} lẫn giữa các chữ Latinh (gõ lại chữ này bằng bàn phím tiếng Việt)",
    {"key": "number", "char": "С", "position": "9", "code_point": "U+0421", "name": "CYRILLIC CAPITAL LETTER ES", "script": "Kirin (Cyrillic)"},
    fix="Chữ «С» Kirin và «C» Latinh trông giống hệt nhau nhưng là hai ký tự khác nhau: số hiệu có chữ Kirin sẽ thành một văn bản khác.",
)
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
register(
    "fact-not-scalar", "truong", "Cần một giá trị đơn", "trường '{key}' phải là một giá trị đơn, không phải {kind}", {"key": "place", "kind": "danh sách"},
)
register(
    "not-a-text-list", "truong", "Cần danh sách chữ", "trường '{key}' phải là danh sách các chuỗi chữ, không phải {kind}", {"key": "aliases", "kind": "chuỗi chữ"},
)
register(
    "not-a-text-list-item", "truong", "Mục của danh sách không phải chữ",
    "trường '{key}': mục thứ {position} phải là chuỗi chữ, không phải {kind} (đặt mục trong dấu ngoặc kép)", {"key": "aliases", "position": "2", "kind": "giá trị đúng/sai"},
)
register("topics-not-list", "truong", "Chủ đề không phải danh sách", "trường 'topics' phải là danh sách chủ đề, ví dụ: [công tác dân vận, chính quyền cơ sở]")
register(
    "fact-without-reason", "truong", "Giá trị suy luận thiếu lý do",
    "trường '{key}' dạng khối phải có 'reason' (lý do suy luận) hoặc 'source' (nguồn công khai)", {"key": "level"},
)
register("source-missing", "truong", "Không thấy tệp nguồn", "không thấy tệp nguồn '{file}' trong data/nguon/ (chép tệp nguồn vào đó hoặc bỏ trường 'file')", {"file": "vi-du.txt"})
register(
    "source-outside", "truong", "Tệp nguồn nằm ngoài data/nguon/",
    "tệp nguồn '{file}' phải là tên một tệp nằm ngay trong data/nguon/ (chỉ ghi tên tệp, ví dụ 'chi-thi-05.txt'; không ghi thư mục, '..' hay đường dẫn tuyệt đối)",
    {"file": "../../etc/hostname"},
    fix="Chép tệp nguồn vào data/nguon/ rồi ghi đúng tên tệp. Kho không đọc tệp ở nơi khác, kể cả qua liên kết (symlink).",
)
register(
    "source-not-utf8", "truong", "Tệp nguồn không phải UTF-8",
    "tệp nguồn data/nguon/{file} không phải UTF-8 (mở tệp và lưu lại với bảng mã UTF-8)", {"file": "vi-du.txt"},
)
register("source-needs-one", "truong", "Nguồn trống", "trường 'source' cần ít nhất một trong: file, url, note")
register("source-shape", "truong", "Nguồn sai dạng", "trường 'source' phải có dạng: file: <tên tệp nguồn>, note: <ghi chú>")
register("signer-shape", "truong", "Người ký sai dạng", "trường 'signer' phải có dạng: name: ..., position: ..., on_behalf: ... (null nếu chưa rõ)")
register("removed-not-list", "truong", "Phần loại bỏ không phải danh sách", "trường 'removed' phải là danh sách (ghi 'removed: []' nếu không loại bỏ gì)")
register("removal-shape", "truong", "Phần loại bỏ sai dạng", "mỗi phần loại bỏ phải có dạng: text: ..., reason: chrome|duplicate, note: ...")
register("bad-removal-reason", "truong", "Lý do loại bỏ không hợp lệ", "lý do loại bỏ '{value}' không hợp lệ (chọn một trong: {choices})", {"value": "quang-cao", "choices": "chrome, duplicate"})

# Dates
register("bad-date", "ngay", "Ngày sai dạng", "trường '{key}': ngày không hợp lệ '{value}' (dạng đúng: YYYY-MM-DD, YYYY-MM hoặc YYYY, ví dụ '2010-05-10')", {"key": "issued", "value": "2011-02-30"})
register(
    "impossible-date", "ngay", "Ngày không có thật", "trường '{key}': ngày '{value}' không có thật (kiểm tra lại tháng 1–12 và số ngày của tháng đó)",
    {"key": "issued", "value": "2011-02-30"},
)
register("future-date", "ngay", "Ngày ở tương lai", "trường '{key}': ngày '{value}' ở tương lai (kiểm tra lại năm, tháng, ngày)", {"key": "issued", "value": "2105-03-02"})
register("date-range-order", "ngay", "Khoảng ngày ngược", "ngày ban hành suy luận: 'after' phải sớm hơn 'before'")

# Body
register("issued-block-without-reason", "ngay", "Ngày ban hành dạng khối thiếu lý do", "ngày ban hành dạng khối phải có 'reason' (lý do suy luận) hoặc 'source' (nguồn công khai)")
register("issued-range-without-bound", "ngay", "Khoảng ngày thiếu mốc", "ngày ban hành suy luận phải có 'after' hoặc 'before' (ví dụ: after: '2010-09-21')")
register("issued-range-without-reason", "ngay", "Khoảng ngày thiếu lý do", "ngày ban hành suy luận phải có 'reason' nói rõ suy ra từ đâu")
register("empty-body", "noi-dung", "Nội dung trống", "nội dung văn bản ('body') trống: cần ít nhất một khối (p, clause, heading…)")
register("empty-text", "noi-dung", "Đoạn văn trống", "trường '{key}' trống", {"key": "p"})
register("body-without-text", "noi-dung", "Nội dung chỉ có tiêu đề", "nội dung văn bản không có đoạn văn hay khoản nào (thêm khối 'p:' hoặc 'clause:')")
register("block-not-map", "noi-dung", "Khối nội dung sai dạng", "mỗi khối nội dung phải bắt đầu bằng một trong: {kinds} (ví dụ '- p: ...')", {"kinds": "heading, p, clause, section, signature"})
register("block-kind-count", "noi-dung", "Khối nội dung có hai loại", "mỗi khối nội dung cần đúng một trong các khóa: {kinds}", {"kinds": "heading, p, clause, section, signature"})
register("signature-shape", "noi-dung", "Chữ ký sai dạng", "khối 'signature' phải là danh sách các dòng chữ ký")
register("nested-paragraph-id", "noi-dung", "Đoạn con có mã riêng", "đoạn văn nằm trong một khoản không có mã riêng (bỏ 'id', dùng mã của khoản)")
register("bad-section-id", "noi-dung", "Mã phần sai dạng", "mã phần '{id}' không hợp lệ (chữ thường không dấu, số và '-')", {"id": "Phần-I"})
register("bad-clause-id", "noi-dung", "Mã khoản sai dạng", "mã khoản '{id}' không hợp lệ (chữ thường không dấu, số và '-')", {"id": "khoản-1"})
register("bad-paragraph-id", "noi-dung", "Mã đoạn sai dạng", "mã đoạn '{id}' không hợp lệ (chữ thường không dấu, số và '-', ví dụ 'boi-canh')", {"id": "Bối cảnh"})
register("items-not-list", "noi-dung", "Khối con không phải danh sách", "trường 'items' phải là danh sách các khối con")
register("bad-marker", "noi-dung", "Ký hiệu khoản không nhận ra", "ký hiệu khoản '{marker}' không nhận ra (dạng hợp lệ: '1.', '1-', '1/', '1)', 'a)', 'đ)', '-')", {"marker": "II."})
register("clause-without-text", "noi-dung", "Khoản thiếu nội dung", "khoản '{marker}' thiếu trường 'text' (nội dung sau ký hiệu '{marker}')", {"marker": "1."})
register("duplicate-anchor", "noi-dung", "Hai khối cùng mã neo", "mã neo '{id}' trùng với khối ở dòng {line} (đặt 'id:' riêng cho một trong hai)", {"id": "boi-canh", "line": "42"})
register("reserved-anchor", "noi-dung", "Mã neo dành riêng", "mã neo '{id}' không được bắt đầu bằng 'kb-' (dành cho các mục do hệ thống tạo)", {"id": "kb-yeu-cau"})
register(
    "correction-unclosed", "noi-dung", "Đánh dấu sửa lỗi chưa khép",
    "đánh dấu sửa lỗi không khép kín gần '{near}' (dạng đúng: {{~~chữ gốc~>chữ đã sửa~~}})", {"near": "ý kiến đối {~~vối~>với nhân dân;"},
)
register("correction-no-change", "noi-dung", "Sửa lỗi không đổi gì", "sửa lỗi '{markup}' không thay đổi gì (bỏ đánh dấu sửa lỗi)", {"markup": "{~~với~>với~~}"})
register(
    "correction-empty", "noi-dung", "Sửa lỗi thiếu chữ",
    "sửa lỗi '{markup}' thiếu chữ gốc hoặc chữ đã sửa (dạng đúng: {{~~chữ gốc~>chữ đã sửa~~}})", {"markup": "{~~vối~>~~}"},
)

# Registries and references
register(
    "unknown-actor", "danh-muc", "Cơ quan ban hành không có trong danh mục",
    "không có cơ quan '{id}' trong danh mục data/danh-muc/co-quan.yml (thêm cơ quan vào danh mục hoặc sửa mã)", {"id": "ubnd-xa-an-binh-moi"},
)
register("actors-missing", "danh-muc", "Thiếu danh mục cơ quan", "thiếu danh mục cơ quan (tạo tệp theo mẫu trong hướng dẫn)")
register("actors-shape", "danh-muc", "Danh mục cơ quan sai dạng", "danh mục cơ quan phải có dạng 'actors:' và một danh sách các mục '- id: ...'")
register("actor-not-map", "danh-muc", "Cơ quan sai dạng", "mỗi cơ quan phải là một khối có các trường id, name, short, level, kind")
register("actor-bad-id", "danh-muc", "Mã cơ quan sai dạng", "mã cơ quan '{id}' không hợp lệ (chỉ gồm chữ thường không dấu, số và '-')", {"id": "UBND-xa"})
register("actor-duplicate-id", "danh-muc", "Hai cơ quan cùng mã", "mã cơ quan '{id}' bị trùng (dòng {line})", {"id": "ubnd-xa-an-binh", "line": "4"})
register("actor-bad-level", "danh-muc", "Cấp của cơ quan không hợp lệ", "cấp '{value}' không hợp lệ (chọn một trong: {choices})", {"value": "phuong", "choices": "trung-uong, tinh, huyen, xa"})
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
# What the checker and the build print around the messages (kb.check, hooks/kb_mkdocs.py, scripts/safe_build.py)
register(
    "check-valid", "tao-trang", "Kiểm tra xong, dữ liệu hợp lệ",
    "{errors} lỗi, {warnings} cảnh báo{notices} trong {files} tệp ({seconds} giây) — dữ liệu hợp lệ.",
    {"errors": "0", "warnings": "0", "notices": "", "files": "8", "seconds": "0.07"},
)
register(
    "check-invalid", "tao-trang", "Kiểm tra xong, dữ liệu còn lỗi",
    "{errors} lỗi, {warnings} cảnh báo{notices} trong {files} tệp ({seconds} giây) — dữ liệu chưa hợp lệ, trang web sẽ không được tạo.",
    {"errors": "2", "warnings": "0", "notices": ", 1 lưu ý", "files": "8", "seconds": "0.07"},
)
register(
    "check-strict-warnings", "tao-trang", "Kiểm tra với --strict: còn cảnh báo",
    "{errors} lỗi, {warnings} cảnh báo{notices} trong {files} tệp ({seconds} giây) — với --strict (như CI) cảnh báo được tính là lỗi: dữ liệu chưa được nhận.",
    {"errors": "0", "warnings": "1", "notices": "", "files": "8", "seconds": "0.07"},
)
register(
    "build-data-heading", "tao-trang", "Tạo trang web: dữ liệu có lỗi", "Dữ liệu trong data/ có lỗi, chưa tạo trang web:",
    fix="Sau dòng này là các lỗi, mỗi lỗi một dòng như khi chạy «scripts/check.sh».",
)
register("build-data-errors", "tao-trang", "Trang web không được tạo vì dữ liệu có lỗi", FOOTER, {"errors": "2"})
register(
    "build-kept-old-site", "tao-trang", "Tạo trang web thất bại, giữ bản cũ",
    "Không tạo được trang web (mã lỗi {code}): giữ nguyên bản cũ trong {site}/ (sửa các lỗi ở trên rồi chạy lại).",
    {"code": "1", "site": "site"},
    fix="Lệnh «scripts/serve.sh build» tạo trang ở một thư mục tạm và chỉ thay thư mục site/ khi mọi thứ thành công "
    "(kể cả khi có cảnh báo, hay khi lệnh bị dừng giữa chừng): trang đang phục vụ người đọc không bao giờ bị hỏng.",
)
