"""Pure orchestration: claims + articles + an embedder -> Report. No printing, no files."""

from __future__ import annotations

import hashlib
import json
from typing import Callable, Iterable, Protocol

import numpy as np

from factcheck.records import Article
from factcheck.models.calibration import Calibration
from factcheck.records import Claim, ClaimSet
from factcheck.models.embed import PASSAGE, QUERY, Embedder, encode_batched
from factcheck.core import match
from factcheck.core.evidence import MATCH_VERSION, ArticleMatch, article_fingerprint, build_evidence
from factcheck.records import Evidence
from factcheck.text.language import detect_language
from factcheck.core.drafts import aligned
from factcheck.core.match import (ClaimRows, at_sentences, claim_texts, clause_candidates, decide_article, distinct_texts, first_look, score, with_clauses)
from factcheck.records import Problem
from factcheck.records import Difference
from factcheck.core.verdict import decide
from factcheck.records import Report, Settings

Progress = Callable[[Iterable, str, int], Iterable]
CHUNK_SENTENCES = 20_000  # about 40 MB of USE vectors at a time


class MatchStore(Protocol):
    """Where each article's ArticleMatch can be kept between runs (see cache.py)."""

    def get_matches(self, keys: list[bytes]) -> dict[bytes, bytes]: ...

    def put_matches(self, items: list[tuple[bytes, bytes]]) -> None: ...


def no_progress(items: Iterable, label: str, total: int) -> Iterable:
    return items


def check(claim_set: ClaimSet, articles: list[Article], embedder: Embedder, settings: Settings,
          progress: Progress = no_progress, problems: tuple[Problem, ...] = (), nli=None,
          matches: MatchStore | None = None) -> Report:
    """Run matching and verdicts for every claim over every article in its scope.

    Articles are embedded and matched a chunk at a time, so memory stays bounded by
    CHUNK_SENTENCES whatever the size of the archive. With a MatchStore, an article
    whose sentences and claims in scope are unchanged is neither embedded nor matched again.
    """
    claims = list(claim_set.claims)
    matrix = claim_rows(claims, embedder)
    scoped = ScopedClaims(claim_set, matrix, _settings_fingerprint(settings))
    found, keys = _first_matches(articles, scoped, embedder, settings.calibration, matches, progress)
    _align_drafts(articles, found, scoped, embedder, settings.calibration)
    evidence: dict[str, list[Evidence]] = {c.id: [] for c in claims}
    scores: dict[float, float] = {}
    for article in articles:
        for one in build_evidence(found.pop(article.id), scoped.for_article(article.id).claims, article, scores):
            evidence[one.claim].append(one)
    contradictions = nli_differences(nli, evidence) if nli is not None else {}
    results = tuple(decide(c, evidence[c.id], contradictions.get(c.id, []), lang)
                    for c, lang in zip(claims, matrix.langs))
    return Report(results, tuple(articles), settings, problems)


def claim_rows(claims: list[Claim], embedder: Embedder) -> ClaimRows:
    """The claims embedded: texts and versions as queries, each version's own words, each claim's language."""
    return ClaimRows.build(claims, encode_batched(embedder, claim_texts(claims), QUERY),
                           encode_batched(embedder, distinct_texts(claims), QUERY),
                           [detect_language(c.text) for c in claims])


def _first_matches(articles: list[Article], scoped: "ScopedClaims", embedder: Embedder, calibration: Calibration,
                   store: MatchStore | None, progress: Progress) -> tuple[dict[str, ArticleMatch], dict[str, bytes]]:
    """Each article's ArticleMatch and the key it is stored under: stored ones read back, the others
    embedded, matched and stored a chunk of CHUNK_SENTENCES at a time. The new articles of a rerun
    are thus embedded together, in batches the model can split over its workers, wherever they are."""
    keys = {a.id: scoped.key(a) if store is not None else b"" for a in articles}
    stored = store.get_matches(list(keys.values())) if store is not None else {}
    found = {a.id: ArticleMatch.from_bytes(stored[keys[a.id]], len(scoped.for_article(a.id).claims))
             for a in articles if keys[a.id] in stored}
    chunks = _chunks([a for a in articles if a.id not in found])
    for chunk in progress(chunks, "checking articles", len(chunks)):
        fresh = _first_looks(chunk, scoped, embedder, calibration)
        found.update((a.id, match_) for a, match_ in zip(chunk, fresh))
        if store is not None:
            store.put_matches([(keys[a.id], match_.to_bytes()) for a, match_ in zip(chunk, fresh)])
    return found, keys


def _align_drafts(articles: list[Article], found: dict[str, ArticleMatch], scoped: "ScopedClaims",
                  embedder: Embedder, calibration: Calibration) -> None:
    """Replace in `found` the match of each article that holds a near-duplicate of another draft's telling of
    a story claim (drafts.py). It depends on the other articles, so it is made afresh, never stored."""
    todo = aligned(articles, scoped.for_article, found)
    for article in (a for a in articles if a.id in todo):
        claims = scoped.for_article(article.id)
        vectors = encode_batched(embedder, [s.text for s in article.sentences], PASSAGE)
        scored = score(claims, article, vectors)
        look = at_sentences(claims, scored, first_look(claims, scored, calibration), calibration, todo[article.id])
        stated = np.zeros(len(claims.claims), dtype=bool)
        stated[list(todo[article.id])] = True
        found[article.id] = decide_article(claims, scored, look, calibration, vectors, stated)


def _first_looks(articles: list[Article], scoped: "ScopedClaims", embedder: Embedder,
                 calibration: Calibration) -> list[ArticleMatch]:
    vectors = encode_batched(embedder, [s.text for a in articles for s in a.sentences], PASSAGE)
    ends = np.cumsum([len(a.sentences) for a in articles])
    per_article = [vectors[end - len(a.sentences): end] for a, end in zip(articles, ends)]
    looks = []
    for article, sentence_vectors in zip(articles, per_article):
        claims = scoped.for_article(article.id)
        scored = score(claims, article, sentence_vectors)
        look = first_look(claims, scored, calibration)
        looks.append((claims, scored, look, clause_candidates(claims, scored, look, calibration)))
    # the clauses of every near miss of the chunk, embedded together
    clause_texts = list(dict.fromkeys(t for *_, found in looks for pairs in found.values() for _, t in pairs))
    clause_vectors = dict(zip(clause_texts, encode_batched(embedder, clause_texts, PASSAGE))) if clause_texts else {}
    return [decide_article(claims, scored, with_clauses(claims, scored, look, calibration, found, clause_vectors),
                           calibration, sentence_vectors)
            for (claims, scored, look, found), sentence_vectors in zip(looks, per_article)]


def _settings_fingerprint(settings: Settings) -> bytes:
    """Everything besides claims and sentences that a stored match depends on."""
    constants = (MATCH_VERSION, match.CONTEXT, match.BACKGROUND_PERCENTILE)
    calibration = json.dumps(settings.calibration.to_dict(), sort_keys=True, default=str)
    return f"{constants}\x00{settings.model}\x00{calibration}".encode("utf-8")


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


def _chunks(items: list, sentences_of: Callable = lambda article: len(article.sentences)) -> list[list]:
    chunks, current, size = [], [], 0
    for item in items:
        current.append(item)
        size += sentences_of(item)
        if size >= CHUNK_SENTENCES:
            chunks.append(current)
            current, size = [], 0
    return chunks + [current] if current else chunks


class ScopedClaims:
    """The claim matrix restricted to the claims whose story covers an article, built once per scope,
    and the key under which an article's match with that scope is stored."""

    def __init__(self, claim_set: ClaimSet, matrix: ClaimRows, settings_fingerprint: bytes = b""):
        self._claim_set, self._matrix, self._settings = claim_set, matrix, settings_fingerprint
        self._built: dict[tuple, tuple[ClaimRows, bytes]] = {}
        self._scope_of: dict[str, tuple] = {}
        by_story: dict[str | None, tuple[Claim, list[int]]] = {}
        for k, claim in enumerate(matrix.claims):
            by_story.setdefault(claim.story, (claim, []))[1].append(k)
        self._stories = list(by_story.values())  # per story: one of its claims, and all of them by index
        self._kept: dict[tuple[bool, ...], tuple[int, ...]] = {}  # which stories check an article -> its claims

    def for_article(self, article_id: str) -> ClaimRows:
        return self._scope(article_id)[0]

    def key(self, article: Article) -> bytes:
        digest = hashlib.blake2b(self._scope(article.id)[1], digest_size=20)
        digest.update(article_fingerprint(article))
        return digest.digest()

    def _in_scope(self, article_id: str) -> tuple[int, ...]:
        """The claims (by index) that check the article: decided once per story, not per claim
        (2 million glob tests at 20,000 articles and 100 claims)."""
        checked = tuple(self._claim_set.checks(claim, article_id) for claim, _ in self._stories)
        keep = self._kept.get(checked)
        if keep is None:
            keep = self._kept[checked] = tuple(sorted(k for (_, claims), on in zip(self._stories, checked) if on
                                                      for k in claims))
        return keep

    def _scope(self, article_id: str) -> tuple[ClaimRows, bytes]:
        keep = self._scope_of.get(article_id)
        if keep is None:
            keep = self._scope_of[article_id] = self._in_scope(article_id)
        if keep not in self._built:
            subset = self._matrix.subset(list(keep))
            claims = [(c.id, c.text, c.versions, c.story is not None) for c in subset.claims]
            fingerprint = hashlib.blake2b(self._settings + json.dumps(claims).encode("utf-8")).digest()
            self._built[keep] = (subset, fingerprint)
        return self._built[keep]
