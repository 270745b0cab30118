"""What a figure counts: the words of its clause around it, as keys that meet across languages and
wordings ('employees' and 'employés', 'died' and 'deaths'), and the word right after it, its unit."""

from __future__ import annotations

import re

from anyascii import anyascii

from factcheck.text.numbers import CURRENCIES, SCALES
from factcheck.text.terms import terms

CONTEXT_WORDS = 3  # words on each side of a figure that say what it is a figure of
UNIT_WORDS = 2  # words after a figure that say what it counts
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)?")
_CONTEXT_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")  # 'Greek-Turkish' is two context words, in order
_UNIT_SKIP = set(
    """de d des of the les la le du a an adet tane plus more than over about environ près yaklaşık en et and ve ses
    son sa leur leurs ces their its his her these those bu şu fazla az kadar civarında""".split()
)
# What a figure counts ends with its clause: in '$149.4 million in other territories, for a worldwide total of
# $318.3 million', 'worldwide' is the second figure's.
_CLAUSE_BREAK = re.compile(
    r"\s*[,;:\u2013\u2014]\s+|\s+[\u2013\u2014-]\s+|\s+(?:and|et|ve|for|pour|against|contre|with|avec|while|whereas)\s+",
    re.IGNORECASE,
)
# Words that say the same of a figure in other words or languages: 'globally', 'worldwide', 'mondial', 'dünya'
_SAME_SENSE = {
    "globa": "world",
    "mondi": "world",
    "dunya": "world",
    "inter": "world",
    "elsew": "other",
    "overs": "other",
    "abroa": "other",
    "etran": "other",
    # deaths, however told: 'died', '119 deaths', 'claimed 104 lives', 'décès', 'öldü'
    "died": "death",
    "dead": "death",
    "fatal": "death",
    "kille": "death",
    "lives": "death",
    "deces": "death",
    "morts": "death",
    "tues": "death",
    "oldu": "death",
    "olum": "death",
    # the injured, however told: 'wounded', 'blessés', 'yaralandı'
    "wound": "injur",
    "bless": "injur",
    "yaral": "injur",
    "infec": "case",  # infections are cases, and so are positive tests
    "posit": "case",
    "criti": "revie",  # 'based on 37 critics' counts reviews
    "occur": "case",  # 'COVID-19 occurrences'
    "honou": "honor",  # British spelling
}
# 'outside the United States and Canada' is the rest of the world, not the places it names: 'elsewhere'
_OUTSIDE = re.compile(
    r"\b(?:outside|hors)\s+(?:of\s+|de\s+|du\s+|des\s+|d['’]\s*)?(?:the\s+|la\s+|l['’]\s*|les\s+)?"
    r"(?:[A-ZÀ-ÖØ-Þ][\w.-]*(?:(?:\s+(?:and|et|&))?\s+(?=[A-ZÀ-ÖØ-Þ]))?)+"
)
# a sense ('world') -> the keys that say it ('globa', 'mondi')
_SENSE_WORDS = {sense: tuple(w for w, s in _SAME_SENSE.items() if s == sense) for sense in set(_SAME_SENSE.values())}
_NOT_CONTEXT = {w[:5] for w in (*SCALES, *CURRENCIES)}  # 'million' and 'dollars' say how much, not of what

Context = tuple[tuple[str, ...], tuple[str, ...]]


def elsewhere(text: str) -> str:
    """The text with 'outside <the places>' said as 'elsewhere', which 'in other territories' meets."""
    return _OUTSIDE.sub("elsewhere", text)


def figure_context(text: str, matches: list[re.Match], n: int, whole_next: bool) -> Context:
    """The words of its clause before figure n, nearest first, back to the previous figure, and after it, up to
    the next; with `whole_next`, past the next, which is part of this one (the 100 of '74/100', the year of
    'December 3, 1978', the 28 of '15 out of 28 provinces')."""
    last = n + 1 if whole_next else n
    before = text[matches[n - 1].end() if n else 0 : matches[n].start()]
    after = text[matches[last].end() : matches[last + 1].start() if last + 1 < len(matches) else None]
    return clause_context(before, after)


def clause_context(before: str, after: str) -> Context:
    """The keys of the words of a figure's clause before it (nearest first) and after it."""
    return (
        keys(_CLAUSE_BREAK.split(before)[-1])[::-1][:CONTEXT_WORDS],
        keys(_CLAUSE_BREAK.split(after)[0])[:CONTEXT_WORDS],
    )


def keys(text: str) -> tuple[str, ...]:
    """The words of `text` as keys (transliterated first letters, singular, one word for one sense), in order."""
    words = [singular(w) for w in _CONTEXT_WORD.findall(_spelt_out(text))]
    return tuple(
        k if w[:1].isupper() else _SAME_SENSE.get(k, k)  # 'Men in Black: International' is no 'internationally'
        for w in words
        for k in sorted(terms(w).keys)
        if k not in _NOT_CONTEXT
    )


def may_say(term_keys: frozenset[str], key: str) -> bool:
    """Whether a text whose Terms keys are `term_keys` may say `key` among its keys(): a test that costs nothing
    before reading the text again. A plural's key holds its singular's ('tests' holds 'test'); a word of the same
    sense counts ('mondi' for 'world'); 'US' spelt out as 'United States' is not seen."""
    forms = _SENSE_WORDS.get(key, ()) + (key,)
    return any(k.startswith(form) for k in term_keys for form in forms)


# 'in the US and Canada' is 'in the United States and Canada'
_SPELT_OUT = ((re.compile(r"\bU\.?S\.?(?!\w)"), "United States"), (re.compile(r"\bU\.?K\.?(?!\w)"), "United Kingdom"))


def _spelt_out(text: str) -> str:
    for short, name in _SPELT_OUT:
        text = short.sub(name, text)
    return text


def singular(word: str) -> str:
    """A short word without its plural s, so that its key is the singular's: 'years' is 'year', 'tests' 'test'
    (a long word's key, its first letters, is the same either way)."""
    return word[:-1] if 4 < len(word) <= 6 and word[-1] in "sS" and word[-2] not in "sS" else word


def unit(after: str) -> str:
    """The word a figure counts, from the text after it: '4 employés', '100'den fazla kişi'."""
    after = re.sub(r"^['’]\w+", "", after)  # a Turkish case ending: 100'den fazla, %13'lük
    after = after[:60]
    # what it counts is in its own clause ('baissé de huit cents, à 29,42 dollars' counts nothing named), or after
    # the figures listed with it ('2 and 3 goals', '2, 3 or 4 goals')
    cut = next((m.start() for m in _CLAUSE_BREAK.finditer(after) if not after[m.end() : m.end() + 1].isdigit()), None)
    words = [w for w in _WORD.findall(after[:cut])[:4] if w.lower() not in _UNIT_SKIP][:UNIT_WORDS]
    return words[0].lower() if words else ""


# Units of measure in English, French and Turkish (transliterated), with a plural or a Turkish ending
_MEASURES = {
    "length": r"km|kilomet(?:re|er)|met(?:re|er)|miles?",
    "mass": r"kg|kilo(?:gram(?:me)?)?|tonn?e?|gram(?:me)?",
    "area": r"hectare|hektar",
    "temperature": r"degree|degre|derece",
    "volume": r"lit(?:re|er)",
}
_ENDING = r"(?:s|es|l[iu]k|d[ae]n?|y[ae]|[ae])?"
_MEASURE_WORD = {kind: re.compile(rf"(?:{stems}){_ENDING}") for kind, stems in _MEASURES.items()}


def measure_unit(word: str) -> str | None:
    """What a unit of measure measures, in any of the three languages: 'kilometres', 'kilomètres', 'kilometrelik'
    are lengths; None for other words."""
    word = anyascii(word).lower() if word else ""
    return next((kind for kind, pattern in _MEASURE_WORD.items() if pattern.fullmatch(word)), None)
