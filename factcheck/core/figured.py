"""Where a stated claim that gives a figure is told: at the sentence that gives that figure's quantity, when the
best-scoring one gives none ('The album had only released two singles', not the sentence that names the album)."""

from __future__ import annotations

import numpy as np

from factcheck.core.figures import counted_words, counts_as_claim, speaks_of
from factcheck.core.match import ClaimRows, Look, Scored
from factcheck.models.calibration import Calibration
from factcheck.text.counted import may_say
from factcheck.text.quantities import Quantity, quantities


def at_figures(claims: ClaimRows, scored: Scored, look: Look, calibration: Calibration, mentioned: np.ndarray) -> Look:
    """The look with each stated claim that gives a figure taken, where its evidence gives none of that figure's
    quantity, at the likeliest of its CANDIDATES best units (first_look's) that states it too and does: 'The
    album had only released two singles' is the sentence of the singles, not the one that best names the album.
    Whether the article states the claim does not change; where, and so what is compared, does."""
    threshold = calibration.thresholds(claims.in_story)
    unit, best, probability = look.unit.copy(), look.best.copy(), look.probability.copy()
    features = {name: values.copy() for name, values in look.features.items()}
    for k in (int(k) for k in np.flatnonzero(mentioned) if claims.figures[k]):
        # the cheap tests first (the decision, the words a figure counts), reading figures last
        counted = counted_words(claims.figures[k])
        stating = sorted(
            (
                other
                for other in look.ranked
                if other.unit[k] != look.unit[k]
                and other.probability[k] >= threshold[k]
                and _may_count(counted, scored.unit_terms(int(other.unit[k])).keys)
            ),
            key=lambda other: -other.probability[k],
        )
        if not stating:
            continue
        figures, at = claims.figures[k], int(look.unit[k])
        if speaks_of(figures, _unit_figures(scored, at), claims.langs[k] == _unit_lang(scored, at)):
            continue
        taken = next((o for o in stating if counts_as_claim(figures, _unit_figures(scored, int(o.unit[k])))), None)
        if taken is not None:
            unit[k], best[k], probability[k] = taken.unit[k], taken.best[k], taken.probability[k]
            for name in features:
                features[name][k] = taken.features[name][k]
    return Look(unit, best, features, probability, look.ranked)


def _may_count(counted: set[str], term_keys: frozenset[str]) -> bool:
    return any(may_say(term_keys, key) for key in counted)


def _unit_figures(scored: Scored, unit: int) -> tuple[Quantity, ...]:
    # each sentence read alone, as the comparison reads the evidence: read once for both (quantities is memoised)
    sentences = scored.article.sentences[int(scored.units.first[unit]) : int(scored.units.last[unit]) + 1]
    return tuple(q for s in sentences for q in quantities(s.text, s.lang))


def _unit_lang(scored: Scored, unit: int) -> str:
    return scored.article.sentences[int(scored.units.first[unit])].lang
