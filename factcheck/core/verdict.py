"""Pure verdicts: per-claim status from the evidence of every checked article, and which findings block."""

from __future__ import annotations

from operator import attrgetter

from factcheck.core.compare import compare_told, contradicted, internal_differences
from factcheck.core.telling import CLAIM, Telling, telling
from factcheck.records import Claim
from factcheck.results import (
    CONSISTENT,
    DISAGREEMENT,
    SINGLE_SOURCE,
    UNMENTIONED,
    ClaimResult,
    Contradiction,
    Difference,
    Evidence,
)
from factcheck.text.quantities import Quantity, quantities

MAX_DIFFERENCES = 50
MAX_REFERENCES = 20  # each telling of a claim is compared with at most this many earlier, different tellings


def version_differences(mentioning: tuple[Evidence, ...]) -> list[Difference]:
    """One difference per pair of articles that tell different versions, in article order."""
    told = [e for e in mentioning if e.version is not None]
    out = []
    for i, left in enumerate(told):
        for right in told[i + 1 :]:
            if left.version != right.version:
                out.append(
                    Difference(
                        "version",
                        left,
                        right,
                        f"{left.article} tells '{left.version}', {right.article} tells '{right.version}'",
                    )
                )
    return out


def decide(claim: Claim, evidence: list[Evidence], extra: list[Difference] = (), lang: str = "en") -> ClaimResult:
    """The contract's status for one claim: unmentioned, single-source, consistent or disagreement; and the
    articles that contradict what the claim itself asserts (written in `lang`).

    `extra` holds differences found by a model stage (NLI) for pairs of mentioning articles."""
    evidence = tuple(sorted(evidence, key=attrgetter("article")))
    mentioning = tuple(e for e in evidence if e.mentioned)
    internal = tuple(d for e in mentioning if e.also for d in internal_differences(e))  # few have a second place
    told = tuple(telling(e) for e in mentioning)  # each read once, whatever it is compared with
    against = claim_contradictions(claim, told, lang)
    if len(mentioning) < 2:
        result = ClaimResult(claim, SINGLE_SOURCE if mentioning else UNMENTIONED, evidence, (), internal, None, against)
    else:
        about = claim_figures(claim, lang)
        found = version_differences(mentioning) + evidence_differences(told, about) + list(extra)
        result = ClaimResult(
            claim, DISAGREEMENT if found else CONSISTENT, evidence, tuple(found), internal, None, against
        )
    return result


def claim_contradictions(claim: Claim, told: tuple[Telling, ...], lang: str) -> tuple[Contradiction, ...]:
    if claim.assertion is None:
        return ()
    said = Telling(CLAIM, claim.assertion, lang)
    return tuple(c for one in told for c in contradicted(said, one))


def claim_figures(claim: Claim, lang: str) -> tuple[Quantity, ...]:
    """The figures the claim gives, in its text and its versions: what figures two articles are compared on."""
    return tuple(q for text in (claim.text, *(v for _, v in claim.versions)) for q in quantities(text, lang))


def evidence_differences(told: tuple[Telling, ...], about: tuple[Quantity, ...] = ()) -> list[Difference]:
    """Figures, negation, modality and attribution compared for pairs of articles.

    Articles whose evidence reads the same are compared once, through the first of them;
    each other telling is compared with the first MAX_REFERENCES tellings before it, and
    at most MAX_DIFFERENCES are collected: a claim told by thousands of articles of an
    archive would otherwise cost a comparison per pair and a report nobody can read.
    """
    seen: set[tuple[str, str, str]] = set()
    distinct: list[Telling] = []
    found: list[Difference] = []
    for right in told:
        said = (right.text, right.context, right.lang)
        if said in seen:
            continue
        seen.add(said)
        for left in distinct[:MAX_REFERENCES]:
            found += compare_told(left, right, about)
            if len(found) >= MAX_DIFFERENCES:
                return found[:MAX_DIFFERENCES]
        distinct.append(right)
    return found
