"""A trainer links to one group of a browse page ("Theo năm", "Theo cơ quan", …).

The group's anchor comes from what the group is (a year, an agency, a level, a type), not from
its place in the list, so the link keeps landing on the same group when documents of new years
or new agencies arrive before it.
"""

from __future__ import annotations

import re
import shutil

from conftest import SAMPLE
from kb.loader import load_corpus
from kb.pages import PageGenerator

HANOI = "ha-noi-2010-chi-thi-lay-phieu-tin-nhiem"
GROUP_HEADING = re.compile(r'<h2 id="(?P<anchor>nhom-[^"]+)">(?P<heading>[^<]+)<')


def _browse_groups(data_dir, root) -> dict[str, dict[str, str]]:
    corpus, _warnings = load_corpus(data_dir, root=root)
    pages = {page.src_path: page for page in PageGenerator(corpus).plan()}
    return {
        facet: {m["anchor"]: m["heading"] for m in GROUP_HEADING.finditer(pages[f"duyet/{facet}.md"].render())}
        for facet in ("nam", "co-quan", "cap", "loai")
    }


def test_a_link_to_a_browse_group_lands_on_the_same_group_after_a_document_of_a_new_year_arrives(tmp_path):
    before = _browse_groups(SAMPLE / "data", SAMPLE)

    project = tmp_path / "kho"
    shutil.copytree(SAMPLE, project)
    text = (project / "data" / "van-ban" / f"{HANOI}.yml").read_text(encoding="utf-8")
    earlier = text.replace(f"id: {HANOI}", "id: van-ban-nam-2012", 1).replace('issued: "2010-05-10"', 'issued: "2012-03-01"', 1)
    assert earlier != text
    (project / "data" / "van-ban" / "van-ban-nam-2012.yml").write_text(earlier, encoding="utf-8")
    after = _browse_groups(project / "data", project)

    assert "nhom-2012" in after["nam"] and "nhom-2012" not in before["nam"]
    for facet, groups in before.items():
        assert len(set(groups)) == len(groups), facet  # one anchor per group
        for anchor, heading in groups.items():
            # same group, same anchor; only its count may change
            assert re.sub(r" \(\d+\)$", "", after[facet][anchor]) == re.sub(r" \(\d+\)$", "", heading), (facet, anchor)
    assert before["nam"]["nhom-2010"].startswith("Năm: 2010 (")
