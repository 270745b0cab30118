"""This machine's engine: a chunk's sentences embedded by the embedder's workers, its articles matched in forked
workers (an archive's chunks) or here, and the verdicts (judge.py)."""

from __future__ import annotations

import os
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from functools import partial

import numpy as np

from factcheck.core.aligned import ALIGNED, WordTable
from factcheck.core.decide import clause_candidates, decide_article, first_look, with_clauses
from factcheck.core.evidence import ArticleMatch
from factcheck.core.judge import judge_here
from factcheck.core.known_words import Encode, KnownWords
from factcheck.core.match import ClaimRows, Look, Scored, score
from factcheck.core.scope import ScopedClaims
from factcheck.core.veto import with_veto
from factcheck.models.calibration import Calibration
from factcheck.models.embed import PASSAGE, Embedder, encode_batched
from factcheck.records import Article

# about 10 MB of USE vectors and 7 s of encoding at a time: progress shows in a CI log every few seconds
CHUNK_SENTENCES = 5_000
# a chunk this small is matched as fast here as by forked workers (measured: bench/RESULTS.md)
PARALLEL_SENTENCES = 2_000


class LocalEngine:
    """This machine: a chunk at a time, the embedder spreading each batch over its worker processes; then the
    chunk's articles matched by worker processes forked for them, one per core, where the embedder can encode
    their clauses in such a worker (`forkable()`), else here."""

    name = "local"
    chunk_sentences = CHUNK_SENTENCES

    def __init__(self, embedder: Embedder):
        self.embedder = embedder
        self.workers = os.cpu_count() or 1
        self.words = KnownWords()  # the words' vectors embedded in this run, for `aligned` and the veto

    def first_looks(self, chunks, scoped, calibration):
        for chunk in chunks:
            vectors = _per_article(chunk, encode_batched(self.embedder, _sentences(chunk), PASSAGE))
            matches = self._match_forked(chunk, vectors, scoped, calibration)
            if matches is None:
                words = self.words.encoder(partial(embed_words, self.embedder))
                matches = match_encoded(chunk, vectors, scoped, self.embedder, calibration, words)
                self.words.keep(words.fresh)
            yield chunk, matches

    def verdicts(self, jobs):
        return judge_here(jobs, self.workers)

    def _match_forked(
        self, articles: list[Article], vectors: list[np.ndarray], scoped: ScopedClaims, calibration: Calibration
    ) -> list[ArticleMatch] | None:
        """The chunk's matches made by forked workers, each matching a group of its articles (about equal
        numbers of sentences) and encoding their clauses itself; None where that cannot be done."""
        from factcheck.parallel import balanced, can_fork, fork_map  # process management, only where it is used

        sizes = [len(a.sentences) for a in articles]
        if sum(sizes) < PARALLEL_SENTENCES or self.workers < 2 or not can_fork():
            return None
        local = getattr(self.embedder, "forkable", lambda: None)()
        if local is None:  # a model that cannot encode in a forked process (torch), or none loaded yet
            return None
        groups = balanced(sizes, 2 * self.workers)  # more groups than workers: none waits on one
        task = partial(_match_group, articles, vectors, scoped, local, calibration, self.words)
        try:
            done = fork_map(task, groups, self.workers, by_reference=())
        except (OSError, BrokenProcessPool):  # no memory to fork, or a worker was killed: matched here, then
            return None
        found: dict[int, ArticleMatch] = {}
        for group, one in zip(groups, done):
            found.update(zip(group, one.matches))
            self.words.keep(one.fresh_words)
        return [found[i] for i in range(len(articles))]


@dataclass(frozen=True)
class GroupMatches:
    """What a forked worker sends back: its group's matches, and the vectors of the words it embedded that the
    parent did not know at the fork, for the parent to keep."""

    matches: list[ArticleMatch]
    fresh_words: dict[str, np.ndarray]


def _match_group(
    articles: list[Article],
    vectors: list[np.ndarray],
    scoped: ScopedClaims,
    embedder: Embedder,
    calibration: Calibration,
    known: KnownWords,
    group: list[int],
) -> GroupMatches:
    from threadpoolctl import threadpool_limits

    words = known.encoder(partial(embed_words, embedder))
    # one BLAS thread each: the other core runs the other worker
    with threadpool_limits(1, user_api="blas"):
        mine, my_vectors = [articles[i] for i in group], [vectors[i] for i in group]
        return GroupMatches(match_encoded(mine, my_vectors, scoped, embedder, calibration, words), words.fresh)


def match_chunk(
    articles: list[Article], scoped: ScopedClaims, embedder: Embedder, calibration: Calibration
) -> list[ArticleMatch]:
    """The first look of each article of a chunk: its sentences and its near misses' clauses embedded in one
    batch each, every claim in its scope matched."""
    vectors = encode_batched(embedder, _sentences(articles), PASSAGE)
    return match_encoded(articles, _per_article(articles, vectors), scoped, embedder, calibration)


def match_encoded(
    articles: list[Article],
    vectors: list[np.ndarray],
    scoped: ScopedClaims,
    embedder: Embedder,
    calibration: Calibration,
    encode_words: Encode | None = None,
) -> list[ArticleMatch]:
    """match_chunk for articles whose sentences are embedded, each article's vectors in `vectors`; words embedded
    by `encode_words` (by `embedder` if None)."""
    encode_words = encode_words or partial(embed_words, embedder)
    rows = [scoped.for_article(article.id) for article in articles]
    weighs = calibration.weighs(ALIGNED)
    scored = list(zip(rows, scored_with_words(rows, articles, vectors, embedder, weighs, encode_words=encode_words)))
    looks = first_looks_with_clauses(scored, embedder, calibration)
    looks = with_veto(scored, looks, calibration, encode_words)
    scored = with_version_words(scored, looks, calibration, encode_words)
    return [
        decide_article(claims, one, look, calibration, sentence_vectors)
        for (claims, one), look, sentence_vectors in zip(scored, looks, vectors)
    ]


def scored_with_words(
    rows: list[ClaimRows],
    articles: list[Article],
    vectors: list[np.ndarray],
    embedder: Embedder,
    words: bool,
    every_claim: bool = False,
    encode_words: Encode | None = None,
) -> list[Scored]:
    """Each article scored against its claims; where claims of a story (or any, `every_claim`) check it and
    `words` are asked for (the calibration weighs `aligned`), with the cosines of their words and its words
    (core/aligned.py) and their versions' words (which tell the versions apart), embedded in one batch and
    compared in one product for all the articles."""
    masks = [np.ones(len(claims.claims), dtype=bool) if every_claim else claims.in_story for claims in rows]
    story = [(claims, article, mask) for claims, article, mask in zip(rows, articles, masks) if words and mask.any()]
    table = None
    if story:
        texts = [text for claims, _, mask in story for text in claims.texts_where(mask) if text is not None]
        texts += [pair for claims, _, mask in story for pair in claims.versions_where(mask)]  # to tell versions
        table = WordTable.embedded(texts, [a for _, a, _ in story], encode_words or partial(embed_words, embedder))
    return [
        score(claims, article, sentence_vectors, table if mask.any() else None, mask)
        for claims, article, sentence_vectors, mask in zip(rows, articles, vectors, masks)
    ]


def with_version_words(
    scored: list[tuple[ClaimRows, Scored]], looks: list[Look], calibration: Calibration, encode: Encode
) -> list[tuple[ClaimRows, Scored]]:
    """The scored articles, where one is found to state a claim checked everywhere that has versions, with words
    for it: those versions' words join the table (with its story claims' words, whose cosines stay the same), so
    that its versions are told apart word by word as a story claim's are. Embedded for those articles alone."""
    if not calibration.weighs(ALIGNED):
        return scored
    told = [
        ~claims.in_story & claims.has_versions & (look.probability >= calibration.thresholds(claims.in_story))
        for (claims, _), look in zip(scored, looks)
    ]
    todo = [i for i, mine in enumerate(told) if mine.any()]
    if not todo:
        return scored
    aligned = {i: scored[i][0].texts_where(scored[i][0].in_story) for i in todo}  # as score() aligns them
    texts = [text for i in todo for text in aligned[i] if text is not None]
    texts += [pair for i in todo for pair in scored[i][0].versions_where(scored[i][0].in_story | told[i])]
    table = WordTable.embedded(texts, [scored[i][1].article for i in todo], encode)
    out = list(scored)
    for i in todo:
        out[i] = (scored[i][0], replace(scored[i][1], words=table, aligned_texts=aligned[i]))
    return out


def first_looks_with_clauses(
    scored: list[tuple[ClaimRows, Scored]], embedder: Embedder, calibration: Calibration
) -> list[Look]:
    """Each article's first look, its near misses looked at again at their best clauses: the clauses of all the
    articles embedded in one batch."""
    looks = []
    for claims, one in scored:
        look = first_look(claims, one, calibration)
        looks.append((look, clause_candidates(claims, one, look, calibration)))
    clause_texts = list(dict.fromkeys(t for _, found in looks for pairs in found.values() for _, t in pairs))
    clause_vectors = dict(zip(clause_texts, encode_batched(embedder, clause_texts, PASSAGE))) if clause_texts else {}
    return [
        with_clauses(claims, one, look, calibration, found, clause_vectors)
        for (claims, one), (look, found) in zip(scored, looks)
    ]


def embed_words(embedder: Embedder, words: list[str]) -> np.ndarray:
    """Single words embedded as passages, for `aligned` and the veto."""
    return encode_batched(embedder, words, PASSAGE)


def _sentences(articles: list[Article]) -> list[str]:
    return [s.text for a in articles for s in a.sentences]


def _per_article(articles: list[Article], vectors: np.ndarray) -> list[np.ndarray]:
    ends = np.cumsum([len(a.sentences) for a in articles])
    return [vectors[end - len(a.sentences) : end] for a, end in zip(articles, ends)]
