"""Problems found in the data: compiler-style, in Vietnamese, always naming file and line."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the project root, with forward slashes
    line: int
    message: str
    # "error" stops the build; "warning" is reported (and fails --strict); "notice" reports
    # something the loader already repaired (BOM, NFD text): shown, never fails a build
    severity: str = "error"
    code: str = field(default="", compare=False)  # its entry in kb/messages.py's catalogue

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        label = {"error": "lỗi", "warning": "cảnh báo"}.get(self.severity, "lưu ý")
        where = f"{self.path}:{self.line}" if self.line else self.path  # line 0: about a folder, not a line
        return f"{where}: {label}: {self.message}"


# the line under the messages when the build stops (kb/messages.py lists it as 'build-data-errors')
FOOTER = "{errors} lỗi — dữ liệu chưa hợp lệ, trang web không được tạo."


class DataError(Exception):
    """Raised when the data set has errors; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        errors = [p for p in self.problems if p.is_error]
        lines = [str(p) for p in self.problems]
        lines.append(FOOTER.format(errors=len(errors)))
        super().__init__("\n".join(lines))
