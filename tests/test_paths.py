"""Generated pages are written only where their ids say, inside the site: the last line of
defence behind the loader's id checks, which no data should ever reach."""

from __future__ import annotations

import pytest

from kb.paths import output_path


def test_a_generated_page_is_written_inside_the_site(tmp_path):
    assert output_path(tmp_path, "van-ban/chi-thi-18.html") == tmp_path / "van-ban" / "chi-thi-18.html"


@pytest.mark.parametrize("relative", ["../ngoai.html", "van-ban/../../ngoai.html", "van ban/x.html", "/etc/x.html", ""])
def test_a_path_not_made_of_ids_is_refused_in_vietnamese(tmp_path, relative):
    with pytest.raises(ValueError, match="đường dẫn"):
        output_path(tmp_path, relative)


def test_a_path_through_a_link_that_leads_out_is_refused(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "ngoai").mkdir()
    (tmp_path / "site" / "van-ban").symlink_to(tmp_path / "ngoai")
    with pytest.raises(ValueError, match="ra ngoài thư mục trang"):
        output_path(tmp_path / "site", "van-ban/x.html")
