"""What makes a figure a bound or an estimate ('more than', 'about', 'jusqu'à', 'yaklaşık', 'before 2007') and the
interval of values it then allows."""

from __future__ import annotations

import math
import re

from factcheck.text.dates import SPAN_EDGE

# What comes before a figure and makes it a bound or an estimate.
_LOWER = (
    r"more than|(?<!averaged )over|above|in excess of|higher than|greater than|larger than|older than|longer than|"
    r"taller than|"
    r"plus de|au[- ]delà de|au[- ]dessus de"  # words_to_digits reads hyphens as spaces
)
_UPPER = (
    r"less than|fewer than|under|below|lower than|smaller than|younger than|shorter than|moins de|"
    r"sous la barre d(?:es|e|u)|sous les|en dessous de|au[- ]dessous de"  # "sous les 30 %"
)
_MIN = r"at least|au moins|en az|no fewer than|no less than"
_MAX = r"at most|au plus|en fazla|no more than"
_ABOUT = r"about|around|approximately|roughly|some|environ|quelque|autour de|yaklaşık|aşağı yukarı"
_NEARLY = r"nearly|almost|close to|just under|près de|presque|quasiment|neredeyse"  # a little under
_BEFORE_DATE = r"before(?: the(?: (?:beginning|start) of)?)?|prior to|avant(?: le| la)?"  # before the 19th century
_UNTIL_DATE = r"by"  # a deadline; "until X", "jusqu'en X" end at X: a date like any other
_AFTER_DATE = r"after(?: the(?: end of)?)?|après(?: le| la)?"
_SINCE_DATE = r"since|depuis"
_QUALIFIER_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
)
_QUALIFIER = re.compile(
    rf"(?:(?P<min>{_MIN})|(?P<max>{_MAX})|(?P<lower>{_LOWER})|"
    rf"(?P<upper>{_UPPER})|(?P<nearly>{_NEARLY})|(?P<about>{_ABOUT})|(?P<before>{_BEFORE_DATE})|"
    rf"(?P<after>{_AFTER_DATE})|(?P<until>{_UNTIL_DATE})|(?P<since>{_SINCE_DATE}))"
    rf"\s*(?:de\s+|d['’]\s*)?(?:US\s*)?[$€£]?\s*"
    rf"(?:(?:{_QUALIFIER_MONTHS})\s+)?$",
    re.IGNORECASE,
)
_QUALIFIER_AFTER = re.compile(
    r"^['’]?\w{0,4}\s+(?:(?P<lower>fazla|üzerinde|üstünde)|(?P<upper>az|altında|altına)|(?P<about>civarında|kadar))\b",
    re.IGNORECASE,
)
_OPEN = {
    "lower": (1, None),
    "after": (1, None),
    "min": (-1, None),
    "upper": (None, -1),
    "before": (None, -1),
    "max": (None, 1),
    "until": (None, 1),
    "since": (-1, None),
}  # where the interval starts and ends: past the value (1) or with it (-1), or unbounded
STRICT = ("lower", "upper", "before", "after")  # bounds that leave their own value out
APPROXIMATE = 0.1  # 'about 500' is 450 to 550
APPROXIMATE_LEAST = 0.005  # 'about 99,000' is 98,505 to 99,495
NEARLY = 0.05  # 'nearly 500' is 475 to 500
DATE_BOUNDS = ("before", "after", "until", "since")  # only of dates: 'after 3 games' is no bound


# A rank above another is a smaller number: 'ranked above the 150th' allows '147th', 'behind the 40th' '42nd'
_RANK = r"\s+(?:the\s+)?(?:#\s*|no\.\s*|number\s+)?$"
_RANK_BETTER = re.compile(rf"\b(?:above|higher than|ahead of|better than){_RANK}", re.IGNORECASE)
_RANK_WORSE = re.compile(rf"\b(?:below|lower than|behind|worse than){_RANK}", re.IGNORECASE)


def rank_qualifier(before: str) -> str | None:
    """'upper' for a rank said better than another ('above the 150th'), 'lower' for one said worse; else None."""
    if _RANK_BETTER.search(before[-30:]):
        return "upper"
    return "lower" if _RANK_WORSE.search(before[-30:]) else None


def qualifier_of(before: str, after: str) -> str:
    """The qualifier of a figure, from the words before it (or, in Turkish, after it); 'exact' when none."""
    match = _QUALIFIER.search(before[-30:]) or _QUALIFIER_AFTER.match(after)
    if match is None:
        return "exact"
    return next(name for name, text in match.groupdict().items() if text)


def _about(value: float) -> float:
    """How far 'about' reaches: the rounding its last digit says ('about 99,000' is 98,500 to 99,500, 'about 2,400'
    2,350 to 2,450), within 0.5% and 10% of it ('about 500' is 450 to 550)."""
    size = abs(value)
    if size == 0:
        return 0.0
    place = 10.0 ** math.floor(math.log10(size))
    while place > 1e-6 and abs(size / place - round(size / place)) > 1e-6:
        place /= 10
    return min(max(place / 2, size * APPROXIMATE_LEAST), size * APPROXIMATE)


def interval(value: float, tolerance: float, qualifier: str, period: bool = False) -> tuple[float, float]:
    """The values a figure allows: its rounding (`tolerance`), widened by 'about', opened by a bound ('more
    than 45' starts past 45, 'at least 45' with it). A `period` (a year, a month of a year) is all of its
    span: 'after 2018' starts with 2019, 'about 2018' is 2017 to 2019."""
    low, high = value - tolerance, value + tolerance
    if qualifier in ("about", "nearly"):
        if period:
            return low - 2 * tolerance, high + 2 * tolerance
        if qualifier == "nearly":  # a little under it: 'nearly 104 million' is not 'less than 102 million'
            return min(low, value * (1 - NEARLY)), high
        reach = _about(value)
        return min(low, value - reach), max(high, value + reach)
    if qualifier in _OPEN:
        start, end = _OPEN[qualifier]
        past = tolerance + 2 * SPAN_EDGE if period else 0.0  # a strict bound on a period leaves all of it out
        low = -math.inf if start is None else value + past if start > 0 else value - tolerance
        high = math.inf if end is None else value - past if end < 0 else value + tolerance
    return low, high
