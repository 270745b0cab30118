"""Pure helpers for curators: the best-matching sentences of a claim in each article, and suggested stories."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from factcheck.articles import Article
from factcheck.calibration import Calibration
from factcheck.match import ClaimMatrix, article_features, probabilities_at, score_article, unit_spans, unit_vectors


@dataclass(frozen=True)
class Candidate:
    article: str
    rank: int
    line: int
    score: float
    probability: float
    text: str


def explain_claim(matrix: ClaimMatrix, claim_id: str, article: Article, vectors: np.ndarray,
                  calibration: Calibration, top: int) -> list[Candidate]:
    """The `top` best units of one article for one claim of `matrix` (the claims that check the article),
    each with the decision `run` would make if it were the evidence."""
    k = [c.id for c in matrix.claims].index(claim_id)
    scored = score_article(matrix, article, vectors)
    out = []
    for rank, index in enumerate(np.argsort(-scored.claim_scores[k], kind="stable")[:top], 1):
        probability = probabilities_at(matrix, scored, np.full(len(matrix.claims), index), calibration)[k]
        first, last = int(scored.firsts[index]), int(scored.lasts[index])
        out.append(Candidate(article.id, rank, article.sentences[first].line,
                             round(float(scored.claim_scores[k, index]), 3), round(float(probability), 3),
                             " ".join(s.text for s in article.sentences[first: last + 1])))
    return out


def shared_statements(articles: list[Article], vectors: list[np.ndarray], calibration: Calibration) -> np.ndarray:
    """[i, j]: the share of article i's sentences that article j states, by the same calibrated decision
    as for claims, averaged with [j, i]. Mean sentence vectors do not separate stories: a Turkish telling
    of a story sits farther from its French telling than a French article on another story."""
    n = len(articles)
    shared = np.zeros((n, n))
    for j, article in enumerate(articles):
        firsts, lasts = unit_spans([s.line for s in article.sentences])
        unit_vecs = unit_vectors(vectors[j], firsts, lasts)
        for i in range(n):
            if i != j:
                best, contrast, _ = article_features(vectors[i] @ unit_vecs.T, firsts, lasts,
                                                     len(article.sentences))
                shared[i, j] = float(np.mean(calibration.probabilities(best, contrast) >= calibration.threshold))
    return (shared + shared.T) / 2


def suggest_stories(article_ids: list[str], shared: np.ndarray, min_shared: float) -> list[list[str]]:
    """Group articles that state enough of each other (agglomerative clustering, average link).

    Returns groups of two or more articles, largest first; single articles are left out."""
    if len(article_ids) < 2:
        return []
    from sklearn.cluster import AgglomerativeClustering

    distance = 1.0 - shared
    np.fill_diagonal(distance, 0.0)
    labels = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                     distance_threshold=1.0 - min_shared).fit_predict(distance)
    groups: dict[int, list[str]] = {}
    for article_id, label in zip(article_ids, labels):
        groups.setdefault(int(label), []).append(article_id)
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: (-len(g), g))
