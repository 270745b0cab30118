"""Quantities in a sentence: figures, fractions, percents, money, dates and times, with what qualifies them
('more than', 'about', 'jusqu'à', 'yaklaşık') as an interval and the words around them (what they count)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from factcheck.text.counted import CONTEXT_WORDS, clause_context, elsewhere, figure_context, keys, unit
from factcheck.text.dates import (
    CENTURY,
    CLOCK_TIME,
    EARLY_YEAR,
    YEAR,
    When,
    century,
    clock_minutes,
    day,
    early_year,
    full_date,
    is_day,
    year,
)
from factcheck.text.names import names_something
from factcheck.text.numbers import (
    EXACT,
    MONEY_SIGN,
    NUMBER,
    ORDINAL,
    SUFFIX_SCALES,
    apply_scale,
    currency_of,
    mark_fractions,
    parse_number,
    rounding_tolerance,
    split_suffix,
    words_to_digits,
)
from factcheck.text.qualifiers import DATE_BOUNDS, STRICT, interval, qualifier_of, rank_qualifier

_PERCENT_AFTER = re.compile(r"^\s*\\?(?:%|pour\s?cent|percent|per\s?cent)")
_PERCENT_BEFORE = re.compile(r"(?:%|yüzde)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    value: float
    kind: str  # count, percent, money:<ISO code>, year, rank
    unit: str  # the word it counts ("employés"), '' when none
    text: str  # as written, for explanations
    qualifier: str = "exact"  # exact, lower (more than), upper (less than), about, before, after
    low: float = -math.inf  # the values it allows, given its qualifier and how it was rounded
    high: float = math.inf
    before: tuple[str, ...] = ()  # keys of the words before it, nearest first, back to the previous figure
    after: tuple[
        str, ...
    ] = ()  # and after it, up to the next: what it is a figure of ('$35.6 million in North America')
    year: float | None = None  # of a day, when the year is given with it: 'December 3, 1978'

    @property
    def compared(self) -> bool:
        """Whether it is a figure to compare: a number with a leading zero ('007', '2007-08') is read, and
        marked, but says no quantity."""
        return self.kind != "other"

    def kinship(self, other: Quantity) -> int:
        """How much the words around two figures say they are one quantity: the words after a figure (what
        it counts) weigh double, the one right after it (its unit) more."""
        unit = 2 if self.after[:1] and self.after[:1] == other.after[:1] else 0
        mine, theirs = set(self.before) | set(self.after), set(other.before) | set(other.after)
        # what one counts said before the other: '$90 million worldwide', 'a worldwide total of $91.1 million'
        crossed = (set(self.after) & set(other.before)) | (set(other.after) & set(self.before))
        return unit + 2 * len(set(self.after) & set(other.after)) + len(crossed) + len(mine & theirs)

    def counts_as(self, other: Quantity) -> bool:
        """Whether what one figure counts (the words after it) is said around the other, on either side:
        '$90 million worldwide' and 'a worldwide total of $91.1 million'."""
        return bool(set(self.after) & (set(other.before) | set(other.after)))

    def allows(self, other: Quantity) -> bool:
        """Whether both can be true of one thing: their intervals overlap ('more than 45' starts past 45).
        This side's strict bound leaves out a figure equal to it: a claim's 'fewer than 29 clubs' does not allow
        '29 clubs', nor 'less than 1.6 billion' '1.6 billion', as readers take it; but this side's rounded
        '65 million' may be 65.3 million, as the other's 'over 65 million' says."""
        if self.qualifier in STRICT and other.qualifier == "exact" and other.kind != "year":
            return self.low < other.value < self.high  # a year is its whole span: 'before May 2019' allows '2019'
        if self.qualifier in STRICT or other.qualifier in STRICT:
            return self.low < other.high and other.low < self.high
        if self.qualifier == other.qualifier == "exact":  # written to one place, two values are two figures:
            return self.low < other.high and other.low < self.high  # '430.1 million' ends where '430.2' begins
        return self.low <= other.high and other.low <= self.high


@lru_cache(maxsize=1 << 16)
def quantities(text: str, lang: str) -> tuple[Quantity, ...]:
    """Every quantity in `text`, with number words turned into digits first (memoised: an
    evidence sentence is compared with every other article's)."""
    text, fractions = mark_fractions(text)
    text = elsewhere(words_to_digits(text, lang))
    found = [_time(m) for m in CLOCK_TIME.finditer(text)]
    text = CLOCK_TIME.sub(" ", text)
    matches = list(NUMBER.finditer(text))
    out_of = set()  # the 10 of '7.1/10', the year of a date
    for n, match in enumerate(matches):
        if n in out_of or names_something(text, match, lang):
            continue  # the 10 of a rating, or part of a name: 'Resident Evil 5', 'Chapter 3', 'Windows 10'

        token, suffix = split_suffix(match.group())
        value = parse_number(token, lang) * SUFFIX_SCALES.get(suffix, 1.0)
        before, after = text[: match.start()], text[match.end() :]
        value, after, scale_text = apply_scale(value, after, money=bool(MONEY_SIGN.search(before)))
        kind = _kind(value, match.group(), before, after, lang)
        rating = _OUT_OF.match(after)
        if rating:  # out of 100 a percent; a score out of 10 stays one, beside an approval rate in percent
            kind = "percent" if rating.group(1) == "100" else f"rating:{rating.group(1)}"
            out_of.add(n + 1)
        written = (match.group() + scale_text).strip() + (f"/{rating.group(1)}" if rating else "")
        rounding, date = None, None
        if kind == "rank" and CENTURY.match(after):  # '18th century' is a span of years
            kind, when = "year", century(value, match.group())
            value, written, rounding = when.value, when.written, when.half_span
        elif kind in ("day", "year"):  # '30 March' is not '30 April'; 'July 2018' is a month of 2018
            when = day(value, match.group(), before, after) if kind == "day" else year(value, match.group(), before)
            value, written, rounding = when.value, when.written, when.half_span
            date = _full_date(when, text, matches, n) if kind == "day" else None
            if date is not None:  # compared with other years, and as a day with other days
                out_of.add(n + 1)
        if kind == "percent" and not rating:
            sign_before, sign_after = _PERCENT_BEFORE.search(before), _PERCENT_AFTER.match(after)
            written = (
                (before[sign_before.start() :] if sign_before else "")
                + written
                + (sign_after.group() if sign_after else "")
            ).strip()
        # '15 out of 28 provinces' counts 15 provinces: the share takes what the total counts
        of_total = (
            not rating and n + 1 < len(matches) and _OF_TOTAL.fullmatch(text[match.end() : matches[n + 1].start()])
        )
        quantity = _qualified(
            value,
            kind,
            token,
            scale_text or suffix,
            before,
            text[matches[n + 1].end() :] if of_total else after,
            written,
            figure_context(text, matches, n, bool(rating) or date is not None or bool(of_total)),
            rounding,
        )
        found.extend((replace(quantity, year=float(matches[n + 1].group())), date) if date else (quantity,))
    for share, written, before, after in fractions:
        around = (keys(before)[::-1][:CONTEXT_WORDS], keys(after)[:CONTEXT_WORDS])
        found.append(_qualified(share, "percent", "", "", "", after, written, around, rounding=1.0, about=True))
    return tuple(found)


def _full_date(on_day: When, text: str, matches: list[re.Match], n: int) -> Quantity | None:
    """Day n and the year after it as one date, a point of a year: 'born before December 3, 1982'."""
    following = matches[n + 1] if n + 1 < len(matches) else None
    if following is None or not (YEAR.fullmatch(following.group()) or EARLY_YEAR.fullmatch(following.group())):
        return None
    date = full_date(on_day, float(following.group()), text[matches[n].end() : following.start()])
    if date is None:
        return None
    before, after = text[: matches[n].start()], text[following.end() :]
    # around it: its month, nearest, then what happened on it ('confirmed on 28 January 2020'), and what follows
    between = text[matches[n].end() : following.start()].replace(",", " ")  # 'November 2, 1998' is one clause
    around = text[matches[n - 1].end() if n else 0 : matches[n].start()] + " " + between
    context = clause_context(around, text[following.end() : matches[n + 2].start() if n + 2 < len(matches) else None])
    return _qualified(date.value, "year", "", "", before, after, date.written, context, date.half_span)


# A score out of a scale is one figure: '7.1/10', '3.8 out of 10'; out of 100 it is a percent: '84/100' is 84 %
_OF_TOTAL = re.compile(r"\s+(?:out of|sur)\s+")
_OUT_OF = re.compile(r"\s*(?:/|out of|sur)\s*(10|100|5)\b(?![.,]\d)", re.IGNORECASE)


def _time(match: re.Match) -> Quantity:
    minutes = clock_minutes(match)
    if minutes is None:  # a number with a leading zero that is no time: not compared
        return Quantity(0.0, "other", "", match.group(), "exact", 0.0, 0.0)
    return Quantity(minutes, "time", "", match.group(), "exact", minutes - EXACT, minutes + EXACT)


def _qualified(
    value: float,
    kind: str,
    token: str,
    scale_text: str,
    before: str,
    after: str,
    written: str,
    context: tuple[tuple[str, ...], tuple[str, ...]],
    rounding: float | None = None,
    about: bool = False,
) -> Quantity:
    qualifier = "about" if about else (kind == "rank" and rank_qualifier(before)) or qualifier_of(before, after)
    if qualifier in DATE_BOUNDS and kind not in ("year", "day", "time", "rank"):
        qualifier = "exact"  # 'reviewed by 47 critics', 'after 3 games': not dates nor 'after the 57th minute'
    tolerance = rounding if rounding is not None else rounding_tolerance(token, value, scale_text)
    low, high = interval(value, tolerance, qualifier, period=kind == "year")
    counts = unit(after) if kind == "count" else ""
    return Quantity(value, kind, counts, written, qualifier, low, high, *context)


# '# 12', 'No. 1', 'number 31'; and 'on lap 60' is the 60th lap, 'in week 6' the 6th week
_RANK_BEFORE = re.compile(
    r"(?:#|\bno\.|\bnumber|\bnuméro|\bn°|\b(?:week|lap|round|leg|stage|semaine|tour|étape|hafta|tur)\s)\s*$",
    re.IGNORECASE,
)


def _kind(value: float, token: str, before: str, after: str, lang: str) -> str:
    if is_day(value, before, after):
        return "day"
    if re.search(rf"\d{ORDINAL}$", token) or (lang == "tr" and token.endswith(".")) or _RANK_BEFORE.search(before):
        return "rank"  # 17e, 17th, Turkish 17., # 12, No. 1, number 31, lap 60
    if _PERCENT_AFTER.match(after) or _PERCENT_BEFORE.search(before):
        return "percent"
    currency = currency_of(before, after)
    if currency:
        return f"money:{currency}"
    if YEAR.fullmatch(token.rstrip(".")) and not _COUNTED.search(before[-20:]):
        return "year"
    if early_year(token, before):  # 'founded in 1738', 'after 1764'
        return "year"
    return "count"


# A year-like figure after what bounds a count is a count: 'less than 1850 cases', 'at least 2000 people'
_COUNTED = re.compile(r"\b(?:more|less|fewer)\s+than\s+$|\b(?:nearly|almost|at least)\s+$", re.I)
