"""A clerk's mistake never reaches readers: the checker reports it fast, the build refuses to write,
and whatever odd characters a valid file contains are shown as text, never run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html import unescape

import pytest

from conftest import ROOT, build_site, sample_copy
from kb.check import validate

HOSTILE = ROOT / "tests" / "fixtures" / "hostile" / "thu-nghiem-ky-tu-dac-biet.yml"


def run_check(project, *args):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"))
    return subprocess.run([sys.executable, "-m", "kb.check", *args, str(project)], capture_output=True, text=True, env=env)


def test_the_real_data_passes_the_strict_check(project):
    """(How fast the check runs is measured by the benchmarks, not asserted here: it grows with the corpus.)"""
    _corpus, problems = validate(project)
    assert [str(p) for p in problems if p.severity != "notice"] == []
    result = run_check(project, "--strict")
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("0 lỗi, 0 cảnh báo trong ") and "dữ liệu hợp lệ" in result.stdout


@pytest.fixture(scope="module")
def broken_project(tmp_path_factory):
    """The sample project with two broken documents: a typo'd key and an impossible date."""
    project = sample_copy(tmp_path_factory.mktemp("broken") / "project")
    docs = project / "data" / "van-ban"
    hanoi = (docs / "ha-noi-2010-chi-thi-lay-phieu-tin-nhiem.yml").read_text(encoding="utf-8")
    (docs / "ha-noi-2010-chi-thi-lay-phieu-tin-nhiem.yml").write_text(hanoi.replace('issued: "2010-05-10"', 'isued: "2010-05-10"'), encoding="utf-8")
    hcm = (docs / "tphcm-1995-chi-thi-tong-ket-nghi-quyet-8b.yml").read_text(encoding="utf-8")
    (docs / "tphcm-1995-chi-thi-tong-ket-nghi-quyet-8b.yml").write_text(hcm.replace('before: "1995-06-20"', 'before: "1995-02-30"'), encoding="utf-8")
    return project


def line_of(project, name, needle):
    text = (project / "data" / "van-ban" / name).read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def test_the_check_prints_every_problem_compiler_style_and_fails(broken_project):
    result = run_check(broken_project)
    lines = result.stdout.splitlines()
    hanoi, hcm = "ha-noi-2010-chi-thi-lay-phieu-tin-nhiem.yml", "tphcm-1995-chi-thi-tong-ket-nghi-quyet-8b.yml"
    assert result.returncode == 1
    assert lines[:3] == [
        f"data/van-ban/{hanoi}:{line_of(broken_project, hanoi, 'id:')}: lỗi: thiếu trường bắt buộc 'issued' (ngày ban hành); nếu chưa rõ, ghi 'issued: null'",
        f"data/van-ban/{hanoi}:{line_of(broken_project, hanoi, 'isued:')}: lỗi: trường lạ 'isued' (có phải ý bạn là 'issued'?)",
        f"data/van-ban/{hcm}:{line_of(broken_project, hcm, 'before: ')}: lỗi: trường 'issued.before': ngày '1995-02-30' không có thật "
        "(kiểm tra lại tháng 1–12 và số ngày của tháng đó)",
    ]
    files = sum(1 for p in (broken_project / "data").rglob("*.yml"))
    assert lines[3].startswith(f"3 lỗi, 0 cảnh báo trong {files} tệp") and lines[3].endswith("trang web sẽ không được tạo.")


def test_the_build_stops_before_writing_anything(broken_project, tmp_path):
    site_dir = tmp_path / "site"
    result = build_site(broken_project, site_dir)
    assert result.returncode != 0
    assert "ha-noi-2010-chi-thi-lay-phieu-tin-nhiem.yml:" in result.stderr and "lỗi: trường lạ 'isued'" in result.stderr
    assert not site_dir.exists() or not any(site_dir.iterdir())


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The sample project plus a valid document full of HTML, Markdown and Jinja syntax (and NFD text)."""
    project = sample_copy(tmp_path_factory.mktemp("hostile") / "project")
    shutil.copy(HOSTILE, project / "data" / "van-ban" / HOSTILE.name)
    with open(project / "data" / "danh-muc" / "chu-de.yml", "a", encoding="utf-8") as vocabulary:  # its topic is markup too
        vocabulary.write('  - id: thu-nghiem-ky-tu-dac-biet\n    name: "<i>chủ đề</i>"\n')
    site_dir = project / "site"
    result = build_site(project, site_dir)
    assert result.returncode == 0, result.stderr  # NFD text is a notice: it never fails the strict build
    return site_dir


def test_markup_in_any_field_is_shown_as_text(hostile_site):
    html = (hostile_site / "van-ban" / "thu-nghiem-ky-tu-dac-biet.html").read_text(encoding="utf-8")
    for raw in ["<script>alert", "<img src=x", "<iframe", "<b>", "<i>chủ đề", "<h1>CHỈ THỊ", 'href="javascript:', "<strong>đậm", "<em>Văn"]:
        assert raw not in html, raw
    title = html.split("<title>")[1].split("</title>")[0]
    assert "<script" not in title and unescape(title).startswith("<script>alert('tieu-de')</script>")  # escaped, reads as typed
    assert "{{ config.site_name }}" in html and "{% raw %}" in html and "{{ 7*7 }}" in html  # Jinja is not run
    assert "**đậm**" in html  # Markdown in a title is shown literally
    assert "Văn bản thử nghiệm" in html  # the NFD text was normalised


def test_nothing_from_a_field_runs_in_the_browser(hostile_site, browser):
    page_url = (hostile_site / "van-ban" / "thu-nghiem-ky-tu-dac-biet.html").as_uri()
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(page_url)
    page.wait_for_load_state("load")
    heading = page.locator("h1").first.inner_text()
    title = page.title()
    images = page.locator("article img").count()
    page.close()
    assert dialogs == []
    assert "<script>alert('tieu-de')</script>" in heading and "**đậm**" in heading
    assert title.startswith("<script>alert('tieu-de')</script>")
    assert images == 0


def test_the_build_refuses_a_text_that_lost_a_word(tmp_path):
    """The build runs the checker's whole validation, including the no-word-lost comparison."""
    project = sample_copy(tmp_path / "project")
    path = project / "data" / "van-ban" / "ha-noi-2010-chi-thi-lay-phieu-tin-nhiem.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Chỉ thị này được phổ biến", "Chỉ thị này phổ biến"), encoding="utf-8")
    site_dir = tmp_path / "site"
    result = build_site(project, site_dir)
    assert result.returncode != 0
    assert "lỗi: bản làm sạch không khớp bản nguồn data/nguon/003_6bcc9417a93f2182.txt" in result.stderr
    assert not site_dir.exists() or not any(site_dir.iterdir())
