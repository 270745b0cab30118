"""The features of the mention decision (calibration.FEATURES) for each claim at the unit taken as evidence."""

from __future__ import annotations

import numpy as np

from factcheck.core.aligned import ALIGNED, aligned
from factcheck.core.match import CONTEXT, ClaimRows, Scored
from factcheck.text.terms import name_swap, overlap

BACKGROUND_PERCENTILE = 90


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
    a name missing from the evidence alone is often only referred to there ('the film', 'he').
    specific: for claims of a story, the cosine once the article's topic is taken out of claim and evidence.
    aligned: for claims of a story, how much of what the claim says beyond the article's topic the evidence has
    words for, each word matched by its vector across languages (core/aligned.py)."""
    return {**vector_features(claims, scored, unit, best), **word_features(claims, scored, unit, which)}


def vector_features(claims: ClaimRows, scored: Scored, unit: np.ndarray, best: np.ndarray) -> dict[str, np.ndarray]:
    """The features that come of the vectors and sizes alone, for every claim: cheap."""
    n = len(scored.article.sentences)
    first, last = scored.units.first[unit], scored.units.last[unit]
    position = np.arange(n)
    in_window = (position >= first[:, None] - CONTEXT) & (position <= last[:, None] + CONTEXT)
    background = np.where(in_window, -np.inf, scored.claims[:, :n])  # singles come first in Units
    return {
        "best": best,
        "contrast": best - row_percentile(background, (~in_window).sum(axis=1), BACKGROUND_PERCENTILE),
        "coverage": coverage(claims, scored, unit),
        "rival": scored.rival(unit),
        "specific": _specific(claims, scored, unit, best, ~in_window),
    }


def word_features(
    claims: ClaimRows, scored: Scored, unit: np.ndarray, which: np.ndarray | None = None
) -> dict[str, np.ndarray]:
    """The features that come of words and names, for the claims `which` (all if None; 0 for the others): the
    fuzzy lookups over the article are the dearest part of the decision."""
    sentences = scored.article.sentences
    first = scored.units.first[unit]
    same, cross, swap, same_language = (np.zeros(len(unit)) for _ in range(4))
    looked_at = np.arange(len(unit)) if which is None else np.asarray(which, dtype=int)
    for k in looked_at.tolist():
        unit_terms = scored.unit_terms(int(unit[k]))
        shared = overlap(claims.texts[k], unit_terms)
        if claims.langs[k] == sentences[int(first[k])].lang:
            same[k], same_language[k] = shared, 1.0
        else:
            cross[k] = shared
        swap[k] = name_swap(scored.names_missing(k, claims.texts[k]), claims.alls[k], unit_terms)
    return {
        "same_language": same_language,
        "overlap_same": same,
        "overlap_cross": cross,
        "name_swap": swap,
        ALIGNED: aligned_at(scored, unit, looked_at),
    }


def aligned_at(scored: Scored, unit: np.ndarray, which: np.ndarray) -> np.ndarray:
    """`aligned` (core/aligned.py) for the claims `which` whose words the article has aligned; 0 for the others."""
    out = np.zeros(len(unit))
    if scored.words is None:
        return out
    mine = which[[scored.aligned_texts[k] is not None for k in which.tolist()]]
    if len(mine):
        out[mine] = aligned(
            scored.alignments, mine, scored.units.first[unit[mine]], scored.units.last[unit[mine]], CONTEXT
        )
    return out


def _specific(
    claims: ClaimRows, scored: Scored, unit: np.ndarray, best: np.ndarray, background: np.ndarray
) -> np.ndarray:
    """The cosine of claim and evidence once the article's topic (the mean of its sentences outside the evidence
    window) is taken out of both: what the claim says beyond the story's subject. For claims of a story only (an
    archive's unrelated articles have no topic to take out); the others keep `best`."""
    out = np.asarray(best, dtype=np.float64).copy()
    k = np.flatnonzero(claims.in_story & background.any(axis=1))
    if not len(k):
        return out
    # cos(c - t, u - t) of unit-length claim c and unit u with the topic t: from c.t, u.t and t.t
    weights = background[k] / background[k].sum(axis=1, keepdims=True)
    claim_topic = (np.where(background[k], scored.claims[k, : background.shape[1]], 0.0) * weights).sum(axis=1)
    topics = weights @ scored.sentence_vectors  # per claim, the mean of the sentences outside its window
    unit_topic = np.einsum("kd,kd->k", scored.unit_vectors[unit[k]], topics)
    topic = np.einsum("kd,kd->k", topics, topics)  # the topic's squared length
    dot = out[k] - claim_topic - unit_topic + topic
    out[k] = dot / np.sqrt(np.maximum(1 - 2 * claim_topic + topic, 1e-6) * np.maximum(1 - 2 * unit_topic + topic, 1e-6))
    return out


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
