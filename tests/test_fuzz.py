"""The checker as a trusted parser: mutated documents and registries never end in a traceback.

Hypothesis mutates the valid example (keys, value types, Unicode, structure, encodings); for every
mutant the checker either says "valid" or prints messages naming a file of data/ and a line, each
from the catalogue; and whatever it accepts, the page generator turns into pages. Bounded and
derandomised so CI stays fast and repeatable.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from kb import messages
from kb.check import validate
from kb.pages import PageGenerator

VALID = ROOT / "tests" / "fixtures" / "valid" / "data"
DOCUMENT = "van-ban/vi-du-xa-an-binh-2015-chi-thi-dan-van.yml"
REGISTRY = "danh-muc/co-quan.yml"
# KB_FUZZ_EXAMPLES=2000 explores further by hand (random seed); CI runs the same 40 cases every time
_EXAMPLES = int(os.environ.get("KB_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=_EXAMPLES or 40, deadline=None, derandomize=not _EXAMPLES, suppress_health_check=[HealthCheck.too_slow], database=None
)

_odd_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from(list("\u200b\u00ad\ufeff\u2060\u202eСТΝ–／:#&*!|>'\"{}[]-~%@`\\\t\n ")),
    ),
    max_size=30,
)
_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 3000), _odd_text,
    st.sampled_from(["no", "on", "0123", "1_000", "2011-02-30", "2099", "../../etc/hostname", "/proc/self/environ", "~", "null"]),
)
_value = st.recursive(_scalar, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_odd_text, inner, max_size=3)), max_leaves=6)


def _paths(data, prefix=()):
    """Every place in a parsed YAML tree: (path of keys/indexes)."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, prefix + (index,))


_MISSING = object()


def _child(parent, step, missing=None):
    if isinstance(parent, dict) and step in parent:
        return parent[step]
    if isinstance(parent, list) and isinstance(step, int) and step < len(parent):
        return parent[step]
    return missing


@st.composite
def _mutant(draw, original):
    data = yaml.safe_load(original)
    places = [p for p in _paths(data) if p]
    for _ in range(draw(st.integers(1, 3))):
        place = draw(st.sampled_from(places))
        parent = data
        for step in place[:-1]:
            parent = _child(parent, step)
        if _child(parent, place[-1], missing=_MISSING) is _MISSING:
            continue  # an earlier mutation removed or replaced this place
        action = draw(st.sampled_from(["value", "delete", "rename"]))
        if action == "value":
            parent[place[-1]] = draw(_value)
        elif action == "delete":
            del parent[place[-1]]
        elif isinstance(parent, dict):
            parent[draw(_odd_text)] = parent.pop(place[-1])
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False) if draw(st.booleans()) else original
    raw = text.encode("utf-8")
    trick = draw(st.sampled_from(["none", "none", "bom", "utf16", "cp1258", "flip", "truncate", "dedent"]))
    if trick == "bom":
        raw = b"\xef\xbb\xbf" + raw
    elif trick == "utf16":
        raw = text.encode("utf-16")
    elif trick == "cp1258":
        raw = text.encode("cp1258", errors="replace")
    elif trick == "flip" and raw:
        at = draw(st.integers(0, len(raw) - 1))
        raw = raw[:at] + bytes([draw(st.integers(0, 255))]) + raw[at + 1 :]
    elif trick == "truncate":
        raw = raw[: draw(st.integers(0, len(raw)))]
    elif trick == "dedent":
        raw = b"\n".join(line.lstrip() for line in raw.split(b"\n"))
    return raw


def _check_mutant(target: str, raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copytree(VALID, project / "data")
        (project / "data" / target).write_bytes(raw)
        corpus, problems = validate(project)  # must not raise
        for problem in problems:
            assert problem.path.startswith("data/") and problem.line >= 1, str(problem)
            assert problem.code in messages.CATALOGUE and messages.CATALOGUE[problem.code].matches(problem.message), str(problem)
        if corpus is not None and not any(p.is_error for p in problems):
            generator = PageGenerator(corpus)  # accepted: every page of the site can be made
            for page in generator.plan():
                assert page.render() is not None


@FUZZ
@given(_mutant((VALID / DOCUMENT).read_text(encoding="utf-8")))
def test_a_mutated_document_gets_valid_or_messages_with_file_and_line(raw):
    _check_mutant(DOCUMENT, raw)


@FUZZ
@given(_mutant((VALID / REGISTRY).read_text(encoding="utf-8")))
def test_a_mutated_agency_registry_gets_valid_or_messages_with_file_and_line(raw):
    _check_mutant(REGISTRY, raw)
