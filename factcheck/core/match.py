"""Pure matching: claim and version vectors x sentence vectors -> where (and whether) each article states each claim."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from factcheck.core.aligned import Alignments, ArticleWords, WordTable
from factcheck.core.versions import own_words
from factcheck.records import Article, Claim
from factcheck.text.quantities import Quantity, quantities
from factcheck.text.terms import Terms, merged, names_missing, terms

CONTEXT = 1  # sentences on each side of the evidence left out of its background, and searched for versions


@dataclass(frozen=True)
class ClaimRows:
    """The claims checked in an article, embedded: claim k owns rows offsets[k]:offsets[k+1] (its text, then
    its versions) and, when it has versions, `distinct` rows distinct_offsets[k]:distinct_offsets[k+1]
    (each version's own words)."""

    claims: tuple[Claim, ...]
    rows: np.ndarray
    offsets: np.ndarray
    distinct: np.ndarray
    distinct_offsets: np.ndarray
    langs: tuple[str, ...]
    in_story: np.ndarray  # per claim: checked in its story's articles only (else in every article)
    texts: tuple[Terms, ...] = ()  # per claim: the words of its text
    alls: tuple[Terms, ...] = ()  # and of its text and versions
    sizes: np.ndarray = field(default_factory=lambda: np.zeros(0))  # how many words and names its text has
    figures: tuple[tuple[Quantity, ...], ...] = ()  # per claim: the figures of its text (not of its versions)

    @classmethod
    def build(cls, claims: list[Claim], rows: np.ndarray, distinct: np.ndarray, langs: list[str]) -> ClaimRows:
        offsets = np.cumsum([0] + [1 + len(c.versions) for c in claims])
        distinct_offsets = np.cumsum([0] + [len(c.versions) for c in claims])
        in_story = np.array([c.story is not None for c in claims], dtype=bool)
        texts = tuple(terms(c.text) for c in claims)
        alls = tuple(terms(" ".join((c.text, *(v for _, v in c.versions)))) for c in claims)
        sizes = np.array([max(_size(t), 1) for t in texts], dtype=float)
        return cls(
            tuple(claims),
            rows,
            offsets,
            distinct,
            distinct_offsets,
            tuple(langs),
            in_story,
            texts,
            alls,
            sizes,
            tuple(quantities(c.text, lang) for c, lang in zip(claims, langs)),
        )

    def texts_where(self, mask: np.ndarray) -> tuple[tuple[str, str] | None, ...]:
        """Per claim, its text and language where `mask` holds, else None (the claims whose words are aligned)."""
        return tuple((c.text, lang) if mine else None for c, lang, mine in zip(self.claims, self.langs, mask))

    @property
    def has_versions(self) -> np.ndarray:
        """Per claim: it has versions to tell apart."""
        return np.diff(self.offsets) > 1

    def own_words(self, k: int) -> list[tuple[str, ...]]:
        """Per version of claim k, the words that tell it apart (versions.own_words)."""
        return own_words([text for _, text in self.claims[k].versions], self.langs[k])

    def versions_where(self, mask: np.ndarray) -> list[tuple[str, str]]:
        """The versions' texts, each with its claim's language, of the claims where `mask` holds."""
        return [(text, self.langs[k]) for k in np.flatnonzero(mask).tolist() for _, text in self.claims[k].versions]

    def subset(self, keep: list[int]) -> ClaimRows:
        def take(matrix, offsets):
            parts = [matrix[offsets[k] : offsets[k + 1]] for k in keep]
            return np.vstack(parts) if parts else matrix[:0]

        return ClaimRows.build(
            [self.claims[k] for k in keep],
            take(self.rows, self.offsets),
            take(self.distinct, self.distinct_offsets),
            [self.langs[k] for k in keep],
        )


def claim_texts(claims: list[Claim]) -> list[str]:
    """What is embedded for the claims, in ClaimRows order: each claim's text and versions."""
    return [t for c in claims for t in (c.text, *(v for _, v in c.versions))]


def distinct_texts(claims: list[Claim], langs: list[str]) -> list[str]:
    """Each version's own words as one phrase (versions.own_words), in ClaimRows order."""
    out = []
    for claim, lang in zip(claims, langs):
        texts = [text for _, text in claim.versions]
        out += [" ".join(words) or text for words, text in zip(own_words(texts, lang), texts)]
    return out


@dataclass(frozen=True)
class Units:
    """The spans evidence can quote: every sentence, then every two adjacent sentences of one paragraph
    (a claim split across two sentences still matches; a headline is never glued to the text below)."""

    first: np.ndarray
    last: np.ndarray

    @classmethod
    def of(cls, article: Article) -> Units:
        paragraph = np.asarray([s.line for s in article.sentences])
        singles = np.arange(len(paragraph))
        pairs = np.flatnonzero(paragraph[:-1] == paragraph[1:]) if len(paragraph) > 1 else singles[:0]
        return cls(np.concatenate([singles, pairs]), np.concatenate([singles, pairs + 1]))

    def vectors(self, sentence_vectors: np.ndarray) -> np.ndarray:
        """A sentence's own vector, or the normalised mean of a pair's two vectors."""
        vectors = sentence_vectors[self.first] + sentence_vectors[self.last]
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return (vectors / np.where(norms == 0, 1, norms)).astype(np.float32)


@dataclass(frozen=True, eq=False)
class Scored:
    """One article's units scored against the claims: every claim and version row (`rows`), per claim its
    best row (`claims`), per unit the two claims that score best there (`top`, `top_score`, 2 x units), and
    the vectors of units and sentences (the article's topic, for features.specific)."""

    article: Article
    units: Units
    rows: np.ndarray
    claims: np.ndarray
    top: np.ndarray
    top_score: np.ndarray
    unit_vectors: np.ndarray
    sentence_vectors: np.ndarray
    words: WordTable | None = None  # where some claims have their words aligned (core/aligned.py, core/veto.py)
    aligned_texts: tuple[tuple[str, str] | None, ...] = ()  # per claim: its text and language if its words are aligned

    @cached_property
    def alignments(self) -> Alignments:
        """The words of the claims in `aligned_texts` against each sentence (aligned.Alignments)."""
        return Alignments.of(list(self.aligned_texts), ArticleWords.of(self.article, self.words), self.words)

    def unit_terms(self, unit: int) -> Terms:
        return self._unit_terms[unit]

    def unit_text(self, unit: int) -> str:
        """The unit's sentences, as evidence quotes them."""
        first, last = int(self.units.first[unit]), int(self.units.last[unit])
        return " ".join(s.text for s in self.article.sentences[first : last + 1])

    @cached_property
    def _unit_terms(self) -> list[Terms]:
        single = self.sentence_terms
        return [
            merged(single[first : last + 1]) for first, last in zip(self.units.first.tolist(), self.units.last.tolist())
        ]

    @cached_property
    def sentence_terms(self) -> list[Terms]:
        return [terms(s.text) for s in self.article.sentences]

    @cached_property
    def article_terms(self) -> Terms:
        return merged(self.sentence_terms) if self.sentence_terms else terms("")

    def names_missing(self, k: int, claim: Terms) -> float:
        """Share of claim k's names this article lacks (terms.names_missing), worked out once per claim: the
        fuzzy lookups over the whole article are the dearest part of the word features."""
        if k not in self._names_missing:
            self._names_missing[k] = names_missing(claim, self.article_terms)
        return self._names_missing[k]

    @cached_property
    def _names_missing(self) -> dict[int, float]:
        return {}

    @cached_property
    def unit_sizes(self) -> np.ndarray:
        return np.array([_size(t) for t in self._unit_terms], dtype=float)

    def rival(self, unit: np.ndarray) -> np.ndarray:
        """Per claim, how much better the best other claim scores at its unit (0 if none does)."""
        k = np.arange(len(unit))
        other = np.where(self.top[0, unit] == k, self.top_score[1, unit], self.top_score[0, unit])
        return np.maximum(other - self.claims[k, unit], 0.0)


def score(
    claims: ClaimRows,
    article: Article,
    sentence_vectors: np.ndarray,
    words: WordTable | None = None,
    aligned: np.ndarray | None = None,
) -> Scored:
    """The article's units scored against the claims; with `words`, the claims of `aligned` (those of a story if
    None) have their words aligned with the article's (core/aligned.py)."""
    units = Units.of(article)
    unit_vectors = units.vectors(sentence_vectors)
    rows = claims.rows @ unit_vectors.T
    best = np.maximum.reduceat(rows, claims.offsets[:-1], axis=0)
    if len(best) > 1:  # the two best claims of each unit: per claim and unit, no claims x claims matrix
        top = np.argpartition(-best, 1, axis=0)[:2]
        top = np.take_along_axis(top, np.argsort(-np.take_along_axis(best, top, axis=0), axis=0), axis=0)
        top_score = np.take_along_axis(best, top, axis=0)
    else:
        top = np.zeros((2, best.shape[1]), dtype=int)
        top_score = np.vstack([best, np.full((1, best.shape[1]), -np.inf)]) if len(best) else np.zeros((2, 0))
    texts = claims.texts_where(claims.in_story if aligned is None else aligned) if words is not None else ()
    return Scored(article, units, rows, best, top, top_score, unit_vectors, sentence_vectors, words, texts)


@dataclass(frozen=True)
class Look:
    """Per claim, the unit taken as evidence (index into Units, or a sentence's clause), its score and the
    features and probability of 'the article states the claim there'."""

    unit: np.ndarray
    best: np.ndarray
    features: dict[str, np.ndarray]
    probability: np.ndarray
    ranked: tuple[Look, ...] = ()  # the looks at each claim's best units by score, best first (decide.first_look)


def _size(t: Terms) -> int:
    return len(t.words) + len(t.names)
