"""Pure orchestration: claims + articles + an embedder -> Report. No printing, no files."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

import numpy as np

from factcheck.articles import Article
from factcheck.calibration import Calibration
from factcheck.claims import ClaimSet
from factcheck.embed import PASSAGE, QUERY, Embedder
from factcheck.match import ClaimVectors, match_article
from factcheck.problems import Problem
from factcheck.verdict import ClaimResult, decide

Progress = Callable[[Iterable, str, int], Iterable]


def no_progress(items: Iterable, label: str, total: int) -> Iterable:
    return items


@dataclass(frozen=True)
class Settings:
    model: str
    claims_file: str
    calibration: Calibration


@dataclass(frozen=True)
class Report:
    results: tuple[ClaimResult, ...]
    articles: tuple[Article, ...]
    settings: Settings
    problems: tuple[Problem, ...] = field(default=())

    @property
    def blocking(self) -> tuple[ClaimResult, ...]:
        return tuple(r for r in self.results if r.blocking)


def encode_batched(embedder: Embedder, texts: list[str], kind: str, progress: Progress = no_progress,
                   label: str = "embedding") -> np.ndarray:
    """Encode in the backend's batch size, reporting progress per batch."""
    size = getattr(embedder, "batch_size", 64)
    batches = [texts[i: i + size] for i in range(0, len(texts), size)]
    parts = [embedder.encode(batch, kind) for batch in progress(batches, label, len(batches))]
    return np.vstack(parts) if parts else np.zeros((0, 1), dtype=np.float32)


def check(claim_set: ClaimSet, articles: list[Article], embedder: Embedder, settings: Settings,
          progress: Progress = no_progress, problems: tuple[Problem, ...] = ()) -> Report:
    """Run matching and verdicts for every claim over every article in its scope."""
    claims = list(claim_set.claims)
    queries = [[c.text, *(t for _, t in c.versions)] for c in claims]
    flat = encode_batched(embedder, [t for q in queries for t in q], QUERY, progress, "embedding claims")
    offsets = np.cumsum([0] + [len(q) for q in queries])
    claim_vectors = [ClaimVectors(c, flat[offsets[i]: offsets[i + 1]]) for i, c in enumerate(claims)]
    sentences = [s.text for a in articles for s in a.sentences]
    sentence_vectors = encode_batched(embedder, sentences, PASSAGE, progress, "embedding sentences")
    evidence: dict[str, list] = {c.id: [] for c in claims}
    start = 0
    for article in progress(articles, "matching", len(articles)):
        vectors = sentence_vectors[start: start + len(article.sentences)]
        start += len(article.sentences)
        in_scope = [cv for cv in claim_vectors if claim_set.checks(cv.claim, article.id)]
        for found in match_article(in_scope, article, vectors, settings.calibration):
            evidence[found.claim].append(found)
    results = tuple(decide(c, evidence[c.id]) for c in claims)
    return Report(results, tuple(articles), settings, problems)
