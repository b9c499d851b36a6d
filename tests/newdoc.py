"""A maintainer's new document file, as the tests that add one to a copy of the project write it."""

from __future__ import annotations

from pathlib import Path

TEMPLATE = """\
# yaml-language-server: $schema=../../schema/van-ban.schema.json
# Một văn bản của Kho chỉ thị dân vận — đọc bởi hooks/kb/loader.py

id: {id}
type: {type}
number: {number}
title: "{title}"
issuer: {issuer}
level: null
bloc: null
place: {place}
signer:
  name: null
  position: null
  on_behalf: null
issued: null
effective: null
status: null
topics: []
{extra}source:
  note: "Văn bản thử cho kiểm thử"
removed: []
body:
  - p: "Văn bản mở đầu."
    id: mo-dau
  - clause: "1."
    text: "{text}"
"""


def add_document(
    project: Path,
    doc_id: str,
    text: str,
    extra: str = "",
    *,
    type: str = "chi-thi",
    number: str = "null",
    title: str = "Văn bản thử",
    issuer: str = "null",
    place: str = "null",
) -> Path:
    """Write data/van-ban/<doc_id>.yml: one opening paragraph and clause "1." holding `text`.

    Values are YAML as written (quote them yourself: number='"05/CT-UBND"'); `extra` is YAML
    lines inserted before `source:` (e.g. a `citations:` block).
    """
    path = project / "data" / "van-ban" / f"{doc_id}.yml"
    fields = dict(id=doc_id, text=text, extra=extra, type=type, number=number, title=title, issuer=issuer, place=place)
    path.write_text(TEMPLATE.format(**fields), encoding="utf-8")
    return path
