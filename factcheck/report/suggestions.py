"""`factcheck suggest` output: YAML an editor pastes into claims.yaml, JSON for programs, markdown to read."""

from __future__ import annotations

import json

import yaml

from factcheck.report.escape import markdown_inline as md_cell
from factcheck.suggested import Suggestion


def render_yaml(suggestions: list[Suggestion]) -> str:
    """claims.yaml entries, each under a comment saying what differs and where."""
    if not suggestions:
        return "# factcheck suggest: no fact is told differently\n"
    parts = ["# suggested by factcheck suggest: check each against the articles before you keep it\nclaims:\n"]
    for s in suggestions:
        where = ", ".join(f"{side.article}:{side.line}" for side in s.sides)
        parts.append(f"  # {s.kind} ({s.confidence:.2f}): {_one_line(s.explanation)}\n  # {where}\n")
        entry = yaml.safe_dump([s.claim.to_dict()], allow_unicode=True, sort_keys=False, width=1_000_000)
        parts.append("".join(f"  {line}\n" for line in entry.splitlines()))
    return "".join(parts)


def render_json(suggestions: list[Suggestion]) -> str:
    return json.dumps({"suggestions": [s.to_dict() for s in suggestions]}, ensure_ascii=False, indent=1) + "\n"


def render_markdown(suggestions: list[Suggestion]) -> str:
    if not suggestions:
        return "# Suggested claims\n\nNo fact is told differently.\n"
    lines = ["# Suggested claims", ""]
    for n, s in enumerate(suggestions, 1):
        lines += [f"## {n}. {md_cell(s.claim.id)} ({s.kind}, {s.confidence:.2f})", "", md_cell(s.explanation), ""]
        lines += ["| article | line | sentence |", "|---|---|---|"]
        lines += [f"| {md_cell(side.article)} | {side.line} | {md_cell(side.text)} |" for side in s.sides]
        lines.append("")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


RENDERERS = {"yaml": render_yaml, "json": render_json, "markdown": render_markdown}
