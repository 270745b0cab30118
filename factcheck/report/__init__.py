"""Report formats: each is one function `Report -> str`, registered by name with its file name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from factcheck.pipeline import Report
from factcheck.report.json_report import render_json
from factcheck.report.markdown import render_markdown


@dataclass(frozen=True)
class Format:
    name: str
    filename: str
    render: Callable[[Report], str]


FORMATS: dict[str, Format] = {
    f.name: f for f in (
        Format("markdown", "report.md", render_markdown),
        Format("json", "report.json", render_json),
    )
}
DEFAULT_FORMATS = ("markdown", "json")
