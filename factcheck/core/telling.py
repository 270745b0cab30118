"""One side of a comparison (a Telling): an article's evidence, or the claim's assertion, read once; and whether
two tellings are two drafts of one sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property

from factcheck.results import Evidence
from factcheck.text.cues import Cues, cues
from factcheck.text.quantities import Quantity, quantities
from factcheck.text.terms import terms

NEAR_DUPLICATE = 0.5  # share of words two sentences have in common to be two drafts of one sentence
SAME_WORDS = 0.75  # or share of all their words, in order (difflib's ratio)
_ALL_WORDS = re.compile(r"\w+")
CLAIM = "the claim"


@dataclass(frozen=True)
class Telling:
    """One side of a comparison: the sentence that states the claim, in its language, and the sentences
    before it (a speaker is often named there)."""

    name: str  # an article id, or CLAIM
    text: str
    lang: str
    context: str = ""
    evidence: Evidence | None = field(default=None, compare=False, repr=False)

    # read once per telling, however many others it is compared with
    @cached_property
    def cues(self) -> Cues:
        return cues(self.text, self.lang)

    @cached_property
    def figures(self) -> tuple[Quantity, ...]:
        return quantities(self.text, self.lang)

    @cached_property
    def keys(self) -> frozenset[str]:
        return word_keys(self.text)

    @cached_property
    def all_words(self) -> list[str]:
        return _ALL_WORDS.findall(self.text.lower())


def telling(evidence: Evidence) -> Telling:
    return Telling(evidence.article, evidence.focus_text, evidence.lang, evidence.context_text, evidence)


def near_duplicates(a: Telling, b: Telling) -> bool:
    """Two drafts of one sentence: one language, and most of their words in common; or, for a short sentence
    whose few content words one edit changes, most of all its words in order ('Barcelona won the match 2-0' /
    'Manchester United won the match 2-0')."""
    if a.lang != b.lang:
        return False
    if near_duplicate(a.keys, b.keys):
        return True
    same = SequenceMatcher(None, a.all_words, b.all_words, autojunk=False)
    # the quick upper bounds first: most pairs compared are no drafts of one another
    return same.real_quick_ratio() >= SAME_WORDS and same.quick_ratio() >= SAME_WORDS and same.ratio() >= SAME_WORDS


def near_duplicate(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sentences' word_keys, most of them in common."""
    return bool(a and b) and len(a & b) / len(a | b) >= NEAR_DUPLICATE


def word_keys(text: str) -> frozenset[str]:
    """A sentence's words and names, by their transliterated first letters (its Terms' keys)."""
    return terms(text).keys
