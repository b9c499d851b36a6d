"""A build on a machine with a spare core gives the very same site as a build on one core.

`mkdocs build` renders our generated pages, cuts pages into search sections and compresses
the site zip in forked child processes (kb.forked) while MkDocs converts pages; KB_SERIAL=1
does all of it in the build process. Readers and maintainers must not be able to tell.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from conftest import PROJECT
from kb import forked
from kb.search_fold import fold, fold_reference
from kb.search_sections import cut_page, page_title
from kb.site_outputs import ZipOutputs
from kb.site_zip import FOLDER, LEVEL, SEARCH_LEVEL, UNUSED, ZIP_FILE, SiteZip, offline_copy

needs_spare_core = pytest.mark.skipif(not forked.available(), reason="one usable core (or KB_SERIAL set): builds are serial anyway")


def _build(site_dir: Path, **env) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        capture_output=True, text=True, cwd=PROJECT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env),
    )
    assert result.returncode == 0, result.stderr


@needs_spare_core
def test_a_parallel_build_and_a_serial_build_give_the_same_site(site, tmp_path):
    serial = tmp_path / "serial"
    _build(serial, KB_SERIAL="1")
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(serial).as_posix() for p in serial.rglob("*") if p.is_file())
    differing = [f for f in files if f != ZIP_FILE and (site / f).read_bytes() != (serial / f).read_bytes()]
    assert differing == []
    # the zips hold the same files with the same bytes (entry dates may differ)
    with zipfile.ZipFile(site / ZIP_FILE) as parallel_zip, zipfile.ZipFile(serial / ZIP_FILE) as serial_zip:
        assert parallel_zip.namelist() == serial_zip.namelist() == sorted(f"{FOLDER}/{f}" for f in files if f != ZIP_FILE and not UNUSED.search(f))
        for name in parallel_zip.namelist():
            assert parallel_zip.read(name) == serial_zip.read(name), name


def test_the_zip_holds_each_page_as_written_to_disk(site):
    """... as the offline copy shows it (no link to the zip itself), without unused theme files."""
    with zipfile.ZipFile(site / ZIP_FILE) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        for name in names:
            written = (site / name.removeprefix(f"{FOLDER}/")).read_bytes()
            assert archive.read(name) == (offline_copy(written) if name.endswith(".html") else written), name
    on_disk = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()} - {ZIP_FILE}
    assert {n.removeprefix(f"{FOLDER}/") for n in names} == {f for f in on_disk if not UNUSED.search(f)}


def test_a_page_rewritten_after_it_was_zipped_is_zipped_again_from_disk(tmp_path):
    (tmp_path / "a.html").write_text("<p>một</p>", encoding="utf-8")
    (tmp_path / "b.css").write_text("p{}", encoding="utf-8")
    archive = SiteZip(tmp_path)
    archive.add("a.html", "<p>một</p>".encode())
    (tmp_path / "a.html").write_text("<p>một trang khác hẳn</p>", encoding="utf-8")  # e.g. a late plugin
    archive.close()
    with zipfile.ZipFile(tmp_path / ZIP_FILE) as done:
        assert done.namelist() == [f"{FOLDER}/a.html", f"{FOLDER}/b.css"]
        assert done.read(f"{FOLDER}/a.html").decode() == "<p>một trang khác hẳn</p>"
    assert not list(tmp_path.rglob("*.part"))


def test_search_files_are_deflated_at_the_fastest_level_and_the_rest_at_level_6(tmp_path):
    """The search index is thousands of small JSON files: level 1 packs them in about half the CPU
    of level 6, for entries ~8 % bigger (kb.site_zip.SEARCH_LEVEL)."""
    rng = random.Random(5)
    words = ["dân", "vận", "Ủy", "ban", "nhân", "Đảng", "chỉ", "thị", "18/2000/CT-TTg", "khoản", "1.", "2019"]
    text = " ".join(rng.choice(words) + str(rng.randrange(40)) for _ in range(6_000)).encode()
    (tmp_path / "search" / "t").mkdir(parents=True)
    (tmp_path / "search" / "t" / "0.js").write_bytes(text)
    (tmp_path / "van-ban.html").write_bytes(text)
    SiteZip(tmp_path).close()

    def deflated(level: int) -> int:
        packer = zlib.compressobj(level, zlib.DEFLATED, -15)
        return len(packer.compress(text) + packer.flush())

    assert deflated(SEARCH_LEVEL) != deflated(LEVEL)
    with zipfile.ZipFile(tmp_path / ZIP_FILE) as done:
        assert done.getinfo(f"{FOLDER}/search/t/0.js").compress_size == deflated(SEARCH_LEVEL) == deflated(1)
        assert done.getinfo(f"{FOLDER}/van-ban.html").compress_size == deflated(LEVEL) == deflated(6)
        assert done.read(f"{FOLDER}/search/t/0.js") == text


def test_pages_go_into_the_zip_as_they_are_written_and_a_page_never_written_is_skipped(tmp_path):
    outputs = ZipOutputs(str(tmp_path))
    (tmp_path / "van-ban").mkdir()
    (tmp_path / "van-ban" / "a.html").write_text("<p>Chỉ thị</p>", encoding="utf-8")
    outputs.add_written("van-ban/a.html")
    outputs.add_written("van-ban/trang-rong.html")  # MkDocs writes no file for an empty page
    assert outputs.zip is not None and outputs.zip.added == {"van-ban/a.html": len("<p>Chỉ thị</p>".encode())}
    outputs.finish()
    with zipfile.ZipFile(tmp_path / ZIP_FILE) as done:
        assert done.read(f"{FOLDER}/van-ban/a.html").decode() == "<p>Chỉ thị</p>"
        assert f"{FOLDER}/van-ban/trang-rong.html" not in done.namelist()


# Folding for search: one str.translate must give what the written rule gives ----------------


def test_fast_folding_equals_the_rule_on_the_real_pages(site):
    texts = [f"{s.label} {s.text}" for page in site.rglob("*.html") for s in cut_page(page.read_text(encoding="utf-8")).sections]
    assert len(texts) > 300
    assert [fold(t) for t in texts] == [fold_reference(t) for t in texts]


def test_a_title_only_page_gets_the_title_cutting_the_whole_page_gives(site):
    pages = [page.read_text(encoding="utf-8") for page in site.rglob("*.html")]
    assert sum(1 for html in pages if page_title(html)) > 100
    assert [page_title(html) for html in pages] == [cut_page(html).title for html in pages]


def test_fast_folding_equals_the_rule_on_random_unicode():
    rng = random.Random(7)
    alphabet = [chr(c) for c in range(0x3000)] + list("İΣςﬁÅΩKǅ\u0345\u1e9eĐđỳỷỹỵ") + ["\U0001d400"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert fold(text) == fold_reference(text), repr(text)


# The child processes themselves ------------------------------------------------------------


def _page(n: int) -> str:
    return f"trang {n}"


def _broken() -> str:
    raise ValueError("mẫu trang hỏng")


@needs_spare_core
def test_pages_rendered_in_a_child_come_back_in_any_order_asked():
    stream = forked.PageStream((f"p{n}.md", lambda n=n: _page(n)) for n in range(50))
    try:
        assert stream.get("p7.md") == "trang 7"
        assert stream.get("p0.md") == "trang 0"
        assert [stream.get(f"p{n}.md") for n in range(8, 50)] == [f"trang {n}" for n in range(8, 50)]
    finally:
        stream.close()


@needs_spare_core
def test_a_page_that_fails_to_render_in_the_child_is_reported_with_its_traceback():
    stream = forked.PageStream([("a.md", lambda: "a"), ("b.md", _broken), ("c.md", lambda: "c")])
    try:
        assert stream.get("a.md") == "a"
        with pytest.raises(forked.ChildFailed, match="mẫu trang hỏng"):
            stream.get("b.md")
    finally:
        stream.close()


class _Counter:
    def __init__(self):
        self.seen = []

    def add(self, value):
        if value < 0:
            raise ValueError("số âm")
        self.seen.append(value)

    def total(self):
        return sum(self.seen)


@needs_spare_core
def test_a_worker_runs_queued_calls_in_order_and_reports_a_failed_one_at_the_next_wait():
    worker = forked.Worker(_Counter)
    try:
        for n in range(100):
            worker.send(_Counter.add, n)
        assert worker.call(_Counter.total) == sum(range(100))
        worker.send(_Counter.add, -1)
        with pytest.raises(forked.ChildFailed, match="số âm"):
            worker.call(_Counter.total)
    finally:
        worker.close()
    assert not worker._process.is_alive()


def test_kb_serial_switches_the_children_off(monkeypatch):
    monkeypatch.setenv("KB_SERIAL", "1")
    assert not forked.available()


@pytest.mark.parametrize("in_a_child", [False, pytest.param(True, marks=needs_spare_core)])
def test_the_hooks_use_one_interface_whether_work_runs_here_or_in_a_child(in_a_child):
    processes = forked.Processes(forked=in_a_child)
    worker = processes.worker(_Counter)
    pages = processes.pages([("a.md", lambda: "trang a"), ("b.md", lambda: "trang b")])
    try:
        for n in range(10):
            worker.send(_Counter.add, n)
        assert worker.call(_Counter.total) == 45
        assert (pages.get("b.md"), pages.get("a.md")) == ("trang b", "trang a")
    finally:
        worker.close()
        pages.close()


def test_a_serial_build_renders_each_page_once_when_first_asked_for():
    rendered = []

    def render(key):
        rendered.append(key)
        return f"trang {key}"

    pages = forked.Processes(forked=False).pages((key, lambda key=key: render(key)) for key in ("a.md", "b.md", "c.md"))
    try:
        assert rendered == []
        assert [pages.get("b.md"), pages.get("a.md"), pages.get("b.md")] == ["trang b.md", "trang a.md", "trang b.md"]
        assert rendered == ["b.md", "a.md"]
    finally:
        pages.close()


def test_only_mkdocs_build_forks_and_kb_serial_keeps_it_in_one_process(monkeypatch):
    assert not forked.for_command("serve").forked
    monkeypatch.setenv("KB_SERIAL", "1")
    assert not forked.for_command("build").forked
