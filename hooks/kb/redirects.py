"""Published addresses keep working: every forwarding page of the site is decided here.

Two sources, one table:
- data/danh-muc/chuyen-huong.yml declares `old address: new address` for any kind of page
  (a renamed document, a renamed actor page, a moved guide page…). A bare document id stands
  for its page: `ma-cu: ma-moi` means `van-ban/ma-cu.html: van-ban/ma-moi.html`.
- a cited document that becomes a full document of the knowledge base (its registry entry gets
  `document: <id>`) loses its page `dan-chieu/<entry>.html`; that address forwards to
  `van-ban/<id>.html` by itself, so promoting a document never breaks a trainer's link.

The loader reads the declarations (shape and confinement: an address is a path of lowercase
ASCII segments ending in `.html`, inside the site); `resolve` checks them against the set of
pages the site really publishes, for the checker and the build alike. The forwarding page uses
both a meta refresh (works with JavaScript off) and a script that keeps the "#k3-b" part of the
address (a meta refresh drops it); both work from file:// as well.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from . import messages
from .escape import js_string
from .messages import register
from .model import Forward
from .problems import Problem
from .yamlload import YMap, load_yaml_file

REDIRECTS_FILE = "data/danh-muc/chuyen-huong.yml"
DOCUMENTS_DIR = "van-ban"
CITED_DIR = "dan-chieu"
# a site address: lowercase ASCII segments (no '..', no leading '/', no scheme), ending in .html
ADDRESS = re.compile(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*/)*[a-z0-9]+(?:-[a-z0-9]+)*\.html$")
BARE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# Data ----------------------------------------------------------------------------------
G = "danh-muc"
register(
    "redirects-not-map", G, "Tệp chuyển hướng sai dạng",
    "tệp chuyển hướng phải là danh sách 'địa-chỉ-cũ: địa-chỉ-mới', mỗi dòng một trang đã chuyển "
    "(ví dụ 'van-ban/ma-cu.html: van-ban/ma-moi.html')",
)
register(
    "redirect-bad-address", G, "Địa chỉ chuyển hướng sai dạng",
    "'{address}' không phải địa chỉ trang hợp lệ (dạng đúng: 'van-ban/ma-van-ban.html', 'dan-chieu/ma.html' "
    "hoặc chỉ mã văn bản 'ma-van-ban'; chữ thường không dấu, số, '-' và '/', không có '..')",
    {"address": "../ngoai/trang.html"},
    fix="Địa chỉ là đường dẫn của trang trong trang web, tính từ thư mục gốc của trang web, như trong sổ "
    "đường dẫn tests/ledger/duong-dan.txt.",
)
register(
    "redirect-unknown-target", G, "Trang đích của chuyển hướng không có",
    "'{old}': trang đích '{new}' không có trong trang web (kiểm tra mã văn bản, tên tệp .yml hoặc mã trong danh mục; "
    "trang đích phải là trang đang có, không phải một địa chỉ cũ đã chuyển)",
    {"old": "van-ban/ma-cu.html", "new": "van-ban/ma-moi.html"},
)
register(
    "redirect-old-in-use", G, "Địa chỉ cũ vẫn là một trang đang có",
    "'{old}' vẫn là một trang đang có; chỉ khai báo chuyển hướng cho địa chỉ không còn trang (xóa dòng này hoặc sửa địa chỉ)",
    {"old": "van-ban/ma-cu.html"},
)
register(
    "redirect-automatic", G, "Khai báo thừa: địa chỉ đã tự chuyển",
    "'{old}' đã tự chuyển tới '{new}' vì mục '{entry}' trong danh mục văn bản dẫn chiếu có 'document: {document}' (xóa dòng này)",
    {"old": "dan-chieu/ct-18-2000-ttg.html", "new": "van-ban/tw-2000-chi-thi-18.html", "entry": "ct-18-2000-ttg", "document": "tw-2000-chi-thi-18"},
)
del G


def document_address(doc_id: str) -> str:
    return f"{DOCUMENTS_DIR}/{doc_id}.html"


def cited_address(entry_id: str) -> str:
    return f"{CITED_DIR}/{entry_id}.html"


def read_declared(path: Path, display: str, problems: list[Problem]) -> list[Forward]:
    """The forwards declared in chuyen-huong.yml, shape-checked; problems go to `problems`."""
    if not path.exists() and not path.is_symlink():
        return []
    loaded = load_yaml_file(path, display, confine_to=path.parent.parent)
    problems.extend(loaded.problems)
    value = loaded.value
    if value is None or any(p.is_error for p in loaded.problems):
        return []
    if not isinstance(value, YMap):
        problems.append(messages.problem("redirects-not-map", display, getattr(value, "line", 1)))
        return []
    forwards = []
    for old, new in value.items():
        line = value.line_of(old)
        old_address, new_address = _address(old), _address(new)
        bad = [raw for raw, address in ((old, old_address), (new, new_address)) if address is None]
        for raw in bad:
            problems.append(messages.problem("redirect-bad-address", display, line, address=_shown(raw)))
        if not bad:
            forwards.append(Forward(old_address, new_address, display, line))
    return forwards


def promoted(entries, registry_display: str) -> list[Forward]:
    """`dan-chieu/<entry>.html` → `van-ban/<document>.html` for every registry entry that is a KB document."""
    return [
        Forward(cited_address(entry.id), document_address(entry.document), registry_display, entry.line, entry=entry.id)
        for entry in entries.values()
        if entry.document
    ]


def resolve(forwards: tuple[Forward, ...] | list[Forward], pages: set[str]) -> tuple[list[Forward], list[Problem]]:
    """The forwards the site writes, checked against `pages` (every address the site publishes).

    Every problem is reported: a declared old address that is still a page, a target that is
    not a page (a forwarded address is not a page: no chains), a declaration that repeats an
    automatic forward.
    """
    problems: list[Problem] = []
    automatic = {f.old: f for f in forwards if f.entry}
    kept: list[Forward] = []
    for forward in forwards:
        if forward.entry is None and forward.old in automatic:
            auto = automatic[forward.old]
            document = auto.new.removeprefix(f"{DOCUMENTS_DIR}/").removesuffix(".html")
            problems.append(messages.problem("redirect-automatic", forward.path, forward.line, old=forward.old, new=auto.new, entry=auto.entry, document=document))
        elif forward.entry is None and forward.old in pages:
            problems.append(messages.problem("redirect-old-in-use", forward.path, forward.line, old=forward.old))
        elif forward.new not in pages:
            problems.append(messages.problem("redirect-unknown-target", forward.path, forward.line, old=forward.old, new=forward.new))
        else:
            kept.append(forward)
    return kept, problems


def relative_url(old: str, new: str) -> str:
    """The link from the page at `old` to the page at `new` (both site addresses)."""
    return posixpath.relpath(new, posixpath.dirname(old) or ".")


def redirect_page(target: str, title: str) -> str:
    """A page that forwards to `target` (relative URL), keeping the #anchor of the old address."""
    href = html.escape(target, quote=True)
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Đã chuyển: {html.escape(title)}</title>
<meta http-equiv="refresh" content="0; url={href}">
<link rel="canonical" href="{href}">
<script>location.replace({js_string(target)} + location.hash);</script>
</head>
<body>
<p>Trang này đã chuyển sang địa chỉ mới: <a href="{href}">{html.escape(title)}</a>.</p>
</body>
</html>
"""


# Helper functions ----------------------------------------------------------------------


def _address(raw) -> str | None:
    """A site address from a key or value of chuyen-huong.yml; None when it is not one."""
    if not isinstance(raw, str):
        return None
    if BARE_ID.match(raw):
        return document_address(raw)
    return raw if ADDRESS.match(raw) else None


def _shown(raw) -> str:
    text = "" if raw is None else str(raw)
    return text if len(text) <= 80 else text[:79] + "…"
