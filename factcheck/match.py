"""Pure matching: claim and version vectors x sentence vectors -> the evidence each article gives for each claim."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from factcheck.articles import Article, Sentence
from factcheck.calibration import Calibration
from factcheck.claims import Claim

CONTEXT = 1  # sentences on each side of the evidence that can carry a version (e.g. "Selon X, ...")
BACKGROUND_PERCENTILE = 90


@dataclass(frozen=True)
class Unit:
    """A sentence, or two adjacent sentences, of one article: the span evidence can quote."""

    first: int
    last: int


@dataclass(frozen=True)
class Evidence:
    claim: str
    article: str
    mentioned: bool
    score: float
    probability: float
    sentences: tuple[Sentence, ...]
    version: str | None = None
    version_scores: tuple[tuple[str, float], ...] = ()

    @property
    def line(self) -> int:
        return self.sentences[0].line

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


@dataclass(frozen=True)
class ClaimVectors:
    """Rows of one claim in the query matrix: row 0 is the claim text, then one row per version."""

    claim: Claim
    rows: np.ndarray


def units_for(paragraphs: list[int]) -> list[Unit]:
    """Every sentence, then every adjacent pair within one paragraph, so a claim split
    across two sentences still matches; a headline is never glued to the text below it."""
    n = len(paragraphs)
    singles = [Unit(i, i) for i in range(n)]
    pairs = [Unit(i, i + 1) for i in range(n - 1) if paragraphs[i] == paragraphs[i + 1]]
    return singles + pairs


def unit_vectors(sentence_vectors: np.ndarray, units: list[Unit]) -> np.ndarray:
    """One row per unit: a sentence's own vector, or the normalised mean of a pair's two vectors."""
    vectors = sentence_vectors[[u.first for u in units]] + sentence_vectors[[u.last for u in units]]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms == 0, 1, norms)).astype(np.float32)


def match_features(unit_scores: np.ndarray, units: list[Unit], n_sentences: int) -> tuple[float, float, int]:
    """(best score, contrast, best unit) for one claim in one article.

    Contrast is the best score minus what the claim scores against the rest of the
    article (the 90th percentile of sentences outside the evidence and its neighbours).
    It removes the part of the score that comes from sharing the article's topic and
    language, which is why one absolute cosine threshold fails.
    """
    best_unit = int(np.argmax(unit_scores))
    best, unit = float(unit_scores[best_unit]), units[best_unit]
    singles = unit_scores[:n_sentences]  # units_for puts the single sentences first
    background = np.concatenate([singles[: max(unit.first - CONTEXT, 0)], singles[unit.last + CONTEXT + 1:]])
    baseline = float(np.percentile(background, BACKGROUND_PERCENTILE)) if background.size else 0.0
    return best, best - baseline, best_unit


def match_article(claims: list[ClaimVectors], article: Article, sentence_vectors: np.ndarray,
                  calibration: Calibration) -> list[Evidence]:
    """Evidence for each claim in one article, in the order of `claims`."""
    units = units_for([s.line for s in article.sentences])
    vectors = unit_vectors(sentence_vectors, units)
    out = []
    for cv in claims:
        scores = cv.rows @ vectors.T  # (texts of the claim, units)
        best, contrast, best_unit = match_features(scores.max(axis=0), units, len(article.sentences))
        probability = calibration.probability(best, contrast)
        unit = units[best_unit]
        evidence = Evidence(cv.claim.id, article.id, probability >= calibration.threshold,
                            round(best, 4), round(probability, 4),
                            article.sentences[unit.first: unit.last + 1])
        if evidence.mentioned and cv.claim.versions:
            evidence = _with_version(evidence, cv, scores[1:], units, unit)
        out.append(evidence)
    return out


def _with_version(evidence: Evidence, cv: ClaimVectors, version_scores: np.ndarray,
                  units: list[Unit], unit: Unit) -> Evidence:
    """Pick the version told in the evidence or the sentences around it."""
    window = [k for k, u in enumerate(units) if u.first >= unit.first - CONTEXT and u.last <= unit.last + CONTEXT]
    per_version = version_scores[:, window].max(axis=1)
    ids = cv.claim.version_ids
    ranked = tuple((vid, round(float(s), 4)) for vid, s in zip(ids, per_version))
    return Evidence(**{**evidence.__dict__, "version": ids[int(np.argmax(per_version))],
                       "version_scores": ranked})
