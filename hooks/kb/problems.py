"""Problems found in the data: compiler-style, in Vietnamese, always naming file and line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the project root, with forward slashes
    line: int
    message: str
    # "error" stops the build; "warning" is reported (and fails --strict); "notice" reports
    # something the loader already repaired (BOM, NFD text): shown, never fails a build
    severity: str = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        label = {"error": "lỗi", "warning": "cảnh báo"}.get(self.severity, "lưu ý")
        return f"{self.path}:{self.line}: {label}: {self.message}"


class DataError(Exception):
    """Raised when the data set has errors; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        errors = [p for p in self.problems if p.is_error]
        lines = [str(p) for p in self.problems]
        lines.append(f"{len(errors)} lỗi — dữ liệu chưa hợp lệ, trang web không được tạo.")
        super().__init__("\n".join(lines))
