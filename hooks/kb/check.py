"""Validate data/ without building the site: `PYTHONPATH=hooks python -m kb.check [project]`.

Prints every problem compiler-style (`đường/dẫn.yml:dòng: lỗi: … (cách sửa)`), then a count
line; exits 1 when there is an error (2 with --strict when there are warnings, which the strict
site build also refuses; notices report what the loader repaired and never fail). No MkDocs import: this must stay well under a second.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import fidelity, messages, paths
from .buildcache import DocumentCache
from .loader import SOURCES_DIR, load_corpus
from .model import Corpus
from .pages import PageGenerator, address_of
from .problems import DataError, Problem
from .review import review_problems


def validate(root: Path, cache: DocumentCache | None = None) -> tuple[Corpus | None, list[Problem]]:
    """Everything the build validates, plus the no-word-lost check against each source text."""
    data_dir = root / "data"
    if not data_dir.is_dir():
        return None, [messages.problem("no-data-dir", "data/", 0)]
    reviews = review_problems(data_dir, lambda path: path.relative_to(root).as_posix())
    try:
        corpus, problems = load_corpus(data_dir, root=root, cache=cache)
    except DataError as exc:
        return None, sorted(list(exc.problems) + reviews)
    return corpus, sorted(problems + reviews + fidelity_problems(corpus, data_dir / SOURCES_DIR) + forwarding_problems(root, corpus))


def load_checked(root: Path, cache: DocumentCache | None = None) -> tuple[Corpus, list[Problem]]:
    """The corpus and its warnings, exactly as the checker sees it; DataError listing every problem otherwise.

    The site build uses this, so a data set the checker refuses is never published.
    """
    corpus, problems = validate(root, cache)
    if corpus is None or any(p.is_error for p in problems):
        raise DataError(problems)
    return corpus, problems


def fidelity_problems(corpus: Corpus, sources_dir: Path) -> list[Problem]:
    problems = []
    for doc in corpus.documents.values():
        source = paths.source_file(doc.source_file, sources_dir)  # the loader refused any other
        if source is None or not source.is_file():
            continue
        try:
            report = fidelity.check(doc, sources_dir)
        except UnicodeDecodeError:
            problems.append(messages.problem("source-not-utf8", doc.path, doc.line_of("source"), file=doc.source_file))
            continue
        if not report.ok:
            problems.append(messages.problem("fidelity", doc.path, doc.line_of("body"), file=doc.source_file, detail=report.message))
    return problems


def forwarding_problems(root: Path, corpus: Corpus) -> list[Problem]:
    """Declared forwards (data/danh-muc/chuyen-huong.yml) checked against the pages the site will have.

    Automatic forwards of promoted cited documents are right by construction: the check (and its
    page plan) runs only when something is declared.
    """
    if all(forward.entry for forward in corpus.forwards):
        return []
    generator = PageGenerator(corpus)
    published = {address_of(page.src_path) for page in generator.plan()} | hand_written_pages(root)
    return generator.forwarding(published)[1]


def hand_written_pages(root: Path) -> set[str]:
    """Addresses of the files under docs/ (the guide pages, assets)."""
    docs = root / "docs"
    return {address_of(p.relative_to(docs).as_posix()) for p in docs.rglob("*") if p.is_file()} if docs.is_dir() else set()


def summary(problems: list[Problem], files: int, seconds: float, strict: bool = False) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    notices = len(problems) - errors - warnings
    code = "check-invalid" if errors else "check-strict-warnings" if strict and warnings else "check-valid"
    return messages.text(
        code, errors=str(errors), warnings=str(warnings), notices=f", {notices} lưu ý" if notices else "", files=str(files), seconds=f"{seconds:.2f}",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kb.check", description="Kiểm tra dữ liệu trong data/ mà không tạo trang web.")
    parser.add_argument("project", nargs="?", default=".", help="thư mục dự án (chứa data/), mặc định: thư mục hiện tại")
    parser.add_argument("--strict", action="store_true", help="coi cảnh báo là lỗi (như khi tạo trang web với --strict)")
    args = parser.parse_args(argv)
    root = Path(args.project).resolve()
    started = time.perf_counter()
    _corpus, problems = validate(root)
    files = sum(1 for p in (root / "data").rglob("*") if p.suffix.lower() in (".yml", ".yaml") and p.is_file())
    for problem in problems:
        print(problem)
    print(summary(problems, files, time.perf_counter() - started, args.strict))
    if any(p.is_error for p in problems):
        return 1
    if args.strict and any(p.severity == "warning" for p in problems):
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
