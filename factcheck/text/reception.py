"""How a work was received, as a sentence tells it: 'received mixed reviews', 'des critiques négatives',
'olumlu eleştiriler'. Two drafts that differ only there ('mixed' / 'negative') tell two facts."""

from __future__ import annotations

import re
from functools import lru_cache

# what the sentence must speak of for the words below to be its reception, not something else's
_REVIEWS = re.compile(r"\b(?:reviews?|critics|reception|critiques?|accueil|eleştiri\w*|yorum\w*)", re.IGNORECASE)
_RECEPTIONS = {
    "positive": r"positives?|favou?rable|acclaim(?:ed)?|rave|glowing|favorables?|élogieuses?|olumlu",
    "mixed": r"mixed|mitigée?s?|partagée?s?|karışık|karma",
    "negative": r"negative|unfavou?rable|poor|scathing|négatives?|défavorables?|olumsuz",
}
_RECEPTION = {
    kind: re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE) for kind, words in _RECEPTIONS.items()
}


# one reception to another: 'mixed to positive', 'mixed-to-positive', 'mitigées à positives'
_ANY = "|".join(_RECEPTIONS.values())
_SPAN = re.compile(rf"(?<![\w-])(?P<low>{_ANY})\s*(?:-?\s*to\s*-?|-|à|ile)\s*(?P<high>{_ANY})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1 << 14)
def reception(text: str) -> str:
    """'positive', 'mixed', 'negative', or a span of two ('mixed to positive'), when the sentence speaks of reviews
    and says one of them only; else ''."""
    if not _REVIEWS.search(text):
        return ""
    span = _SPAN.search(text)
    if span:
        return f"{_kind(span.group('low'))} to {_kind(span.group('high'))}"
    said = [kind for kind, pattern in _RECEPTION.items() if pattern.search(text)]
    return said[0] if len(said) == 1 else ""


def _kind(word: str) -> str:
    return next(kind for kind, pattern in _RECEPTION.items() if pattern.fullmatch(word))


def reception_words(text: str) -> list[str]:
    """The words that say the reception ('mixed'), to leave a neutral text around them."""
    if not reception(text):
        return []
    span = _SPAN.search(text)
    return [span.group()] if span else [m.group() for pattern in _RECEPTION.values() for m in pattern.finditer(text)]
