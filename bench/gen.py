"""Deterministic synthetic corpora in our YAML format, for the benchmark and the scale tests.

`make_project(n, dest)` writes a throwaway copy of the project whose data/ holds N generated
documents (plus a generated actors registry) instead of the real five. Same N and seed give
byte-identical files, so runs on different days and machines compare like with like.

The documents look like the real ones to every part of the engine: Vietnamese text with
diacritics (NFC), headings, top-level paragraphs with ids, clauses in every marker style the
loader knows ("1.", "1-", "1/", "1)", "a)", "đ)", "-"), sections whose numbering restarts,
nested points and bullets, inline corrections, inferred and unknown facts, removed web chrome,
a signature, and citations written the way directives cite each other ("Chỉ thị số 12/CT-UBND
ngày 03/04/2005 của …"), both of other generated documents and of well-known national ones.
They carry no `source.file` (there is no raw source to check fidelity against).
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED = 20240501
# Registries the generated corpus starts from: the frozen sample corpus, never data/ (whose
# registries change as maintainers add documents; a promoted entry would point at a missing file).
REGISTRIES = ROOT / "tests" / "fixtures" / "kho-mau" / "data" / "danh-muc"

# Parts of the project a build needs; data/ is generated.
PROJECT_PARTS = ("mkdocs.yml", "hooks", "overrides", "docs")

PLACES = [
    ("ha-noi", "Thành phố Hà Nội", "Thành ủy Hà Nội", "Thành phố"),
    ("hai-phong", "Thành phố Hải Phòng", "Thành ủy Hải Phòng", "Thành phố"),
    ("da-nang", "Thành phố Đà Nẵng", "Thành ủy Đà Nẵng", "Thành phố"),
    ("can-tho", "Thành phố Cần Thơ", "Thành ủy Cần Thơ", "Thành phố"),
    ("ben-tre", "Tỉnh Bến Tre", "Tỉnh ủy Bến Tre", "tỉnh"),
    ("phu-tho", "Tỉnh Phú Thọ", "Tỉnh ủy Phú Thọ", "tỉnh"),
    ("nghe-an", "Tỉnh Nghệ An", "Tỉnh ủy Nghệ An", "tỉnh"),
    ("thanh-hoa", "Tỉnh Thanh Hóa", "Tỉnh ủy Thanh Hóa", "tỉnh"),
    ("dak-lak", "Tỉnh Đắk Lắk", "Tỉnh ủy Đắk Lắk", "tỉnh"),
    ("lao-cai", "Tỉnh Lào Cai", "Tỉnh ủy Lào Cai", "tỉnh"),
    ("quang-ninh", "Tỉnh Quảng Ninh", "Tỉnh ủy Quảng Ninh", "tỉnh"),
    ("an-giang", "Tỉnh An Giang", "Tỉnh ủy An Giang", "tỉnh"),
    ("ha-giang", "Tỉnh Hà Giang", "Tỉnh ủy Hà Giang", "tỉnh"),
    ("soc-trang", "Tỉnh Sóc Trăng", "Tỉnh ủy Sóc Trăng", "tỉnh"),
    ("thua-thien-hue", "Tỉnh Thừa Thiên Huế", "Tỉnh ủy Thừa Thiên Huế", "tỉnh"),
    ("binh-duong", "Tỉnh Bình Dương", "Tỉnh ủy Bình Dương", "tỉnh"),
]

# Well-known national documents that local directives cite (real numbers, cited by text only).
NATIONAL_CITED = [  # all in REGISTRIES/van-ban-dan-chieu.yml, so the detector resolves them
    "Chỉ thị số 18/2000/CT-TTg ngày 21/9/2000 của Thủ tướng Chính phủ",
    "Chỉ thị số 10/CT-TW ngày 28/3/2002 của Ban Bí thư",
    "Pháp lệnh số 34/2007/PL-UBTVQH11 ngày 20/4/2007 của Ủy ban Thường vụ Quốc hội",
    "Quyết định số 129/2007/QĐ-TTg ngày 02/8/2007 của Thủ tướng Chính phủ",
    "Quyết định số 03/2007/QĐ-BNV ngày 26/02/2007 của Bộ trưởng Bộ Nội vụ",
]
CITE_WINDOW = 10  # a document cites only the CITE_WINDOW before it: its page is the same for every N
ROLES = ["chu-tri", "phoi-hop", "thuc-hien", "chi-dao", "bao-cao", "theo-doi"]

PHRASES = [
    "công tác dân vận", "cấp ủy, chính quyền", "Mặt trận Tổ quốc và các đoàn thể nhân dân", "nhân dân",
    "quyền làm chủ của nhân dân", "cán bộ, đảng viên", "đồng bào dân tộc thiểu số", "đồng bào có đạo",
    "xã, phường, thị trấn", "cơ sở", "địa bàn dân cư", "khu dân cư", "hệ thống chính trị",
    "quy chế dân chủ ở cơ sở", "khiếu nại, tố cáo của công dân", "đời sống vật chất và tinh thần",
    "phong trào thi đua", "dân vận khéo", "chính quyền thân thiện", "Hội đồng nhân dân", "Ủy ban nhân dân",
    "Ban Dân vận", "Hội Cựu chiến binh", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Hội Nông dân", "Liên đoàn Lao động", "công chức, viên chức", "cải cách hành chánh", "tiếp dân",
    "nông thôn mới", "đô thị văn minh", "an ninh trật tự", "kinh tế – xã hội", "giảm nghèo bền vững",
    "khối đại đoàn kết toàn dân tộc", "lòng tin của nhân dân", "trách nhiệm người đứng đầu",
]
VERBS = [
    "tăng cường", "nâng cao", "đổi mới", "phát huy", "tập trung lãnh đạo", "chỉ đạo", "thực hiện tốt",
    "quán triệt", "triển khai", "kiểm tra, giám sát", "tuyên truyền, vận động", "củng cố", "kiện toàn",
    "phối hợp chặt chẽ với", "lắng nghe ý kiến của", "giải quyết kịp thời", "sơ kết, tổng kết", "đánh giá",
    "bồi dưỡng", "xây dựng",
]
TAILS = [
    "trong tình hình mới", "theo đúng quy định", "một cách thiết thực, hiệu quả", "hằng năm",
    "trên địa bàn", "ở từng đơn vị", "gắn với nhiệm vụ chính trị của địa phương", "định kỳ 6 tháng",
    "trước ngày 15 tháng 12 hằng năm", "không để phát sinh điểm nóng", "từ tỉnh đến cơ sở",
]
# Plain typos a cleaner would correct: (as printed, corrected).
TYPOS = [("vối", "với"), ("nhân đân", "nhân dân"), ("thực hiên", "thực hiện"), ("chính quyển", "chính quyền"), ("cân bộ", "cán bộ")]
TYPES = [("chi-thi", "CT"), ("nghi-quyet", "NQ"), ("ke-hoach", "KH"), ("huong-dan", "HD"), ("quyet-dinh", "QĐ"), ("thong-tri", "TT"), ("ket-luan", "KL")]
MARKER_STYLES = ["{n}.", "{n}-", "{n}/", "{n})"]
LETTERS = "abcdđeg"
SIGNERS = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hoàng Dũng", "Phạm Minh Đức", "Hoàng Thị Hương", "Võ Quốc Khánh", "Đặng Thị Lụa"]


@dataclass(frozen=True)
class Planned:
    """What other documents need to know to cite one: its id and how it is cited."""

    id: str
    cite: str | None  # None when the document has no number: texts cite documents by number


def quote(text: str) -> str:
    """A YAML double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def folded(text: str, indent: int) -> list[str]:
    """A `>-` folded block, wrapped at ~96 columns (YAML joins the lines with single spaces)."""
    pad = " " * indent
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > 96 - indent:
            lines.append(pad + current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(pad + current)
    return lines


class _Writer:
    def __init__(self, rng: random.Random, planned: list[Planned], index: int):
        self.rng = rng
        self.planned = planned
        self.index = index
        self.typos_left = rng.randint(0, 2)

    def sentence(self, cite_chance: float = 0.15) -> str:
        r = self.rng
        parts = [f"{r.choice(VERBS)} {r.choice(PHRASES)}"]
        for _ in range(r.randint(1, 4)):
            parts.append(f"{r.choice(VERBS)} {r.choice(PHRASES)} {r.choice(TAILS)}")
        if r.random() < cite_chance:
            parts.insert(r.randint(0, len(parts)), f"thực hiện {self.cite()}")
        text = ", ".join(parts)
        if self.typos_left and r.random() < 0.2:
            self.typos_left -= 1
            wrong, right = r.choice(TYPOS)
            text += f", đối {{~~{wrong}~>{right}~~}} mọi tầng lớp"
        return text[:1].upper() + text[1:] + r.choice([".", ".", ";", ":"])

    def paragraph(self, sentences: tuple[int, int] = (1, 3)) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(*sentences)))

    def cite(self) -> str:
        r = self.rng
        earlier = [p for p in self.planned[max(0, self.index - CITE_WINDOW) : self.index] if p.cite]
        if earlier and r.random() < 0.7:
            return r.choice(earlier).cite
        return r.choice(NATIONAL_CITED)


def _actors() -> list[dict]:
    actors = []
    for key, place, party, kind_word in PLACES:
        city = kind_word == "Thành phố"
        unit = place if city else place.replace("Tỉnh", "tỉnh")
        actors += [
            {"id": f"ubnd-{key}", "name": f"Ủy ban nhân dân {unit}", "short": f"UBND {unit}", "kind": "chinh-quyen", "place": place, "group": "ubnd-cap-tinh"},
            {"id": f"btv-{key}", "name": f"Ban Thường vụ {party}", "short": f"BTV {party}", "kind": "dang", "place": place, "group": "ban-thuong-vu-tinh-uy"},
            {"id": f"ban-dan-van-{key}", "name": f"Ban Dân vận {party}", "short": f"BDV {party}", "kind": "dang", "place": place, "group": "ban-dan-van"},
            {"id": f"mttq-{key}", "name": f"Ủy ban Mặt trận Tổ quốc Việt Nam {unit}", "short": f"UBMTTQ {unit}", "kind": "mat-tran", "place": place, "group": "ubmttq"},
        ]
    return actors


def registry_yaml(base: str | None = None) -> str:
    """A registry (the sample's, or `base`) with the generated agencies added to `actors:`.

    Agencies whose id the registry already has are left as they are; a group the registry
    does not define is left out.
    """
    real = base if base is not None else (REGISTRIES / "co-quan.yml").read_text(encoding="utf-8")
    lines = []
    for actor in _actors():
        if f"- id: {actor['id']}\n" in real:
            continue
        lines.append(f"  - id: {actor['id']}")
        for key in ("name", "short"):
            lines.append(f"    {key}: {quote(actor[key])}")
        lines += ["    level: tinh", f"    kind: {actor['kind']}", f"    place: {quote(actor['place'])}"]
        if f"- id: {actor['group']}\n" in real.partition("\ngroups:\n")[2]:
            lines.append(f"    group: {actor['group']}")
    head, marker, rest = real.partition("\nactors:\n")
    assert marker, "co-quan.yml has no 'actors:' list"
    return head + marker + "\n".join(lines) + "\n" + rest


def _plan(n: int, rng: random.Random) -> list[tuple[Planned, dict]]:
    actors = {a["id"]: a for a in _actors()}
    actor_ids = sorted(actors)
    plans = []
    for i in range(n):
        doc_type, code = TYPES[i % len(TYPES)]
        issuer = rng.choice(actor_ids)
        year = 2008 + rng.randint(0, 16)  # after every national document they may cite (the checker refuses a citation of a later text)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        suffix = {"chinh-quyen": "UBND", "dang": "TU", "mat-tran": "MTTQ"}[actors[issuer]["kind"]]
        number = f"{i + 1}/{year}/{code}-{suffix}" if i % 3 else f"{i + 1}-{code}/{suffix}"
        known_number = i % 11 != 5
        doc_id = f"{issuer}-{year}-{doc_type}-{i + 1:05d}"
        label = dict(chi_thi="Chỉ thị", nghi_quyet="Nghị quyết", ke_hoach="Kế hoạch", huong_dan="Hướng dẫn", quyet_dinh="Quyết định", thong_tri="Thông tri", ket_luan="Kết luận")[doc_type.replace("-", "_")]
        cite = f"{label} số {number} ngày {day}/{month}/{year} của {actors[issuer]['name']}"
        plans.append(
            (
                Planned(doc_id, cite if known_number else None),
                dict(i=i, doc_id=doc_id, doc_type=doc_type, label=label, issuer=issuer, actor=actors[issuer], year=year, month=month, day=day,
                     number=number if known_number else None),
            )
        )
    return plans


def document_yaml(p: dict, planned: list[Planned], rng: random.Random) -> str:
    """One document file, in the layout of the hand-cleaned ones."""
    w = _Writer(rng, planned, p["i"])
    actor = p["actor"]
    topic_words = rng.sample(PHRASES, 3)
    title = f"Về việc {rng.choice(VERBS)} {topic_words[0]} {rng.choice(TAILS)}"
    out = [
        "# yaml-language-server: $schema=../../schema/van-ban.schema.json",
        "# Một văn bản của Kho chỉ thị dân vận — đọc bởi hooks/kb/loader.py",
        "",
        f"id: {p['doc_id']}",
        f"type: {p['doc_type']}",
        f"number: {quote(p['number']) if p['number'] else 'null'}",
        "title: >-",
        *folded(title, 2),
    ]
    if p["i"] % 13 == 7:  # an issuer inferred from the letterhead, as in the real seeds
        out += ["issuer:", f"  value: {p['issuer']}", "  reason: \"Suy ra từ tiêu đề và nơi ban hành ghi trên văn bản\""]
    else:
        out.append(f"issuer: {p['issuer']}")
    out += ["level: tinh", f"bloc: {'dang' if actor['kind'] == 'dang' else 'mat-tran' if actor['kind'] == 'mat-tran' else 'chinh-quyen'}"]
    out.append(f"place: {quote(actor['place'])}")
    signer = rng.choice(SIGNERS)
    out += ["signer:", f"  name: {quote(signer) if p['i'] % 9 else 'null'}", "  position: \"Phó Chủ tịch\"", "  on_behalf: \"T/M Ủy ban nhân dân\"" if actor["kind"] == "chinh-quyen" else "  on_behalf: null"]
    if p["i"] % 17 == 3:
        out += ["issued:", f"  after: \"{p['year']}-01-01\"", f"  before: \"{p['year']}-12-31\"", "  reason: \"Văn bản nhắc tới sự kiện trong năm; không ghi ngày ký\""]
    else:
        out.append(f"issued: \"{p['year']}-{p['month']:02d}-{p['day']:02d}\"")
    out += ["effective: \"Có hiệu lực kể từ ngày ký\"" if p["i"] % 4 == 0 else "effective: null", "status: null", "topics:"]
    out += [f"  - {quote(t)}" for t in topic_words]
    earlier = planned[max(0, p["i"] - CITE_WINDOW) : p["i"]]
    if earlier and p["i"] % 3 == 1:  # a typed relation to a document in the collection
        out += ["relations:", "  - type: thuc-hien", f"    target: {rng.choice(earlier).id}", "    clause: mo-dau"]
    out += ["source:", "  note: \"Văn bản tổng hợp cho bộ đo hiệu năng (bench/gen.py), không có tệp nguồn\""]
    if p["i"] % 5 == 0:
        out += ["removed:", "  - text: >-", *folded("Tin liên quan Số lượt truy cập Đang online: 12 Hôm qua: 3,204", 6), "    reason: chrome", "    note: \"Chân trang web\""]
    else:
        out.append("removed: []")

    out.append("body:")
    out += [f"  - heading: {quote(p['label'].upper())}", "  - heading: >-", *folded(title.upper(), 6)]
    out += ["  - p: >-", *folded(w.paragraph((2, 3)), 6), "    id: mo-dau"]
    style = MARKER_STYLES[p["i"] % len(MARKER_STYLES)]
    top_clauses = rng.randint(3, 8)
    for k in range(1, top_clauses + 1):
        out += [f"  - clause: \"{style.format(n=k)}\"", "    text: >-", *folded(w.paragraph(), 6)]
        shape = rng.random()
        if shape < 0.45:  # points a) b) … (with đ) after d))
            out.append("    items:")
            for letter in LETTERS[: rng.randint(2, 6)]:
                out += [f"      - clause: \"{letter})\"", "        text: >-", *folded(w.paragraph((1, 2)), 10)]
                if rng.random() < 0.25:
                    out.append("        items:")
                    for _ in range(rng.randint(1, 3)):
                        out += ["          - clause: \"-\"", "            text: >-", *folded(w.sentence(), 14)]
        elif shape < 0.7:  # bullets and a continuation paragraph
            out.append("    items:")
            for _ in range(rng.randint(2, 4)):
                out += ["      - clause: \"-\"", "        text: >-", *folded(w.sentence(), 10)]
            out += ["      - p: >-", *folded(w.paragraph((1, 2)), 10)]
    if p["i"] % 6 == 2:  # a section whose numbering restarts, as in seed 000
        out += ["  - section: noi-dung-tong-ket", "    label: \"Nội dung tổng kết\"", "    text: >-", *folded(w.paragraph((1, 1)), 6), "    items:"]
        for k in range(1, rng.randint(3, 5)):
            out += [f"      - clause: \"{k}/\"", "        text: >-", *folded(w.paragraph((1, 2)), 10)]
    out += ["  - p: >-", *folded(w.paragraph((1, 2)), 6), "    id: to-chuc-thuc-hien"]
    out += ["  - p: >-", *folded(f"{p['label']} này có hiệu lực kể từ ngày ký.-", 6), "    id: hieu-luc"]
    out += ["  - signature:", f"      - \"{'T/M Ủy ban nhân dân' if actor['kind'] == 'chinh-quyen' else 'T/M Ban Thường vụ'}\"", "      - \"PHÓ CHỦ TỊCH\"", "      - \"(Đã ký)\"", f"      - {quote(signer.upper())}"]
    out.append("assignments:")
    actor_ids = [a["id"] for a in _actors()]
    for _ in range(rng.randint(2, 5)):
        out += [f"  - clause: k{rng.randint(1, top_clauses)}", f"    actor: {rng.choice(actor_ids)}", f"    role: {rng.choice(ROLES)}", "    task: >-", *folded(w.sentence(0), 6)]
    return "\n".join(out) + "\n"


def topics_yaml() -> str:
    """The topic vocabulary of the synthetic corpus: every phrase a document may use as a topic."""
    out = ["# Danh mục chủ đề của bộ dữ liệu tổng hợp (bench/gen.py) — đọc bởi hooks/kb/topics.py", "topics:"]
    for index, phrase in enumerate(PHRASES):
        out += [f"  - id: chu-de-{index + 1}", f"    name: {quote(phrase)}"]
    return "\n".join(out) + "\n"


def extended_topics_yaml(existing: str) -> str:
    """An existing topic vocabulary with every phrase the generator uses as a topic added (once)."""
    known = {" ".join(t.get("name", "").split()).casefold() for t in (yaml.safe_load(existing) or {}).get("topics") or []}
    known |= {" ".join(a.split()).casefold() for t in (yaml.safe_load(existing) or {}).get("topics") or [] for a in t.get("aliases") or []}
    out = [existing.rstrip("\n")]
    for index, phrase in enumerate(PHRASES):
        if phrase.casefold() not in known:
            out += [f"  - id: chu-de-tong-hop-{index + 1}", f"    name: {quote(phrase)}"]
    return "\n".join(out) + "\n"


def write_data(n: int, data_dir: Path, seed: int = SEED) -> list[Path]:
    """Write the registry and N documents under data_dir; return the document paths."""
    rng = random.Random(seed)
    (data_dir / "van-ban").mkdir(parents=True, exist_ok=True)
    (data_dir / "danh-muc").mkdir(parents=True, exist_ok=True)
    (data_dir / "nguon").mkdir(parents=True, exist_ok=True)
    (data_dir / "danh-muc" / "co-quan.yml").write_text(registry_yaml(), encoding="utf-8")
    for name in ("van-ban-dan-chieu.yml", "chuyen-huong.yml", "thuat-ngu.yml"):  # cited documents, renames, glossary
        shutil.copy2(REGISTRIES / name, data_dir / "danh-muc" / name)
    (data_dir / "danh-muc" / "chu-de.yml").write_text(topics_yaml(), encoding="utf-8")
    plans = _plan(n, rng)
    planned = [pl for pl, _ in plans]
    paths = []
    for _, p in plans:
        path = data_dir / "van-ban" / f"{p['doc_id']}.yml"
        path.write_text(document_yaml(p, planned, random.Random(seed * 100_003 + p["i"])), encoding="utf-8")
        paths.append(path)
    return paths


def add_documents(n: int, data_dir: Path, seed: int = SEED) -> list[Path]:
    """Add N generated documents (and their agencies) to an existing data/ directory, as a
    maintainer's additions would come: the registries are extended, never replaced."""
    rng = random.Random(seed)
    registry = data_dir / "danh-muc" / "co-quan.yml"
    registry.write_text(registry_yaml(registry.read_text(encoding="utf-8")), encoding="utf-8")
    vocabulary = data_dir / "danh-muc" / "chu-de.yml"
    vocabulary.write_text(extended_topics_yaml(vocabulary.read_text(encoding="utf-8")), encoding="utf-8")
    plans = _plan(n, rng)
    planned = [pl for pl, _ in plans]
    paths = []
    for _, p in plans:
        path = data_dir / "van-ban" / f"{p['doc_id']}.yml"
        path.write_text(document_yaml(p, planned, random.Random(seed * 100_003 + p["i"])), encoding="utf-8")
        paths.append(path)
    return paths


def make_project(n: int, dest: Path, seed: int = SEED) -> Path:
    """A buildable copy of the project at dest with N generated documents in data/."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        else:
            shutil.copy2(src, dest / part)
    write_data(n, dest / "data", seed)
    return dest


if __name__ == "__main__":  # python bench/gen.py N DEST
    import sys

    print(make_project(int(sys.argv[1]), Path(sys.argv[2])))
