"""Links are forever: every URL and clause anchor in the ledger still leads somewhere."""

from __future__ import annotations

from conftest import ROOT, build_site, copy_project
from kb.ledger import LEDGER_FILE, broken, published, read_ledger

BEN_TRE = "ben-tre-chi-thi-cong-tac-van-dong-quan-chung"


def test_every_published_url_and_anchor_still_resolves(site):
    ledger = read_ledger(ROOT / LEDGER_FILE)
    assert len(ledger) > 50, "the ledger lists pages and clause anchors"
    assert broken(ledger, site) == []


def test_every_current_url_is_in_the_ledger(site):
    missing = sorted(published(site) - read_ledger(ROOT / LEDGER_FILE))
    assert missing == [], "run .venv/bin/python scripts/ledger.py and commit tests/ledger/duong-dan.txt"


def test_a_renamed_document_without_redirect_is_reported(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / "data" / "van-ban"
    new = "ben-tre-chi-thi-moi"
    text = (data / f"{BEN_TRE}.yml").read_text(encoding="utf-8").replace(f"id: {BEN_TRE}", f"id: {new}")
    (data / f"{new}.yml").write_text(text, encoding="utf-8")
    (data / f"{BEN_TRE}.yml").unlink()
    ledger = read_ledger(ROOT / LEDGER_FILE)

    site = tmp_path / "without"
    assert build_site(project, site).returncode == 0
    lost = broken(ledger, site)
    assert f"van-ban/{BEN_TRE}.html: không còn trang này và không có trang chuyển hướng" in lost
    assert f"van-ban/{BEN_TRE}.html#k1-a: không còn trang này và không có trang chuyển hướng" in lost

    (project / "data" / "danh-muc" / "chuyen-huong.yml").write_text(f"{BEN_TRE}: {new}\n", encoding="utf-8")
    site = tmp_path / "with"
    assert build_site(project, site).returncode == 0
    assert broken(ledger, site) == []
    forward = (site / "van-ban" / f"{BEN_TRE}.html").read_text(encoding="utf-8")
    assert f'url={new}.html"' in forward and "location.hash" in forward


def test_a_redirect_to_an_unknown_document_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "data" / "danh-muc" / "chuyen-huong.yml").write_text("ma-cu: khong-co-van-ban-nay\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert (
        "data/danh-muc/chuyen-huong.yml:1: lỗi: 'ma-cu': không có văn bản mã 'khong-co-van-ban-nay' trong data/van-ban/ (kiểm tra tên tệp .yml)"
        in result.stderr
    )
