"""A maintainer turns a raw text into a draft YAML that keeps every word and loads at once."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLE, SAMPLE_SOURCES
from kb.check import validate
from kb.import_accuracy import measure, table
from kb.importer import draft_yaml

FIXTURES = ROOT / "tests" / "fixtures"
GUIDE = ROOT / "docs" / "huong-dan" / "bo-sung-van-ban.md"
SEEDS = sorted(SAMPLE_SOURCES.glob("*.txt"))  # the sample corpus (tests/fixtures/kho-mau), never data/


def draft_project(tmp_path, source, registry_root=SAMPLE):
    """A project holding only the registry, the raw text and its draft."""
    data = tmp_path / "data"
    shutil.copytree(registry_root / "data" / "danh-muc", data / "danh-muc")
    (data / "nguon").mkdir()
    shutil.copy(source, data / "nguon" / source.name)
    (data / "van-ban").mkdir()
    text = draft_yaml(source, registry_root, "ban-nhap")
    (data / "van-ban" / "ban-nhap.yml").write_text(text, encoding="utf-8")
    return tmp_path, text


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name[:3] for s in SEEDS])
def test_the_draft_of_every_seed_loads_and_keeps_every_word(tmp_path, seed):
    project, _text = draft_project(tmp_path, seed)
    corpus, problems = validate(project)
    assert corpus is not None and [str(p) for p in problems if p.is_error] == []


def test_the_draft_of_the_guide_example_finds_its_structure(tmp_path):
    project, text = draft_project(tmp_path, FIXTURES / "valid" / "data" / "nguon" / "vi-du-xa-an-binh.txt", FIXTURES / "valid")
    corpus, _problems = validate(project)
    doc = corpus.documents["ban-nhap"]
    assert doc.type == "chi-thi"
    assert doc.title == "Về việc tăng cường công tác dân vận của chính quyền xã"
    assert doc.issuer.value == "ubnd-xa-an-binh" and doc.level.value == "xa"
    assert doc.signer.name.value == "Nguyễn Văn A" and doc.signer.on_behalf.value == "TM. Ủy ban nhân dân"
    assert [b.id for b in doc.blocks() if b.kind == "clause"] == ["k1", "k1-a", "k1-b", "k2", "k2-y1", "k2-y2"]
    assert {r.text for r in doc.removed} == {"Cổng thông tin điện tử xã An Bình", "Lượt truy cập: 1234"}
    assert not doc.issued.known and not doc.number.known  # never invented
    assert "KIỂM TRA" in text  # the maintainer is told what to review


def test_hard_wrapped_lines_and_markers_alone_on_a_line_are_joined(tmp_path):
    _project, text = draft_project(tmp_path, SAMPLE_SOURCES / "001_ce16b4433ebe2154.txt")
    assert "ngắt dòng cứng" in text
    assert 'clause: "đ)"' in text
    assert "Công tác vận động quần chúng là một nhiệm vụ" in text.replace("\n      ", " ")


def test_web_chrome_and_the_duplicated_paragraph_are_flagged_for_review(tmp_path):
    _project, text = draft_project(tmp_path, SAMPLE_SOURCES / "003_6bcc9417a93f2182.txt")
    removed = text.split("\nremoved:")[1].split("\nbody:")[0]
    assert "Số lượt truy cập" in removed and "reason: duplicate" in removed
    assert removed.count("— KIỂM TRA") == 4


def test_a_legacy_encoded_text_is_refused_with_a_clear_message(tmp_path):
    raw = tmp_path / "cu.txt"
    raw.write_bytes("CHỈ THỊ về công tác dân vận".encode("utf-8").decode("utf-8").encode("cp1258", errors="replace") + b"\xd2\xf2")
    result = subprocess.run([sys.executable, "-m", "kb.importer", str(raw)], capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 1
    assert "không phải UTF-8" in result.stderr


def test_the_accuracy_table_in_the_guide_is_current():
    assert table(measure(SAMPLE)) in GUIDE.read_text(encoding="utf-8")
