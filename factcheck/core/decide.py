"""Where each article states each claim: the evidence taken among the best units, clauses of near misses,
drafts' sentences, the version told, and a second place."""

from __future__ import annotations

import numpy as np

from factcheck.core.aligned import ALIGNED, words_found
from factcheck.core.evidence import CONTEXT_BEFORE, ArticleMatch
from factcheck.core.features import coverage, features_at, vector_features, word_features
from factcheck.core.figured import at_figures
from factcheck.core.match import CONTEXT, ClaimRows, Look, Scored
from factcheck.core.versions import TOLD_BY, VersionEvidence, tell
from factcheck.models.calibration import Calibration
from factcheck.text.speakers import refers_back
from factcheck.text.terms import clauses

CANDIDATES = 3  # units per claim, by score, looked at for one that can state the claim
MIN_COVERAGE = 0.5  # a unit with fewer than half the claim's words ('Damir Džumhur') cannot state it
NEAR_TIE = 0.05  # units scoring this close to the best are told apart by the decision's other features


def first_look(claims: ClaimRows, scored: Scored, calibration: Calibration) -> Look:
    """Per claim, its evidence: of its CANDIDATES best-scoring units, those that have at least half the claim's
    words (a two-word headline that names the claim's subject cannot state it), and of those, the one most
    likely to state it among the units that score within NEAR_TIE of the best."""
    k = np.arange(len(claims.claims))
    ranked = np.argsort(-scored.claims, axis=1, kind="stable")[:, :CANDIDATES]
    covering = (
        np.column_stack([coverage(claims, scored, ranked[:, rank]) >= MIN_COVERAGE for rank in range(ranked.shape[1])])
        if ranked.size
        else np.zeros(ranked.shape, bool)
    )
    first = np.where(covering.any(axis=1), covering.argmax(axis=1), 0)
    top = scored.claims[k, ranked[k, first]]
    looks = [_look_at(claims, scored, calibration, ranked[:, rank]) for rank in range(ranked.shape[1])]
    eligible = np.column_stack(
        [
            (scored.claims[k, ranked[:, rank]] >= top - NEAR_TIE) & (covering[:, rank] | (rank == first))
            for rank in range(ranked.shape[1])
        ]
    )
    eligible[k, first] = True
    probability = np.where(eligible, np.column_stack([look.probability for look in looks]), -1.0)
    chosen = probability.argmax(axis=1)
    return Look(
        _pick([look.unit for look in looks], chosen),
        _pick([look.best for look in looks], chosen),
        {name: _pick([look.features[name] for look in looks], chosen) for name in looks[0].features},
        _pick([look.probability for look in looks], chosen),
        tuple(looks),
    )


WORD_FEATURES = ("overlap_same", "overlap_cross", "name_swap", ALIGNED)


def _look_at(claims: ClaimRows, scored: Scored, calibration: Calibration, unit: np.ndarray) -> Look:
    """The look at `unit`: word features only for the claims that could reach the near misses with them (in
    an archive, most claims have no chance in most articles; their probability is what the rest allows)."""
    best = scored.claims[np.arange(len(unit)), unit]
    vectors = vector_features(claims, scored, unit, best)
    cheap = {**vectors, **word_features(claims, scored, unit, np.zeros(0, dtype=int))}
    hopeful = np.flatnonzero(calibration.upper_bounds(cheap, claims.in_story, WORD_FEATURES) >= calibration.near_miss)
    features = {**vectors, **word_features(claims, scored, unit, hopeful)}
    return Look(unit, best, features, calibration.probabilities(features, claims.in_story))


def _pick(rows: list[np.ndarray], chosen: np.ndarray) -> np.ndarray:
    return np.vstack(rows)[chosen, np.arange(len(chosen))]


LONGER = 1.5  # clauses are looked at in sentences this much longer than the claim: several facts, one claim


def clause_candidates(
    claims: ClaimRows, scored: Scored, look: Look, calibration: Calibration
) -> dict[int, list[tuple[int, str]]]:
    """Per near-miss claim, the clauses of its best sentences that are LONGER than the claim, with the sentence
    each is from: a claim may be one fact of a long sentence, and score low against the whole of it ('filed 25
    cases and seized ...')."""
    sentences = scored.article.sentences
    n = len(sentences)
    out = {}
    sizes = scored.unit_sizes[:n]  # singles come first in Units: each sentence's words and names
    for k in np.flatnonzero(calibration.near_misses(look.probability, claims.in_story)):
        unit = look.unit[k]
        around = {int(scored.units.first[unit]), int(scored.units.last[unit]), int(scored.claims[k, :n].argmax())}
        longer = [i for i in sorted(around) if sizes[i] >= LONGER * claims.sizes[k]]
        found = [(i, c) for i in longer for c in clauses(sentences[i].text)]
        if found:
            out[int(k)] = found
    return out


def with_clauses(
    claims: ClaimRows,
    scored: Scored,
    look: Look,
    calibration: Calibration,
    candidates: dict[int, list[tuple[int, str]]],
    clause_vectors: dict[str, np.ndarray],
) -> Look:
    """The look, with each near miss scored at its best clause where that beats its evidence: the clause's
    sentence becomes the evidence (Units put each sentence's own unit at its index)."""
    unit, best = look.unit.copy(), look.best.copy()
    for k, found in candidates.items():
        rows = claims.rows[claims.offsets[k] : claims.offsets[k + 1]]
        scores = (np.vstack([clause_vectors[text] for _, text in found]) @ rows.T).max(axis=1)
        at = int(scores.argmax())
        if scores[at] > best[k]:
            unit[k], best[k] = found[at][0], scores[at]
    moved = np.flatnonzero(best != look.best)
    if not len(moved):
        return look
    # only the claims a clause moved are looked at again: the others keep their features and probability
    fresh = {**vector_features(claims, scored, unit, best), **word_features(claims, scored, unit, moved)}
    features = {name: look.features[name].copy() for name in look.features}
    for name, values in fresh.items():
        features[name][moved] = values[moved]
    probability = look.probability.copy()
    probability[moved] = calibration.probabilities(features, claims.in_story)[moved]
    return Look(unit, best, features, probability, look.ranked)


def at_sentences(
    claims: ClaimRows, scored: Scored, look: Look, calibration: Calibration, sentence_of: dict[int, int]
) -> Look:
    """The look with the claims of `sentence_of` taken at those sentences (drafts.aligned)."""
    unit, best = look.unit.copy(), look.best.copy()
    for k, sentence in sentence_of.items():
        unit[k], best[k] = sentence, scored.claims[k, sentence]
    features = features_at(claims, scored, unit, best)
    return Look(unit, best, features, calibration.probabilities(features, claims.in_story), look.ranked)


def decide_article(
    claims: ClaimRows,
    scored: Scored,
    look: Look,
    calibration: Calibration,
    sentence_vectors: np.ndarray,
    stated: np.ndarray | None = None,
) -> ArticleMatch:
    """The ArticleMatch of one article: for each claim, stated or not, where, which version, and a second
    place that states it too. `stated` marks claims known to be stated whatever their probability."""
    mentioned = look.probability >= calibration.thresholds(claims.in_story)
    if stated is not None:
        mentioned |= stated
    look = at_figures(claims, scored, look, calibration, mentioned)
    k = np.arange(len(look.unit))
    first, last = scored.units.first[look.unit], scored.units.last[look.unit]
    focus = np.where(scored.claims[k, last] > scored.claims[k, first], 1, 0) * (last > first)
    version, also_version, told_by = np.full(len(k), -1), np.full(len(k), -1), np.zeros(len(k), dtype=np.uint8)
    also = _second_places(claims, scored, look, calibration, mentioned)
    told = []
    for i in np.flatnonzero(mentioned & claims.has_versions):
        evidence = _version_evidence(
            claims, scored, int(i), int(first[i]), int(last[i]), int(focus[i]), sentence_vectors
        )
        told_as = tell(claims.claims[i].versions, claims.langs[i], evidence)
        version[i], told_by[i] = told_as.version, TOLD_BY.index(told_as.by)
        told.append(np.round(evidence.scores().astype(np.float64), 4))
        if also[i] >= 0:  # a second place may tell another version: one article, two tellings
            second = _version_evidence(claims, scored, int(i), int(also[i]), int(also[i]), 0, sentence_vectors)
            also_version[i] = tell(claims.claims[i].versions, claims.langs[i], second).version
    return ArticleMatch.of(
        mentioned,
        first,
        last,
        focus,
        also,
        version,
        also_version,
        told_by,
        np.round(look.best.astype(np.float64), 4),
        np.round(look.probability.astype(np.float64), 4),
        np.concatenate(told) if told else np.zeros(0),
    )


def _version_evidence(
    claims: ClaimRows, scored: Scored, i: int, first: int, last: int, focus: int, sentence_vectors: np.ndarray
) -> VersionEvidence:
    sentences = scored.article.sentences
    units = scored.units
    near = (units.first >= first - CONTEXT) & (units.last <= last + CONTEXT)
    version_rows = scored.rows[claims.offsets[i] + 1 : claims.offsets[i + 1]][:, near]
    full = version_rows.max(axis=1)
    spans = np.flatnonzero(near)[version_rows.argmax(axis=1)]
    found_at = tuple(scored.unit_text(int(u)) for u in spans)
    # a pronoun's referent (who agreed, who said it) is often further back than a speaker named before a quote
    back = 2 * CONTEXT_BEFORE if refers_back(sentences[first].text) else CONTEXT_BEFORE
    lo, hi = max(first - back, 0), min(last + CONTEXT + 1, len(sentences))
    distinct_scores = _distinct_scores(claims, scored, i, lo, hi, sentence_vectors)
    window = " ".join(s.text for s in sentences[lo:hi])
    focus_sentence = sentences[first + focus]
    return VersionEvidence(focus_sentence.text, focus_sentence.lang, window, full, distinct_scores, found_at)


def _distinct_scores(
    claims: ClaimRows, scored: Scored, i: int, lo: int, hi: int, sentence_vectors: np.ndarray
) -> np.ndarray:
    """Per version of claim i, how well the words only it has are found in sentences lo..hi: word by word where
    the article's words are aligned with them (core/aligned.py; engine.with_version_words), else its phrase's
    vector against each sentence's."""
    distinct = claims.distinct[claims.distinct_offsets[i] : claims.distinct_offsets[i + 1]]
    by_phrase = (distinct @ sentence_vectors[lo:hi].T).max(axis=1)
    if scored.words is None:
        return by_phrase
    window = scored.article.sentences[lo:hi]
    by_words = [words_found(scored.words, own, window) if own else None for own in claims.own_words(i)]
    return np.array([b if b is not None else a for a, b in zip(by_phrase, by_words)])


SECOND_PLACE = 0.8  # a second telling in one article is reported (internal differences) only when it is sure


def _second_places(
    claims: ClaimRows, scored: Scored, look: Look, calibration: Calibration, mentioned: np.ndarray
) -> np.ndarray:
    """Per claim, the best single sentence outside its evidence window if that sentence surely states the
    claim too (p >= SECOND_PLACE, and at least the threshold), else -1."""
    n = len(scored.article.sentences)
    first, last = scored.units.first[look.unit] - CONTEXT, scored.units.last[look.unit] + CONTEXT
    position = np.arange(n)
    outside = (position < first[:, None]) | (position > last[:, None])
    second = np.where(outside, scored.claims[:, :n], -np.inf).argmax(axis=1)
    best = scored.claims[np.arange(len(second)), second]
    which = np.flatnonzero(mentioned & outside.any(axis=1))
    probability = calibration.probabilities(features_at(claims, scored, second, best, which), claims.in_story)
    sure = np.maximum(calibration.thresholds(claims.in_story), SECOND_PLACE)
    states = mentioned & outside.any(axis=1) & (probability >= sure)
    return np.where(states, second, -1)
