"""The formal layout of Vietnamese official documents, as line classifiers for the importer.

Written from the published rules, not from any one text: Nghị định 30/2020/NĐ-CP (thể thức văn
bản hành chính: quốc hiệu and tiêu ngữ, cơ quan chủ quản over cơ quan ban hành, "Số: …/…",
"địa danh, ngày … tháng … năm …", tên loại + trích yếu or "V/v" for a công văn, Phần/Chương/Mục/
Điều, khoản 1. 2., điểm a) b), "TM./KT./TL./TUQ./Q." over the position, "Nơi nhận:") and
Hướng dẫn 36-HD/VPTW (thể thức văn bản của Đảng: "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ …" over
"… ỦY …" and a star, "Số 12-CT/TU", "T/M", "K/T", "T/L", "I-", "1-"). Plus the web-page chrome
that copies from portals carry. Every function takes one line (or column) of text.
"""

from __future__ import annotations

import re
import unicodedata

# Document type words: the line that names the type (tên loại), value = vocabulary key.
TYPE_WORDS: dict[str, str] = {
    "nghị quyết liên tịch": "nghi-quyet-lien-tich",
    "chỉ thị": "chi-thi",
    "nghị quyết": "nghi-quyet",
    "quyết định": "quyet-dinh",
    "kế hoạch": "ke-hoach",
    "hướng dẫn": "huong-dan",
    "thông tri": "thong-tri",
    "kết luận": "ket-luan",
    "quy chế": "quy-che",
    "quy định": "quy-dinh",
    "thông tư": "thong-tu",
    "nghị định": "nghi-dinh",
    "thông báo": "thong-bao",
    "báo cáo": "bao-cao",
    "công văn": "cong-van",
    "chương trình": "khac",
    "đề án": "khac",
    "tờ trình": "khac",
    "điều lệ": "khac",
    "quy chế phối hợp": "khac",
}
# Types that come attached to a decision ("Ban hành kèm theo Quyết định số …").
ATTACHED_TYPES = ("quy chế", "quy định", "điều lệ", "chương trình", "kế hoạch", "hướng dẫn", "đề án")

NATIONAL_NAME = re.compile(r"^cong hoa xa hoi chu nghia viet nam$")
MOTTO = re.compile(r"^doc lap\s*[-–—]\s*tu do\s*[-–—]\s*hanh phuc$")
PARTY_NAME = re.compile(r"^dang cong san viet nam$")
SEPARATOR = re.compile(r"^[\s*_\-–—=~.]+$")
NUMBER = re.compile(r"^Số\s*[:.]?\s*(?P<number>[0-9][0-9A-Za-zĐđ/\-.]*[0-9A-Za-zĐđ])\s*$", re.I)
PLACE_DATE = re.compile(
    r"^(?P<place>[^\d,]{2,40}),\s*(?:ngày\s+(?P<d1>\d{1,2})\s+tháng\s+(?P<m1>\d{1,2})\s+năm\s+(?P<y1>\d{4})"
    r"|(?:ngày\s+)?(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>\d{4})"
    r"|ngày\s+(?:\.{2,}\s*)?tháng\s+(?P<m3>\d{1,2})\s+năm\s+(?P<y3>\d{4}))\s*\.?$",
    re.I,
)
SUBJECT = re.compile(r"^(V/v|V/V|Về việc)\b\s*:?\s*(?P<rest>.*)$")
ADDRESSEE = re.compile(r"^Kính\s+gửi\b", re.I)
RECIPIENTS = re.compile(r"^Nơi\s+nhận\b", re.I)
ATTACHED_NOTE = re.compile(r"^\(\s*(Ban hành )?kèm theo\b", re.I)

# Words that make an all-caps line the name of an organisation (cơ quan, tổ chức).
_ORG_WORDS = re.compile(
    r"\b(ỦY|UỶ|UBND|HĐND|HỘI|BAN|SỞ|PHÒNG|CỤC|BỘ|CHÍNH PHỦ|THỦ TƯỚNG|VĂN PHÒNG|ĐẢNG BỘ|ĐẢNG ỦY|ĐẢNG UỶ|CHI BỘ|"
    r"MẶT TRẬN|MTTQ|ĐOÀN|LIÊN ĐOÀN|TRƯỜNG|CÔNG AN|BỘ CHỈ HUY|TÒA ÁN|VIỆN KIỂM SÁT|KHỐI|TỔNG CỤC|QUỐC HỘI|TRUNG ƯƠNG)\b"
)
UNIT_WORDS = r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)"

# Body levels, outermost first (Phần > Chương > Mục > Điều; Roman parts sit at Mục's level).
ROMAN = re.compile(r"^(?P<num>[IVXL]{1,6})\s*(?P<sep>[.\-/)–:])(?:\s+(?P<text>.*))?$")
_ROMAN_VALUE = re.compile(r"^(X{0,3})(IX|IV|V?I{0,3})$")
PART = re.compile(r"^(?P<word>Phần|PHẦN)\s+(?P<num>thứ\s+\w+|THỨ\s+\w+|[IVXL]+|\d+)\b\s*[.:\-]?(?:\s+(?P<text>.*))?$")
CHAPTER = re.compile(r"^(?P<word>Chương|CHƯƠNG)\s+(?P<num>[IVXL]+|\d+)\b\s*[.:\-]?(?:\s+(?P<text>.*))?$")
SUBPART = re.compile(r"^(?P<word>Mục|MỤC)\s+(?P<num>\d+|[IVXL]+)\b\s*[.:\-]?(?:\s+(?P<text>.*))?$")
ARTICLE = re.compile(r"^(?P<word>Điều|ĐIỀU)\s+(?P<num>\d+)\s*[.:]?(?:\s+(?P<text>.*))?$")
NUMBERED = re.compile(r"^(?P<marker>(?P<num>\d{1,2})[.\-/)])(?:\s+(?P<text>.*))?$")
LETTERED = re.compile(r"^(?P<marker>[a-zđ]\))(?:\s+(?P<text>.*))?$")
BULLET = re.compile(r"^(?P<marker>[-–•+])\s+(?P<text>.+)$")
SECTION_RANK = {"phan": 0, "chuong": 1, "muc": 2, "roman": 2, "dieu": 3}

# Signature block (thể thức chữ ký): authority prefixes, the "signed" note, a position, a name.
AUTHORITY = re.compile(r"^(?P<prefix>(?i:T/M|TM\.?|T\.M\.?|K/T|KT\.?|T/L|TL\.?|TUQ\.?|T\.U\.Q\.?)|Q\.)\s+(?P<rest>.+)$")
SIGNED = re.compile(r"^\(?\s*(đã ký|ký|đã ký và đóng dấu|đã ký, đóng dấu|đã ký và đóng dấu)\s*\)?\.?$", re.I)
_POSITION_WORDS = re.compile(
    r"\b(CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|TRƯỞNG|PHÓ|CHÁNH|THƯỜNG TRỰC|ỦY VIÊN|TỔNG|THỦ TRƯỞNG|BỘ TRƯỞNG|THỦ TƯỚNG|"
    r"VIỆN TRƯỞNG|CỤC TRƯỞNG|CHỈ HUY|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|ĐẢNG ỦY|ỦY BAN|HỘI ĐỒNG|VĂN PHÒNG|THƯ KÝ)\b"
)
_NAME_WORD = re.compile(r"^[A-ZÀ-ỸĐ][a-zà-ỹđ]*(?:['’][A-ZÀ-ỸĐa-zà-ỹđ]+)?$|^[A-ZÀ-ỸĐ]['’]?[A-ZÀ-ỸĐ]*$|^[A-ZÀ-ỸĐ]['’][A-ZÀ-ỸĐa-zà-ỹđ]+$")

# Closing paragraphs that stand outside the numbered parts.
CLOSING = re.compile(
    r"^(Trên đây là|Nhận được|(Chỉ thị|Nghị quyết|Kế hoạch|Hướng dẫn|Thông báo|Công văn|Báo cáo|Thông tri|Quyết định) này\s+"
    r"(được|có hiệu lực|phổ biến|gửi)|Yêu cầu các|Đề nghị các|Trong quá trình (thực hiện|triển khai)|Quá trình thực hiện)",
)

# Web-page chrome: lines that a portal adds around a document. Words that also occur in prose
# ("chia sẻ", "quay lại") count only on a short line; the others only at the start of a line.
_CHROME_SHORT = re.compile(
    r"(\|.*\|| » |^.{0,60} > .{0,60}$|\blượt xem\b|\blượt truy cập\b|\bđang online\b|\bin bài( viết)?\b|\bbản in\b|"
    r"\bin trang\b|\bgửi email\b|\bgửi bài( viết)?\b|\bgửi cho bạn bè\b|\blên đầu trang\b|©|"
    r"\bcopyright\b|^facebook$|^zalo$|^twitter$|^rss$|^\w{0,6} ?online\b)",
    re.I,
)
_CHROME_START = re.compile(
    r"^(trang chủ\b|hôm qua:|tất cả:|cỡ chữ\b|bản quyền\b|cơ quan chủ quản\b|giấy phép số\b|chịu trách nhiệm (chính|nội dung)\b|"
    r"ghi rõ nguồn\b|đăng ngày\b|ngày đăng\b|cập nhật( lúc| ngày)?\b|tải về\b|tệp đính kèm\b|đánh giá bài viết\b|bình luận\b|"
    r"từ khóa\b|tags?:|số lượt truy cập\b|lượt xem\b|©|(chia sẻ|quay lại)\b.{0,20}$)",
    re.I,
)
SITE_NAME = re.compile(r"^(cổng|trang) thông tin|^báo\b|^tạp chí\b|^website\b|\bđiện tử$", re.I)
FOOTER_START = re.compile(
    r"^(tin liên quan|tin cùng chuyên mục|các tin khác|tin khác|tin mới( nhất)?|bài viết liên quan|xem thêm|"
    r"liên kết website|tin đã đưa|các bài viết khác|đọc nhiều nhất|tin nổi bật|văn bản liên quan)\s*:?$",
    re.I,
)
PORTAL_DATELINE = re.compile(
    r"^((thứ\s+\w+|chủ nhật)\s*,?\s*)?\d{1,2}/\d{1,2}/\d{4}(\s*[-|,]?\s*\d{1,2}[:h]\d{2}(\s*(gmt|am|pm)[+\d]*)?)?$"
    r"|^\d{1,2}[:h]\d{2}\s*,?\s*(ngày\s*)?\d{1,2}/\d{1,2}/\d{4}$",
    re.I,
)


def fold(text: str) -> str:
    """Lower case, no diacritics, đ→d, single spaces: for matching words whatever the source's spelling."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d").replace("Ð", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(text.split())


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def columns(raw: str) -> list[str]:
    """A line copied from a two-column table ("TỈNH ỦY X<tab><tab>ĐẢNG CỘNG SẢN VIỆT NAM"), split into its cells."""
    return [" ".join(c.split()) for c in re.split(r"\t+|\s{3,}", raw.strip()) if c.strip()]


def type_of_line(text: str) -> tuple[str, str] | None:
    """(type word, vocabulary key) when the line is a type line: "CHỈ THỊ", "Chỉ thị", "CHỈ THỊ CỦA …", also "CHỈ THI"."""
    folded = fold(text).rstrip(" :.")
    for word in sorted(TYPE_WORDS, key=len, reverse=True):
        key = fold(word)
        if folded == key or folded.startswith(key + " cua ") or re.fullmatch(re.escape(key) + r" (so )?\d+[\w/\-]*", folded):
            return word, TYPE_WORDS[word]
    return None


def is_national_line(text: str) -> bool:
    return bool(NATIONAL_NAME.match(fold(text)) or MOTTO.match(fold(text)) or PARTY_NAME.match(fold(text)))


def is_org_line(text: str) -> bool:
    """An organisation name in capitals (cơ quan chủ quản or cơ quan ban hành)."""
    return is_caps(text) and len(text.split()) <= 14 and bool(_ORG_WORDS.search(text.upper())) and not is_national_line(text)


def is_unit_continuation(text: str) -> bool:
    """The second line of a name split over two lines: "HUYỆN ĐỨC LINH" under "ỦY BAN NHÂN DÂN"."""
    return is_caps(text) and bool(re.match(rf"^{UNIT_WORDS}\s+\S", text.lower())) and len(text.split()) <= 8


def header_cell_kind(text: str) -> str | None:
    """What a cell of the header block is: national, org, separator, number, date, or None."""
    if is_national_line(text):
        return "national"
    if SEPARATOR.match(text):
        return "separator"
    if NUMBER.match(text):
        return "number"
    if PLACE_DATE.match(text):
        return "date"
    if is_org_line(text) or is_unit_continuation(text):
        return "org"
    return None


def is_chrome(text: str) -> bool:
    """A line a portal adds: menu, breadcrumb, print/email buttons, view counter, copyright, licence."""
    return (len(text) <= 70 and bool(_CHROME_SHORT.search(text))) or (len(text) <= 200 and bool(_CHROME_START.match(text)))


def roman_value(numeral: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    if not _ROMAN_VALUE.match(numeral):
        return None
    total = 0
    for index, char in enumerate(numeral):
        value = values[char]
        total += -value if index + 1 < len(numeral) and values[numeral[index + 1]] > value else value
    return total


def section_of(text: str) -> tuple[str, str, str | None] | None:
    """(kind, number as printed, rest) for a part heading: Phần, Chương, Mục n, Điều n, or a Roman "II." part."""
    if m := PART.match(text):
        return "phan", m["num"], m["text"]
    if m := CHAPTER.match(text):
        return "chuong", m["num"], m["text"]
    if m := SUBPART.match(text):
        return "muc", m["num"], m["text"]
    if m := ARTICLE.match(text):
        return "dieu", m["num"], m["text"]
    if (m := ROMAN.match(text)) and roman_value(m["num"]):
        rest = m["text"]
        if rest is None or is_caps(rest) or len(rest) < 120:
            return "roman", m["num"], rest
    return None


def is_signed_note(text: str) -> bool:
    return bool(SIGNED.match(text.strip()))


def is_position(text: str) -> bool:
    """A position line in a signature: "PHÓ CHỦ TỊCH", "BÍ THƯ", "CHÁNH VĂN PHÒNG"."""
    return is_caps(text) and len(text.split()) <= 8 and bool(_POSITION_WORDS.search(text.upper())) and not text.rstrip().endswith((".", ";", ","))


def is_person_name(text: str) -> bool:
    """A signer's name: two to six capitalised words ("Nguyễn Văn A", "BÙI DUY NHÂM", "A Thút", "H' Linh Niê")."""
    words = text.replace("’", "'").split()
    if not 2 <= len(words) <= 6 or len(text) > 45:
        return False
    return all(_NAME_WORD.match(w) or w in ("'",) for w in words) and not is_position(text)


def sentence_case(text: str) -> str:
    text = text.lower()
    return text[:1].upper() + text[1:]


def title_case_words(text: str) -> str:
    """"ĐỨC LINH" → "Đức Linh"; keeps an apostrophe name ("H' LINH" → "H' Linh")."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())


# Written capitals of names a lower-cased caps title loses; "các"/"những" before a name make it generic.
_PROPER_NAMES = [
    (r"mặt trận tổ quốc việt nam", "Mặt trận Tổ quốc Việt Nam"),
    (r"mặt trận tổ quốc", "Mặt trận Tổ quốc"),
    (r"ban (thường vụ|chấp hành|dân vận|tuyên giáo|tổ chức|kiểm tra|nội chính|dân tộc|bí thư)",
     lambda m: "Ban " + m.group(1)[:1].upper() + m.group(1)[1:]),
    (r"thường trực(?= ((tỉnh|thành|huyện|quận|thị|đảng) ủy|hội đồng nhân dân))", "Thường trực"),
    (r"(tỉnh|thành|huyện|quận|thị|đảng) ủy", lambda m: m.group(0)[:1].upper() + m.group(0)[1:]),
    (r"ủy ban nhân dân", "Ủy ban nhân dân"),
    (r"hội đồng nhân dân", "Hội đồng nhân dân"),
    (r"đảng(?! (viên|ủy|bộ|đoàn|phí|tịch|kỳ|vụ|phái))", "Đảng"),
    (r"nhà nước", "Nhà nước"),
    (r"chính phủ", "Chính phủ"),
    (r"quốc hội", "Quốc hội"),
    (r"việt nam", "Việt Nam"),
    (r"khmer", "Khmer"),
]


def restore_capitals(text: str) -> str:
    """"ý kiến của thường trực tỉnh ủy về …" → "ý kiến của Thường trực Tỉnh ủy về …"."""
    for pattern, proper in _PROPER_NAMES:
        text = re.sub(rf"(?<!\w)(?<!các )(?<!những ){pattern}(?!\w)", proper, text)
    return text
