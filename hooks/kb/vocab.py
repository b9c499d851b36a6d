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
    "thong-bao": "Thông báo",
    "bao-cao": "Báo cáo",
    "cong-van": "Công văn",
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

# Validity as the legal portals state it. "Chưa rõ" is `status: null`: a status is never inferred,
# every value needs a source (kb.validity checks it).
STATUSES: dict[str, str] = {
    "con-hieu-luc": "Còn hiệu lực",
    "het-hieu-luc": "Hết hiệu lực toàn bộ",
    "het-hieu-luc-mot-phan": "Hết hiệu lực một phần",
}

# Relations between documents, in the legal portals' words. Each is recorded once, on either
# document: `code` in the file of the document that acts ("thay-the": this one replaces the
# target), or its passive `inverse` in the file of the document acted upon ("bi-thay-the-boi").
# code: (label seen from the acting document, label seen from the other one, passive code)
RELATIONS: dict[str, tuple[str, str, str]] = {
    "can-cu": ("Căn cứ", "Là căn cứ của", "la-can-cu-cua"),
    "thuc-hien": ("Thực hiện", "Được thực hiện bởi", "duoc-thuc-hien-boi"),
    "trien-khai": ("Triển khai", "Được triển khai bởi", "duoc-trien-khai-boi"),
    "huong-dan": ("Hướng dẫn", "Được hướng dẫn bởi", "duoc-huong-dan-boi"),
    "sua-doi-bo-sung": ("Sửa đổi, bổ sung", "Bị sửa đổi, bổ sung bởi", "bi-sua-doi-bo-sung-boi"),
    "thay-the": ("Thay thế", "Bị thay thế bởi", "bi-thay-the-boi"),
    "bai-bo": ("Bãi bỏ", "Bị bãi bỏ bởi", "bi-bai-bo-boi"),
    "dinh-chi": ("Đình chỉ", "Bị đình chỉ bởi", "bi-dinh-chi-boi"),
    "dinh-chinh": ("Đính chính", "Được đính chính bởi", "duoc-dinh-chinh-boi"),
    "lam-het-hieu-luc": ("Làm hết hiệu lực", "Hết hiệu lực do", "het-hieu-luc-do"),
    "lien-quan": ("Liên quan", "Liên quan", "lien-quan"),
}
# Every code a file may use -> (canonical code, True when written from the passive side)
RELATION_CODES: dict[str, tuple[str, bool]] = {
    **{inverse: (code, True) for code, (_a, _p, inverse) in RELATIONS.items()},
    **{code: (code, False) for code in RELATIONS},
}
# Relations that carry a document out: the implementation chains follow these.
IMPLEMENTING = ("thuc-hien", "trien-khai", "huong-dan")
# Relations that end or change another document's force: shown in its validity banner.
AFFECTING = ("sua-doi-bo-sung", "thay-the", "bai-bo", "dinh-chi", "dinh-chinh", "lam-het-hieu-luc")

REMOVAL_REASONS: dict[str, str] = {
    "chrome": "Thành phần trang web (không thuộc văn bản)",
    "duplicate": "Đoạn bị lặp lại trong bản sao",
}

# kinds of agencies and roles in data/danh-muc/co-quan.yml
ACTOR_KINDS: dict[str, str] = {
    "dang": "Tổ chức Đảng",
    "chinh-quyen": "Cơ quan chính quyền",
    "mat-tran": "Mặt trận, đoàn thể",
    "ca-nhan": "Cá nhân, chức danh",
    "khac": "Khác",
}

# Roles an actor can have in an assignment: id → (Vietnamese label, short mark for matrices).
ROLES: dict[str, tuple[str, str]] = {
    "chu-tri": ("Chủ trì", "CT"),
    "phoi-hop": ("Phối hợp", "PH"),
    "thuc-hien": ("Thực hiện", "TH"),
    "chi-dao": ("Chỉ đạo", "CĐ"),
    "huong-dan-kiem-tra": ("Hướng dẫn, kiểm tra", "HD"),
    "bao-cao": ("Báo cáo", "BC"),
    "nhan-bao-cao": ("Nhận báo cáo", "NBC"),
    "theo-doi": ("Theo dõi", "TD"),
    "co-quan-thuong-truc": ("Cơ quan thường trực", "TT"),
}

# Recurrences a deadline may state: id → Vietnamese label. Order = order on the deadlines page.
CYCLES: dict[str, str] = {
    "thuong-xuyen": "Thường xuyên",
    "dinh-ky": "Định kỳ (văn bản không nêu chu kỳ)",
    "hang-quy": "Hằng quý",
    "6-thang": "Sáu tháng một lần",
    "hang-nam": "Hằng năm",
    "2-nam": "Hai năm một lần",
    "khi-phat-sinh": "Khi phát sinh",
}

UNKNOWN = "Chưa rõ"


def choices(vocabulary: dict[str, str]) -> str:
    """'a, b, c' for error messages that list the allowed values."""
    return ", ".join(vocabulary)


# Labels of a document's properties as readers see them. A news report is posted, not issued or
# signed, so some labels change with the type and some properties do not apply to it at all.
FIELD_LABELS: dict[str, str] = {
    "type": "Loại văn bản",
    "number": "Số hiệu",
    "title": "Trích yếu",
    "issuer": "Cơ quan ban hành",
    "level": "Cấp ban hành",
    "bloc": "Khối",
    "place": "Địa bàn",
    "signer": "Người ký",
    "signer_position": "Chức vụ người ký",
    "issued": "Ngày ban hành",
    "effective": "Hiệu lực",
    "status": "Tình trạng hiệu lực",
    "topics": "Chủ đề",
    "source": "Bản nguồn",
    "aliases": "Cách viết khác",
}
FIELD_LABELS_BY_TYPE: dict[str, dict[str, str]] = {
    "tin-bai": {"type": "Loại", "title": "Tiêu đề", "issuer": "Đơn vị đăng tin", "level": "Cấp", "issued": "Ngày đăng"},
}
# Properties a type does not have: shown only when the data gives a value anyway.
NOT_APPLICABLE_BY_TYPE: dict[str, frozenset[str]] = {
    "tin-bai": frozenset({"number", "signer", "signer_position", "effective", "status"}),
}


def field_label(doc_type: str, name: str) -> str:
    return FIELD_LABELS_BY_TYPE.get(doc_type, {}).get(name, FIELD_LABELS[name])
