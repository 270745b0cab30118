"""What one draft of a sentence changed in the other: the figures replaced, read in order, whatever either allows."""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from factcheck.text.numbers import MONEY_SIGN, parse_number
from factcheck.text.quantities import Quantity, quantities

_TOKEN = re.compile(r"\d[\d.,]*\d|\d|[^\W\d_]+")  # '246,700', '153.1', '4-1' is 4 and 1


def draft_changes(a: str, b: str, lang: str) -> list[tuple[str, str]]:
    """The figures one draft of a sentence replaced in the other, as (a's words, b's words): 'in 1987 and 1992'
    against 'in 1987 and 2004', 'over $ 422 million' against '$ 624 million'. Between drafts, a figure changed is
    a figure changed, whatever either allows; one added, dropped or moved is none."""
    if _values(quantities(a, lang)) == _values(quantities(b, lang)):  # moved, or written another way ('0200 local')
        return []
    tokens_a, tokens_b = list(_TOKEN.finditer(a)), list(_TOKEN.finditer(b))
    words = SequenceMatcher(None, [t.group().lower() for t in tokens_a], [t.group().lower() for t in tokens_b])
    changes = []
    for op, a1, a2, b1, b2 in words.get_opcodes():
        numbers_a, numbers_b = _numbers(tokens_a[a1:a2], lang), _numbers(tokens_b[b1:b2], lang)
        if op == "replace" and numbers_a and numbers_b and not _same_numbers(numbers_a, numbers_b):
            changes.append((_written(a, tokens_a[a1:a2]), _written(b, tokens_b[b1:b2])))
    return changes


def _values(figures: tuple[Quantity, ...]) -> Counter:
    return Counter(round(q.value, 6) for q in figures if q.compared)


def _numbers(tokens: list[re.Match], lang: str) -> list[float]:
    return sorted(parse_number(t.group(), lang) for t in tokens if t.group()[0].isdigit())


def _same_numbers(a: list[float], b: list[float]) -> bool:
    """The same numbers, a decade or year shortened too: 'les années 60' is 'les années 1960'."""
    return len(a) == len(b) and all(
        x == y or (min(x, y) < 100 and max(x, y) >= 1900 and x % 100 == y % 100) for x, y in zip(a, b)
    )


_SCALE_AFTER = re.compile(
    r"\s*(?:%|percent\b|per cent\b|pour cent\b|millions?\b|billions?\b|milliards?\b|milyon\b|milyar\b)"
)


def _written(text: str, tokens: list[re.Match]) -> str:
    """The replaced words as written, with a currency sign before and a scale or percent after: '$ 624 million'."""
    start, end = tokens[0].start(), tokens[-1].end()
    sign, scale = MONEY_SIGN.search(text[:start]), _SCALE_AFTER.match(text[end:])
    return text[sign.start() if sign else start : end + (scale.end() if scale else 0)]
