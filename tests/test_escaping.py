"""Text typed in the data lands inert and exactly as typed in every output context.

A catalogue of hostile values goes through every free-text field of a document, an agency and
an assignment; one build; then each output is read the way its consumer reads it (an HTML
parser, a CSV reader, a JSON parser) and must show the typed text, never run it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, build_site

VALID = ROOT / "tests" / "fixtures" / "valid" / "data"
DOCUMENT = "van-ban/vi-du-xa-an-binh-2015-chi-thi-dan-van.yml"

# each one breaks a different context if it is not escaped for that context
PAYLOADS = [
    '=HYPERLINK("http://x";"y") "><img src=x onerror=alert(1)> & &amp; &lt;b&gt; | cột | \' onload=\'alert(2)',
    "+1 </title></script><script>alert(3)</script> {{ 7*7 }} {% raw %} [x](javascript:alert(4)) *a* _b_ `c` \\ #h",
    "@SUM(A1) \u2028 '); alert(5); (' \"; alert(6); \" ${alert(7)} <!-- --> ]]> {: onclick=alert(8) }",
    "-2 | | | <svg/onload=alert(9)> &#124; &quot; ~~x~~ ^^y^^ ==z==",
]


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _document(index: int, payload: str) -> str:
    text = (VALID / DOCUMENT).read_text(encoding="utf-8")
    q = _quoted(payload)
    replacements = {
        "id: vi-du-xa-an-binh-2015-chi-thi-dan-van": f"id: vi-du-{index}",
        'number: "05/CT-UBND"': f'number: {_quoted(f"0{index}/CT-UBND")}',
        'title: "Về việc tăng cường công tác dân vận của chính quyền xã"': f"title: {_quoted('Về ' + payload)}",
        "issuer: ubnd-xa-an-binh": f"issuer: co-quan-{index}",
        'place: "Xã An Bình"': f"place: {q}",
        'name: "Nguyễn Văn A"': f"name: {q}",
        'position: "Chủ tịch"': f"position: {q}",
        'effective: "Có hiệu lực kể từ ngày ký"': f"effective: {q}",
        '  - "công tác dân vận"': f"  - {q}",
        '  file: "vi-du-xa-an-binh.txt"\n': "",  # no fidelity check: the body carries the payload too
        'note: "Bản sao trang web, đã làm sạch (bỏ tên trang và bộ đếm lượt truy cập)"': f"note: {q}",
        '  - p: "Chỉ thị này có hiệu lực kể từ ngày ký./."': f"  - p: {q}",
    }
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    return text + f"assignments:\n  - clause: k1\n    actor: co-quan-{index}\n    role: chu-tri\n    task: {q}\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("payloads") / "project"
    shutil.copytree(ROOT, project, ignore=lambda d, names: [n for n in names if n in {".venv", ".git", "site", "__pycache__", ".pytest_cache"} or (Path(d) == ROOT and n in {"data", "tests"})])
    shutil.copytree(VALID, project / "data")
    (project / "data" / DOCUMENT).unlink()
    registry = project / "data" / "danh-muc" / "co-quan.yml"
    actors = "".join(
        f"  - id: co-quan-{i}\n    name: {_quoted('Ủy ban ' + p)}\n    short: {_quoted(p)}\n    level: xa\n    kind: chinh-quyen\n    place: {_quoted(p)}\n"
        for i, p in enumerate(PAYLOADS)
    )
    registry.write_text(registry.read_text(encoding="utf-8").replace("actors:\n", "actors:\n" + actors, 1), encoding="utf-8")
    # topics come from a controlled vocabulary: each payload is a topic name there, so topic pages carry it too
    vocabulary = project / "data" / "danh-muc" / "chu-de.yml"
    topics = "".join(f"  - id: chu-de-{i}\n    name: {_quoted(p)}\n" for i, p in enumerate(PAYLOADS))
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8").replace("topics:\n", "topics:\n" + topics, 1), encoding="utf-8")
    for i, payload in enumerate(PAYLOADS):
        (project / "data" / "van-ban" / f"vi-du-{i}.yml").write_text(_document(i, payload), encoding="utf-8")
    site_dir = project / "site"
    result = build_site(project, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


class _Page(HTMLParser):
    """What a browser makes of a page: elements with their attributes, and the text a reader sees."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.title = ""
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag not in ("meta", "link", "img", "br", "hr", "input"):
            self._in.append(tag)

    def handle_endtag(self, tag):
        if tag in self._in:
            while self._in and self._in.pop() != tag:
                pass

    def handle_data(self, data):
        if self._in and self._in[-1] == "title":
            self.title += data
        elif not (self._in and self._in[-1] in ("script", "style")):
            self.text.append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _visible(page: _Page) -> str:
    return re.sub(r"\s+", " ", "".join(page.text))


def test_no_payload_ever_becomes_markup_in_any_page(site):
    for path in site.rglob("*.html"):
        page = _parse(path)
        for tag, attrs in page.elements:
            assert not [name for name in attrs if name.startswith("on")], (path, tag, attrs)
            assert not any("javascript:" in (attrs.get(a) or "") for a in ("href", "src", "action")), (path, tag, attrs)
            assert tag not in ("img", "svg") or attrs.get("src") != "x", (path, tag)
        scripts = path.read_text(encoding="utf-8")
        assert "<script>alert(" not in scripts and "<svg/onload" not in scripts, path


@pytest.mark.parametrize("index", range(len(PAYLOADS)))
def test_a_document_page_shows_exactly_what_was_typed(site, index):
    payload = " ".join(PAYLOADS[index].split())  # HTML text collapses runs of white space, as the reader sees it
    page = _parse(site / "van-ban" / f"vi-du-{index}.html")
    meta = {attrs.get("name"): " ".join((attrs.get("content") or "").split()) for tag, attrs in page.elements if tag == "meta"}
    assert payload in meta["description"]  # an HTML attribute
    assert payload in meta["kb-trich-dan"]  # what "Trích dẫn" copies to the clipboard: plain characters
    assert payload in " ".join(page.title.split())  # HTML text of <title>
    visible = _visible(page)
    assert visible.count(payload) >= 7  # title, place, signer ×2, effective, topic, source note, paragraph…


@pytest.mark.parametrize("index", range(len(PAYLOADS)))
def test_a_table_cell_keeps_its_columns_and_its_text(site, index):
    payload = " ".join(PAYLOADS[index].split())
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for table in re.findall(r"<table>.*?</table>", html, re.S):
            rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
            widths = {len(re.findall(r"<t[hd][ >]", row)) for row in rows}
            assert len(widths) == 1, (path, widths)
    matrix = _visible(_parse(site / "van-ban" / f"vi-du-{index}.html"))
    assert payload in matrix


EXPORTED_TASK_COLUMN = "Nhiệm vụ"


def _export_rows(site: Path) -> tuple[list[dict], list[dict]]:
    csv_text = next(site.rglob("phan-cong.csv")).read_text(encoding="utf-8-sig")
    exported = json.loads(next(site.rglob("phan-cong.json")).read_text(encoding="utf-8"))
    json_rows = next(value for key, value in exported.items() if isinstance(value, list))
    return list(csv.DictReader(io.StringIO(csv_text))), json_rows


def test_csv_cells_never_start_a_formula_and_json_keeps_the_text_as_typed(site):
    csv_rows, json_rows = _export_rows(site)
    assert len(csv_rows) == len(json_rows) == len(PAYLOADS)
    for csv_row in csv_rows:
        for value in csv_row.values():
            assert not value or value[0] not in "=+-@\t\r", value
    typed = [" ".join(p.split()) for p in PAYLOADS]  # a task's white space runs are one space by design
    assert sorted(row["nhiem_vu"] for row in json_rows) == sorted(typed)
    task = EXPORTED_TASK_COLUMN
    assert sorted(row[task] for row in csv_rows) == sorted(("'" + p) if p[0] in "=+-@" else p for p in typed)


def test_the_search_index_holds_titles_as_plain_text(site):
    """Result headings are drawn from the page files of the index (kb.search_index): titles as typed, no entities."""
    titles = []
    for path in (site / "search" / "t").glob("*.js"):
        text = path.read_text(encoding="utf-8")
        titles.append(json.loads(text[text.index("{") : text.rindex("}") + 1])["t"])  # one JS call around one JSON object
    for payload in PAYLOADS:
        assert any(" ".join(payload.split()) in " ".join(t.split()) for t in titles), payload
