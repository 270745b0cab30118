"""Report formats: each is one function `Report -> str` (or chunks of it), registered by name with where it goes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from factcheck.report.ci_formats import render_github, render_junit, render_sarif, render_text
from factcheck.report.html import render_html
from factcheck.report.json_report import render_json
from factcheck.report.markdown import render_markdown
from factcheck.results import Report


@dataclass(frozen=True)
class Format:
    name: str
    filename: str | None  # None: printed on stdout (CI annotations are read from the log)
    # the report as one str, or in pieces for one too big to hold twice (report.json of an archive)
    render: Callable[[Report], str | Iterable[str]]


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("markdown", "report.md", render_markdown),
        Format("json", "report.json", render_json),
        Format("html", "report.html", render_html),
        Format("sarif", "report.sarif", render_sarif),
        Format("junit", "report.junit.xml", render_junit),
        Format("github", None, render_github),
        Format("text", None, render_text),
    )
}
DEFAULT_FORMATS = ("markdown", "json")
AUTO = "auto"


def resolve_formats(names: list[str], environ=os.environ) -> list[Format]:
    """Formats in the order asked, without repeats; 'auto' adds GitHub annotations inside GitHub Actions."""
    expanded = []
    for name in names:
        if name == AUTO:
            expanded += [*DEFAULT_FORMATS, *(["github"] if environ.get("GITHUB_ACTIONS") == "true" else [])]
        else:
            expanded.append(name)
    return [FORMATS[name] for name in dict.fromkeys(expanded)]
