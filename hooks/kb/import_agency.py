"""The issuing agency of a raw text: its full name from the header, and its registry entry or a proposal.

The header of an official document names the issuing body (cơ quan ban hành), under its parent
(cơ quan chủ quản) when it has one: "UBND TỈNH BÌNH ĐỊNH / SỞ NỘI VỤ", "HUYỆN ỦY KRÔNG BÔNG /
BAN DÂN VẬN". A Party text signed "T/M BAN THƯỜNG VỤ" under "TỈNH ỦY QUẢNG TRỊ" is issued by the
Ban Thường vụ of that Tỉnh ủy. The full name is matched against the registry by the whole name,
place included, never by a generic alias such as "UBND tỉnh": a Sở Nội vụ of one province is
never another province's Sở Nội vụ. A name the registry lacks becomes a proposed entry.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .doc_layout import fold, title_case_words
from .model import Actor

_ABBREVIATIONS = [
    (r"\bubnd\b", "ủy ban nhân dân"),
    (r"\bhđnd\b", "hội đồng nhân dân"),
    (r"\bmttq\b", "mặt trận tổ quốc"),
    (r"\bbtv\b", "ban thường vụ"),
    (r"\bbch\b", "ban chấp hành"),
    (r"\btp\.\s*", "thành phố "),
    (r"\blhpn\b", "liên hiệp phụ nữ"),
    (r"\bcctb\b", "cựu chiến binh"),
    (r"\bđtn\b", "đoàn thanh niên"),
    (r"uỷ", "ủy"),
]
# Generic heads of organisation names, with their written capitals.
_HEADS = [
    "ủy ban mặt trận tổ quốc việt nam", "ủy ban mặt trận tổ quốc", "ủy ban nhân dân", "hội đồng nhân dân",
    "ban thường vụ", "ban chấp hành", "ban dân vận", "ban tuyên giáo", "ban tổ chức", "ban kiểm tra", "ban nội chính",
    "thường trực", "văn phòng", "đảng ủy", "đảng bộ", "chi bộ", "hội liên hiệp phụ nữ", "hội nông dân",
    "hội cựu chiến binh", "liên đoàn lao động", "đoàn thanh niên cộng sản hồ chí minh", "chủ tịch",
]
_CASED_HEADS = {
    "ủy ban mặt trận tổ quốc việt nam": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "ủy ban mặt trận tổ quốc": "Ủy ban Mặt trận Tổ quốc",
    "ban thường vụ": "Ban Thường vụ",
    "ban chấp hành": "Ban Chấp hành",
    "ban dân vận": "Ban Dân vận",
    "ban tuyên giáo": "Ban Tuyên giáo",
    "ban tổ chức": "Ban Tổ chức",
    "ban kiểm tra": "Ban Kiểm tra",
    "ban nội chính": "Ban Nội chính",
    "hội liên hiệp phụ nữ": "Hội Liên hiệp Phụ nữ",
    "hội nông dân": "Hội Nông dân",
    "hội cựu chiến binh": "Hội Cựu chiến binh",
    "liên đoàn lao động": "Liên đoàn Lao động",
    "đoàn thanh niên cộng sản hồ chí minh": "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
}
_PARTY_COMMITTEE = re.compile(r"^(tỉnh|thành|huyện|quận|thị) ủy\b|^đảng ủy\b|^chi bộ\b|^đảng bộ\b")
_UNIT = re.compile(r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+(?P<place>(?!ủy\b)[^\s,].*)$")
_COMMITTEE_UNIT = {"tỉnh": "tỉnh", "thành": "thành phố", "huyện": "huyện", "quận": "quận", "thị": "thị xã"}
_CENTRAL_CITIES = {"ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue"}
_SUB_BODIES = ("ban thường vụ", "ban chấp hành", "thường trực", "chủ tịch")
_CENTRAL = re.compile(r"^(chính phủ|thủ tướng|bộ |ban bí thư|bộ chính trị|ban chấp hành trung ương|quốc hội|.* trung ương$)")


@dataclass(frozen=True)
class Agency:
    """An issuing body as the header names it; level/bloc/place are None when the name does not say."""

    name: str
    level: str | None
    bloc: str | None
    place: str | None

    @property
    def short(self) -> str:
        short = self.name.replace("Ủy ban nhân dân", "UBND").replace("Hội đồng nhân dân", "HĐND")
        return short.replace("Ban Thường vụ", "BTV")

    @property
    def id(self) -> str:
        text = self.short.replace("UBND", "ubnd").replace("HĐND", "hdnd")
        text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
        text = "".join(c for c in text if not unicodedata.combining(c)).lower()
        return "-".join(re.findall(r"[a-z0-9]+", text))

    @property
    def kind(self) -> str:
        return self.bloc or "khac"


def expand(text: str) -> str:
    """Lower case with the usual abbreviations written out ("UBND TỈNH" → "ủy ban nhân dân tỉnh")."""
    text = " ".join(unicodedata.normalize("NFC", text).lower().split())
    for pattern, full in _ABBREVIATIONS:
        text = re.sub(pattern, full, text)
    return text


def issuing_agency(org_lines: list[str], signing_body: str | None) -> Agency | None:
    """The issuing body from the header's organisation lines (outermost first) and the body the
    text names as its author ("CỦA BAN THƯỜNG VỤ TỈNH ỦY", "T/M BAN THƯỜNG VỤ"), or None when
    neither names an organisation."""
    body = expand(signing_body) if signing_body else None
    if body and _UNIT.search(body):
        return _agency(body)  # "của chủ tịch ủy ban nhân dân tỉnh phú thọ" names itself in full
    if not org_lines:
        return None
    own = expand(org_lines[-1])
    parent = expand(org_lines[-2]) if len(org_lines) > 1 else None
    if parent and not _UNIT.search(own) and not _PARTY_COMMITTEE.match(own):
        if _PARTY_COMMITTEE.match(parent):
            own = f"{own} {parent}"  # "ban dân vận" under "huyện ủy krông bông"
        elif m := _UNIT.search(parent):
            own = f"{own} {m.group(0)}"  # "sở nội vụ" under "ủy ban nhân dân tỉnh bình định"
    head = next((h for h in _SUB_BODIES if body and (body == h or body.startswith(h + " "))), None)
    if head and not own.startswith(head):
        own = re.sub(r"^ban chấp hành\s+", "", own)  # the standing committee of "BCH HỘI …" is that of the Hội
        own = f"{head} {own}"  # "ban thường vụ" + "tỉnh ủy quảng trị"
    return _agency(own)


def _agency(name: str) -> Agency:
    return Agency(name=cased(name), level=_level(name), bloc=_bloc(name), place=_place(name))


def cased(name: str) -> str:
    """Written capitals of an organisation name: "ủy ban nhân dân huyện đức linh" → "Ủy ban nhân dân huyện Đức Linh"."""
    words = name.split()
    out: list[str] = []
    index = 0
    while index < len(words):
        rest = " ".join(words[index:])
        head = next((h for h in sorted(_HEADS, key=len, reverse=True) if rest == h or rest.startswith(h + " ")), None)
        committee = re.match(r"^(tỉnh|thành|huyện|quận|thị) ủy\b", rest)
        unit = re.match(r"^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+(.+)$", rest)
        if head:
            out.append(_CASED_HEADS.get(head, head[:1].upper() + head[1:]))
            index += len(head.split())
        elif committee:
            out.append(committee.group(0)[:1].upper() + committee.group(0)[1:])
            index += 2
            place = " ".join(words[index:])
            if place:
                out.append(title_case_words(place))
            break
        elif unit:
            out.append(unit.group(1))
            out.append(title_case_words(unit.group(2)))
            break
        elif words[index] in ("sở", "phòng", "bộ", "cục", "chi", "trường"):
            # "sở nội vụ": the head word and the first word of the field are capitalised
            out.append(words[index].capitalize())
            if index + 1 < len(words):
                out.append(words[index + 1].capitalize())
            index += 2
        else:
            out.append(words[index])
            index += 1
    text = " ".join(out)
    return text[:1].upper() + text[1:]


def _place(name: str) -> str | None:
    """The territory of the body: "Ban Dân vận Huyện ủy Krông Bông" → "Huyện Krông Bông"."""
    found = None
    for m in re.finditer(r"\b(tỉnh|thành|huyện|quận|thị) ủy\s+(?P<place>.+)$", name):
        found = (_COMMITTEE_UNIT[m.group(1)], m["place"])
    for m in re.finditer(r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+(?P<place>(?!ủy\b).+)$", name):
        if found is None or len(m["place"]) < len(found[1]):
            found = (m.group(1), m["place"])
    if not found or re.search(r"\b(các|và)\b", found[1]):
        return None
    unit, place = found
    return f"{unit[:1].upper()}{unit[1:]} {title_case_words(place)}"


def _level(name: str) -> str | None:
    place = _place(name)
    if place is None:
        return "trung-uong" if _CENTRAL.match(name) else None
    unit = fold(place).split()[0]
    if unit == "tinh":
        return "tinh"
    if unit == "thanh":  # thành phố: a province-level city or a city inside a province
        return "tinh" if fold(place).removeprefix("thanh pho ") in _CENTRAL_CITIES else None
    if unit in ("huyen", "quan") or fold(place).startswith("thi xa"):
        return "huyen"
    return "xa"


def _bloc(name: str) -> str | None:
    if re.search(r"mặt trận|\bhội (liên hiệp|nông dân|cựu chiến binh)|liên đoàn lao động|đoàn thanh niên", name):
        return "mat-tran"
    if re.search(r"\bủy\b(?! ban)|\bđảng\b|\bchi bộ\b|^ban (thường vụ|chấp hành|dân vận|tuyên giáo|tổ chức|kiểm tra|nội chính)\b", name):
        return "dang"
    if re.search(r"^hội (?!đồng)|^liên đoàn", name):
        return "mat-tran"
    if re.search(r"ủy ban nhân dân|hội đồng nhân dân|^sở |^phòng |^chính phủ|^bộ |^văn phòng|^chủ tịch", name):
        return "chinh-quyen"
    return None


def find_in_registry(agency: Agency, actors: dict[str, Actor]) -> Actor | None:
    """The registry entry with this whole name (or short name, or an alias naming the same place)."""
    wanted = fold(expand(agency.name))
    for actor in actors.values():
        names = [actor.name, actor.short]
        bare_place = fold(re.sub(r"^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+", "", expand(actor.place or "")))
        names += [a for a in actor.aliases if bare_place and bare_place in fold(expand(a))]
        if any(fold(expand(n)) == wanted for n in names):
            return actor
    return None


def bloc_of_actor(actor: Actor) -> str | None:
    if actor.kind in ("dang", "chinh-quyen", "mat-tran"):
        return actor.kind
    return _bloc(expand(actor.name))
