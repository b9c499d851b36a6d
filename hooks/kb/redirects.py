"""Renamed documents keep their old links: data/danh-muc/chuyen-huong.yml maps old id → new id,
and the build writes a small page at the old URL that forwards to the new one, anchor included.

The forwarding page uses both a meta refresh (works with JavaScript off) and a script that keeps
the "#k3-b" part of the address (a meta refresh drops it); both work from file:// as well.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from .problems import DataError, Problem
from .yamlload import YMap, load_yaml_file

REDIRECTS_FILE = "data/danh-muc/chuyen-huong.yml"


def load_redirects(root: Path, document_ids: set[str]) -> dict[str, str]:
    """{old id: new id}; every problem (unknown target, old id still in use, bad shape) is reported together."""
    path = root / REDIRECTS_FILE
    if not path.is_file():
        return {}
    loaded = load_yaml_file(path, REDIRECTS_FILE)
    problems = [p for p in loaded.problems if p.is_error]
    value = loaded.value
    if value is None and not problems:
        return {}
    if not problems and not isinstance(value, YMap):
        problems.append(Problem(REDIRECTS_FILE, 1, "tệp phải là danh sách 'mã-cũ: mã-mới', mỗi dòng một văn bản đổi mã"))
    redirects: dict[str, str] = {}
    for old, new in (value.items() if isinstance(value, YMap) else []):
        line = value.line_of(old)
        if not isinstance(new, str) or not new:
            problems.append(Problem(REDIRECTS_FILE, line, f"'{old}': thiếu mã mới (dạng đúng: '{old}: ma-moi-cua-van-ban')"))
        elif new not in document_ids:
            problems.append(Problem(REDIRECTS_FILE, line, f"'{old}': không có văn bản mã '{new}' trong data/van-ban/ (kiểm tra tên tệp .yml)"))
        elif old in document_ids:
            problems.append(Problem(REDIRECTS_FILE, line, f"'{old}' vẫn là mã của một văn bản đang có; chỉ khai báo chuyển hướng cho mã đã bỏ"))
        else:
            redirects[str(old)] = new
    # chains (a → b while b → c) cannot happen: every target must be a current document id
    if problems:
        raise DataError(problems)
    return redirects


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
<script>location.replace({json.dumps(target)} + location.hash);</script>
</head>
<body>
<p>Văn bản này đã chuyển sang địa chỉ mới: <a href="{href}">{html.escape(title)}</a>.</p>
</body>
</html>
"""
