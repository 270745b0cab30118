"""Records of `factcheck suggest`: a fact that articles of one story tell differently, with a claim to paste."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Side:
    """One article's telling: where it is and what it says."""

    article: str
    line: int
    text: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class SuggestedClaim:
    """A claims.yaml entry an editor can paste: a neutral text and one version per side."""

    id: str
    text: str
    versions: tuple[tuple[str, str], ...]  # (version id, text), one per side, in the side's own language
    story: str | None

    def to_dict(self) -> dict:
        entry = {"id": self.id, "text": self.text, "versions": dict(self.versions)}
        return {**entry, "story": self.story} if self.story else entry


@dataclass(frozen=True)
class Suggestion:
    story: str | None  # None: the articles were grouped by factcheck, not by a claims file
    kind: str  # number, negation, modality, attribution, entity
    explanation: str
    sides: tuple[Side, ...]
    confidence: float
    claim: SuggestedClaim

    def to_dict(self) -> dict:
        return {
            "story": self.story,
            "kind": self.kind,
            "explanation": self.explanation,
            "confidence": round(self.confidence, 3),
            "sides": [s.to_dict() for s in self.sides],
            "claim": self.claim.to_dict(),
        }
