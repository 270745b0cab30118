"""CI formats over the same findings: GitHub workflow annotations, SARIF 2.1.0 and JUnit XML."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

from factcheck import __version__
from factcheck.report.escape import uri_path, visible_controls
from factcheck.report.findings import Finding, findings
from factcheck.results import Report

# No informationUri: the name `factcheck` on PyPI is another project's, and this one has no public home yet
RULES = {
    "disagreement": "Articles of one story tell this claim differently.",
    "unverified-version": "An article tells a version other than the one the newsroom verified.",
    "contradicts-claim": "An article's evidence contradicts what the claim asserts (a figure, a negation, a speaker).",
    "internal": "One article states two different figures for one fact.",
}
SARIF_LEVEL = {"error": "error", "warning": "warning", "note": "note"}
GITHUB_COMMAND = {"error": "error", "warning": "warning", "note": "notice"}


def render_text(report: Report) -> str:
    """The blocking findings as a linter prints them, one line each: `path:line: claim: what differs`, the path
    relative to the working folder so that terminals and editors make it a link."""
    lines = [
        visible_controls(f"{_relative(f.path)}:{f.line}: {f.message}") for f in findings(report) if f.level == "error"
    ]
    return "\n".join(lines) + ("\n" if lines else "")


def render_github(report: Report) -> str:
    """`::error file=...,line=...::message` lines, which GitHub Actions turns into annotations."""
    lines = [
        f"::{GITHUB_COMMAND[f.level]} file={_prop(_relative(f.path))},line={f.line},"
        f"title={_prop('factcheck ' + f.rule)}::{_data(f.message)}"
        for f in findings(report)
    ]
    return "\n".join(lines) + ("\n" if lines else "")


def _data(text: str) -> str:
    """A workflow command's message: '%', CR and LF encoded as GitHub requires, other controls (an ANSI escape in
    a file name) shown, not sent to the log."""
    return visible_controls(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _relative(path: str) -> str:
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def render_sarif(report: Report) -> str:
    found = findings(report)
    rules = [{"id": rule, "shortDescription": {"text": text}} for rule, text in RULES.items()]
    run = {
        "tool": {"driver": {"name": "factcheck", "version": __version__, "rules": rules}},
        "results": [_sarif_result(f, list(RULES)) for f in found],
    }
    log = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _sarif_result(finding: Finding, rule_ids: list[str]) -> dict:
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_ids.index(finding.rule),
        "level": SARIF_LEVEL[finding.level],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri_path(_relative(finding.path))},
                    "region": {"startLine": finding.line},
                }
            }
        ],
        "partialFingerprints": {"claimArticle/v1": f"{finding.claim}:{finding.article}:{finding.rule}"},
    }


def render_junit(report: Report) -> str:
    """One test case per claim; a blocking claim fails, with its findings as the failure text."""
    by_claim: dict[str, list[Finding]] = {}
    for f in findings(report):
        by_claim.setdefault(f.claim, []).append(f)
    suite = ET.Element(
        "testsuite",
        name="factcheck",
        tests=str(len(report.results)),
        failures=str(len(report.blocking)),
        errors="0",
        skipped="0",
    )
    for result in report.results:
        case = ET.SubElement(suite, "testcase", classname="factcheck.claims", name=result.claim.id)
        # XML 1.0 has no way to hold most control characters, even escaped: they are shown as escapes
        lines = [
            visible_controls(f"{_relative(f.path)}:{f.line}: {f.message}") for f in by_claim.get(result.claim.id, [])
        ]
        if result.blocking:
            failure = ET.SubElement(case, "failure", message=f"{result.claim.id}: {result.status}", type=result.status)
            failure.text = "\n".join(lines)
        ET.SubElement(case, "system-out").text = "\n".join([f"status: {result.status}", *lines])
    root = ET.Element("testsuites", name="factcheck", tests=suite.get("tests"), failures=suite.get("failures"))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
