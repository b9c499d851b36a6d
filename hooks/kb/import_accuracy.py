"""How close the importer's drafts come to the finished files: `PYTHONPATH=hooks python -m kb.import_accuracy`.

For every document in data/van-ban/ that names a raw source in data/nguon/, draft that source
again, load the draft with the real loader, and compare field by field with the finished file.
Prints a Markdown table (the guide page shows it; tests/test_importer.py keeps it current).
"""

from __future__ import annotations

import difflib
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import fidelity
from .importer import draft_yaml
from .loader import load_corpus
from .model import Document
from .problems import DataError

FIELDS = [
    ("type", "Loại văn bản"),
    ("number", "Số hiệu"),
    ("title", "Trích yếu"),
    ("issuer", "Cơ quan ban hành"),
    ("level", "Cấp"),
    ("bloc", "Khối"),
    ("place", "Địa bàn"),
    ("signer.name", "Người ký"),
    ("signer.position", "Chức vụ người ký"),
    ("signer.on_behalf", "Thay mặt"),
    ("issued", "Ngày ban hành"),
    ("effective", "Hiệu lực"),
    ("removed", "Phần loại bỏ (chữ)"),
    ("blocks", "Ranh giới đoạn/khoản"),
    ("clause_ids", "Mã khoản (k1, k1-a…)"),
    ("body", "Chữ của nội dung"),
]


@dataclass
class Row:
    seed: str
    scores: dict[str, float]  # field -> 0..1 (1 = same as the finished file)
    loads: bool


def value(doc: Document, name: str):
    target = doc
    for part in name.split("."):
        target = getattr(target, part)
    return target.value if hasattr(target, "value") else target


def ratio(a: list, b: list) -> float:
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(a=a, b=b, autojunk=False).ratio()


def block_starts(doc: Document) -> list[tuple[str, str]]:
    """Each block's kind and first words: agreement means the text was cut into the same blocks."""
    return [(b.kind, " ".join(fidelity.words((b.marker or "") + " " + (b.original_text if b.kind != "signature" else " ".join(b.lines)))[:4])) for b in doc.blocks()]


def clause_ids(doc: Document) -> list[str]:
    return [b.id for b in doc.blocks() if b.kind in ("clause", "section")]


def compare(final: Document, draft: Document) -> dict[str, float]:
    scores = {}
    for name, _label in FIELDS[:12]:
        want, got = value(final, name), value(draft, name)
        scores[name] = 1.0 if want == got else 0.0
    scores["title"] = 1.0 if final.title == draft.title else round(ratio(final.title.split(), draft.title.split()), 2) * (0.999)
    scores["removed"] = ratio(
        [w for r in final.removed for w in fidelity.words(r.text)], [w for r in draft.removed for w in fidelity.words(r.text)]
    )
    scores["blocks"] = ratio(block_starts(final), block_starts(draft))
    want_ids, got_ids = set(clause_ids(final)), set(clause_ids(draft))
    scores["clause_ids"] = len(want_ids & got_ids) / len(want_ids | got_ids) if want_ids | got_ids else 1.0
    scores["body"] = ratio(fidelity.body_words(final), fidelity.body_words(draft))
    return scores


def measure(root: Path) -> list[Row]:
    corpus, _ = load_corpus(root / "data", root=root)
    rows = []
    for final in sorted(corpus.documents.values(), key=lambda d: d.source_file):
        source = root / "data" / "nguon" / final.source_file
        if not final.source_file or not source.is_file():
            continue
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "data"
            (data / "van-ban").mkdir(parents=True)
            shutil.copytree(root / "data" / "danh-muc", data / "danh-muc")
            (data / "nguon").mkdir()
            shutil.copy(source, data / "nguon" / source.name)
            (data / "van-ban" / "ban-nhap.yml").write_text(draft_yaml(source, root, "ban-nhap"), encoding="utf-8")
            try:
                drafts, _ = load_corpus(data, root=Path(tmp))
            except DataError:
                rows.append(Row(final.source_file, {}, False))
                continue
            rows.append(Row(final.source_file, compare(final, drafts.documents["ban-nhap"]), True))
    return rows


def table(rows: list[Row]) -> str:
    seeds = [r.seed[:3] for r in rows]
    lines = ["| Trường | " + " | ".join(seeds) + " | Trung bình |", "|---|" + "---:|" * (len(rows) + 1)]
    for name, label in FIELDS:
        cells = [r.scores.get(name, 0.0) for r in rows]
        lines.append(f"| {label} | " + " | ".join(_cell(c) for c in cells) + f" | {sum(cells) / len(cells):.0%} |")
    return "\n".join(lines)


def _cell(score: float) -> str:
    if score == 1.0:
        return "✓"
    if score == 0.0:
        return "✗"
    return f"{score:.0%}"


def main() -> int:
    rows = measure(Path(".").resolve())
    if not all(r.loads for r in rows):
        print("bản nháp không nạp được: " + ", ".join(r.seed for r in rows if not r.loads), file=sys.stderr)
        return 1
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
