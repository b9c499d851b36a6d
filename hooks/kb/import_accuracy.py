"""How well the importer reads texts it was not written on: `PYTHONPATH=hooks python -m kb.import_accuracy [--half tuning] [--write-guide]`.

The evaluation set lives in tests/fixtures/importer/ (see its README.md): invented raw texts,
each with an expected result made by hand, split in advance into a tuning half and a held-out
half. Every raw text is drafted with the set's own registry, the draft is loaded with the real
loader (so it must load and keep every word), and each field is compared with the expectation.
A field the importer left empty (with its KIỂM TRA note) counts as not found, one it filled
wrongly as wrong: the two are reported apart, since a confident wrong value is the worse fault.
The guide shows the held-out half; it depends on the fixtures only, never on data/.
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import fidelity
from .check import validate
from .importer import Draft, draft_from_text, read_source, registry_actors, to_yaml
from .loader import ACTORS_FILE, DOCUMENTS_DIR, REGISTRIES_DIR, SOURCES_DIR
from .model import Block, Document

EVALUATION_DIR = Path("tests") / "fixtures" / "importer"
GUIDE = Path("docs") / "huong-dan" / "bo-sung-van-ban.md"
TABLE_START = "<!-- kb:do-chinh-xac-nhap -->"
TABLE_END = "<!-- /kb:do-chinh-xac-nhap -->"
DRAFT_ID = "ban-nhap"

# Fields compared one by one: (key, Vietnamese label).
FIELDS = [
    ("type", "Loại văn bản"),
    ("number", "Số hiệu"),
    ("issued", "Ngày ban hành"),
    ("title", "Trích yếu"),
    ("issuer", "Cơ quan ban hành"),
    ("level", "Cấp"),
    ("bloc", "Khối"),
    ("place", "Địa bàn"),
    ("signer.name", "Người ký"),
    ("signer.position", "Chức vụ người ký"),
    ("signer.on_behalf", "Thay mặt (TM., KT., TL.…)"),
]
RIGHT, EMPTY, WRONG = "right", "empty", "wrong"


@dataclass
class Result:
    """One raw text of the set, drafted and compared."""

    name: str
    loads: bool
    problems: list[str]
    fields: dict[str, str] = field(default_factory=dict)  # key -> right | empty | wrong
    outline_matched: int = 0
    outline_expected: int = 0
    outline_drafted: int = 0
    words_lost: int = 0  # source words neither in the body nor in 'removed'
    own_lines_removed: list[str] = field(default_factory=list)  # document lines flagged as chrome/duplicate
    chrome_expected: int = 0
    chrome_found: int = 0
    title_exact: bool = False


def evaluation_root(project: Path) -> Path:
    return project / EVALUATION_DIR


def measure(project: Path, half: str = "held-out") -> list[Result]:
    root = evaluation_root(project)
    registry = root / REGISTRIES_DIR / ACTORS_FILE
    actors = registry_actors(registry)
    with tempfile.TemporaryDirectory() as tmp:
        return [_measure_one(raw, actors, Path(tmp) / raw.stem, registry) for raw in sorted((root / half).glob("*.txt"))]


def _measure_one(raw: Path, actors, workdir: Path, registry: Path) -> Result:
    expected = yaml.safe_load(raw.with_suffix(".yml").read_text(encoding="utf-8"))
    draft = draft_from_text(read_source(raw), actors)
    data = workdir / "data"
    for sub in (REGISTRIES_DIR, SOURCES_DIR, DOCUMENTS_DIR):
        (data / sub).mkdir(parents=True)
    shutil.copy(registry, data / REGISTRIES_DIR / ACTORS_FILE)
    shutil.copy(raw, data / SOURCES_DIR / raw.name)
    (data / DOCUMENTS_DIR / f"{DRAFT_ID}.yml").write_text(to_yaml(draft, DRAFT_ID, raw.name), encoding="utf-8")
    corpus, problems = validate(workdir)
    errors = [str(p) for p in problems if p.is_error]
    result = Result(raw.stem, corpus is not None and not errors, errors)
    for key, _label in FIELDS:
        result.fields[key] = _judge(key, expected, draft)
    result.title_exact = _norm(draft.title, fold_case=False) == _norm(expected.get("title"), fold_case=False)
    if result.loads:
        doc = corpus.documents[DRAFT_ID]
        _compare_outline(result, expected["outline"], outline(doc))
        result.words_lost = _words_lost(doc, raw)
    _compare_removed(result, expected, draft)
    return result


def _judge(key: str, expected: dict, draft: Draft) -> str:
    if key == "issuer":
        want_id, want_new = expected.get("issuer"), expected.get("new_issuer")
        got_id = draft.issuer.id if draft.issuer else None
        got_new = draft.new_issuer.name if draft.new_issuer else None
        if got_id == want_id and _norm(got_new) == _norm(want_new):
            return RIGHT
        return EMPTY if got_id is None and got_new is None else WRONG
    if key.startswith("signer."):
        want = (expected.get("signer") or {}).get(key.split(".")[1])
        got = getattr(draft, "signer_" + key.split(".")[1])
    else:
        want, got = expected.get(key), getattr(draft, key)
    if _norm(got) == _norm(want):
        return RIGHT
    return EMPTY if got is None else WRONG


def _norm(value, fold_case: bool = True) -> str | None:
    if value is None:
        return None
    text = " ".join(unicodedata.normalize("NFC", str(value)).split())
    return text.casefold() if fold_case else text


def outline(doc: Document) -> list[str]:
    """The body as the expected files write it: one line per paragraph, clause or part, indented by depth."""
    lines: list[str] = []

    def visit(blocks: tuple[Block, ...], depth: int) -> None:
        for block in blocks:
            if block.kind in ("heading", "signature"):
                continue
            words = fidelity.words(block.original_text)
            if block.kind == "p":
                head = ["¶", *words[:3]]
            elif block.kind == "section":
                head = ["§", *words[:3]]
            else:
                head = [block.marker or "", *words[:3]]
            lines.append("  " * depth + " ".join(head))
            visit(block.items, depth + 1)

    visit(doc.body, 0)
    return lines


def _compare_outline(result: Result, expected_text: str, drafted: list[str]) -> None:
    wanted = [unicodedata.normalize("NFC", l.rstrip()) for l in expected_text.splitlines() if l.strip()]
    matcher = difflib.SequenceMatcher(a=wanted, b=drafted, autojunk=False)
    result.outline_matched = sum(m.size for m in matcher.get_matching_blocks())
    result.outline_expected, result.outline_drafted = len(wanted), len(drafted)


def _words_lost(doc: Document, raw: Path) -> int:
    expected, missing = fidelity.source_words_without_removals(doc, raw.read_text(encoding="utf-8"))
    actual = fidelity.body_words(doc)
    matcher = difflib.SequenceMatcher(a=expected, b=actual, autojunk=False)
    return len(expected) - sum(m.size for m in matcher.get_matching_blocks()) + sum(len(m.split()) for m in missing)


def _compare_removed(result: Result, expected: dict, draft: Draft) -> None:
    """Lines are compared by their words, so a chrome line the copy hard-wrapped still counts once."""
    chrome = [_norm(l) for l in expected.get("chrome") or []]
    duplicates = [_norm(l) for l in expected.get("duplicates") or []]
    flagged = {reason: [_norm(l.text) for r in draft.removed if r.reason == reason for l in r.lines] for reason in ("chrome", "duplicate")}
    joined = " ".join(flagged["chrome"])
    result.chrome_expected = len(chrome)
    result.chrome_found = sum(line in joined for line in chrome)
    result.own_lines_removed = sorted(
        {line for line in flagged["chrome"] if not any(line in c for c in chrome)}
        | {line for line in flagged["duplicate"] if not any(line in d for d in duplicates)}
    )


# Reporting -------------------------------------------------------------------------------


def _cell(verdict: str) -> str:
    return {RIGHT: "✓", EMPTY: "–", WRONG: "✗"}[verdict]


def table(results: list[Result]) -> str:
    """Per-field table (one column per text), then the totals the targets are stated in."""
    names = [r.name[:2] for r in results]
    lines = ["| Trường | " + " | ".join(names) + " | Đúng | Để trống | Sai |", "|---|" + "---:|" * (len(results) + 3)]
    for key, label in FIELDS:
        verdicts = [r.fields[key] for r in results]
        lines.append(
            f"| {label} | " + " | ".join(_cell(v) for v in verdicts) + " | "
            + " | ".join(_percent(verdicts.count(v), len(verdicts)) for v in (RIGHT, EMPTY, WRONG)) + " |"
        )
    exact = sum(r.title_exact for r in results)
    lines.append("| Trích yếu, đúng cả chữ hoa | " + " | ".join("✓" if r.title_exact else "✗" for r in results) + f" | {_percent(exact, len(results))} | | |")
    matched = sum(r.outline_matched for r in results)
    total = sum(max(r.outline_expected, r.outline_drafted) for r in results)
    lines.append(
        "| Ranh giới đoạn/khoản | "
        + " | ".join(_percent(r.outline_matched, max(r.outline_expected, r.outline_drafted)) for r in results)
        + f" | {_percent(matched, total)} | | |"
    )
    lines.append("")
    lines.append("| Chỉ số | Kết quả |")
    lines.append("|---|---:|")
    lines.append(f"| Bản nháp nạp được (không lỗi) | {sum(r.loads for r in results)}/{len(results)} |")
    lines.append(f"| Chữ bị mất (không có trong toàn văn, không có trong `removed`) | {sum(r.words_lost for r in results)} |")
    lines.append(f"| Dòng của chính văn bản bị coi là trang web hoặc đoạn lặp | {sum(len(r.own_lines_removed) for r in results)} |")
    found, expected = sum(r.chrome_found for r in results), sum(r.chrome_expected for r in results)
    lines.append(f"| Dòng trang web được nhận ra | {found}/{expected} |")
    return "\n".join(lines)


def _percent(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "–"


def guide_section(project: Path) -> str:
    return f"{TABLE_START}\n{table(measure(project))}\n{TABLE_END}"


def write_guide(project: Path) -> None:
    path = project / GUIDE
    text = path.read_text(encoding="utf-8")
    start, end = text.index(TABLE_START), text.index(TABLE_END) + len(TABLE_END)
    path.write_text(text[:start] + guide_section(project) + text[end:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kb.import_accuracy", description="Đo độ chính xác của lệnh nhập trên bộ đánh giá.")
    parser.add_argument("--half", default="held-out", choices=["held-out", "tuning"])
    parser.add_argument("--write-guide", action="store_true", help="ghi bảng (nửa giữ lại) vào trang hướng dẫn")
    parser.add_argument("--details", action="store_true", help="in thêm chỗ sai của từng văn bản")
    args = parser.parse_args(argv)
    project = Path(".").resolve()
    if args.write_guide:
        write_guide(project)
        return 0
    results = measure(project, args.half)
    print(table(results))
    if args.details:
        for r in results:
            wrong = [k for k, v in r.fields.items() if v != RIGHT]
            print(f"\n{r.name}: nạp được={r.loads} sai/trống={wrong} dòng bị bỏ nhầm={r.own_lines_removed} {r.problems[:3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
