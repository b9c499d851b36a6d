"""Links are forever: every address in the ledger still leads somewhere, or its removal says why.

The first tests hold the project's own ledger against its own site (any corpus); the others
rename, promote and remove documents of the sample corpus.
"""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from conftest import PROJECT, ROOT, build_site, sample_copy
from kb.ledger import LEDGER_FILE, Ledger, broken, forwarding_pages, parse, published, read_ledger, remove, render, unrecorded, updated

BEN_TRE = "ben-tre-chi-thi-cong-tac-van-dong-quan-chung"
HANOI = "ha-noi-2010-chi-thi-lay-phieu-tin-nhiem"
REDIRECTS = "data/danh-muc/chuyen-huong.yml"
REGISTRY = "data/danh-muc/van-ban-dan-chieu.yml"


# The project's ledger ----------------------------------------------------------------------


def test_every_published_url_and_anchor_still_resolves(site, corpus):
    ledger = read_ledger(PROJECT / LEDGER_FILE)
    assert {f"van-ban/{doc_id}.html" for doc_id in corpus.documents} <= ledger.addresses()
    assert broken(ledger, site) == []


def test_every_current_url_and_forward_is_in_the_ledger(site):
    ledger = read_ledger(PROJECT / LEDGER_FILE)
    assert unrecorded(ledger, site) == [], "run .venv/bin/python scripts/ledger.py and commit tests/ledger/duong-dan.txt"


def test_every_removal_in_the_ledger_gives_its_reason(project):
    _ledger, problems = parse((project / LEDGER_FILE).read_text(encoding="utf-8"))
    assert problems == []


# Renaming, promoting, removing (sample corpus) ----------------------------------------------


@pytest.fixture(scope="module")
def sample_ledger(sample_site) -> Ledger:
    """The ledger the sample site would have: every address it publishes."""
    return Ledger(frozenset(published(sample_site)), {}, {})


def rename(project, old: str, new: str) -> None:
    data = project / "data" / "van-ban"
    text = (data / f"{old}.yml").read_text(encoding="utf-8").replace(f"id: {old}", f"id: {new}")
    (data / f"{new}.yml").write_text(text, encoding="utf-8")
    (data / f"{old}.yml").unlink()


def test_a_renamed_document_without_redirect_is_reported(tmp_path, sample_ledger):
    project = sample_copy(tmp_path / "project")
    new = "ben-tre-chi-thi-moi"
    rename(project, BEN_TRE, new)

    site = tmp_path / "without"
    assert build_site(project, site).returncode == 0
    lost = broken(sample_ledger, site)
    assert f"van-ban/{BEN_TRE}.html: không còn trang này và không có trang chuyển hướng" in lost
    assert f"van-ban/{BEN_TRE}.html#k1-a: không còn trang này và không có trang chuyển hướng" in lost

    (project / REDIRECTS).write_text(f"{BEN_TRE}: {new}\n", encoding="utf-8")
    site = tmp_path / "with"
    assert build_site(project, site).returncode == 0
    assert broken(sample_ledger, site) == []
    forward = (site / "van-ban" / f"{BEN_TRE}.html").read_text(encoding="utf-8")
    assert f'url={new}.html"' in forward and "location.hash" in forward
    assert BEN_TRE not in forward.split("<body>")[1], "readers see the title, not the old id"

    ledger = updated(sample_ledger, site)
    assert ledger.forwarded[f"van-ban/{BEN_TRE}.html#k1-a"] == f"van-ban/{new}.html#k1-a"
    assert f"van-ban/{new}.html#k1-a" in ledger.live
    assert unrecorded(ledger, site) == [] and broken(ledger, site) == []
    assert f"van-ban/{BEN_TRE}.html -> van-ban/{new}.html\n" in render(ledger)


def test_any_kind_of_page_can_forward_by_its_address(tmp_path, sample_ledger):
    """A renamed actor page forwards like a renamed document, declared in the same file."""
    project = sample_copy(tmp_path / "project")
    registry = project / "data" / "danh-muc" / "co-quan.yml"
    old, new = "so-noi-vu-tinh-ben-tre", "so-noi-vu-ben-tre"
    registry.write_text(registry.read_text(encoding="utf-8").replace(f"id: {old}\n", f"id: {new}\n"), encoding="utf-8")
    for path in (project / "data" / "van-ban").glob("*.yml"):
        path.write_text(path.read_text(encoding="utf-8").replace(f"actor: {old}\n", f"actor: {new}\n"), encoding="utf-8")
    (project / REDIRECTS).write_text(f"trach-nhiem/{old}.html: trach-nhiem/{new}.html\n", encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    assert forwarding_pages(site) == {f"trach-nhiem/{old}.html": f"trach-nhiem/{new}.html"}
    assert broken(sample_ledger, site) == []


def promote_18_2000(project, doc_id: str = "ttg-2000-chi-thi-18-thu") -> str:
    """Make the cited-only Chỉ thị 18/2000/CT-TTg a document of the sample project."""
    body = (
        "# yaml-language-server: $schema=../../schema/van-ban.schema.json\n"
        f"id: {doc_id}\ntype: chi-thi\nnumber: \"18/2000/CT-TTg\"\ntitle: \"Văn bản thử\"\nissuer: null\nlevel: null\nbloc: null\n"
        "place: null\nsigner:\n  name: null\n  position: null\n  on_behalf: null\nissued: null\neffective: null\nstatus: null\n"
        "topics: []\nsource:\n  note: \"Văn bản giả định cho kiểm thử\"\nremoved: []\nbody:\n  - p: \"Nội dung thử.\"\n    id: mo-dau\n"
        "  - clause: \"1.\"\n    text: \"Khoản thử.\"\n"
    )
    (project / "data" / "van-ban" / f"{doc_id}.yml").write_text(body, encoding="utf-8")
    registry = project / REGISTRY
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace("  - id: ct-18-2000-ttg\n", f"  - id: ct-18-2000-ttg\n    document: {doc_id}\n", 1), encoding="utf-8")
    return doc_id


def test_a_promoted_cited_document_keeps_its_address_and_the_ledger_records_it(tmp_path, sample_ledger):
    project = sample_copy(tmp_path / "project")
    doc_id = promote_18_2000(project)
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    assert forwarding_pages(site) == {"dan-chieu/ct-18-2000-ttg.html": f"van-ban/{doc_id}.html"}
    assert broken(sample_ledger, site) == []
    forward = (site / "dan-chieu" / "ct-18-2000-ttg.html").read_text(encoding="utf-8")
    assert f'url=../van-ban/{doc_id}.html"' in forward and "Văn bản thử</a>" in forward  # the title of the page it leads to
    # the ledger says where the old address leads; a ledger that does not say so fails the test
    assert unrecorded(sample_ledger, site) == [
        f"van-ban/{doc_id}.html: địa chỉ mới chưa ghi trong sổ",
        f"van-ban/{doc_id}.html#k1: địa chỉ mới chưa ghi trong sổ",
        f"van-ban/{doc_id}.html#mo-dau: địa chỉ mới chưa ghi trong sổ",
        f"dan-chieu/ct-18-2000-ttg.html: trang chuyển tới van-ban/{doc_id}.html chưa ghi trong sổ "
        f"(dòng 'dan-chieu/ct-18-2000-ttg.html -> van-ban/{doc_id}.html')",
    ]
    ledger = updated(sample_ledger, site)
    assert ledger.forwarded == {"dan-chieu/ct-18-2000-ttg.html": f"van-ban/{doc_id}.html"}
    assert unrecorded(ledger, site) == []


def test_declaring_the_automatic_forward_again_is_refused(tmp_path):
    project = sample_copy(tmp_path / "project")
    doc_id = promote_18_2000(project)
    (project / REDIRECTS).write_text("dan-chieu/ct-18-2000-ttg.html: van-ban/ben-tre-chi-thi-cong-tac-van-dong-quan-chung.html\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert (
        f"{REDIRECTS}:1: lỗi: 'dan-chieu/ct-18-2000-ttg.html' đã tự chuyển tới 'van-ban/{doc_id}.html' vì mục 'ct-18-2000-ttg' "
        f"trong danh mục văn bản dẫn chiếu có 'document: {doc_id}' (xóa dòng này)"
    ) in result.stderr


def test_a_removal_needs_a_reason_recorded_in_the_ledger(tmp_path, sample_ledger):
    project = sample_copy(tmp_path / "project")
    (project / "data" / "van-ban" / f"{HANOI}.yml").unlink()
    (project / "data" / "nguon" / "003_6bcc9417a93f2182.txt").unlink()
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    assert f"van-ban/{HANOI}.html: không còn trang này và không có trang chuyển hướng" in broken(sample_ledger, site)

    ledger, chosen = remove(sample_ledger, f"van-ban/{HANOI}.html", "  Văn bản trùng với bản đã đăng ")
    assert chosen and all(c.startswith(f"van-ban/{HANOI}.html") for c in chosen) and f"van-ban/{HANOI}.html#k1" in chosen
    # the pages of agencies that only this document gave duties to went with it
    others = sorted({e.partition(":")[0] for e in broken(ledger, site)})
    # (and its page «Bản nguồn», which shows the source file deleted with it)
    assert others and all(e.startswith("trach-nhiem/") or e == f"ban-nguon/{HANOI}.html" for e in others)
    for address in others:
        ledger, _chosen = remove(ledger, address, "Văn bản trùng với bản đã đăng")
    assert broken(ledger, site) == []
    assert f"van-ban/{HANOI}.html | đã bỏ: Văn bản trùng với bản đã đăng\n" in render(ledger)
    assert parse(render(ledger))[0] == ledger

    _ledger, problems = parse(f"van-ban/{HANOI}.html | đã bỏ:\n")
    assert problems == [f"{LEDGER_FILE}:1: địa chỉ 'van-ban/{HANOI}.html' đã bỏ nhưng chưa ghi lý do (ghi sau 'đã bỏ:')"]


def test_the_ledger_script_refuses_to_drop_an_address_and_records_a_reasoned_removal(tmp_path):
    project = sample_copy(tmp_path / "project")
    (project / "tests" / "ledger").mkdir(parents=True)
    script = [sys.executable, str(ROOT / "scripts" / "ledger.py"), "--project", str(project)]
    first = subprocess.run(script, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    (project / "data" / "van-ban" / f"{HANOI}.yml").unlink()
    (project / "data" / "nguon" / "003_6bcc9417a93f2182.txt").unlink()
    refused = subprocess.run(script, capture_output=True, text=True)
    assert refused.returncode == 1
    assert f"van-ban/{HANOI}.html: không còn trang này và không có trang chuyển hướng" in refused.stderr
    command = refused.stderr.strip().splitlines()[-1].strip()
    assert command.startswith('.venv/bin/python scripts/ledger.py bo "<lý do>" ') and f"van-ban/{HANOI}.html" in command
    recorded = subprocess.run(script + ["bo", "Văn bản nhập nhầm", *command.split('"<lý do>" ')[1].split()], capture_output=True, text=True)
    assert recorded.returncode == 0, recorded.stderr
    again = subprocess.run(script, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert f"van-ban/{HANOI}.html | đã bỏ: Văn bản nhập nhầm\n" in (project / LEDGER_FILE).read_text(encoding="utf-8")


def test_the_ledger_script_needs_only_what_serve_installs():
    """A maintainer runs scripts/ledger.py with the site's tools (scripts/serve.sh), without the test tools."""
    tree = ast.parse((ROOT / "scripts" / "ledger.py").read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert imported & {"pytest", "conftest", "playwright", "jsonschema"} == set()
