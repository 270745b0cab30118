"""report.json as fixed by the contract, plus additive fields (text, blocking, differences, run facts)."""

from __future__ import annotations

import json

from factcheck import __version__
from factcheck.match import Evidence
from factcheck.pipeline import Report
from factcheck.verdict import ClaimResult


def evidence_dict(e: Evidence) -> dict:
    return {
        "article": e.article,
        "mentioned": e.mentioned,
        "version": e.version if e.mentioned else None,
        "score": round(e.score, 3),
        "probability": round(e.probability, 3),
        "evidence": e.text,
        "line": e.line,
    }


def claim_dict(result: ClaimResult) -> dict:
    claim = result.claim
    return {
        "id": claim.id,
        "status": result.status,
        "text": claim.text,
        "severity": claim.severity,
        "verified": claim.verified,
        "blocking": result.blocking,
        "articles": [evidence_dict(e) for e in result.evidence],
        "differences": [d.to_dict() for d in result.differences],
        "internal": [d.to_dict() for d in result.internal],
        "review": result.review.to_dict() if result.review is not None else None,
    }


def report_dict(report: Report) -> dict:
    return {
        "factcheck": __version__,
        "model": report.settings.model,
        "claims_file": report.settings.claims_file,
        "articles_checked": [a.id for a in report.articles],
        "problems": [str(p) for p in report.problems],
        "blocking": len(report.blocking),
        "claims": [claim_dict(r) for r in report.results],
    }


def render_json(report: Report) -> str:
    """One claim per line: diffs stay readable, and json's C encoder (no indent) keeps archives fast."""
    data = report_dict(report)
    claims = data.pop("claims")
    head = json.dumps(data, ensure_ascii=False)[:-1]
    body = ",\n".join(json.dumps(c, ensure_ascii=False) for c in claims)
    return f'{head}, "claims": [\n{body}\n]}}\n'
