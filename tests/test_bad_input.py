"""The bad-input catalogue: every way a clerk's file can go wrong gives one clear Vietnamese message.

Each case is a folder under tests/fixtures/invalid/: the files it puts over the valid example
data set (tests/fixtures/valid/data), and case.yml with the story, the message codes of
kb/messages.py it shows, and the exact lines the checker must print (optionally `delete:` files
of the example, `directories:` to create and `links:` {path: target} symbolic links to make). Engineers adding checks
(citations, assignments, …) add a folder; nothing in this file changes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from kb import messages
from kb.check import validate

FIXTURES = ROOT / "tests" / "fixtures"
CASES = sorted(p for p in (FIXTURES / "invalid").iterdir() if (p / "case.yml").is_file())


def case_project(case: Path, dest: Path) -> Path:
    """The valid example data with the case's files laid over it (and its `delete` files gone)."""
    shutil.copytree(FIXTURES / "valid" / "data", dest / "data")
    if (case / "data").is_dir():
        shutil.copytree(case / "data", dest / "data", dirs_exist_ok=True)
    info = spec(case)
    if info.get("without_data"):  # the command run outside the project
        shutil.rmtree(dest / "data")
        return dest
    for rel in info.get("delete") or []:
        (dest / rel).unlink()
    for rel in info.get("directories") or []:  # a folder where a file is expected (e.g. named x.yml)
        (dest / rel).mkdir(parents=True)
    for rel, target in (info.get("links") or {}).items():  # git cannot carry a link that points outside
        (dest / rel).symlink_to(target)
    return dest


def spec(case: Path) -> dict:
    return yaml.safe_load((case / "case.yml").read_text(encoding="utf-8"))


def printed(root: Path) -> list[str]:
    _corpus, problems = validate(root)
    return [str(p) for p in problems]


def test_the_catalogue_has_at_least_25_cases():
    assert len(CASES) >= 25


def test_the_worked_example_of_the_guide_is_valid():
    assert printed(FIXTURES / "valid") == []


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_gives_one_clear_message(case, tmp_path):
    expected = spec(case)["expected"]
    assert printed(case_project(case, tmp_path)) == expected


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_message_printed_comes_from_the_catalogue_with_its_code(case, tmp_path):
    """Not a look-alike sentence: each problem carries the catalogue code it was made from."""
    _corpus, problems = validate(case_project(case, tmp_path))
    assert [p.code for p in problems] == spec(case)["codes"]
    for problem in problems:
        assert problem.message == messages.CATALOGUE[problem.code].template.format(**messages.CATALOGUE[problem.code].pattern().match(problem.message).groupdict())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_message_is_in_the_catalogue_the_guide_prints(case):
    """The guide's error list is generated from kb/messages.py: what the checker prints must match it."""
    info = spec(case)
    for line, code in zip(info["expected"], info["codes"]):
        message = line.split(": ", 2)[2]
        assert messages.CATALOGUE[code].matches(message), f"{code}: {message}"


def test_each_case_names_the_code_of_every_message_it_expects():
    for case in CASES:
        info = spec(case)
        assert len(info["codes"]) == len(info["expected"]), case.name


def test_every_message_of_the_guide_is_shown_by_a_case():
    """A message in the guide's list that no fixture produces could have drifted from the checker."""
    shown = {code for case in CASES for code in spec(case)["codes"]}
    # the checker's last line and the build's framing lines are shown by tests/test_safe_build.py
    summaries = {code for code, m in messages.CATALOGUE.items() if m.group == messages.SUMMARY_GROUP}
    assert sorted(set(messages.CATALOGUE) - shown - summaries) == []
