"""Dates in a sentence as figures that order: a day with its month ('30 April' is 430), a year or a month of a
year as a span ('2018' is 2018.5, give or take half a year); and units of time, in English, French and Turkish."""

from __future__ import annotations

import re
from dataclasses import dataclass

from anyascii import anyascii

from factcheck.text.numbers import EXACT

MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|"
    r"apr|jun|jul|aug|sep|sept|oct|nov|dec|janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
    r"octobre|novembre|décembre|ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık"
)
YEAR = re.compile(r"(1[89]|20)\d\d")
EARLY_YEAR = re.compile(r"1[0-7]\d\d")  # a year before 1800: one where its words say so ('founded in 1738')
_IN_YEAR = re.compile(r"\b(?:in|since|before|after|until|from|en|depuis|avant|après)\s+$", re.IGNORECASE)
_MONTH_NUMBER = {
    name: number
    for names in (
        "january february march april may june july august september october november december",
        "jan feb mar apr may jun jul aug sep oct nov dec",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    )
    for number, name in enumerate(names.split(), 1)
} | {"sept": 9}
_DAY_AFTER = re.compile(rf"^\s*(?:of\s+)?(?P<month>{MONTHS})\b", re.IGNORECASE)  # 16 March, 16 of March
_DAY_BEFORE = re.compile(rf"\b(?P<month>{MONTHS})\.?\s*$", re.IGNORECASE)  # March 16, Aug. 22
# the first day of a range takes the month after the second ('14-24 Eylül', 'le 14 et le 24 septembre'), the second
# the month before the first ('September 14 and 24')
_RANGE = r"\s*(?:-|–|and|to|through|et|au|ve)\s*(?:le\s+)?"
_RANGE_AFTER = re.compile(rf"^{_RANGE}\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?P<month>{MONTHS})\b", re.IGNORECASE)
_RANGE_BEFORE = re.compile(rf"\b(?P<month>{MONTHS})\.?\s*\d{{1,2}}(?:st|nd|rd|th)?{_RANGE}$", re.IGNORECASE)
_MONTH_BEFORE_YEAR = re.compile(rf"\b(?P<month>{MONTHS})\.?,?\s*$", re.IGNORECASE)  # July 2018
_DAY_TO_YEAR = re.compile(rf"\s*(?:(?:of\s+)?(?:{MONTHS})\b\.?)?\s*,?\s*", re.IGNORECASE)  # 3 December, 1978
SPAN_EDGE = 1e-9  # a span leaves out its end: 2018 is not 2019
REACH = 16  # characters before a figure in which its month is looked for ('septembre ', 'Aug. ')


@dataclass(frozen=True)
class When:
    """A date as a figure: `value` orders dates, `half_span` is how far it reaches either side of it."""

    value: float
    half_span: float
    written: str


def early_year(token: str, before: str) -> bool:
    """A figure from 1000 to 1799 after 'in', 'since', 'after' and the like: a year ('1738 members' is a count)."""
    return bool(EARLY_YEAR.fullmatch(token) and _IN_YEAR.search(before[-10:]))


def is_day(value: float, before: str, after: str) -> bool:
    """A figure of 31 or less next to a month name: 16 March, March 16, 16th March, 16 mars, 16 Mart, or in a range
    of days with one: '14-24 Eylül'."""
    next_to_month = _DAY_AFTER.match(after) or _DAY_BEFORE.search(before[-REACH:]) or _in_range(before, after)
    return value <= 31 and bool(next_to_month)


def _in_range(before: str, after: str) -> re.Match | None:
    return _RANGE_AFTER.match(after) or _RANGE_BEFORE.search(before[-2 * REACH :])


def day(number: float, token: str, before: str, after: str) -> When:
    """A day with its month (is_day): 30 April is 430, written '30 April'; '30 March' is not '30 April'."""
    following = _DAY_AFTER.match(after)
    month = following or _DAY_BEFORE.search(before[-REACH:])
    if month is None:  # a day of a range: '14' of '14-24 Eylül'
        month = _in_range(before, after)
        written = f"{token} {month.group('month')}" if month.re is _RANGE_AFTER else f"{month.group('month')} {token}"
    else:
        written = f"{token}{following.group()}" if following else f"{month.group().strip()} {token}"
    return When(_MONTH_NUMBER[month.group("month").lower()] * 100 + number, EXACT, " ".join(written.split()))


def full_date(on_day: When, number: float, between: str) -> When | None:
    """A day and the year after it ('December 3, 1978', '3 December 1978') as one point of that year, when only
    the month and a comma stand between them; a bound on it is a bound on the date, not on the day of any year."""
    if not _DAY_TO_YEAR.fullmatch(between):
        return None
    month, day_of_month = divmod(round(on_day.value), 100)
    start = number + (month - 1) / 12 + (day_of_month - 1) / 372  # a month is a twelfth of the year, a day 1/31 of it
    separator = ", " if on_day.written[:1].isalpha() else " "
    return When(start + 1 / 744, 1 / 744 - SPAN_EDGE, f"{on_day.written}{separator}{int(number)}")


CENTURY = re.compile(r"\s*(?:century|centuries|siècle|yüzyıl)", re.IGNORECASE)  # after '18th', '18e', '18.'


def century(number: float, token: str) -> When:
    """The 18th century as years: 1701 to 1800, so that 'before the 19th century' allows 'the late 18th century'."""
    start = (number - 1) * 100 + 1
    return When(start + 50, 50 - SPAN_EDGE, f"{token} century")


def year(number: float, token: str, before: str) -> When:
    """A year as its middle and half its span ('2018' is 2018.5 +- 0.5); after a month, that month of it."""
    month = _MONTH_BEFORE_YEAR.search(before[-REACH:])
    if month is None:
        return When(number + 0.5, 0.5 - SPAN_EDGE, token)
    start = number + (_MONTH_NUMBER[month.group("month").lower()] - 1) / 12
    return When(start + 1 / 24, 1 / 24 - SPAN_EDGE, f"{month.group('month')} {token}")


# Units of time in English, French and Turkish, by how their transliterated words start
_TIME_UNITS = {
    "year": "year",
    "an": "year",
    "anne": "year",
    "yil": "year",
    "month": "month",
    "mois": "month",
    "ay": "month",
    "week": "week",
    "semaine": "week",
    "hafta": "week",
    "day": "day",
    "jour": "day",
    "gun": "day",
    "hour": "hour",
    "heure": "hour",
    "saat": "hour",
    "minute": "minute",
    "dakika": "minute",
}
_TIME_WORD = re.compile(
    rf"({'|'.join(sorted(_TIME_UNITS, key=len, reverse=True))})(?:s|es|l[ai]k|d[ai]r?|da|de|lar|ler)?$"
)


def time_unit(word: str) -> str | None:
    """The unit of time a word names, in any of the three languages: 'years', 'ans', 'yıldır' are years."""
    match = _TIME_WORD.match(anyascii(word).lower()) if word else None
    return _TIME_UNITS[match.group(1)] if match else None


# Clock times: 13:00, 13h00, 9:00 p.m., 6.00 a.m., 6 p.m., 0200 local time, 1300 hours
_HALF_DAY = r"\s*[ap]\.?\s?m\b"
CLOCK_TIME = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?:[:h](?P<m>[0-5]\d)\b|\.(?P<dm>[0-5]\d)(?=" + _HALF_DAY + r")|(?=" + _HALF_DAY + r"))"
    r"(?:\s*(?P<half>[ap])\.?\s?m\b\.?)?"
    r"|(?<!\d[ .,\u00a0\u202f])\b(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)"
    r"(?=\s*(?:hours?|hrs|h\b|GMT|UTC|CET|local))|(?<!\d[ .,\u00a0\u202f])\b0\d+\b",
    re.IGNORECASE,
)


def clock_minutes(match: re.Match) -> float | None:
    """Minutes since midnight of a CLOCK_TIME match ('9 p.m.' is 21:00, '12 a.m.' midnight); None for a number
    with a leading zero that is no time ('007')."""
    hours = match.group("h") or match.group("hh")
    if hours is None:
        return None
    minutes = match.group("m") or match.group("dm") or match.group("mm") or "0"
    hour, half = int(hours), (match.group("half") or "").lower()
    if half:
        hour = hour % 12 + (12 if half == "p" else 0)
    return float(hour * 60 + int(minutes))
