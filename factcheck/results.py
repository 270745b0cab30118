"""The frozen records of what a run finds: evidence, differences, contradictions, reviews, results, the report."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import NamedTuple

from factcheck.records import Article, Claim, Problem, Sentence, Settings

UNMENTIONED, SINGLE_SOURCE, CONSISTENT, DISAGREEMENT = "unmentioned", "single-source", "consistent", "disagreement"


class Evidence(NamedTuple):
    """What one article gives for one claim. A NamedTuple: an archive run makes millions (2 million at 20,000
    articles and 100 claims), which frozen dataclasses make several times slower to build."""

    claim: str
    article: str
    mentioned: bool
    score: float
    probability: float
    sentences: tuple[Sentence, ...]
    version: str | None = None
    version_scores: tuple[tuple[str, float], ...] = ()
    context: tuple[Sentence, ...] = ()  # the sentences before: "Selon X, ..." often sits there
    also: tuple[Sentence, ...] = ()  # a second place in the article that states the claim too
    focus: int = 0  # which of the evidence sentences matches the claim best
    also_version: str | None = None  # the version the second place tells
    told_by: str = ""  # what told `version`: a rule (negation, modality, figure, name) or the scores

    @property
    def focus_text(self) -> str:
        """The one sentence whose figures and negations are compared: in a pair, the other one
        often says something else ("... n'ont pas la moindre idée")."""
        return self.sentences[self.focus].text

    @property
    def line(self) -> int:
        return self.sentences[0].line

    @property
    def lang(self) -> str:
        return self.sentences[0].lang

    @property
    def context_text(self) -> str:
        return " ".join(s.text for s in self.context)

    @property
    def text(self) -> str:
        if len(self.sentences) == 1:
            return self.sentences[0].text
        return " ".join(s.text for s in self.sentences)


@dataclass(frozen=True)
class Difference:
    """Two articles (or two places in one, `internal`) that tell a checkable fact differently."""

    kind: str  # version, number, negation, modality, attribution, entity
    left: Evidence
    right: Evidence
    explanation: str
    internal: bool = False

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "internal": self.internal,
            "explanation": self.explanation,
            "left": _side(self.left, self.internal, 0),
            "right": _side(self.right, self.internal, 1),
        }


@dataclass(frozen=True)
class Contradiction:
    """An article whose evidence contradicts the claim's own assertion."""

    kind: str  # number, negation, attribution
    evidence: Evidence
    assertion: str
    explanation: str

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "internal": False,
            "against_claim": True,
            "explanation": self.explanation,
            "left": {"article": None, "line": None, "version": None, "evidence": self.assertion},
            "right": _side(self.evidence, False, 0),
        }


def _side(evidence: Evidence, internal: bool, which: int) -> dict:
    sentences = evidence.also if internal and which else evidence.sentences
    return {
        "article": evidence.article,
        "line": sentences[0].line,
        "version": evidence.version,
        "evidence": " ".join(s.text for s in sentences),
    }


@dataclass(frozen=True)
class Review:
    """An editor's review of a claim's finding, valid while the evidence has this fingerprint."""

    claim: str
    fingerprint: str
    by: str
    at: str
    note: str = ""

    def to_dict(self) -> dict:
        return {"claim": self.claim, "fingerprint": self.fingerprint, "by": self.by, "at": self.at, "note": self.note}


@dataclass(frozen=True)
class ClaimResult:
    claim: Claim
    status: str
    evidence: tuple[Evidence, ...]
    differences: tuple[Difference, ...] = ()
    internal: tuple[Difference, ...] = ()  # one article stating two figures or versions: reported, never blocking
    review: Review | None = None  # a review of exactly this evidence: it no longer blocks
    contradictions: tuple[Contradiction, ...] = ()  # articles whose evidence contradicts the claim's assertion
    stale_review: Review | None = None  # a review of this claim's earlier evidence: it no longer applies

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
    def contradicting(self) -> frozenset[str]:
        """The articles whose evidence contradicts the claim's own assertion."""
        return frozenset(c.evidence.article for c in self.contradictions)

    @property
    def has_finding(self) -> bool:
        return self.status == DISAGREEMENT or bool(self.off_verified) or bool(self.contradictions)

    @property
    def blocking(self) -> bool:
        return self.claim.severity == "error" and self.review is None and self.has_finding


@dataclass(frozen=True)
class RunInfo:
    """Where a run's per-article work was done (report.json's `run`): engine 'local' or 'dask', how many
    workers, which model. Nothing a run decides depends on it."""

    engine: str
    workers: int
    model: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Marked:
    """An evidence text and the spans of it the comparison reads (figures, negations, speakers, modality)."""

    text: str
    lang: str
    spans: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    results: tuple[ClaimResult, ...]
    articles: tuple[Article, ...]
    settings: Settings
    problems: tuple[Problem, ...] = field(default=())
    marks: tuple[Marked, ...] = ()  # what the HTML report highlights in the evidence of findings
    run: RunInfo | None = None

    @property
    def blocking(self) -> tuple[ClaimResult, ...]:
        return tuple(r for r in self.results if r.blocking)
