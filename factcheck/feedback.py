"""Second look: where an article surely states a claim, its words help find the claim in other articles of its language."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, replace
from typing import Iterable

import numpy as np

from factcheck.articles import Article
from factcheck.calibration import Calibration
from factcheck.evidence import ArticleMatch
from factcheck.match import ClaimMatrix, ScoredArticle, numbers_at, probabilities_at, score_article

ANCHOR_PROBABILITY = 0.8  # odds of 4 to 1: sure enough that its sentence can stand for the claim
NEAR_MISS = 0.25  # only claims that came this close get a second look
MAX_ANCHORS = 3  # per claim and language, the surest distinct sentences


@dataclass(frozen=True)
class Anchor:
    """A sentence that surely states a claim: the claim as an article of that language words it."""

    claim: str
    article: str
    lang: str
    text: str
    probability: float


def choose_anchors(matched: Iterable[tuple[ClaimMatrix, Article, ArticleMatch]]) -> dict[tuple[str, str], tuple[Anchor, ...]]:
    """Per (claim id, language), the sentences of the surest tellings, at most MAX_ANCHORS distinct ones."""
    found: dict[tuple[str, str], list[Anchor]] = {}
    for claims, article, match in matched:
        surest = np.flatnonzero(match.ints[:, 0].astype(bool) & (match.floats[:, 1] >= ANCHOR_PROBABILITY))
        for i in surest:
            sentence = article.sentences[int(match.ints[i, 1] + match.ints[i, 3])]
            anchor = Anchor(claims.claims[i].id, article.id, sentence.lang, sentence.text, float(match.floats[i, 1]))
            found.setdefault((anchor.claim, anchor.lang), []).append(anchor)
    return {key: _surest_distinct(anchors) for key, anchors in found.items()}


def _surest_distinct(anchors: list[Anchor]) -> tuple[Anchor, ...]:
    chosen: dict[str, Anchor] = {}
    for anchor in sorted(anchors, key=lambda a: (-a.probability, a.article)):
        if anchor.text not in chosen and len(chosen) < MAX_ANCHORS:
            chosen[anchor.text] = anchor
    return tuple(chosen.values())


def near_misses(claims: ClaimMatrix, article: Article, match: ArticleMatch,
                anchors: dict[tuple[str, str], tuple[Anchor, ...]]) -> dict[int, tuple[Anchor, ...]]:
    """The claims (by index in `claims`) the article nearly states, with the anchors of other articles in its language."""
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
        digest.update(f"{i}\x00".encode("utf-8"))
        for anchor in anchors:
            digest.update(anchor.text.encode("utf-8") + b"\x01")
    return digest.digest()


def second_look(claims: ClaimMatrix, article: Article, sentence_vectors: np.ndarray, calibration: Calibration,
                anchor_vectors: dict[int, np.ndarray]) -> ArticleMatch:
    """The article's match, with each claim of `anchor_vectors` also looked for by its anchors' words.

    An anchor picks the unit it matches best. The claim is stated there if the claim's own decision
    and the anchor's, both made as for any claim, agree on average (mean log-odds): an anchor alone
    could carry its own article's other content, and the claim alone is what the first look missed.
    """
    scored = score_article(claims, article, sentence_vectors)
    chosen = scored.claim_scores.argmax(axis=1)
    probability = probabilities_at(claims, scored, chosen, calibration)
    for i, vectors in anchor_vectors.items():
        for vector in vectors:
            unit, p = _anchored(claims, scored, chosen, i, vector, calibration)
            if p >= calibration.threshold and p > probability[i]:
                chosen[i], probability[i] = unit, p
    return numbers_at(claims, scored, chosen, probability, calibration)


def _anchored(claims: ClaimMatrix, scored: ScoredArticle, chosen: np.ndarray, i: int, vector: np.ndarray,
              calibration: Calibration) -> tuple[int, float]:
    anchor_scores = scored.unit_vectors @ vector
    unit = int(anchor_scores.argmax())
    at = chosen.copy()
    at[i] = unit
    own = probabilities_at(claims, scored, at, calibration)[i]
    as_anchor = probabilities_at(*_anchor_as_claim(claims, scored, i, vector, anchor_scores), at, calibration)[i]
    z = (_logit(own) + _logit(as_anchor)) / 2
    return unit, 1.0 / (1.0 + math.exp(-z))


def _anchor_as_claim(claims: ClaimMatrix, scored: ScoredArticle, i: int, vector: np.ndarray,
                     anchor_scores: np.ndarray) -> tuple[ClaimMatrix, ScoredArticle]:
    """The claim matrix and scores with claim i's text replaced by the anchor (its versions left out)."""
    heads = claims.rows[claims.offsets[:-1]]
    similarity = claims.similarity.copy()
    similarity[i, :] = similarity[:, i] = heads @ vector
    similarity[i, i] = 1.0
    claim_scores, text_scores = scored.claim_scores.copy(), scored.text_scores.copy()
    claim_scores[i] = text_scores[i] = anchor_scores
    return replace(claims, similarity=similarity), replace(scored, claim_scores=claim_scores, text_scores=text_scores)


def _logit(p: float) -> float:
    p = min(max(float(p), 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))
