"""The frozen records every layer shares: claims, articles, evidence, differences, results, reviews, reports."""

from __future__ import annotations

import fnmatch
import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from factcheck.models.calibration import Calibration

UNMENTIONED, SINGLE_SOURCE, CONSISTENT, DISAGREEMENT = "unmentioned", "single-source", "consistent", "disagreement"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input, where it is: `file:line: where: message`."""

    file: str
    line: int | None
    where: str | None
    message: str

    def __str__(self) -> str:
        place = self.file if self.line is None else f"{self.file}:{self.line}"
        key = f" {self.where}:" if self.where else ""
        return f"{place}:{key} {self.message}"


class ProblemsError(Exception):
    """Input that cannot be used; `problems` lists every reason, in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0))
        super().__init__("\n".join(map(str, self.problems)))


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    story: str | None = None
    versions: tuple[tuple[str, str], ...] = ()
    verified: str | None = None
    severity: str = "error"
    line: int = 0

    @property
    def version_ids(self) -> tuple[str, ...]:
        return tuple(vid for vid, _ in self.versions)

    @property
    def assertion(self) -> str | None:
        """What the claim itself asserts: its verified version, else its text when it has no versions. A claim
        with versions and none verified asserts nothing: it only asks which one each article tells."""
        if self.verified is not None:
            return dict(self.versions)[self.verified]
        return None if self.versions else self.text


@dataclass(frozen=True)
class ClaimSet:
    claims: tuple[Claim, ...]
    stories: tuple[tuple[str, tuple[str, ...]], ...] = ()
    model: str | None = None
    path: str = "claims.yaml"
    nli: str | None = None  # an NLI cross-encoder for the optional contradiction stage
    glob_lines: tuple[tuple[str, str, int], ...] = ()  # (story, pattern, line): where each glob is written

    def glob_line(self, story: str, pattern: str) -> int | None:
        return next((line for s, p, line in self.glob_lines if (s, p) == (story, pattern)), None)

    def story_patterns(self, story: str) -> tuple[str, ...]:
        return dict(self.stories).get(story, ())

    def checks(self, claim: Claim, article_id: str) -> bool:
        """Whether `article_id` is in scope for `claim` (its story, or all)."""
        if claim.story is None:
            return True
        return any(fnmatch.fnmatchcase(article_id, p) for p in self.story_patterns(claim.story))


class Sentence(NamedTuple):
    """One sentence of an article, at its 1-based line. A NamedTuple: immutable and light (an archive run
    builds half a million)."""

    article: str
    line: int
    text: str
    lang: str


@dataclass(frozen=True)
class Article:
    id: str
    path: str
    lang: str
    sentences: tuple[Sentence, ...]
    dropped_lines: tuple[tuple[int, str], ...] = ()
    encoding: str = "utf-8"


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
class Settings:
    """What a run's results depend on besides claims and articles; the key of everything stored for it."""

    model: str
    claims_file: str
    calibration: Calibration
    min_severity: str = "warning"  # findings of claims below it are left out of the findings formats
    code: str = ""  # a digest of the code that matches and decides (app.py): a new version matches again

    def match_key(self) -> bytes:
        """What a stored match depends on besides the claims and the sentences, as one key (as black's
        Mode.get_cache_key): the model, the calibration and the code. min_severity is not in it: it only
        filters what reports show."""
        text = json.dumps([self.model, self.calibration.to_dict(), self.code], sort_keys=True, default=str)
        return hashlib.blake2b(text.encode("utf-8"), digest_size=20).digest()


@dataclass(frozen=True)
class RunInfo:
    """Where a run's per-article work was done (report.json's `run`): engine 'local' or 'dask', how many
    workers, which model. Nothing a run decides depends on it."""

    engine: str
    workers: int
    model: str

    def to_dict(self) -> dict:
        return {"engine": self.engine, "workers": self.workers, "model": self.model}


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
