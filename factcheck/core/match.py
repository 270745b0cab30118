"""Pure matching: claim and version vectors x sentence vectors -> where (and whether) each article states each claim."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from factcheck.core.versions import distinct_phrase
from factcheck.records import Article, Claim
from factcheck.text.terms import Terms, merged, name_swap, names_missing, overlap, terms

CONTEXT = 1  # sentences on each side of the evidence left out of its background, and searched for versions
BACKGROUND_PERCENTILE = 90


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

    @classmethod
    def build(cls, claims: list[Claim], rows: np.ndarray, distinct: np.ndarray, langs: list[str]) -> ClaimRows:
        offsets = np.cumsum([0] + [1 + len(c.versions) for c in claims])
        distinct_offsets = np.cumsum([0] + [len(c.versions) for c in claims])
        in_story = np.array([c.story is not None for c in claims], dtype=bool)
        texts = tuple(terms(c.text) for c in claims)
        alls = tuple(terms(" ".join((c.text, *(v for _, v in c.versions)))) for c in claims)
        sizes = np.array([max(_size(t), 1) for t in texts], dtype=float)
        return cls(tuple(claims), rows, offsets, distinct, distinct_offsets, tuple(langs), in_story, texts, alls, sizes)

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


def distinct_texts(claims: list[Claim]) -> list[str]:
    """Each version's own words (versions.distinct_phrase), in ClaimRows order."""
    out = []
    for c in claims:
        texts = [v for _, v in c.versions]
        out += [distinct_phrase(t, texts[:i] + texts[i + 1 :]) or t for i, t in enumerate(texts)]
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
    best row (`claims`), and per unit the two claims that score best there (`top`, `top_score`, 2 x units)."""

    article: Article
    units: Units
    rows: np.ndarray
    claims: np.ndarray
    top: np.ndarray
    top_score: np.ndarray
    unit_sentence: np.ndarray  # units x sentences: each unit's cosine with each sentence
    gram: np.ndarray  # sentences x sentences

    def unit_terms(self, unit: int) -> Terms:
        return self._unit_terms[unit]

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


def score(claims: ClaimRows, article: Article, sentence_vectors: np.ndarray) -> Scored:
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
    unit_sentence = unit_vectors @ sentence_vectors.T
    gram = unit_sentence[: len(article.sentences)]  # singles come first in Units
    return Scored(article, units, rows, best, top, top_score, unit_sentence, gram)


@dataclass(frozen=True)
class Look:
    """Per claim, the unit taken as evidence (index into Units, or a sentence's clause), its score and the
    features and probability of 'the article states the claim there'."""

    unit: np.ndarray
    best: np.ndarray
    features: dict[str, np.ndarray]
    probability: np.ndarray


def features_at(
    claims: ClaimRows, scored: Scored, unit: np.ndarray, best: np.ndarray, which: np.ndarray | None = None
) -> dict[str, np.ndarray]:
    """The features of the mention decision (calibration.FEATURES) for each claim at its `unit`, scoring `best`.

    contrast: `best` minus what the claim scores against the rest of the article (the 90th percentile of
    the sentences outside the evidence and its neighbours): it removes what comes of sharing the article's
    topic and language, which is why one absolute cosine threshold fails.
    same_language: the claim is in the evidence's language, where scores run higher than across languages.
    overlap: the share of the claim's words and names found in the evidence (transliterated), counted apart
    for claims in the evidence's language and in another, whose words are mostly not shared.
    rival: how much better another claim of the file matches the evidence, as an editor would see it: the
    sentence is that claim's ('four employees mined crypto' is no evidence of 'a hacker stole bitcoin').
    coverage: the evidence's words against the claim's, up to 1: a headline of two words ('Damir Džumhur')
    names the claim's subject but cannot state it.
    name_swap: the claim's names are missing from the article and the evidence names others (terms.name_swap):
    a name missing from the evidence alone is often only referred to there ('the film', 'he')."""
    sentences = scored.article.sentences
    n = len(sentences)
    first, last = scored.units.first[unit], scored.units.last[unit]
    position = np.arange(n)
    in_window = (position >= first[:, None] - CONTEXT) & (position <= last[:, None] + CONTEXT)
    background = np.where(in_window, -np.inf, scored.claims[:, :n])  # singles come first in Units
    contrast = best - row_percentile(background, (~in_window).sum(axis=1), BACKGROUND_PERCENTILE)
    specific = _specific(claims, scored, unit, best, ~in_window)
    same, cross, swap, same_language = (np.zeros(len(unit)) for _ in range(4))
    for k in range(len(unit)) if which is None else which.tolist():
        f = int(first[k])
        unit_terms = scored.unit_terms(int(unit[k]))
        shared = overlap(claims.texts[k], unit_terms)
        if claims.langs[k] == sentences[f].lang:
            same[k], same_language[k] = shared, 1.0
        else:
            cross[k] = shared
        swap[k] = name_swap(scored.names_missing(k, claims.texts[k]), claims.alls[k], unit_terms)
    covered = coverage(claims, scored, unit)
    return {
        "best": best,
        "contrast": contrast,
        "same_language": same_language,
        "overlap_same": same,
        "overlap_cross": cross,
        "name_swap": swap,
        "coverage": covered,
        "rival": scored.rival(unit),
        "specific": specific,
    }


def _specific(
    claims: ClaimRows, scored: Scored, unit: np.ndarray, best: np.ndarray, background: np.ndarray
) -> np.ndarray:
    """The cosine of claim and evidence once the article's topic (the mean of its sentences outside the evidence
    window) is taken out of both: what the claim says beyond the story's subject. For claims of a story only (an
    archive's unrelated articles have no topic to take out); the others keep `best`."""
    out = np.asarray(best, dtype=np.float64).copy()
    k = np.flatnonzero(claims.in_story & background.any(axis=1)) if background.shape[1] else np.zeros(0, int)
    if not len(k):
        return out
    weights = background[k] / background[k].sum(axis=1, keepdims=True)
    claim_topic = (np.where(background[k], scored.claims[k, : background.shape[1]], 0.0) * weights).sum(axis=1)
    unit_topic = (scored.unit_sentence[unit[k]] * weights).sum(axis=1)
    topic = np.einsum("ki,ij,kj->k", weights, scored.gram, weights)  # the topic's squared length
    dot = out[k] - claim_topic - unit_topic + topic
    out[k] = dot / np.sqrt(np.maximum(1 - 2 * claim_topic + topic, 1e-6) * np.maximum(1 - 2 * unit_topic + topic, 1e-6))
    return out


def _size(t: Terms) -> int:
    return len(t.words) + len(t.names)


def coverage(claims: ClaimRows, scored: Scored, unit: np.ndarray) -> np.ndarray:
    """Per claim, the words and names of its `unit` against its own, up to 1."""
    return np.minimum(1.0, scored.unit_sizes[unit] / claims.sizes) if len(unit) else np.zeros(0)


def row_percentile(values: np.ndarray, valid: np.ndarray, q: float) -> np.ndarray:
    """Per-row q-th percentile (linear, as numpy's default) of the `valid` finite values of each row;
    excluded cells hold -inf. 0 for a row with none. One sort instead of np.nanpercentile's row loop."""
    ordered = np.sort(values, axis=1)
    n = values.shape[1]
    position = (np.maximum(valid, 1) - 1) * (q / 100.0) + (n - valid)
    low = np.clip(np.floor(position).astype(int), 0, n - 1)
    high = np.clip(low + 1, 0, n - 1)
    weight = position - np.floor(position)
    low_v = np.take_along_axis(ordered, low[:, None], axis=1)[:, 0]
    high_v = np.take_along_axis(ordered, high[:, None], axis=1)[:, 0]
    high_v = np.where(np.isfinite(high_v), high_v, low_v)
    with np.errstate(invalid="ignore"):  # rows with no valid value are -inf - -inf, replaced below
        return np.where(valid > 0, low_v + weight * (high_v - low_v), 0.0)
