"""A second look at the claims checked everywhere that an article is found to state: their words aligned."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from factcheck.core.aligned import ALIGNED, WordTable
from factcheck.core.features import aligned_at
from factcheck.core.match import ClaimRows, Look, Scored
from factcheck.models.calibration import Calibration

# A claim found this surely needs no second look: on the fit half the veto refused 1 of the 346 found at 0.95 or
# more, and with every found claim looked at again (its threshold refitted) the fit half lost 45 cells.
SURE = 0.95


def with_veto(
    scored: list[tuple[ClaimRows, Scored]],
    looks: list[Look],
    calibration: Calibration,
    encode: Callable[[list[str]], np.ndarray],
) -> list[Look]:
    """The looks, with each claim checked everywhere that its article is found to state (short of SURE) decided
    again by the calibration's veto, its words aligned with the article's (claims of a story have that feature
    from the first look): one the veto finds unlikely gets the veto's probability, below every threshold. The
    words are embedded for those articles alone, in one batch (`encode`)."""
    if calibration.veto is None:
        return looks
    found = [_looked_again(look.probability, claims.in_story, calibration) for (claims, _), look in zip(scored, looks)]
    todo = [i for i, mine in enumerate(found) if mine.any()]
    if not todo:
        return looks
    texts = {i: scored[i][0].texts_where(found[i]) for i in todo}
    every = [text for i in todo for text in texts[i] if text is not None]
    table = WordTable.embedded(every, [scored[i][1].article for i in todo], encode)
    out = list(looks)
    for i in todo:
        look, which = looks[i], np.flatnonzero(found[i])
        again = replace(scored[i][1], words=table, aligned_texts=texts[i])
        # the first look's features are those of the veto but one: only the words are worked out again
        features = {**look.features, ALIGNED: aligned_at(again, look.unit, which)}
        likely = second_look(look.probability, features, scored[i][0].in_story, calibration)
        out[i] = replace(look, probability=refused(look.probability, likely, calibration))
    return out


def refused(probability: np.ndarray, likely: np.ndarray, calibration: Calibration) -> np.ndarray:
    """`probability`, with the veto's (`likely`, from second_look) where it is under the veto's threshold."""
    if calibration.veto is None:
        return probability
    return np.where(likely < calibration.veto.threshold, likely, probability)


def second_look(
    probability: np.ndarray, features: dict[str, np.ndarray], in_story: np.ndarray, calibration: Calibration
) -> np.ndarray:
    """The veto's probability for each claim it looks at again (checked everywhere, found short of SURE); NaN for
    the others, and for all when the calibration has no veto."""
    if calibration.veto is None:
        return np.full(len(probability), np.nan)
    found = _looked_again(probability, in_story, calibration)
    return np.where(found, calibration.veto.probabilities(features), np.nan)


def _looked_again(probability: np.ndarray, in_story: np.ndarray, calibration: Calibration) -> np.ndarray:
    return ~in_story & (probability >= calibration.everywhere.threshold) & (probability < SURE)
