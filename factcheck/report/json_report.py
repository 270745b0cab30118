"""report.json as fixed by the contract, plus additive fields (text, blocking, differences, run facts)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from json.encoder import encode_basestring  # the C string encoder json.dumps uses (ensure_ascii=False)

from factcheck import __version__
from factcheck.results import ClaimResult, Evidence, Report

ENTRY_BLOCK = 256  # entries rendered and written at a time (about 80 KB)


def evidence_dict(e: Evidence, contradicts_claim: bool = False) -> dict:
    return {
        "article": e.article,
        "mentioned": e.mentioned,
        "version": e.version if e.mentioned else None,
        "score": round(e.score, 3),
        "probability": round(e.probability, 3),
        "evidence": e.text,
        "line": e.line,
        "contradicts_claim": contradicts_claim,
    }


class Rounded(dict):
    """repr(round(value, 3)) by value. Scores are stored to 4 decimals, so a few thousand values recur over a
    claim's thousands of entries, and a lookup is cheaper than rounding (half the time of an entry)."""

    def __missing__(self, value: float) -> str:
        text = self[value] = repr(round(value, 3))
        return text


def evidence_json(e: Evidence, contradicts_claim: bool = False, rounded: Rounded | None = None) -> str:
    """json.dumps(evidence_dict(e)), byte for byte, without the dict: an archive has millions of these."""
    rounded = Rounded() if rounded is None else rounded
    version = encode_basestring(e.version) if e.mentioned and e.version is not None else "null"
    return (
        f'{{"article": {encode_basestring(e.article)}, "mentioned": {"true" if e.mentioned else "false"}, '
        f'"version": {version}, "score": {rounded[e.score]}, "probability": {rounded[e.probability]}, '
        f'"evidence": {encode_basestring(e.text)}, "line": {e.line}, '
        f'"contradicts_claim": {"true" if contradicts_claim else "false"}}}'
    )


def claim_json_parts(result: ClaimResult) -> Iterator[str]:
    """One claim of report.json, its fields with `articles` holding one evidence_json per checked article,
    in pieces of ENTRY_BLOCK entries. A claim's whole text (7 MB at 20,000 articles) would be memory the
    OS hands out afresh for every claim, page by page: a million page faults in a run."""
    head = json.dumps(_claim_head(result), ensure_ascii=False)[:-1]
    yield f'{head}, "articles": ['
    evidence = result.evidence
    contradicting = result.contradicting
    rounded = Rounded()
    for start in range(0, len(evidence), ENTRY_BLOCK):
        if start:
            yield ", "
        yield ", ".join(
            evidence_json(e, e.article in contradicting, rounded) for e in evidence[start : start + ENTRY_BLOCK]
        )
    yield "], " + json.dumps(_claim_tail(result), ensure_ascii=False)[1:]


def _claim_head(result: ClaimResult) -> dict:
    claim = result.claim
    return {
        "id": claim.id,
        "status": result.status,
        "text": claim.text,
        "severity": claim.severity,
        "verified": claim.verified,
        "blocking": result.blocking,
    }


def _claim_tail(result: ClaimResult) -> dict:
    return {
        "differences": [d.to_dict() for d in (*result.differences, *result.contradictions)],
        "internal": [d.to_dict() for d in result.internal],
        "review": result.review.to_dict() if result.review is not None else None,
        "stale_review": result.stale_review.to_dict() if result.stale_review is not None else None,
    }


def _report_head(report: Report) -> dict:
    return {
        "factcheck": __version__,
        "model": report.settings.model,
        "run": report.run.to_dict() if report.run else None,
        "claims_file": report.settings.claims_file,
        "articles_checked": [a.id for a in report.articles],
        "problems": [str(p) for p in report.problems],
        "blocking": len(report.blocking),
    }


def render_json(report: Report) -> Iterator[str]:
    """report.json: run facts, then one claim per line so that diffs stay readable. In pieces, a claim at a time
    and each claim's entries a block at a time: an archive's report.json runs to hundreds of MB."""
    yield json.dumps(_report_head(report), ensure_ascii=False)[:-1] + ', "claims": [\n'
    for number, result in enumerate(report.results):
        if number:
            yield ",\n"
        yield from claim_json_parts(result)
    yield "\n]}\n"
