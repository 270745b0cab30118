"""Which version of a claim an article tells, decided by what tells the versions apart: a negation, a modal or a
stance ('deliberately', 'partly', 'criticised'), a figure, a name, else the words only one version has, looked for
in the evidence and the sentences around it (a quote's speaker is often in the sentence before)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from factcheck.core.figures import figure_conflicts
from factcheck.text.cues import cues
from factcheck.text.quantities import quantities
from factcheck.text.terms import content_words, terms

COMPARED_MODALITY = ("deliberate", "alleged", "partial", "insisted", "called-for", "planned", "criticised", "concern")
DISTINCT_WEIGHT = 1.0


@dataclass(frozen=True)
class VersionEvidence:
    """What an article gives to tell a claim's versions apart."""

    focus: str  # the evidence sentence that states the claim best
    lang: str
    window: str  # the evidence with the sentences around it
    full_scores: np.ndarray  # per version: its best score in the evidence and the sentences next to it
    distinct_scores: np.ndarray  # per version: how well the words only it has match the window
    found_at: tuple[str, ...] = ()  # per version: the span of the window it matches best (full_scores')

    def scores(self) -> np.ndarray:
        """Per version, what chooses it when no rule does: its whole text's and its own words' scores, averaged
        (what `explain` shows)."""
        return (self.full_scores + DISTINCT_WEIGHT * self.distinct_scores) / (1 + DISTINCT_WEIGHT)


def own_words(texts: list[str], lang: str) -> list[tuple[str, ...]]:
    """Per version text, its content words that no other version has, case aside: what tells it apart
    ('engine', 'room' / 'car', 'deck'); all its words where it has none of its own (the versions differ in a
    figure, or in words of one letter or two)."""
    words = [content_words(text, lang) for text in texts]
    theirs = [{w.lower() for j, other in enumerate(words) if j != i for w in other} for i in range(len(words))]
    return [tuple(w for w in mine if w.lower() not in others) or mine for mine, others in zip(words, theirs)]


TOLD_BY = ("scores", "negation", "modality", "figure", "name")  # what told a version, as stored (evidence.py)


@dataclass(frozen=True)
class Told:
    """The version an article tells (an index into the claim's versions), and what told it (TOLD_BY)."""

    version: int
    by: str


def tell(versions: tuple[tuple[str, str], ...], version_lang: str, evidence: VersionEvidence) -> Told:
    """The version the evidence tells. Each rule that tells the versions apart keeps those that agree with the
    evidence (if any do); the scores choose among what is left. `by`: the rule that left one, or 'scores'."""
    candidates = list(range(len(versions)))
    texts = [text for _, text in versions]
    for name, rule in zip(TOLD_BY[1:], (_by_negation, _by_modality, _by_figures, _by_names)):
        kept = rule(candidates, texts, version_lang, evidence)
        if kept:
            candidates = kept
            if len(candidates) == 1:
                return Told(candidates[0], name)
    scores = evidence.scores()
    return Told(max(candidates, key=lambda i: scores[i]), "scores")


def _by_negation(candidates, texts, lang, evidence) -> list[int]:
    polarity = {i: cues(texts[i], lang).negated for i in candidates}
    if len(set(polarity.values())) < 2:
        return []
    # each version against the span it matches best: 'no idea what charges to bring' may be the sentence after
    # the one that states the claim best ('still awaiting judgment'), which negates nothing
    at = evidence.found_at or (evidence.focus,) * len(texts)
    return [i for i in candidates if polarity[i] == cues(at[i], evidence.lang).negated]


def _by_modality(candidates, texts, lang, evidence) -> list[int]:
    kept = candidates
    told = cues(evidence.focus, evidence.lang).modality
    for kind in COMPARED_MODALITY:
        has = {i: kind in cues(texts[i], lang).modality for i in kept}
        if len(set(has.values())) == 2:
            kept = [i for i in kept if has[i] == (kind in told)] or kept
    return kept if kept != candidates else []


def _by_figures(candidates, texts, lang, evidence) -> list[int]:
    told = quantities(evidence.focus, evidence.lang)
    figures = {i: quantities(texts[i], lang) for i in candidates}
    if not told or len({tuple((q.value, q.qualifier) for q in f) for f in figures.values()}) < 2:
        return []
    # each figure against the evidence's figure of the same quantity (what it counts): 'six detectives' says
    # nothing of a 'six-episode' series; a version's bound is a bound, as a claim's is: 'under $36 million' is
    # what '$35.6 million' tells, and 'over $36 million' is not
    return [
        i
        for i in candidates
        if figures[i] and not figure_conflicts(figures[i], told, lang == evidence.lang, as_bounds=True)
    ]


def _by_names(candidates, texts, lang, evidence) -> list[int]:
    """The versions whose own names (names no other version has) are in the window."""
    window = terms(evidence.window)
    own = {
        i: [n for n in terms(texts[i]).names if not any(terms(texts[j]).has(n) for j in candidates if j != i)]
        for i in candidates
    }
    if not any(own.values()):
        return []
    found = [i for i in candidates if own[i] and any(window.has(n) for n in own[i])]
    return found if len(found) < len(candidates) else []
