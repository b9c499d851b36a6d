"""Controlled vocabularies: the allowed values of coded fields and their Vietnamese labels."""

from __future__ import annotations

DOCUMENT_TYPES: dict[str, str] = {
    "chi-thi": "Chỉ thị",
    "nghi-quyet": "Nghị quyết",
    "nghi-quyet-lien-tich": "Nghị quyết liên tịch",
    "quyet-dinh": "Quyết định",
    "nghi-dinh": "Nghị định",
    "phap-lenh": "Pháp lệnh",
    "luat": "Luật",
    "thong-tu": "Thông tư",
    "ke-hoach": "Kế hoạch",
    "huong-dan": "Hướng dẫn",
    "thong-tri": "Thông tri",
    "ket-luan": "Kết luận",
    "quy-che": "Quy chế",
    "quy-dinh": "Quy định",
    "tin-bai": "Tin bài (thuật lại sự kiện)",
    "khac": "Văn bản khác",
}

LEVELS: dict[str, str] = {
    "trung-uong": "Trung ương",
    "tinh": "Cấp tỉnh",
    "huyen": "Cấp huyện",
    "xa": "Cấp xã",
}

BLOCS: dict[str, str] = {
    "dang": "Đảng",
    "chinh-quyen": "Chính quyền",
    "mat-tran": "Mặt trận, đoàn thể",
}

STATUSES: dict[str, str] = {
    "con-hieu-luc": "Còn hiệu lực",
    "het-hieu-luc": "Hết hiệu lực",
    "khong-xac-dinh": "Không xác định",
}

REMOVAL_REASONS: dict[str, str] = {
    "chrome": "Thành phần trang web (không thuộc văn bản)",
    "duplicate": "Đoạn bị lặp lại trong bản sao",
}

UNKNOWN = "Chưa rõ"


def choices(vocabulary: dict[str, str]) -> str:
    """'a, b, c' for error messages that list the allowed values."""
    return ", ".join(vocabulary)
