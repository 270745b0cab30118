"""report.md: a summary table per claim, then the evidence of each disagreement side by side (tabulate)."""

from __future__ import annotations

from tabulate import tabulate

from factcheck.report.escape import markdown_inline as md
from factcheck.report.findings import shown
from factcheck.results import ClaimResult, Report

MAX_QUOTE = 220
MAX_TOLD_BY = 12  # an archive-wide claim can be told by thousands of articles
MAX_EVIDENCE_ROWS = 25  # per finding; report.json has them all


def render_markdown(report: Report) -> str:
    parts = [_header(report), _summary(report)]
    parts += [_findings(r) for r in shown(report) if r.has_finding]
    parts += [_internal(r) for r in shown(report) if r.internal]
    checked = [r for r in shown(report) if r.mentioning and not r.has_finding]
    if checked:
        parts.append("## Evidence of the other claims\n\n" + "\n\n".join(_evidence(r) for r in checked))
    if report.problems:
        parts.append("## Articles not checked\n\n" + "\n".join(f"- {md(str(p))}" for p in report.problems))
    return "\n\n".join(parts) + "\n"


def _header(report: Report) -> str:
    blocking = len(report.blocking)
    verdict = f"**{blocking} blocking finding(s)**" if blocking else "**No blocking finding**"
    return (
        f"# factcheck report\n\n{verdict}. {len(report.results)} claims checked against "
        f"{len(report.articles)} articles with model {md(report.settings.model)}."
    )


def _told_by(result: ClaimResult) -> str:
    mentioning = result.mentioning
    cells = [f"{md(e.article)}: {e.version or 'yes'}" for e in mentioning[:MAX_TOLD_BY]]
    if len(mentioning) > MAX_TOLD_BY:
        cells.append(f"… and {len(mentioning) - MAX_TOLD_BY} more (see report.json)")
    return "<br>".join(cells) if cells else "-"


def _summary(report: Report) -> str:
    rows = [(r.claim.id, r.status, "yes" if r.blocking else "", _told_by(r)) for r in report.results]
    return "## Summary\n\n" + tabulate(
        rows, headers=("Claim", "Status", "Blocking", "Told by"), tablefmt="github", disable_numparse=True
    )


def _quote(text: str) -> str:
    text = text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…"
    return md(text)


def _internal(result: ClaimResult) -> str:
    shown_here = result.internal[: MAX_EVIDENCE_ROWS // 2]  # two rows each
    rows = []
    for d in shown_here:
        both = d.to_dict()
        rows += [(md(d.left.article), side["line"], _quote(side["evidence"])) for side in (both["left"], both["right"])]
    explanations = [f"- {md(d.explanation)}" for d in shown_here]
    table = tabulate(rows, headers=("Article", "Line", "Evidence"), tablefmt="github")
    if len(result.internal) > len(shown_here):
        table += f"\n\n… and {len(result.internal) - len(shown_here)} more articles (see report.json)."
    return "\n".join([f"## {result.claim.id}: one article, two figures", "", *explanations, "", table])


def _evidence(result: ClaimResult) -> str:
    """A claim without a finding, in a collapsed block: where each article states it, for an editor to check."""
    rows = [(md(e.article), e.version or "", e.line, _quote(e.text)) for e in result.mentioning[:MAX_EVIDENCE_ROWS]]
    table = tabulate(rows, headers=("Article", "Version", "Line", "Evidence"), tablefmt="github", disable_numparse=True)
    if len(result.mentioning) > MAX_EVIDENCE_ROWS:
        table += f"\n\n… and {len(result.mentioning) - MAX_EVIDENCE_ROWS} more articles (see report.json)."
    return (
        f"<details><summary>{result.claim.id}: {result.status}</summary>\n\n> {md(result.claim.text)}\n\n"
        f"{table}\n\n</details>"
    )


def _findings(result: ClaimResult) -> str:
    involved = {a for d in result.differences for a in (d.left.article, d.right.article)}
    ordered = sorted(result.mentioning, key=lambda e: e.article not in involved)  # stable: article order kept
    rows = [
        (md(e.article), e.version or "", f"{e.score:.2f}", e.line, _quote(e.text)) for e in ordered[:MAX_EVIDENCE_ROWS]
    ]
    table = tabulate(
        rows, headers=("Article", "Version", "Score", "Line", "Evidence"), tablefmt="github", disable_numparse=True
    )
    if len(ordered) > MAX_EVIDENCE_ROWS:
        table += f"\n\n… and {len(ordered) - MAX_EVIDENCE_ROWS} more articles (see report.json)."
    lines = [f"## {result.claim.id}: {result.status}", "", f"> {md(result.claim.text)}", ""]
    if result.claim.verified:
        lines.append(f"Verified version: `{result.claim.verified}`.")
    if result.review is not None:
        r = result.review
        lines.append(
            f"Reviewed by {md(r.by)} on {md(r.at)}"
            + (f": {md(r.note)}" if r.note else "")
            + ". It no longer blocks while this evidence is unchanged."
        )
    if result.stale_review is not None:
        r = result.stale_review
        lines.append(f"The review by {md(r.by)} on {md(r.at)} no longer applies: the evidence changed since.")
    lines += [f"- {md(d.explanation)}" for d in result.differences[:MAX_EVIDENCE_ROWS]]
    return "\n".join(lines + ["", table])
