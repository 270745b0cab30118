"""Findings: one located, levelled message per article involved in a disagreement; shared by the CI formats."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.results import DISAGREEMENT, ClaimResult, Difference, Evidence, Report

LEVELS = ("error", "warning", "note")
# A finding is one line of a CI log: an archive-wide claim can differ in dozens of pairs (verdict.MAX_DIFFERENCES),
# and a line that lists them all runs to hundreds of characters. report.json has them all.
MAX_NAMED = 5  # articles named as telling another version
MAX_EXPLAINED = 3  # other differences spelt out


@dataclass(frozen=True, order=True)
class Finding:
    claim: str
    article: str
    line: int
    rule: str  # disagreement, unverified-version, contradicts-claim, internal
    level: str  # error: blocks; warning: reported; note: reviewed, no longer blocks
    path: str
    message: str


def findings(report: Report) -> list[Finding]:
    """Every finding of the report, in claim then article order."""
    paths = {a.id: a.path or f"{a.id}.txt" for a in report.articles}
    out = []
    for result in shown(report):
        out += _disagreement(result, paths) + _unverified(result, paths) + _contradicting(result, paths)
        out += _internal(result, paths)
    return sorted(out)


def shown(report: Report) -> list[ClaimResult]:
    """The results at or above --min-severity (error ranks above warning)."""
    if report.settings.min_severity == "error":
        return [r for r in report.results if r.claim.severity == "error"]
    return list(report.results)


def _level(result: ClaimResult) -> str:
    if result.review is not None:
        return "note"
    return "error" if result.claim.severity == "error" else "warning"


def _disagreement(result: ClaimResult, paths: dict) -> list[Finding]:
    if result.status != DISAGREEMENT:
        return []
    involving: dict[str, list[Difference]] = {}  # per article, the differences it is a side of
    for d in result.differences:
        for article in dict.fromkeys((d.left.article, d.right.article)):
            involving.setdefault(article, []).append(d)
    out = []
    for evidence in result.mentioning:
        mine = _what_differs(evidence, involving.get(evidence.article, []))
        if mine:
            out.append(_finding(result, paths, evidence.article, evidence.line, "disagreement", "; ".join(mine)))
    return out


def _what_differs(evidence: Evidence, differences: list[Difference]) -> list[str]:
    """What one article's telling differs in, from its side: the versions the others tell, then each other
    difference it is part of."""
    others: dict[str, list[str]] = {}
    rest = []
    for d in differences:
        if d.kind == "version":
            other = d.right if d.left.article == evidence.article else d.left
            others.setdefault(other.version, []).append(other.article)
        else:
            rest.append(d.explanation)
    told = [f"{_named(articles)} tell{'s' if len(articles) == 1 else ''} '{v}'" for v, articles in others.items()]
    return ([f"tells '{evidence.version}', " + "; ".join(told)] if told else []) + _explained(rest)


def _named(articles: list[str]) -> str:
    more = len(articles) - MAX_NAMED
    return ", ".join(articles[:MAX_NAMED]) + (f" and {more} more" if more > 0 else "")


def _explained(explanations: list[str]) -> list[str]:
    more = len(explanations) - MAX_EXPLAINED
    return explanations[:MAX_EXPLAINED] + ([f"… and {more} more differences"] if more > 0 else [])


def _unverified(result: ClaimResult, paths: dict) -> list[Finding]:
    said = f"the verified version is '{result.claim.verified}'"
    return [
        _finding(result, paths, e.article, e.line, "unverified-version", f"tells '{e.version}', {said}")
        for e in result.off_verified
    ]


def _contradicting(result: ClaimResult, paths: dict) -> list[Finding]:
    return [
        _finding(result, paths, c.evidence.article, c.evidence.line, "contradicts-claim", c.explanation)
        for c in result.contradictions
    ]


def _internal(result: ClaimResult, paths: dict) -> list[Finding]:
    # one article telling two figures or versions is reported, never blocking
    return [
        _finding(result, paths, d.left.article, d.left.also[0].line, "internal", d.explanation, level="warning")
        for d in result.internal
    ]


def _finding(
    result: ClaimResult, paths: dict, article: str, line: int, rule: str, what: str, level: str | None = None
) -> Finding:
    claim = result.claim.id
    return Finding(claim, article, line, rule, level or _level(result), paths[article], f"{claim}: {what}")
