"""Pure verdicts: per-claim status from the evidence of every checked article, and which findings block."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.claims import Claim
from factcheck.match import Evidence

UNMENTIONED, SINGLE_SOURCE, CONSISTENT, DISAGREEMENT = "unmentioned", "single-source", "consistent", "disagreement"


@dataclass(frozen=True)
class Difference:
    """Two articles (or two places in one) that tell a checkable fact differently."""

    kind: str  # version, number, negation, attribution, internal
    left: Evidence
    right: Evidence
    explanation: str

    def to_dict(self) -> dict:
        return {"kind": self.kind, "explanation": self.explanation,
                "left": _side(self.left), "right": _side(self.right)}


def _side(evidence: Evidence) -> dict:
    return {"article": evidence.article, "line": evidence.line, "version": evidence.version,
            "evidence": evidence.text}


@dataclass(frozen=True)
class ClaimResult:
    claim: Claim
    status: str
    evidence: tuple[Evidence, ...]
    differences: tuple[Difference, ...] = ()

    @property
    def mentioning(self) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if e.mentioned)

    @property
    def off_verified(self) -> tuple[Evidence, ...]:
        """Articles that tell a version other than the one the newsroom verified."""
        if self.claim.verified is None:
            return ()
        return tuple(e for e in self.mentioning if e.version not in (None, self.claim.verified))

    @property
    def blocking(self) -> bool:
        if self.claim.severity != "error":
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


def decide(claim: Claim, evidence: list[Evidence], differences: list[Difference] = ()) -> ClaimResult:
    """The contract's status for one claim: unmentioned, single-source, consistent or disagreement."""
    evidence = tuple(sorted(evidence, key=lambda e: e.article))
    mentioning = tuple(e for e in evidence if e.mentioned)
    found = version_differences(mentioning) + list(differences)
    if not mentioning:
        status = UNMENTIONED
    elif len(mentioning) == 1:
        status = SINGLE_SOURCE
    else:
        status = DISAGREEMENT if found else CONSISTENT
    return ClaimResult(claim, status, evidence, tuple(found) if len(mentioning) > 1 else ())
