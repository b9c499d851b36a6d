"""The corpus grows and CI stays green: a maintainer follows the guide «Hướng dẫn bổ sung văn bản»
step by step on a copy of the project, and then every test that reads data/ passes on that copy,
unedited; the same after 50 generated documents more.

The added document (tests/fixtures/tang-truong, invented) promotes a cited-only document to a
full one, brings a new agency, cites one registered and one new document, and assigns duties.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT, ROOT, build_site, copy_project
from kb.ledger import LEDGER_FILE, read_ledger

sys.path.insert(0, str(ROOT / "bench"))
import gen  # noqa: E402

GROWTH = ROOT / "tests" / "fixtures" / "tang-truong"
BEFORE = "hoa-phong-2019-ke-hoach-trien-khai-chi-thi-07"
DOC = "hoa-phong-2018-chi-thi-07-dan-van-chinh-quyen"
RAW = "hoa-phong-2018-chi-thi-07.txt"
PROMOTED = "ct-07-2018-ubnd-hoa-phong"
CITED = "data/danh-muc/van-ban-dan-chieu.yml"
ACTORS = "data/danh-muc/co-quan.yml"
TOPICS = "data/danh-muc/chu-de.yml"


# Fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """A copy of the project whose site already publishes the page of Chỉ thị 07/2018/CT-UBND as a
    cited-only document (with its line in the ledger), as it would stand before the addition."""
    project = copy_project(tmp_path_factory.mktemp("tang-truong") / "du-an", PROJECT)
    shutil.copy(GROWTH / "truoc" / f"{BEFORE}.yml", project / "data" / "van-ban")
    append(project / CITED, GROWTH / "truoc" / "van-ban-dan-chieu.them.yml")
    assert_ok(check(project))
    assert_ok(ledger(project))
    assert f"dan-chieu/{PROMOTED}.html" in read_ledger(project / LEDGER_FILE).live
    return project


# Tests -----------------------------------------------------------------------------------


def test_a_maintainer_adds_a_document_by_the_guide_and_every_data_test_passes(published, tmp_path):
    project = published
    # 1. the raw text goes to data/nguon/, 2. the importer drafts the YAML
    shutil.copy(GROWTH / "nguon" / RAW, project / "data" / "nguon" / RAW)
    draft = project / "data" / "van-ban" / f"{DOC}.yml"
    assert_ok(run(project, "kb.importer", f"data/nguon/{RAW}", "-o", f"data/van-ban/{DOC}.yml", "--id", DOC, "--project", str(project)))
    # 3. an unreviewed draft is refused by the strict check, each marker named with its line
    refused = check(project)
    assert refused.returncode != 0 and f"data/van-ban/{DOC}.yml:" in refused.stdout and "còn dấu «# KIỂM TRA»" in refused.stdout
    # ... the maintainer reviews it against the source: the reviewed file
    shutil.copy(GROWTH / "van-ban" / f"{DOC}.yml", draft)
    # 4. registries: a new agency, a newly cited document, the cited-only document promoted, a new topic
    insert_after(project / ACTORS, "actors:\n", (GROWTH / "danh-muc" / "co-quan.them.yml").read_text(encoding="utf-8"))
    append(project / CITED, GROWTH / "danh-muc" / "van-ban-dan-chieu.them.yml")
    insert_after(project / CITED, f"  - id: {PROMOTED}\n", f"    document: {DOC}\n")
    append(project / TOPICS, GROWTH / "danh-muc" / "chu-de.them.yml")  # a topic the vocabulary did not have
    # 5. (the assignments are in the reviewed file) 6. check
    checked = check(project)
    assert checked.returncode == 0 and checked.stdout.startswith("0 lỗi, 0 cảnh báo"), checked.stdout
    # 7. strict build: the page, its citations, and the old address forwarding to it
    site = tmp_path / "site"
    assert_ok(build_site(project, site))
    page = (site / "van-ban" / f"{DOC}.html").read_text(encoding="utf-8")
    assert 'href="../dan-chieu/nq-05-2017-hdnd-hoa-phong.html"' in page and 'href="../dan-chieu/qd-12-2018-ubnd-hoa-phong.html"' in page
    assert 'href="../trach-nhiem/so-noi-vu-tinh-hoa-phong.html"' in page
    assert f'url=../van-ban/{DOC}.html"' in (site / "dan-chieu" / f"{PROMOTED}.html").read_text(encoding="utf-8")
    # 8. ledger: new addresses recorded, the promoted page's address forwards
    assert_ok(ledger(project))
    recorded = read_ledger(project / LEDGER_FILE)
    assert recorded.forwarded[f"dan-chieu/{PROMOTED}.html"] == f"van-ban/{DOC}.html"
    assert f"van-ban/{DOC}.html#k1" in recorded.live
    # 9. tests: every test that reads data/, unedited, against this copy
    assert_ok(data_tests(project, tmp_path / "pytest"))


def test_fifty_generated_documents_more_keep_every_data_test_green(published, tmp_path):
    project = published
    added = gen.add_documents(50, project / "data")
    assert len(added) == 50
    checked = check(project)
    assert checked.returncode == 0, checked.stdout
    assert_ok(ledger(project))
    assert_ok(data_tests(project, tmp_path / "pytest"))


# Helper functions ------------------------------------------------------------------------


def run(project: Path, module: str, *args: str) -> subprocess.CompletedProcess:
    """`PYTHONPATH=hooks python -m <module> …` in the project, as scripts/check.sh and import.sh do."""
    env = dict(os.environ, PYTHONPATH=str(project / "hooks"), NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True, cwd=project, env=env)


def check(project: Path) -> subprocess.CompletedProcess:
    return run(project, "kb.check", "--strict", str(project))


def ledger(project: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, str(project / "scripts" / "ledger.py")], capture_output=True, text=True, cwd=project, env=env)


def data_tests(project: Path, basetemp: Path) -> subprocess.CompletedProcess:
    """Every test marked `data`, from this checkout, with the suite's data root on `project`."""
    env = dict(os.environ, KB_PROJECT=str(project), NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "pytest", "-m", "data", "-q", "-p", "no:cacheprovider", f"--basetemp={basetemp}", str(ROOT / "tests")]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)


def assert_ok(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, f"{result.args}\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"


def append(path: Path, snippet: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n" + snippet.read_text(encoding="utf-8"), encoding="utf-8")


def insert_after(path: Path, line: str, text: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert content.count(line) == 1, f"{path.name}: '{line.strip()}' must appear once"
    path.write_text(content.replace(line, line + text, 1), encoding="utf-8")


# The guide walks the same path ----------------------------------------------------------

GUIDE = ROOT / "docs" / "huong-dan" / "bo-sung-van-ban.md"
# the steps the test above takes, as the guide names them and in the guide's order
GUIDE_STEPS = [
    "**Chép bản thô**", "data/nguon/",
    "**Tạo bản nháp**", "scripts/import.sh data/nguon/<tên>.txt -o data/van-ban/<mã>.yml --id <mã>",
    "xử lý mọi dấu `# KIỂM TRA`", "scripts/check.sh --strict", "còn dấu «# KIỂM TRA»",
    "**a) Cơ quan mới.**", "`co-quan.yml`",
    "**b) Văn bản được dẫn chiếu mới.**", "`van-ban-dan-chieu.yml`",
    "**c) Văn bản đã có trong danh mục dẫn chiếu nay có toàn văn.**", "`document: <mã văn bản>`",
    "**d) Chủ đề mới.**", "`chu-de.yml`",
    "**Phân công trách nhiệm.**", "`assignments:`",
    "**Kiểm tra toàn bộ dữ liệu:**", "scripts/check.sh --strict", "0 lỗi, 0 cảnh báo",
    "**Tạo trang web và xem lại:**", "scripts/serve.sh build",
    "**Cập nhật sổ đường dẫn**", ".venv/bin/python scripts/ledger.py", "-> van-ban/<mã>.html",
    "**Chạy toàn bộ kiểm thử**", "scripts/test.sh",
]


def test_the_guide_lists_the_steps_this_test_takes_in_the_same_order():
    text = GUIDE.read_text(encoding="utf-8")
    steps = text[text.index("## Các bước thêm một văn bản") :]
    steps = steps[: steps.index("\n## ")]
    position = 0
    for needle in GUIDE_STEPS:
        found = steps.find(needle, position)
        assert found >= 0, f"the guide's steps lack (or misplace) {needle!r}"
        position = found + len(needle)
