"""Evidence of a claim in an article, and ArticleMatch: the few numbers per claim it is built from, storable as bytes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from factcheck.articles import Article, Sentence
from factcheck.claims import Claim

# Bump when matching (match.py, feedback.py) or ArticleMatch's layout changes: stored matches of older
# versions are then ignored.
MATCH_VERSION = "2"


class Evidence(NamedTuple):
    """What one article gives for one claim. A NamedTuple rather than a frozen dataclass: just as immutable,
    and an archive run makes millions (2 million at 20,000 articles and 100 claims), which a frozen
    dataclass's __init__ makes four times slower."""

    claim: str
    article: str
    mentioned: bool
    score: float
    probability: float
    sentences: tuple[Sentence, ...]
    version: str | None = None
    version_scores: tuple[tuple[str, float], ...] = ()
    context: tuple[Sentence, ...] = ()  # the sentence before: "Selon X, ..." often sits there
    also: tuple[Sentence, ...] = ()  # a second place in the article that states the claim too
    focus: int = 0  # which of the evidence sentences matches the claim best

    @property
    def focus_text(self) -> str:
        """The one sentence whose figures and negations are compared: in a pair, the other one
        often says something else ("... n'ont pas la moindre idée")."""
        return self.sentences[self.focus].text

    @property
    def line(self) -> int:
        return self.sentences[0].line

    @property
    def lang(self) -> str:
        return self.sentences[0].lang

    @property
    def context_text(self) -> str:
        return " ".join(s.text for s in self.context)

    @property
    def text(self) -> str:
        if len(self.sentences) == 1:
            return self.sentences[0].text
        return " ".join(s.text for s in self.sentences)


_INTS = ("mentioned", "first", "last", "focus", "also", "version")
_FLOATS = ("score", "probability")


@dataclass(frozen=True)
class ArticleMatch:
    """Per claim of a claim matrix (arrays in its claim order): what matching decided in one article.

    `first`/`last`/`also` index the article's sentences (`also` -1: no second place); `version` indexes
    the claim's versions (-1: none told); `version_scores` holds, for each claim that tells a version,
    the score of every version of it, one after the other. Scores are rounded to 4 decimals.
    """

    ints: np.ndarray  # (claims, 6) int32, columns as _INTS
    floats: np.ndarray  # (claims, 2) float64, columns as _FLOATS
    version_scores: np.ndarray  # float64

    def to_bytes(self) -> bytes:
        return self.ints.astype("<i4").tobytes() + self.floats.astype("<f8").tobytes() + \
            self.version_scores.astype("<f8").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, claims: int) -> "ArticleMatch":
        cut = claims * len(_INTS) * 4
        ints = np.frombuffer(data, dtype="<i4", count=claims * len(_INTS)).reshape(claims, len(_INTS))
        floats = np.frombuffer(data, dtype="<f8", count=claims * len(_FLOATS), offset=cut).reshape(claims, -1)
        rest = np.frombuffer(data, dtype="<f8", offset=cut + floats.nbytes)
        return cls(ints, floats, rest)


def build_evidence(match: ArticleMatch, claims: tuple[Claim, ...], article: Article,
                   shared: dict[float, float] | None = None) -> list[Evidence]:
    """The Evidence of every claim, in claim order, from a fresh or a stored ArticleMatch.

    An article's claims mostly fall on a few spans, and scores (4 decimals) on a few thousand values:
    spans are one tuple per article and scores one float per value (in `shared`, kept across articles),
    which at 2 million Evidence saves a fifth of the run's memory and a second of freeing it."""
    shared = {} if shared is None else shared
    sentences = article.sentences
    rows = match.ints.tolist()
    flat = match.floats.ravel().tolist()  # score, probability, score, ...
    deduped = list(map(shared.setdefault, flat, flat))  # map: no Python frame per value (4 million of them)
    scores = zip(deduped[0::2], deduped[1::2])
    versions = match.version_scores.tolist()
    spans: dict[tuple[int, int], tuple] = {}
    used = 0
    out = []
    for claim, (mentioned, first, last, focus, also, version), (score, probability) in zip(claims, rows, scores):
        told, ranked = None, ()
        if version >= 0:
            ids = claim.version_ids
            ranked = tuple(zip(ids, versions[used: used + len(ids)]))
            used += len(ids)
            told = ids[version]
        span = spans.get((first, last))
        if span is None:
            span = spans[first, last] = sentences[first: last + 1]
        context = sentences[max(first - 1, 0): first] if mentioned else ()  # only compared evidence needs it
        out.append(_new(Evidence, (claim.id, article.id, bool(mentioned), score, probability, span,
                                   told, ranked, context, (sentences[also],) if also >= 0 else (), focus)))
    return out


_new = tuple.__new__  # Evidence(...) with every field given, without the Python-level __new__: half the time


def article_fingerprint(article: Article) -> bytes:
    """What matching reads of an article: its sentences, their lines and languages (not its id or path)."""
    import hashlib

    # one update of the joined text: the same digest as one update per sentence, in a third of the time
    text = "".join(f"{s.line}\x00{s.lang}\x00{s.text}\x01" for s in article.sentences)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
