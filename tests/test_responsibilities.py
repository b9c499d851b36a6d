"""An official opens a directive to learn what *their* agency must do, in which role, by when."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import SAMPLE, build_site, sample_copy
from kb.loader import load_corpus
from kb.problems import DataError
from kb.responsibilities import CYCLES, EXPORT_COLUMNS, ROLES
from kb.vocab import LEVELS

HCM = "tphcm-1995-chi-thi-tong-ket-nghi-quyet-8b"
BEN_TRE = "ben-tre-chi-thi-cong-tac-van-dong-quan-chung"
PHU_THO = "phu-tho-chi-thi-thuc-hien-nghi-quyet-09"
HANOI = "ha-noi-2010-chi-thi-lay-phieu-tin-nhiem"
QUAN_1 = "quan-1-2017-hoi-nghi-trien-khai-quyet-dinh-935-936-994"
FIXTURES = Path(__file__).parent / "fixtures" / "invalid"


def duties(sample_corpus, doc_id, actor=None, role=None, clause=None):
    return [
        a
        for a in sample_corpus.documents[doc_id].assignments
        if (actor is None or a.actor == actor) and (role is None or a.role == role) and (clause is None or a.clause == clause)
    ]


def one(found):
    assert len(found) == 1, found
    return found[0]


# --- the five documents of the sample corpus, annotated --------------------------------------------------------


def test_ben_tre_interior_department_leads_guidance_with_the_mass_mobilisation_board(sample_corpus):
    lead = one(duties(sample_corpus, BEN_TRE, "so-noi-vu-tinh-ben-tre", "chu-tri"))
    assert lead.clause == "to-chuc-thuc-hien" and "hướng dẫn, kiểm tra" in lead.task
    partner = one(duties(sample_corpus, BEN_TRE, "ban-dan-van-tinh-uy-ben-tre", "phoi-hop"))
    assert partner.clause == lead.clause
    report = one(duties(sample_corpus, BEN_TRE, "so-noi-vu-tinh-ben-tre", "bao-cao", "to-chuc-thuc-hien"))
    assert report.deadline.text == "định kỳ 6 tháng, năm"
    assert report.deadline.cycles == ("6-thang", "hang-nam") and report.deadline.date is None
    receiver = one(duties(sample_corpus, BEN_TRE, "ubnd-tinh-ben-tre", "nhan-bao-cao"))
    assert receiver.deadline == report.deadline


def test_interior_departments_of_different_places_are_different_actors_of_one_group(sample_corpus):
    ben_tre, hanoi = sample_corpus.actors["so-noi-vu-tinh-ben-tre"], sample_corpus.actors["so-noi-vu-tp-ha-noi"]
    assert ben_tre.place == "Tỉnh Bến Tre" and hanoi.place == "Thành phố Hà Nội"
    assert ben_tre.group == hanoi.group == "so-noi-vu"
    assert sample_corpus.groups["so-noi-vu"].name == "Sở Nội vụ"


def test_hcm_districts_and_department_heads_report_before_20_june_and_the_city_by_30_june(sample_corpus):
    for actor in ("ubnd-quan-huyen-tp-ho-chi-minh", "thu-truong-so-nganh-tp-ho-chi-minh"):
        report = one(duties(sample_corpus, HCM, actor, "bao-cao"))
        assert report.clause == "bao-cao-tong-ket"
        assert report.deadline.text == "trước ngày 20/6/1995"
        assert report.deadline.date.iso() == "1995-06-20"
    city = one(duties(sample_corpus, HCM, "ubnd-tp-ho-chi-minh", "bao-cao"))
    assert "Chính phủ" in city.task
    assert city.deadline.text == "chậm nhất ngày 30/6/1995" and city.deadline.date.iso() == "1995-06-30"
    assert one(duties(sample_corpus, HCM, "chinh-phu", "nhan-bao-cao")).deadline == city.deadline
    # "Ủy ban nhân dân quận, huyện" is how the text names them
    assert "Ủy ban nhân dân quận, huyện" in sample_corpus.actors["ubnd-quan-huyen-tp-ho-chi-minh"].aliases


def test_hanoi_front_committee_is_the_standing_body_and_votes_come_every_two_years_at_year_end(sample_corpus):
    standing = one(duties(sample_corpus, HANOI, role="co-quan-thuong-truc"))
    assert standing.actor == "ubmttq-tp-ha-noi" and standing.clause == "k3"
    vote = one(duties(sample_corpus, HANOI, clause="k7"))
    assert vote.deadline.text == "hai năm một lần vào cuối năm"
    assert vote.deadline.cycles == ("2-nam",) and "cuối năm" in vote.deadline.when
    lead = one(duties(sample_corpus, HANOI, "so-noi-vu-tp-ha-noi"))
    assert lead.role == "chu-tri" and one(duties(sample_corpus, HANOI, "ban-to-chuc-thanh-uy-ha-noi")).role == "phoi-hop"
    assert duties(sample_corpus, HANOI, "ban-dan-van-thanh-uy-ha-noi") and duties(sample_corpus, HANOI, "ban-tuyen-giao-thanh-uy-ha-noi")


def test_phu_tho_addressee_groups_each_have_duties_and_are_named_as_the_text_names_them(sample_corpus):
    # Khoản 1–4 open with an addressee («Đối với …»); the fifth group is the commune chairman of khoản 3.
    groups = {
        "k1": "so-ban-nganh-tinh-phu-tho",
        "k2": "ubnd-huyen-thanh-thi-tinh-phu-tho",
        "k3": "ubnd-xa-phuong-thi-tran-tinh-phu-tho",
        "k4": "co-quan-thong-tin-dai-chung-tinh-phu-tho",
        "k3-y1": "chu-tich-ubnd-xa-tinh-phu-tho",
    }
    doc = sample_corpus.documents[PHU_THO]
    for clause, actor in groups.items():
        assert duties(sample_corpus, PHU_THO, actor), actor
        heading = doc.block(clause).text.lower()
        assert any(alias.lower() in heading for alias in sample_corpus.actors[actor].aliases), (clause, actor)
    report = one(duties(sample_corpus, PHU_THO, "ubnd-huyen-thanh-thi-tinh-phu-tho", "bao-cao"))
    assert report.deadline.text == "vào tháng 6 và tuần đầu tháng 12 hàng năm"
    assert report.deadline.cycles == ("6-thang",) and report.deadline.when == "tháng 6 và tuần đầu tháng 12"


def test_the_news_report_records_the_signed_coordination_programme(sample_corpus):
    for actor in ("ban-dan-van-quan-uy-quan-1", "ubnd-quan-1"):
        signed = one(duties(sample_corpus, QUAN_1, actor, "phoi-hop"))
        assert signed.deadline.text == "giai đoạn 2017 – 2021" and signed.deadline.date.iso() == "2021"
    assert duties(sample_corpus, QUAN_1, "nguoi-dung-dau-co-quan-don-vi-quan-1")


def test_every_actor_with_duties_is_well_described(corpus):
    for doc in corpus.documents.values():
        for a in doc.assignments:
            actor = corpus.actors[a.actor]
            assert a.role in ROLES and a.task.strip()
            assert actor.level is None or actor.level in LEVELS
            assert actor.group is None or actor.group in corpus.groups


# --- bad data fails with a clear message ---------------------------------------------------


def load_with(tmp_path: Path, fixture: str):
    """Load a copy of the sample data whose Bến Tre assignments are replaced by a fixture; return (message, first line)."""
    data = tmp_path / "data"
    shutil.copytree(SAMPLE / "data", data)
    path = data / "van-ban" / f"{BEN_TRE}.yml"
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("\nassignments:\n") + 1]
    path.write_text(head + (FIXTURES / fixture).read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_corpus(data, root=tmp_path)
    return str(caught.value), head.count("\n") + 1  # line of 'assignments:'


def at(first: int, offset: int) -> str:
    return f"data/van-ban/{BEN_TRE}.yml:{first + offset}: lỗi: phân công: "


def test_unknown_actor_names_file_line_suggestion_and_allowed_ids(tmp_path, sample_corpus):
    message, first = load_with(tmp_path, "assignment-unknown-actor.yml")
    assert at(first, 2) + "không có cơ quan 'so-noi-vu-ben-tre' trong danh mục data/danh-muc/co-quan.yml (có phải ý bạn là 'so-noi-vu-tinh-ben-tre'?)" in message
    allowed = message.split("dùng một mã hợp lệ: ")[1].split(")")[0].split(", ")
    assert allowed == sorted(sample_corpus.actors)


def test_unknown_clause_lists_the_anchors_of_the_document(tmp_path, sample_corpus):
    message, first = load_with(tmp_path, "assignment-unknown-clause.yml")
    assert at(first, 1) + "văn bản không có khoản, mục hay đoạn mang mã 'k4'" in message
    allowed = message.split("các mã hợp lệ: ")[1].split(")")[0].split(", ")
    assert allowed == [b.id for b in sample_corpus.documents[BEN_TRE].anchored()]


def test_unknown_role_lists_the_roles(tmp_path):
    message, first = load_with(tmp_path, "assignment-unknown-role.yml")
    assert at(first, 3) + f"vai trò 'chutri' không hợp lệ (có phải ý bạn là 'chu-tri'?) (chọn một trong: {', '.join(ROLES)})" in message


@pytest.mark.parametrize(
    "fixture, offset, expected",
    [
        (
            "assignment-bad-deadline-date.yml",
            7,
            "ngày của thời hạn không hợp lệ '30/6/2011' (dạng đúng: \"YYYY-MM-DD\", \"YYYY-MM\" hoặc \"YYYY\", trong dấu ngoặc kép)",
        ),
        ("assignment-bad-deadline-cycle.yml", 7, f"chu kỳ 'sau-thang' không hợp lệ (chọn một hoặc một danh sách trong: {', '.join(CYCLES)})"),
        (
            "assignment-bad-deadline-shape.yml",
            5,
            "thời hạn không đọc được (dạng hợp lệ: {text: \"<nguyên văn>\", date: \"YYYY-MM-DD\"} hoặc "
            "{text: \"<nguyên văn>\", cycle: <chu kỳ>, when: \"<thời điểm, nếu có>\"})",
        ),
        (
            "assignment-deadline-not-in-text.yml",
            6,
            "thời hạn «trước ngày 20/6/1995» không có trong nguyên văn của Đoạn «Giao Sở Nội vụ chủ trì,…» "
            "(mã 'to-chuc-thuc-hien'; chép đúng các chữ nêu thời hạn trong văn bản)",
        ),
    ],
)
def test_unparseable_deadlines_are_refused_with_the_allowed_forms(tmp_path, fixture, offset, expected):
    message, first = load_with(tmp_path, fixture)
    assert at(first, offset) + expected in message


def test_bad_assignment_stops_the_build(tmp_path):
    project = sample_copy(tmp_path / "project")
    path = project / "data" / "van-ban" / f"{BEN_TRE}.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("actor: so-noi-vu-tinh-ben-tre", "actor: so-noi-vu", 1), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"data/van-ban/{BEN_TRE}.yml:" in result.stderr and "không có cơ quan 'so-noi-vu'" in result.stderr
    assert not (tmp_path / "site" / "trach-nhiem").exists()


# --- the built sample_site --------------------------------------------------------------------------


def html(sample_site: Path, path: str) -> str:
    return (sample_site / path).read_text(encoding="utf-8")


def section(page: str, start: str, end: str | None = None) -> str:
    part = page.split(f'id="{start}"', 1)[1]
    return part.split(f'id="{end}"', 1)[0] if end else part


def test_document_page_shows_the_matrix_with_cells_linking_to_clause_anchors(sample_site):
    page = html(sample_site, f"van-ban/{BEN_TRE}.html")
    assert page.index('id="kb-toan-van"') < page.index('id="kb-trach-nhiem"')
    matrix = section(page, "kb-trach-nhiem", "kb-chi-tiet-phan-cong")
    ids = set(re.findall(r'id="([^"]+)"', page))
    cell_links = re.findall(r'<a href="#([^"]+)" title="([^"]*)">([^<]+)</a>', matrix)
    assert cell_links and all(anchor in ids for anchor, _, _ in cell_links)
    assert ("to-chuc-thuc-hien", "CT") in {(anchor, mark) for anchor, _, mark in cell_links}
    assert "Sở Nội vụ Bến Tre" in matrix and "định kỳ 6 tháng, năm" in matrix
    assert 'href="../trach-nhiem/so-noi-vu-tinh-ben-tre.html"' in matrix
    assert 'href="../trach-nhiem/phan-cong.csv"' in matrix


def test_the_news_report_says_its_duties_are_reported_not_assigned(sample_site):
    page = html(sample_site, f"van-ban/{QUAN_1}.html")
    assert "tin bài thuật lại một sự kiện" in section(page, "kb-trach-nhiem")


def test_actor_page_lists_every_duty_of_the_actor(sample_site, sample_corpus):
    page = html(sample_site, "trach-nhiem/so-noi-vu-tinh-ben-tre.html")
    assert "Trách nhiệm của Sở Nội vụ tỉnh Bến Tre" in page
    table = section(page, "nhiem-vu")
    rows = table.split("<tbody>")[1].split("</tbody>")[0].count("<tr>")
    assert rows == len(duties(sample_corpus, BEN_TRE, "so-noi-vu-tinh-ben-tre"))
    assert 'href="nhom/so-noi-vu.html"' in page


def test_mass_mobilisation_board_group_page_spans_several_documents(sample_site):
    page = html(sample_site, "trach-nhiem/nhom/ban-dan-van.html")
    documents = set(re.findall(r'href="\.\./\.\./van-ban/([a-z0-9-]+)\.html#', section(page, "nhiem-vu")))
    assert {BEN_TRE, HANOI, QUAN_1} <= documents


def test_overall_matrix_counts_duties_per_actor_and_document(sample_site, sample_corpus):
    page = html(sample_site, "trach-nhiem/index.html")
    row = next(r for r in page.split("<tr>") if 'href="so-noi-vu-tinh-ben-tre.html"' in r)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    assert cells[-1].strip() == str(len(duties(sample_corpus, BEN_TRE, "so-noi-vu-tinh-ben-tre")))
    assert 'href="phan-cong.csv"' in page and 'href="phan-cong.json"' in page
    # in the sample_site navigation, but actor pages are not
    assert 'href="thoi-han.html"' in page.split('class="md-content"')[0]
    assert "so-noi-vu-tinh-ben-tre.html" not in page.split('class="md-content"')[0]


def test_deadlines_page_orders_dates_and_groups_cycles(sample_site):
    page = html(sample_site, "trach-nhiem/thoi-han.html")
    dated = section(page, "theo-ngay", "dinh-ky")
    keys = re.findall(r'data-sort="(\d{4}(?:-\d\d){0,2})"', dated)
    assert keys == sorted(keys) and keys[0] == "1995-06-20"
    assert "20/06/1995" in dated and "30/06/1995" in dated and "chậm nhất ngày 30/6/1995" in dated
    for cycle in ("6-thang", "hang-nam", "2-nam", "thuong-xuyen"):
        assert f'id="chu-ky-{cycle}"' in page
    assert "hai năm một lần vào cuối năm" in section(page, "chu-ky-2-nam")


def test_csv_export_opens_in_spreadsheets_with_one_row_per_assignment(site, corpus):
    raw = (site / "trach-nhiem" / "phan-cong.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == list(EXPORT_COLUMNS.values())
    total = sum(len(doc.assignments) for doc in corpus.documents.values())
    assert len(rows) - 1 == total
    data = json.loads((site / "trach-nhiem" / "phan-cong.json").read_text(encoding="utf-8"))
    assert len(data["assignments"]) == total and list(data["columns"]) == list(EXPORT_COLUMNS)


def test_csv_export_row_carries_deadline_date_and_clause_link(sample_site):
    raw = (sample_site / "trach-nhiem" / "phan-cong.csv").read_bytes()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    report = next(r for r in rows[1:] if r[4] == "ubnd-tp-ho-chi-minh" and r[7] == "bao-cao")
    assert report[10] == "chậm nhất ngày 30/6/1995" and report[11] == "1995-06-30"
    assert report[14] == f"van-ban/{HCM}.html#bao-cao-tong-ket"


def test_reader_sorts_deadlines_latest_first_in_the_browser(sample_site, browser):
    page = browser.new_page()
    try:
        page.goto((sample_site / "trach-nhiem" / "thoi-han.html").as_uri())
        table = page.locator(".kb-bang-sap-xep table").first
        first_date = table.locator("tbody tr:first-child td:first-child")
        assert first_date.inner_text() == "20/06/1995"
        header = table.locator("th", has_text="Ngày")
        header.click()
        header.click()  # second click: descending
        assert header.get_attribute("aria-sort") == "descending"
        assert first_date.inner_text() == "2021"
    finally:
        page.close()
