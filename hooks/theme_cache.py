"""Material renders its whole navigation into every page; for the thousands of generated pages
outside the nav, that HTML is the same for every page of a folder (links are relative to the
page, and no item is active). `NavCache` renders Material's own `partials/nav.html` once per
folder (and once for each page of the nav, whose item is active and holds its table of contents)
and reuses it: what readers get is unchanged (tests/test_html_snapshot.py compares whole pages).

overrides/partials/nav.html calls it; Material's template is reached under the prefix
`material-theme/`, because the override shadows the original's name.
"""

from __future__ import annotations

import posixpath

import jinja2
from mkdocs.config.defaults import MkDocsConfig

ORIGINAL = "material-theme"


class NavCache:
    def __init__(self, env: jinja2.Environment, config: MkDocsConfig):
        # the theme's own folders, without ours (overrides/, the first one)
        env.loader = jinja2.ChoiceLoader([env.loader, jinja2.PrefixLoader({ORIGINAL: jinja2.FileSystemLoader(config.theme.dirs[1:])})])
        self.env = env
        self.rendered: dict[tuple[str, str | None], str] = {}

    @jinja2.pass_context
    def __call__(self, context) -> str:
        page, nav = context.get("page"), context["nav"]
        in_nav = page is not None and page in nav.pages
        key = (posixpath.dirname(page.url) if page is not None else "", page.url if in_nav else None)
        html = self.rendered.get(key)
        if html is None:
            html = self.rendered[key] = self.env.get_template(f"{ORIGINAL}/partials/nav.html").render(context.get_all())
        return html
