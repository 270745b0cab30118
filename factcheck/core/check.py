"""One check, pure: claims + articles + an embedder + a store -> Report. No printing, no files of its own."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Protocol

import numpy as np

from factcheck.core.aligned import ALIGNED
from factcheck.core.decide import at_sentences, decide_article
from factcheck.core.drafts import aligned
from factcheck.core.engine import (
    LocalEngine,
    embed_words,
    first_looks_with_clauses,
    scored_with_words,
    with_version_words,
)
from factcheck.core.evidence import ArticleMatch, build_evidence
from factcheck.core.judge import Judgement
from factcheck.core.scope import ScopedClaims, claim_rows
from factcheck.core.veto import with_veto
from factcheck.models.calibration import Calibration
from factcheck.models.embed import PASSAGE, Embedder, encode_batched
from factcheck.records import Article, ClaimSet, Settings
from factcheck.results import ClaimResult, Difference, Evidence, Report, RunInfo

# (items, label, total, weight of an item) -> the items, told as they go by
Progress = Callable[[Iterable, str, int, Callable], Iterable]


class Store(Protocol):
    """Where each article's match is kept between runs, by a key of everything it depends on. The reference
    is store.MemoryStore; store.sqlite.CacheStore keeps them on disk. Nothing a check decides depends on
    what a store keeps: a store that forgets everything gives the same report."""

    def get_matches(self, keys: list[bytes]) -> dict[bytes, bytes]: ...

    def put_matches(self, items: list[tuple[bytes, bytes]]) -> None: ...


class Engine(Protocol):
    """Where the work runs: embedding and matching chunks of articles (LocalEngine here, cluster.DaskEngine on a
    Dask cluster), and the verdicts (on this machine for both: judge.judge_here). Drafts stay here."""

    name: str
    workers: int
    chunk_sentences: int

    def first_looks(
        self, chunks: list[list[Article]], scoped: ScopedClaims, calibration: Calibration
    ) -> Iterator[tuple[list[Article], list[ArticleMatch]]]:
        """Each chunk with its articles' matches, in the order the chunks are done."""
        ...

    def verdicts(self, jobs: list[Judgement]) -> tuple[ClaimResult, ...]:
        """Each claim's verdict, in the order of `jobs`."""
        ...


def no_progress(items: Iterable, label: str, total: int, weight: Callable = len) -> Iterable:
    return items


def check(
    claim_set: ClaimSet,
    articles: list[Article],
    embedder: Embedder,
    settings: Settings,
    store: Store,
    progress: Progress = no_progress,
    nli=None,
    engine: Engine | None = None,
) -> Report:
    """Matching and verdicts for every claim over every article in its scope.

    Articles are embedded and matched a chunk at a time, so memory stays bounded by CHUNK_SENTENCES whatever the
    size of the archive; an article whose sentences and claims in scope are unchanged since the store kept its
    match is neither embedded nor matched again. The claims and the few articles of drafts are embedded here;
    the chunks by `engine` (this machine by default)."""
    engine = engine or LocalEngine(embedder)
    claims = list(claim_set.claims)
    matrix = claim_rows(claims, embedder)
    scoped = ScopedClaims(claim_set, matrix, settings.match_key())
    found = _first_matches(articles, scoped, engine, settings.calibration, store, progress)
    _align_drafts(articles, found, scoped, embedder, settings.calibration)
    evidence: dict[str, list[Evidence]] = {c.id: [] for c in claims}
    scores: dict[float, float] = {}
    for article in articles:
        for one in build_evidence(found.pop(article.id), scoped.for_article(article.id).claims, article, scores):
            evidence[one.claim].append(one)
    contradictions = nli_differences(nli, evidence) if nli is not None else {}
    jobs = [Judgement(c, evidence[c.id], contradictions.get(c.id, []), lang) for c, lang in zip(claims, matrix.langs)]
    results = engine.verdicts(jobs)
    return Report(results, tuple(articles), settings, run=RunInfo(engine.name, engine.workers, settings.model))


def _first_matches(
    articles: list[Article],
    scoped: ScopedClaims,
    engine: Engine,
    calibration: Calibration,
    store: Store,
    progress: Progress,
) -> dict[str, ArticleMatch]:
    """Each article's ArticleMatch: stored ones read back, the others embedded, matched and stored a chunk at a
    time. The new articles of a rerun are thus embedded together, in batches the model can split over its
    workers, wherever they are in the archive."""
    keys = {a.id: scoped.key(a) for a in articles}
    stored = store.get_matches(list(keys.values()))
    found = {}
    for a in articles:
        if keys[a.id] in stored:
            match_ = ArticleMatch.read_back(stored[keys[a.id]], scoped.for_article(a.id).claims, len(a.sentences))
            if match_ is not None:  # else damaged: matched again below, as if it were not stored
                found[a.id] = match_
    todo = [a for a in articles if a.id not in found]
    done = engine.first_looks(_chunks(todo, engine.chunk_sentences), scoped, calibration)
    for chunk, fresh in progress(done, "embedding and matching articles", len(todo), lambda pair: len(pair[0])):
        found.update((a.id, match_) for a, match_ in zip(chunk, fresh))
        store.put_matches([(keys[a.id], match_.to_bytes()) for a, match_ in zip(chunk, fresh)])
    return found


def _align_drafts(
    articles: list[Article],
    found: dict[str, ArticleMatch],
    scoped: ScopedClaims,
    embedder: Embedder,
    calibration: Calibration,
) -> None:
    """Replace in `found` the match of each article that holds a near-duplicate of another draft's telling of
    a story claim (drafts.py). It depends on the other articles, so it is made afresh, never stored."""
    todo = aligned(articles, scoped.for_article, found)
    for article in (a for a in articles if a.id in todo):
        claims = scoped.for_article(article.id)
        vectors = encode_batched(embedder, [s.text for s in article.sentences], PASSAGE)
        (scored,) = scored_with_words([claims], [article], [vectors], embedder, calibration.weighs(ALIGNED))
        # the look of its first decision, clauses too: an article decides each claim alike whether or not a draft
        # of it is aligned
        (look,) = first_looks_with_clauses([(claims, scored)], embedder, calibration)
        look = at_sentences(claims, scored, look, calibration, todo[article.id])
        encode = partial(embed_words, embedder)
        (look,) = with_veto([(claims, scored)], [look], calibration, encode)
        ((_, scored),) = with_version_words([(claims, scored)], [look], calibration, encode)
        stated = np.zeros(len(claims.claims), dtype=bool)
        stated[list(todo[article.id])] = True
        found[article.id] = decide_article(claims, scored, look, calibration, vectors, stated)


def nli_differences(nli, evidence: dict[str, list[Evidence]]) -> dict[str, list[Difference]]:
    """Contradiction differences for every pair of articles that mention a claim, scored in one batch."""
    pairs = [
        (claim_id, left, right) for claim_id, found in evidence.items() for left, right in _mentioning_pairs(found)
    ]
    scores = nli.contradiction([(left.text, right.text) for _, left, right in pairs])
    out: dict[str, list[Difference]] = {}
    for (claim_id, left, right), probability in zip(pairs, scores):
        if probability >= nli.threshold:
            out.setdefault(claim_id, []).append(
                Difference(
                    "contradiction",
                    left,
                    right,
                    f"NLI: {left.article} and {right.article} contradict (p={probability:.2f})",
                )
            )
    return out


def _mentioning_pairs(found: list[Evidence]) -> list[tuple[Evidence, Evidence]]:
    mentioning = sorted((e for e in found if e.mentioned), key=lambda e: e.article)
    return [(left, right) for i, left in enumerate(mentioning) for right in mentioning[i + 1 :]]


def _chunks(articles: list[Article], max_sentences: int) -> list[list[Article]]:
    chunks, current, size = [], [], 0
    for article in articles:
        current.append(article)
        size += len(article.sentences)
        if size >= max_sentences:
            chunks.append(current)
            current, size = [], 0
    return chunks + [current] if current else chunks
