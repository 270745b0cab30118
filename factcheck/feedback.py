"""Second look: an article that surely states a claim lends its words to find it in other articles of its language."""

from __future__ import annotations

import hashlib
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
    tellings = _Tellings()
    for claims, article, match in matched:
        tellings.add(claims, article, match)
    return tellings.anchors()


class _Tellings:
    """The sure tellings of an archive (400,000 at 20,000 articles and 100 claims), drawn and ordered as arrays
    over all articles at once: per telling, a hash and a tuple took a second."""

    def __init__(self):
        self.claim_ids: dict[str, int] = {}
        self.articles: list[Article] = []
        self.matches: list[ArticleMatch] = []
        self.claims: list[np.ndarray] = []  # per article: its matrix's claims, numbered among all claims seen
        self.keys: list[np.ndarray] = []  # and their draw keys
        self._codes: dict[int, tuple[ClaimMatrix, np.ndarray, np.ndarray]] = {}  # per claim matrix

    def add(self, claims: ClaimMatrix, article: Article, match: ArticleMatch) -> None:
        _, numbers, keys = self._claim_codes(claims)
        self.articles.append(article)
        self.matches.append(match)
        self.claims.append(numbers)
        self.keys.append(keys)

    def anchors(self) -> Anchors:
        sure = self._sure()
        if sure is None:
            return {}
        claim, lang, draw, article, at, p, langs = sure
        order = np.lexsort((draw, lang, claim))  # per (claim, language), in draw order
        claim, lang, article, at, p = claim[order], lang[order], article[order], at[order], p[order]
        starts = np.flatnonzero(np.r_[True, (claim[1:] != claim[:-1]) | (lang[1:] != lang[:-1])]).tolist()
        ids = list(self.claim_ids)
        out = {}
        for start, end in zip(starts, [*starts[1:], len(claim)]):
            key = (ids[claim[start]], langs[lang[start]])
            out[key] = self._first_distinct(key, zip(article[start:end].tolist(), at[start:end].tolist(),
                                                     p[start:end].tolist()))
        return out

    def _sure(self) -> tuple | None:
        """Per sure telling: its claim's number, its language's, its draw, its article's number, its focus
        sentence and p; and the languages by number. None if there is none."""
        if not self.matches:
            return None
        ints = np.concatenate([m.ints for m in self.matches])
        p = np.concatenate([m.floats[:, 1] for m in self.matches])
        sure = np.flatnonzero(ints[:, 0].astype(bool) & (p >= ANCHOR_PROBABILITY))
        if not len(sure):
            return None
        article = np.repeat(np.arange(len(self.articles)), [len(c) for c in self.claims])[sure]
        article_keys = np.array([_article_key(a.id) for a in self.articles], dtype=np.uint64)
        draw = _mix(np.concatenate(self.keys)[sure] ^ article_keys[article])
        at = ints[sure, 1] + ints[sure, 3]
        names: dict[str, int] = {}
        lang = np.array([names.setdefault(self.articles[a].sentences[i].lang, len(names))
                         for a, i in zip(article.tolist(), at.tolist())], dtype=np.int64)
        return np.concatenate(self.claims)[sure], lang, draw, article, at, p[sure], list(names)

    def _first_distinct(self, key: tuple[str, str], tellings: Iterable[tuple[int, int, float]]) -> tuple[Anchor, ...]:
        chosen: dict[str, Anchor] = {}
        for article, at, p in tellings:
            telling = self.articles[article]
            text = telling.sentences[at].text
            if text not in chosen:
                chosen[text] = Anchor(key[0], telling.id, key[1], text, p)
                if len(chosen) == MAX_ANCHORS:
                    break
        return tuple(chosen.values())

    def _claim_codes(self, claims: ClaimMatrix) -> tuple[ClaimMatrix, np.ndarray, np.ndarray]:
        """Per claim of the matrix: its number among all claims seen, and its draw key."""
        codes = self._codes.get(id(claims))
        if codes is None:  # the matrix is kept in the value, so that its id stays its own
            ids = [c.id for c in claims.claims]
            numbers = np.array([self.claim_ids.setdefault(i, len(self.claim_ids)) for i in ids], dtype=np.int64)
            codes = self._codes[id(claims)] = (claims, numbers, np.array([_key(i) for i in ids], dtype=np.uint64))
        return codes


def _draw(claim: str, article: str) -> int:
    """Where the article's telling of the claim comes in the claim's draw (smaller: first)."""
    return int(_mix(np.array([_key(claim)], dtype=np.uint64) ^ np.uint64(_article_key(article)))[0])


def _key(name: str) -> int:
    return int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "little")


def _article_key(article: str) -> int:
    return _key(f"article\x00{article}")  # apart from claim keys: an article named as a claim gets another key


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: each bit of the claim's and article's keys moves every bit of the draw, so the
    claims' orders of articles are as good as independent (a plain XOR would order them alike)."""
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


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
