"""Pure matching: claim and version vectors x sentence vectors -> the evidence each article gives for each claim."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from factcheck.articles import Article
from factcheck.calibration import Calibration
from factcheck.claims import Claim
from factcheck.evidence import ArticleMatch, Evidence, build_evidence

CONTEXT = 1  # sentences on each side of the evidence that can carry a version (e.g. "Selon X, ...")
BACKGROUND_PERCENTILE = 90
SAME_CLAIM = 0.8  # claims this close say the same thing: they do not explain each other's evidence away


@dataclass(frozen=True)
class Unit:
    """A sentence, or two adjacent sentences, of one article: the span evidence can quote."""

    first: int
    last: int


@dataclass(frozen=True)
class ClaimMatrix:
    """All claims' query rows stacked: claim k owns rows offsets[k]:offsets[k+1], its text first, then its versions."""

    claims: tuple[Claim, ...]
    rows: np.ndarray
    offsets: np.ndarray
    similarity: np.ndarray  # claim text x claim text cosines

    @classmethod
    def build(cls, claims: list[Claim], rows: np.ndarray) -> "ClaimMatrix":
        offsets = np.cumsum([0] + [1 + len(c.versions) for c in claims])
        heads = rows[offsets[:-1]] if len(claims) else rows[:0]
        return cls(tuple(claims), rows, offsets, heads @ heads.T)

    def subset(self, keep: list[int]) -> "ClaimMatrix":
        parts = [self.rows[self.offsets[k]: self.offsets[k + 1]] for k in keep]
        rows = np.vstack(parts) if parts else self.rows[:0]
        return ClaimMatrix.build([self.claims[k] for k in keep], rows)


def unit_spans(paragraphs: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Every sentence, then every adjacent pair within one paragraph, so a claim split
    across two sentences still matches; a headline is never glued to the text below it.
    As two arrays, each unit's first and last sentence: matching reads them for every article."""
    paragraph = np.asarray(paragraphs)
    singles = np.arange(len(paragraph))
    pairs = np.flatnonzero(paragraph[:-1] == paragraph[1:]) if len(paragraph) > 1 else singles[:0]
    return np.concatenate([singles, pairs]), np.concatenate([singles, pairs + 1])


def units_for(paragraphs: list[int]) -> list[Unit]:
    """unit_spans as Units."""
    firsts, lasts = unit_spans(paragraphs)
    return [Unit(first, last) for first, last in zip(firsts.tolist(), lasts.tolist())]


def unit_vectors(sentence_vectors: np.ndarray, firsts: np.ndarray, lasts: np.ndarray) -> np.ndarray:
    """One row per unit: a sentence's own vector, or the normalised mean of a pair's two vectors."""
    vectors = sentence_vectors[firsts] + sentence_vectors[lasts]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms == 0, 1, norms)).astype(np.float32)


def article_features(claim_scores: np.ndarray, firsts: np.ndarray, lasts: np.ndarray, n_sentences: int,
                     chosen=None):
    """Per claim (rows of claim_scores, over units): best score, contrast and best unit, as arrays.
    `chosen` (one unit index per row) scores those units instead of each row's best.

    Contrast is the best score minus what the claim scores against the rest of the
    article (the 90th percentile of sentences outside the evidence and its neighbours).
    It removes the part of the score that comes from sharing the article's topic and
    language, which is why one absolute cosine threshold fails.
    """
    best_unit = claim_scores.argmax(axis=1) if chosen is None else np.asarray(chosen)
    best = claim_scores[np.arange(len(claim_scores)), best_unit]
    position = np.arange(n_sentences)
    in_window = (position >= firsts[best_unit, None] - CONTEXT) & (position <= lasts[best_unit, None] + CONTEXT)
    background = np.where(in_window, -np.inf, claim_scores[:, :n_sentences])  # unit_spans puts singles first
    baseline = row_percentile(background, (~in_window).sum(axis=1), BACKGROUND_PERCENTILE)
    return best, best - baseline, best_unit


def row_percentile(values: np.ndarray, valid: np.ndarray, q: float) -> np.ndarray:
    """Per-row q-th percentile (linear, as numpy's default) of the `valid` finite values of each row;
    excluded cells hold -inf. 0 for a row with none. One sort instead of np.nanpercentile's row loop."""
    ordered = np.sort(values, axis=1)
    n = values.shape[1]
    position = (np.maximum(valid, 1) - 1) * (q / 100.0) + (n - valid)
    low = np.clip(np.floor(position).astype(int), 0, n - 1)
    high = np.clip(low + 1, 0, n - 1)
    weight = position - np.floor(position)
    low_v = np.take_along_axis(ordered, low[:, None], axis=1)[:, 0]
    high_v = np.take_along_axis(ordered, high[:, None], axis=1)[:, 0]
    high_v = np.where(np.isfinite(high_v), high_v, low_v)
    with np.errstate(invalid="ignore"):  # rows with no valid value are -inf - -inf, replaced below
        return np.where(valid > 0, low_v + weight * (high_v - low_v), 0.0)


def rivalled_scores(claim_scores: np.ndarray, chosen: np.ndarray, similarity: np.ndarray,
                    rival_scores: np.ndarray | None = None) -> np.ndarray:
    """Per claim, its score at its chosen unit once the claims that match that unit better are taken
    into account: the lowest partial correlation of unit and claim given one such rival, capped at the score.

    A headline "officials mine crypto on work computers" scores 0.48 against "a hacker stole bitcoin",
    but 0.62 against another claim, "employees mined crypto on state computers", which shares half
    its meaning with the first: given that claim, little of the 0.48 is left. Only claims that match
    the unit better are rivals, so a sentence that states two related claims keeps both; claims that
    say the same thing (SAME_CLAIM) are not rivals. Without rivals this is just the score.
    Rivals score by their text alone (`rival_scores`, rows as in claim_scores), the text that
    `similarity` compares; a claim's own score may come from one of its versions.
    """
    k = len(claim_scores)
    own = claim_scores[np.arange(k), chosen]
    other = (claim_scores if rival_scores is None else rival_scores)[:, chosen]  # [j, i]: claim j at i's unit
    return rivalled(own, other, similarity.T, ~np.eye(k, dtype=bool))


def rivalled(own: np.ndarray, other: np.ndarray, similarity: np.ndarray, may_rival: np.ndarray) -> np.ndarray:
    """rivalled_scores for any queries: `own` (Q) each query's score at its unit, `other` (K x Q) the
    claims' text scores at that unit, `similarity` (K x Q) of claims and queries, `may_rival` (K x Q)."""
    denominator = np.sqrt(np.clip((1 - other ** 2) * (1 - similarity ** 2), 1e-6, None))
    partial = (own[None, :] - other * similarity) / denominator
    rival = (similarity < SAME_CLAIM) & (other > own[None, :]) & may_rival
    return np.minimum(own, np.where(rival, partial, np.inf).min(axis=0, initial=np.inf))


def match_features(unit_scores: np.ndarray, units: list[Unit], n_sentences: int) -> tuple[float, float, int]:
    """article_features for a single claim."""
    firsts, lasts = np.array([u.first for u in units]), np.array([u.last for u in units])
    best, contrast, best_unit = article_features(unit_scores[None, :], firsts, lasts, n_sentences)
    return float(best[0]), float(contrast[0]), int(best_unit[0])


def match_article(claims: ClaimMatrix, article: Article, sentence_vectors: np.ndarray,
                  calibration: Calibration) -> list[Evidence]:
    """Evidence for each claim of `claims` in one article, in claim order."""
    return build_evidence(match_numbers(claims, article, sentence_vectors, calibration), claims.claims, article)


def match_numbers(claims: ClaimMatrix, article: Article, sentence_vectors: np.ndarray,
                  calibration: Calibration) -> ArticleMatch:
    """What matching decides for each claim of `claims` in one article: one matrix product for all."""
    scored = score_article(claims, article, sentence_vectors)
    chosen = scored.claim_scores.argmax(axis=1)
    return numbers_at(claims, scored, chosen, probabilities_at(claims, scored, chosen, calibration), calibration)


@dataclass(frozen=True)
class ScoredArticle:
    """One article's units scored against a claim matrix: every claim and version row (`scores`), per claim
    its best row (`claim_scores`) and its text's row (`text_scores`); `firsts`/`lasts` index the units' sentences."""

    firsts: np.ndarray
    lasts: np.ndarray
    n_sentences: int
    scores: np.ndarray
    claim_scores: np.ndarray
    text_scores: np.ndarray


def score_article(claims: ClaimMatrix, article: Article, sentence_vectors: np.ndarray) -> ScoredArticle:
    firsts, lasts = unit_spans([s.line for s in article.sentences])
    vectors = unit_vectors(sentence_vectors, firsts, lasts)
    scores = claims.rows @ vectors.T
    return ScoredArticle(firsts, lasts, len(article.sentences), scores,
                         np.maximum.reduceat(scores, claims.offsets[:-1], axis=0),
                         scores[claims.offsets[:-1]])


def probabilities_at(claims: ClaimMatrix, scored: ScoredArticle, chosen: np.ndarray,
                     calibration: Calibration) -> np.ndarray:
    """Per claim, p(the article states it) if its evidence were its `chosen` unit."""
    best, contrast, _ = article_features(scored.claim_scores, scored.firsts, scored.lasts, scored.n_sentences, chosen)
    rivalled = rivalled_scores(scored.claim_scores, chosen, claims.similarity, scored.text_scores)
    return calibration.probabilities(best, contrast, rivalled)


def numbers_at(claims: ClaimMatrix, scored: ScoredArticle, chosen: np.ndarray, probability: np.ndarray,
               calibration: Calibration) -> ArticleMatch:
    """The ArticleMatch of claims whose evidence is their `chosen` unit, decided with `probability`."""
    claim_scores = scored.claim_scores
    k = np.arange(len(claims.claims))
    mentioned = probability >= calibration.threshold
    second = second_places(scored, chosen, calibration,
                           lambda at: rivalled_scores(claim_scores, at, claims.similarity, scored.text_scores))
    first, last = scored.firsts[chosen], scored.lasts[chosen]
    focus = claim_scores[k, last] > claim_scores[k, first]
    version = np.full(len(k), -1)
    told = []
    for i in np.flatnonzero(mentioned & (np.diff(claims.offsets) > 1)):
        per_version = _version_scores(scored.scores[claims.offsets[i] + 1: claims.offsets[i + 1]],
                                      scored, first[i], last[i])
        version[i] = int(np.argmax(per_version))
        told.append(np.round(per_version.astype(np.float64), 4))
    best = claim_scores[k, chosen]
    ints = np.column_stack([mentioned, first, last, focus, np.where(mentioned, second, -1), version]).astype(np.int32)
    floats = np.round(np.column_stack([best, probability]).astype(np.float64), 4)
    return ArticleMatch(ints, floats, np.concatenate(told) if told else np.zeros(0))


def second_places(scored: "ScoredArticle", best_unit: np.ndarray, calibration: Calibration,
                  rivalled_at: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """Per claim, the best single sentence outside its evidence window if that sentence states the
    claim too (by the same decision), else -1. All claims of the article at once."""
    claim_scores, n_sentences = scored.claim_scores, scored.n_sentences
    firsts = scored.firsts[best_unit] - CONTEXT
    lasts = scored.lasts[best_unit] + CONTEXT
    position = np.arange(n_sentences)
    outside = (position < firsts[:, None]) | (position > lasts[:, None])
    candidates = np.where(outside, claim_scores[:, :n_sentences], -np.inf)
    second = candidates.argmax(axis=1)
    best, contrast, _ = article_features(claim_scores, scored.firsts, scored.lasts, n_sentences, chosen=second)
    rivalled = rivalled_at(second)
    states = outside.any(axis=1) & (calibration.probabilities(best, contrast, rivalled) >= calibration.threshold)
    return np.where(states, second, -1)


def _version_scores(version_scores: np.ndarray, scored: ScoredArticle, first: int, last: int) -> np.ndarray:
    """Each version's best score in the evidence or the sentences around it."""
    window = (scored.firsts >= first - CONTEXT) & (scored.lasts <= last + CONTEXT)
    return version_scores[:, window].max(axis=1)
