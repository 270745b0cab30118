"""Pure helpers for curators: the best-matching sentences of a claim in each article, and suggested stories."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from factcheck.core.decide import first_look
from factcheck.core.features import features_at
from factcheck.core.match import ClaimRows, Scored, score
from factcheck.core.veto import refused, second_look
from factcheck.models.calibration import Calibration
from factcheck.records import Article, Claim


@dataclass(frozen=True)
class Candidate:
    article: str
    rank: int
    line: int
    score: float
    probability: float
    text: str
    veto: float | None = None  # the veto's probability, where it looks at this unit again (core/veto.py)


def explain_claim(
    claims: ClaimRows, claim_id: str, scored: Scored, calibration: Calibration, top: int
) -> list[Candidate]:
    """The `top` best units of one article (`scored` against `claims`, the claims that check it) for one claim,
    each with the decision `run` would make if it were the evidence: the veto's too, for a claim checked
    everywhere (its words must be in `scored`)."""
    k = [c.id for c in claims.claims].index(claim_id)
    article = scored.article
    out = []
    for rank, index in enumerate(np.argsort(-scored.claims[k], kind="stable")[:top], 1):
        unit = np.full(len(claims.claims), index)
        features = features_at(claims, scored, unit, scored.claims[np.arange(len(unit)), unit], np.array([k]))
        first = calibration.probabilities(features, claims.in_story)
        likely = second_look(first, features, claims.in_story, calibration)
        probability, veto = refused(first, likely, calibration)[k], likely[k]
        out.append(
            Candidate(
                article.id,
                rank,
                article.sentences[int(scored.units.first[index])].line,
                round(float(scored.claims[k, index]), 3),
                round(float(probability), 3),
                scored.unit_text(int(index)),
                None if np.isnan(veto) else round(float(veto), 3),
            )
        )
    return out


def shared_statements(articles: list[Article], vectors: list[np.ndarray], calibration: Calibration) -> np.ndarray:
    """[i, j]: the share of article i's sentences that article j states, by the same calibrated decision
    as for claims (each sentence a claim checked everywhere), averaged with [j, i]. Mean sentence vectors
    do not separate stories: a Turkish telling of a story sits farther from its French telling than a
    French article on another story."""
    n = len(articles)
    shared = np.zeros((n, n))
    for i, source in enumerate(articles):
        claims = [Claim(f"s{k}", s.text) for k, s in enumerate(source.sentences)]
        rows = ClaimRows.build(claims, vectors[i], vectors[i][:0], [s.lang for s in source.sentences])
        for j, article in enumerate(articles):
            if i != j:
                look = first_look(rows, score(rows, article, vectors[j]), calibration)
                shared[i, j] = float(np.mean(look.probability >= calibration.thresholds(rows.in_story)))
    return (shared + shared.T) / 2


def suggest_stories(article_ids: list[str], shared: np.ndarray, min_shared: float) -> list[list[str]]:
    """Group articles that state enough of each other (agglomerative clustering, average link).

    Returns groups of two or more articles, largest first; single articles are left out."""
    if len(article_ids) < 2:
        return []
    from sklearn.cluster import AgglomerativeClustering

    distance = 1.0 - shared
    np.fill_diagonal(distance, 0.0)
    labels = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1.0 - min_shared
    ).fit_predict(distance)
    groups: dict[int, list[str]] = {}
    for article_id, label in zip(article_ids, labels):
        groups.setdefault(int(label), []).append(article_id)
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: (-len(g), g))
