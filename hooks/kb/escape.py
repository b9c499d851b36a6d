"""One escaping function per output context that is not Markdown (Markdown and HTML inside it:
kb.render). Values from the data reach these outputs only through here."""

from __future__ import annotations

import html
import json

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A CSV cell that a spreadsheet shows as text: a leading formula character gets a "'" before it
    (the OWASP guard; Excel and LibreOffice then show the cell as typed, without the quote)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def html_text(value: object) -> str:
    """Text between HTML tags."""
    return html.escape(str(value), quote=False)


def html_attribute(value: object) -> str:
    """A double- or single-quoted HTML attribute value."""
    return html.escape(str(value), quote=True)


def js_string(value: object) -> str:
    """A JavaScript string literal, safe inside an inline <script> too ('</script>' and '<!--' cannot occur)."""
    return json.dumps(str(value), ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
