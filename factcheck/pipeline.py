"""Pure orchestration: claims + articles + an embedder -> Report. No printing, no files."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

import numpy as np

from factcheck.articles import Article
from factcheck.calibration import Calibration
from factcheck.claims import ClaimSet
from factcheck.embed import PASSAGE, QUERY, Embedder
from factcheck.match import ClaimMatrix, Evidence, match_article
from factcheck.problems import Problem
from factcheck.compare import Difference
from factcheck.verdict import ClaimResult, decide

Progress = Callable[[Iterable, str, int], Iterable]
CHUNK_SENTENCES = 20_000  # about 40 MB of USE vectors at a time


def no_progress(items: Iterable, label: str, total: int) -> Iterable:
    return items


@dataclass(frozen=True)
class Settings:
    model: str
    claims_file: str
    calibration: Calibration
    min_severity: str = "warning"  # findings of claims below it are left out of the findings formats


@dataclass(frozen=True)
class Report:
    results: tuple[ClaimResult, ...]
    articles: tuple[Article, ...]
    settings: Settings
    problems: tuple[Problem, ...] = field(default=())

    @property
    def blocking(self) -> tuple[ClaimResult, ...]:
        return tuple(r for r in self.results if r.blocking)


def encode_batched(embedder: Embedder, texts: list[str], kind: str) -> np.ndarray:
    """Encode each distinct text once, in the embedder's batch size."""
    unique = list(dict.fromkeys(texts))
    size = getattr(embedder, "batch_size", 64)
    parts = [embedder.encode(unique[i: i + size], kind) for i in range(0, len(unique), size)]
    if not parts:
        return np.zeros((0, 1), dtype=np.float32)
    vectors = np.vstack(parts)
    index = {text: i for i, text in enumerate(unique)}
    return vectors[[index[t] for t in texts]]


def check(claim_set: ClaimSet, articles: list[Article], embedder: Embedder, settings: Settings,
          progress: Progress = no_progress, problems: tuple[Problem, ...] = (), nli=None) -> Report:
    """Run matching and verdicts for every claim over every article in its scope.

    Articles are embedded and matched a chunk at a time, so memory stays bounded by
    CHUNK_SENTENCES whatever the size of the archive.
    """
    claims = list(claim_set.claims)
    texts = [t for c in claims for t in (c.text, *(v for _, v in c.versions))]
    matrix = ClaimMatrix.build(claims, encode_batched(embedder, texts, QUERY))
    scoped = _ScopedMatrices(claim_set, matrix)
    evidence: dict[str, list[Evidence]] = {c.id: [] for c in claims}
    chunks = _chunks(articles)
    for chunk in progress(chunks, "checking articles", len(chunks)):
        vectors = encode_batched(embedder, [s.text for a in chunk for s in a.sentences], PASSAGE)
        start = 0
        for article in chunk:
            end = start + len(article.sentences)
            for found in match_article(scoped.for_article(article.id), article, vectors[start:end],
                                       settings.calibration):
                evidence[found.claim].append(found)
            start = end
    contradictions = nli_differences(nli, evidence) if nli is not None else {}
    results = tuple(decide(c, evidence[c.id], contradictions.get(c.id, [])) for c in claims)
    return Report(results, tuple(articles), settings, problems)


def nli_differences(nli, evidence: dict[str, list[Evidence]]) -> dict[str, list[Difference]]:
    """Contradiction differences for every pair of articles that mention a claim, scored in one batch."""
    pairs = [(claim_id, left, right) for claim_id, found in evidence.items()
             for left, right in _mentioning_pairs(found)]
    scores = nli.contradiction([(left.text, right.text) for _, left, right in pairs])
    out: dict[str, list[Difference]] = {}
    for (claim_id, left, right), score in zip(pairs, scores):
        if score >= nli.threshold:
            out.setdefault(claim_id, []).append(Difference(
                "contradiction", left, right, f"NLI: {left.article} and {right.article} contradict (p={score:.2f})"))
    return out


def _mentioning_pairs(found: list[Evidence]) -> list[tuple[Evidence, Evidence]]:
    mentioning = sorted((e for e in found if e.mentioned), key=lambda e: e.article)
    return [(left, right) for i, left in enumerate(mentioning) for right in mentioning[i + 1:]]


def _chunks(articles: list[Article]) -> list[list[Article]]:
    chunks, current, size = [], [], 0
    for article in articles:
        current.append(article)
        size += len(article.sentences)
        if size >= CHUNK_SENTENCES:
            chunks.append(current)
            current, size = [], 0
    return chunks + [current] if current else chunks


class _ScopedMatrices:
    """The claim matrix restricted to the claims whose story covers an article, built once per scope."""

    def __init__(self, claim_set: ClaimSet, matrix: ClaimMatrix):
        self._claim_set, self._matrix, self._built = claim_set, matrix, {}

    def for_article(self, article_id: str) -> ClaimMatrix:
        keep = tuple(k for k, c in enumerate(self._matrix.claims) if self._claim_set.checks(c, article_id))
        if keep not in self._built:
            self._built[keep] = self._matrix.subset(list(keep))
        return self._built[keep]
