"""Editors' reviews applied to results: a review holds while the evidence it reviewed is unchanged."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from factcheck.results import ClaimResult, Review


def fingerprint(result: ClaimResult) -> str:
    """Changes whenever what an article says for the claim changes: its evidence, version or differences."""
    parts = sorted(f"{e.article}\x1f{e.version}\x1f{e.text}" for e in result.mentioning)
    parts += sorted(d.explanation for d in result.differences)
    return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()[:16]


def apply_reviews(results: tuple[ClaimResult, ...], reviews: list[Review]) -> tuple[ClaimResult, ...]:
    """Attach to each result the review made for its current evidence, if any; else the review of its earlier
    evidence, as one that no longer applies (the reports say so: an editor should look again)."""
    by_claim = {r.claim: r for r in reviews}
    out = []
    for result in results:
        review = by_claim.get(result.claim.id)
        if review is None:
            out.append(result)
        elif review.fingerprint == fingerprint(result):
            out.append(replace(result, review=review))
        else:
            out.append(replace(result, stale_review=review))
    return tuple(out)
