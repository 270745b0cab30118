"""One user-facing problem (file, line, key, message) and the error that carries many."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    where: str | None
    message: str

    def __str__(self) -> str:
        place = self.file if self.line is None else f"{self.file}:{self.line}"
        key = f" {self.where}:" if self.where else ""
        return f"{place}:{key} {self.message}"


class ProblemsError(Exception):
    """Input that cannot be used; `problems` lists every reason, in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0))
        super().__init__("\n".join(map(str, self.problems)))
