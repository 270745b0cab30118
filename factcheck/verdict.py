"""Pure verdicts: per-claim status from the evidence of every checked article, and which findings block."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter

from factcheck.claims import Claim
from factcheck.compare import Difference, compare, internal_differences
from factcheck.evidence import Evidence

MAX_DIFFERENCES = 50
MAX_REFERENCES = 20  # each telling of a claim is compared with at most this many earlier, different tellings
UNMENTIONED, SINGLE_SOURCE, CONSISTENT, DISAGREEMENT = "unmentioned", "single-source", "consistent", "disagreement"


@dataclass(frozen=True)
class ClaimResult:
    claim: Claim
    status: str
    evidence: tuple[Evidence, ...]
    differences: tuple[Difference, ...] = ()
    internal: tuple[Difference, ...] = ()  # one article stating two figures: reported, never blocking
    review: object | None = None  # a review.Review of exactly this evidence: it no longer blocks

    @cached_property
    def mentioning(self) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if e.mentioned)

    @property
    def off_verified(self) -> tuple[Evidence, ...]:
        """Articles that tell a version other than the one the newsroom verified."""
        if self.claim.verified is None:
            return ()
        return tuple(e for e in self.mentioning if e.version not in (None, self.claim.verified))

    @property
    def has_finding(self) -> bool:
        return self.status == DISAGREEMENT or bool(self.off_verified)

    @property
    def blocking(self) -> bool:
        if self.claim.severity != "error" or self.review is not None:
            return False
        return self.status == DISAGREEMENT or bool(self.off_verified)


def version_differences(mentioning: tuple[Evidence, ...]) -> list[Difference]:
    """One difference per pair of articles that tell different versions, in article order."""
    told = [e for e in mentioning if e.version is not None]
    out = []
    for i, left in enumerate(told):
        for right in told[i + 1:]:
            if left.version != right.version:
                out.append(Difference("version", left, right,
                                      f"{left.article} tells '{left.version}', {right.article} tells '{right.version}'"))
    return out


def decide(claim: Claim, evidence: list[Evidence], extra: list[Difference] = ()) -> ClaimResult:
    """The contract's status for one claim: unmentioned, single-source, consistent or disagreement.

    `extra` holds differences found by a model stage (NLI) for pairs of mentioning articles."""
    evidence = tuple(sorted(evidence, key=attrgetter("article")))
    mentioning = tuple(e for e in evidence if e.mentioned)
    internal = tuple(d for e in mentioning if e.also for d in internal_differences(e))  # few have a second place
    if len(mentioning) < 2:
        result = ClaimResult(claim, SINGLE_SOURCE if mentioning else UNMENTIONED, evidence, (), internal)
    else:
        found = version_differences(mentioning) + evidence_differences(mentioning) + list(extra)
        result = ClaimResult(claim, DISAGREEMENT if found else CONSISTENT, evidence, tuple(found), internal)
    result.__dict__["mentioning"] = mentioning  # the cached_property, already known: a pass over every article
    return result


def evidence_differences(mentioning: tuple[Evidence, ...]) -> list[Difference]:
    """Figures, negation, modality and attribution compared for pairs of articles.

    Articles whose evidence reads the same are compared once, through the first of them;
    each other telling is compared with the first MAX_REFERENCES tellings before it, and
    at most MAX_DIFFERENCES are collected: a claim told by thousands of articles of an
    archive would otherwise cost a comparison per pair and a report nobody can read.
    """
    seen: set[tuple[str, str, str]] = set()
    distinct: list[Evidence] = []
    found: list[Difference] = []
    for right in mentioning:
        telling = (right.focus_text, right.context_text, right.lang)
        if telling in seen:
            continue
        seen.add(telling)
        for left in distinct[:MAX_REFERENCES]:
            found += compare(left, right)
            if len(found) >= MAX_DIFFERENCES:
                return found[:MAX_DIFFERENCES]
        distinct.append(right)
    return found
