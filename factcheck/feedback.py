"""Second look: an article that surely states a claim lends its words to find it in other articles of its language."""

from __future__ import annotations

import hashlib
import heapq
from dataclasses import dataclass
from typing import Iterable

import numpy as np

from factcheck.articles import Article
from factcheck.calibration import Calibration
from factcheck.evidence import ArticleMatch
from factcheck.anchored import DECISIONS_VERSION, Decisions, anchored_decisions
from factcheck.match import ClaimMatrix, numbers_at, probabilities_at, score_article

ANCHOR_PROBABILITY = 0.8  # odds of 4 to 1: sure enough that its sentence can stand for the claim
NEAR_MISS = 0.25  # only claims that came this close get a second look
# per claim and language, in a fixed draw of articles. Each anchor a claim keeps is one more way for an edit
# elsewhere to make a rerun look again at all the claim's near misses, and one more chance of a wrong match.
MAX_ANCHORS = 1


@dataclass(frozen=True)
class Anchor:
    """A sentence that surely states a claim: the claim as an article of that language words it."""

    claim: str
    article: str
    lang: str
    text: str
    probability: float


Anchors = dict[tuple[str, str], tuple[Anchor, ...]]  # (claim id, language) -> its anchors


def choose_anchors(matched: Iterable[tuple[ClaimMatrix, Article, ArticleMatch]]) -> Anchors:
    """Per (claim id, language), the sentences of sure tellings, at most MAX_ANCHORS distinct ones.

    Any sure telling will do, so they are taken in a fixed pseudo-random order of articles per claim
    rather than by probability: an archive that grows or edits a few articles then keeps its anchors,
    and a rerun need not look at every near miss again (with the surest first, a new article could
    displace one; in id order, the first few articles would anchor most claims, and editing one of
    them would move the anchors of all those claims at once)."""
    found: dict[tuple[str, str], list[tuple[bytes, str, float, str]]] = {}
    draws: dict[str, object] = {}  # claim id -> its _draw_prefix
    for claims, article, match in matched:
        sure = np.flatnonzero(match.ints[:, 0].astype(bool) & (match.floats[:, 1] >= ANCHOR_PROBABILITY))
        if not len(sure):
            continue
        focus = (match.ints[sure, 1] + match.ints[sure, 3]).tolist()
        name = article.id.encode("utf-8")
        for i, at, p in zip(sure.tolist(), focus, match.floats[sure, 1].tolist()):
            sentence = article.sentences[at]
            claim = claims.claims[i].id
            prefix = draws.get(claim)
            if prefix is None:
                prefix = draws[claim] = _draw_prefix(claim)
            draw = prefix.copy()  # = _draw(claim, article.id)
            draw.update(name)
            telling = (draw.digest(), article.id, -p, sentence.text)
            found.setdefault((claim, sentence.lang), []).append(telling)
    return {key: _first_distinct(key, tellings) for key, tellings in found.items()}


def _draw(claim: str, article: str) -> bytes:
    draw = _draw_prefix(claim)
    draw.update(article.encode("utf-8"))
    return draw.digest()


def _draw_prefix(claim: str):
    """A claim's draws all start with its id: hashed once, then copied for each article (the same digest)."""
    return hashlib.blake2b(f"{claim}\x00".encode("utf-8"), digest_size=8)


def _first_distinct(key: tuple[str, str], tellings: list[tuple[bytes, str, float, str]]) -> tuple[Anchor, ...]:
    chosen: dict[str, Anchor] = {}
    heapq.heapify(tellings)  # popped in sorted order; only the first few are needed, not a sort of all
    while tellings:
        _, article, minus_p, text = heapq.heappop(tellings)
        if text not in chosen:
            chosen[text] = Anchor(key[0], article, key[1], text, -minus_p)
            if len(chosen) == MAX_ANCHORS:
                break
    return tuple(chosen.values())


def near_misses(claims: ClaimMatrix, article: Article, match: ArticleMatch,
                anchors: Anchors) -> dict[int, tuple[Anchor, ...]]:
    """The claims (by index in `claims`) the article nearly states, with their anchors from other
    articles of its language."""
    out = {}
    close = np.flatnonzero(~match.ints[:, 0].astype(bool) & (match.floats[:, 1] >= NEAR_MISS))
    for i in close:
        mine = tuple(a for a in anchors.get((claims.claims[i].id, article.lang), ()) if a.article != article.id)
        if mine:
            out[int(i)] = mine
    return out


def second_look_key(first_key: bytes, near: dict[int, tuple[Anchor, ...]]) -> bytes:
    """What a second look depends on besides the first match's inputs: which claims, and by which sentences."""
    digest = hashlib.blake2b(first_key, digest_size=20, person=b"second-look")
    for i, anchors in sorted(near.items()):
        _add_anchors(digest, i, anchors)
    return digest.digest()


def decision_key(first_key: bytes, claim: int, anchors: tuple[Anchor, ...]) -> bytes:
    """What one claim's second-look decision depends on besides the first match's inputs: its anchors."""
    digest = hashlib.blake2b(first_key, digest_size=20, person=b"decision")
    _add_anchors(digest, claim, anchors)
    return digest.digest()


def _add_anchors(digest, claim: int, anchors: tuple[Anchor, ...]) -> None:
    digest.update(f"{DECISIONS_VERSION}\x00{claim}\x00".encode("utf-8"))
    for anchor in anchors:
        digest.update(anchor.text.encode("utf-8") + b"\x01")


def second_look(claims: ClaimMatrix, article: Article, sentence_vectors: np.ndarray, calibration: Calibration,
                anchor_vectors: dict[int, np.ndarray], first: ArticleMatch) -> ArticleMatch:
    """The article's `first` match, with each claim of `anchor_vectors` also looked for by its anchors' words.
    Most second looks change nothing, and then `first` is returned as it is."""
    stated = anchored_decisions(claims, article, sentence_vectors, calibration, anchor_vectors)
    return with_decisions(claims, article, sentence_vectors, calibration, stated) if stated else first


def with_decisions(claims: ClaimMatrix, article: Article, sentence_vectors: np.ndarray, calibration: Calibration,
                   stated: Decisions) -> ArticleMatch:
    """The article's match with the `stated` claims' evidence at their second-look units, the rest as first found."""
    scored = score_article(claims, article, sentence_vectors)
    chosen = scored.claim_scores.argmax(axis=1)
    probability = probabilities_at(claims, scored, chosen, calibration)
    for i, (unit, p) in stated.items():
        chosen[i], probability[i] = unit, p
    return numbers_at(claims, scored, chosen, probability, calibration)
