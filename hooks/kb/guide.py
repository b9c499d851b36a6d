"""Generated parts of the hand-written guide page: the list of checker messages and their fixes.

The guide (docs/huong-dan/bo-sung-van-ban.md) holds a marker line where this list goes; the
list comes from kb/messages.py, the same catalogue the checker's messages are tested against.
"""

from __future__ import annotations

from . import messages
from .loader import DOCUMENT_FIELDS
from .render import make_environment
from .schema import FIELD_HELP
from .vocab import BLOCS, DOCUMENT_TYPES, LEVELS, REMOVAL_REASONS, STATUSES

GUIDE_PAGE = "huong-dan/bo-sung-van-ban.md"
ERRORS_MARKER = "<!-- kb:loi-thuong-gap -->"
FIELDS_MARKER = "<!-- kb:bang-truong -->"
CHOICES = {"type": DOCUMENT_TYPES, "level": LEVELS, "bloc": BLOCS, "status": STATUSES, "removed": REMOVAL_REASONS}


def error_section() -> str:
    template = make_environment().get_template("guide-errors.md.j2")
    return template.render(page_path=GUIDE_PAGE, groups=messages.by_group(), summary_group=messages.SUMMARY_GROUP)


def field_section() -> str:
    fields = [
        {"key": key, "required": required, "help": FIELD_HELP[key], "choices": list(CHOICES.get(key, {}).items())}
        for key, (required, _description) in DOCUMENT_FIELDS.items()
    ]
    return make_environment().get_template("guide-fields.md.j2").render(page_path=GUIDE_PAGE, fields=fields)


def fill_guide(markdown: str) -> str:
    """The guide with its generated parts in place; ValueError if a marker line is missing."""
    for marker, make in ((FIELDS_MARKER, field_section), (ERRORS_MARKER, error_section)):
        if marker not in markdown:
            raise ValueError(f"{GUIDE_PAGE}: thiếu dòng {marker} (chỗ đặt phần được tạo tự động)")
        markdown = markdown.replace(marker, make())
    return markdown
