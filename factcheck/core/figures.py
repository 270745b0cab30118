"""Figures two sentences give for one quantity that cannot both be true: '4 employés' against '6 employés',
'more than 500' against 'plus de 1 000' (compatible), '55 closed' against '57 closed'."""

from __future__ import annotations

from dataclasses import replace

from factcheck.text.counted import measure_unit, singular
from factcheck.text.dates import time_unit
from factcheck.text.quantities import Quantity, quantities

COUNTED_WITHIN = 3  # words after a figure where what the claim's figure counts may be ('sociétés minières légitimes')


def number_conflicts(left: tuple[str, str], right: tuple[str, str], as_bounds: bool = False) -> list[tuple[str, str]]:
    """Pairs of (left figure, right figure) for one quantity that cannot both be true, for two (text, language)."""
    a = quantities(*left)
    if not a:  # nothing to contradict (the other side's figures are read only when this side has some)
        return []
    return figure_conflicts(a, quantities(*right), left[1] == right[1], as_bounds)


def figure_conflicts(
    a: tuple[Quantity, ...],
    b: tuple[Quantity, ...],
    same_language: bool,
    as_bounds: bool = False,
    about: tuple[Quantity, ...] = (),
) -> list[tuple[str, str]]:
    """Pairs of (figure of a, figure of b) for one quantity that cannot both be true.

    Two figures are of one quantity when they are of one kind (count, percent, money, year, rank)
    and count the same thing (the words after them, compared by their transliterated first letters,
    so 'employees' meets 'employés'), or when each side has only one figure of that kind. A figure
    conflicts when no figure of the other side for that quantity allows it: leaving a figure out is no
    contradiction. With `as_bounds` (a claim against an article) qualifiers are intervals: 'more than
    500' allows 'plus de 1 000', but a bound the same way only one as strong ('over 720 million' does not bear
    out 'over 725 million'); between articles, two figures with one qualifier must be equal. With `about`
    (the figures of the claim two articles are compared for), only a conflict where one side gives one of them
    counts: '312 passengers' against '320' is another fact than the '58 crew members' both sentences also give."""
    conflicts = []
    of_claim: tuple[list, list] | None = None  # the sides' counterparts of the claim's figures, read once
    for q in a:
        if not q.compared:
            continue
        by_words = _by_words(q, b)
        if by_words:
            # a figure of the other side that another figure of this side states too, of the same thing as far as
            # the words around them tell, is that one's counterpart: '55 ceased, 51 closed' against '51 closed'
            # leaves 55 out; but 'six detectives' is no counterpart of 'a six-episode series' against 'a
            # nine-episode series'; and so is one the words around another figure of this side match better ('an
            # approval rating of 55 %' is the claim's 'approval rating of more than 50 %', not its 'average
            # rating of more than 55 %')
            peers = [p for p in by_words if not _another_ones(q, p, a)] or _left_over(q, a, b, same_language)
        else:
            peers = _left_over(q, a, b, same_language) or _every_date(q, a, b)
            if not peers and not same_language:
                peers = _nearest_in_value(q, a, b)
        if not peers or any(_agree(q, p, as_bounds) for p in peers):
            continue
        if about:
            of_claim = of_claim or (_counterparts(about, a), _counterparts(about, b))
            if q not in of_claim[0] and peers[0] not in of_claim[1]:
                continue
        conflicts.append((_describe(q), _describe(peers[0])))
    return list(dict.fromkeys(conflicts))


def _counterparts(about: tuple[Quantity, ...], side: tuple[Quantity, ...]) -> list[Quantity]:
    """The figures of `side` that the claim's figures would be compared with: by what they count or as the one
    left of their kind ('312 passengers' for 'about 300 passengers'), or equal ('58 mürettebat' for '58 crew')."""
    out = []
    for c in (c for c in about if c.compared):
        out += [x for x in side if x.kind == c.kind and _agree(x, c, True)]
        out += _by_words(c, side) or _left_over(c, about, side, False)
    return out


def speaks_of(claim: tuple[Quantity, ...], text: tuple[Quantity, ...], same_language: bool) -> bool:
    """Whether `text` gives a figure of a quantity, not a date, that the claim gives: one figure_conflicts would
    compare with it, by the words around it or as the one figure of its kind each side has."""
    return any(_compared(q) and bool(_by_words(q, text) or _left_over(q, claim, text, same_language)) for q in claim)


def counts_as_claim(claim: tuple[Quantity, ...], text: tuple[Quantity, ...]) -> bool:
    """Whether `text` gives a figure followed by what a figure of the claim counts ('9,699 tests' for 'fewer
    than 9,700 tests', 'un tiers des sociétés minières légitimes' for 'a third of legitimate mining companies'):
    stricter than speaks_of, which takes 'six singles' for 'six labels' when each is its side's one count."""
    # French and Turkish put adjectives after the noun: the claim's word may come a few words after the figure
    return any(
        p.kind == q.kind and q.after[0] in p.after[:COUNTED_WITHIN]
        for q in claim
        if _compared(q) and q.after
        for p in text
    )


def counted_words(claim: tuple[Quantity, ...]) -> set[str]:
    """The keys of what the claim's figures count ('singl' of 'two singles'): a text without them gives none."""
    return {q.after[0] for q in claim if _compared(q) and q.after}


def _compared(q: Quantity) -> bool:
    return q.compared and q.kind not in _DATES


def _by_words(q: Quantity, theirs: tuple[Quantity, ...]) -> list[Quantity]:
    """The figures of the other side of q's kind with the most words around them in common with q's; none when
    no words are shared (then what is left, _left_over, or every date, _every_date, may be its peers)."""
    same_kind = [p for p in theirs if p.kind == q.kind]
    shared = [q.kinship(p) for p in same_kind]
    if not shared or max(shared) == 0:
        return []
    best = [p for p, n in zip(same_kind, shared) if n == max(shared)]
    # when the words after the figures (what they count) say nothing, the words before them pick one only
    # if no other figure has as many ('grossed $X in America and $Y in ...' is not one figure)
    if len(best) > 1:  # of those, the ones around which what q counts is said, else the one whose word
        counted = [p for p in best if q.counts_as(p)]  # right before it is q's ('budget was over 800
        best = counted or [p for p in best if q.before[:1] and p.before[:1] == q.before[:1]]  # million')
    return best


def _another_ones(q: Quantity, p: Quantity, mine: tuple[Quantity, ...]) -> bool:
    """Whether p is the counterpart of another figure of q's side rather than of q."""
    return any(
        o is not q
        and o.kind == p.kind
        and ((_same_figure(o, p) and not _counts_apart(q, o, p)) or o.kinship(p) > q.kinship(p))
        for o in mine
    )


def _left_over(
    q: Quantity, mine: tuple[Quantity, ...], theirs: tuple[Quantity, ...], same_language: bool
) -> list[Quantity]:
    """The only figure of q's kind on the other side when q is the only one on this side, once the figures both
    sides state alike are paired off: what a translation leaves to pair ('$412 million on sales of $7 billion'
    against '380 millions ... 7 milliards'). Not dates, which tell of many events."""
    mine_kind, theirs_kind = _of_kind(q.kind, mine), _of_kind(q.kind, theirs)
    if q.kind not in _DATES:
        mine_kind, theirs_kind = _unpaired(mine_kind, theirs_kind)
    if mine_kind != [q] or len(theirs_kind) != 1:
        return []
    (other,) = theirs_kind
    if same_language and _apart(q.unit, other.unit):
        return []  # in one language, '4 employés' and '6 régions' count different things
    return [] if _units_apart(q, other) else theirs_kind


def _of_kind(kind: str, side: tuple[Quantity, ...]) -> list[Quantity]:
    return [q for q in side if q.kind == kind]


NEAR_VALUE = 2.0  # across languages, a figure this close in value is the one a claim's changed figure tells


def _nearest_in_value(q: Quantity, mine: tuple[Quantity, ...], theirs: tuple[Quantity, ...]) -> list[Quantity]:
    """Across languages, where no word around the figures is shared ('seized 76,000 mining devices' against 'saisi
    67 000 pièces d'équipement'): the other side's one figure of q's kind within NEAR_VALUE times of q, once the
    figures both sides state alike are paired off; none where two are that close."""
    if q.kind in _DATES or q.value <= 0:
        return []
    mine_kind, theirs_kind = _unpaired(_of_kind(q.kind, mine), _of_kind(q.kind, theirs))
    if q not in mine_kind:
        return []
    near = [
        p
        for p in theirs_kind
        if p.value > 0 and max(p.value, q.value) <= NEAR_VALUE * min(p.value, q.value) and not _units_apart(q, p)
    ]
    return near if len(near) == 1 else []


def _units_apart(q: Quantity, p: Quantity) -> bool:
    """Units of measure or of time that cannot be one ('7 kilometre' and '5,9 büyüklüğünde'; 'seven years' and
    'six heures'), in any language."""
    q_time, p_time = time_unit(q.unit), time_unit(p.unit)
    return _measures_apart(q.unit, p.unit) or bool(q_time and p_time and q_time != p_time)


def _every_date(q: Quantity, mine: tuple[Quantity, ...], theirs: tuple[Quantity, ...]) -> list[Quantity]:
    """Every year or day of the other side, for a year or day this side gives once: none of them allows it, it is
    contradicted ('first sold some years before 1955' against 'introduced in 1965 ... its first iteration dates
    to 1963'). Not the year of a full date, which its day says better."""
    if q.kind not in ("year", "day") or (q.kind == "year" and q.high - q.low < _MONTH_SPAN):
        return []
    same_kind = [p for p in theirs if p.kind == q.kind]
    return same_kind if len(same_kind) > 1 and sum(m.kind == q.kind for m in mine) == 1 else []


def _unpaired(mine: list[Quantity], theirs: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """Both lists without the figures the other states alike, each paired once ('2 year rate' against two
    '2 ans' leaves one)."""
    theirs = list(theirs)
    mine_left = []
    for m in mine:
        match = next((p for p in theirs if _same_figure(m, p)), None)
        if match is None:
            mine_left.append(m)
        else:
            theirs.remove(match)
    return mine_left, theirs


_DATES = ("year", "day", "time")
_MONTH_SPAN = 1 / 13  # a year or a month of one spans more; a day of a year less
# words that count anyone or anything: '505 persons have recovered' may be the claim's '510 cases'
_ANY = {"people", "person", "persons", "individuals", "times", "personnes", "fois", "kişi", "kez", "defa"}


def _measures_apart(unit: str, other: str) -> bool:
    """Whether two figures' words say they measure different things: a length against a mass, a count, or a
    figure with no word after it ('a magnitude of 5.9' against '7 kilometre')."""
    return measure_unit(unit) != measure_unit(other)


def _apart(unit: str, other: str) -> bool:
    """Whether two figures of one language count different things by the words after them."""
    return bool(unit and other) and singular(unit) != singular(other) and not {unit.lower(), other.lower()} & _ANY


_EDGE = 1e-6  # 'at least 50' bears out 'more than 50' as far as anyone writes it
_DIRECTION = {"lower": 1, "min": 1, "after": 1, "since": 1, "upper": -1, "max": -1, "before": -1, "until": -1}


def _agree(a: Quantity, b: Quantity, as_bounds: bool) -> bool:
    a, b = _on_one_calendar(a, b)
    direction = _DIRECTION.get(a.qualifier)
    if as_bounds and direction and direction == _DIRECTION.get(b.qualifier):
        # one bound against another the same way: 'over 720 million' does not bear out 'over 725 million'
        return b.low >= a.low - _EDGE * abs(a.low) if direction > 0 else b.high <= a.high + _EDGE * abs(a.high)
    if not as_bounds and a.qualifier == b.qualifier:  # 'about 91.3 %' and 'about 99.4 %' are two figures
        if a.qualifier in ("exact", "about", "nearly"):
            return abs(a.value - b.value) <= max(_rounding(a), _rounding(b))
        return a.value == b.value
    return a.allows(b)


def _counts_apart(q: Quantity, o: Quantity, p: Quantity) -> bool:
    """Whether p counts what q counts and o something else (the word right after each): '9 episodes' and
    '6 episodes' are one quantity, whatever '6 detectives' says."""
    return bool(p.after[:1]) and q.after[:1] == p.after[:1] and o.after[:1] != p.after[:1]


def _same_figure(a: Quantity, b: Quantity) -> bool:
    """One figure: the same value, as far as rounding tells, with the same qualifier."""
    a, b = _on_one_calendar(a, b)
    return a.qualifier == b.qualifier and abs(a.value - b.value) <= max(_rounding(a), _rounding(b))


def _on_one_calendar(a: Quantity, b: Quantity) -> tuple[Quantity, Quantity]:
    """Two days compared with their years when both give one ('December 3, 1978' is not 'December 3, 1982'), else
    as days of one year ('before April 16, 2020' against 'as of 16 April')."""
    if a.kind != "day" or a.year is None or b.year is None:
        return a, b
    return _dated(a), _dated(b)


def _dated(q: Quantity) -> Quantity:
    shift = q.year * 10_000  # 'April 16, 2020' is 20_200_416
    return replace(q, value=q.value + shift, low=q.low + shift, high=q.high + shift)


def _rounding(q: Quantity) -> float:
    """How far a figure may be from another and still be it, as written (half its last digit)."""
    return (q.high - q.low) / 2 if q.qualifier == "exact" else abs(q.value) * 1e-9


def _describe(q: Quantity) -> str:
    # '2,5 points', but '250 basis points' already says what it counts
    return f"{q.text} {q.unit}".strip() if q.kind == "count" and not q.text.endswith(q.unit) else q.text
