"""How a work was received, as a sentence tells it: 'received mixed reviews', 'des critiques négatives',
'olumlu eleştiriler'. Two drafts that differ only there ('mixed' / 'negative') tell two facts."""

from __future__ import annotations

import re
from functools import lru_cache

# what the sentence must speak of for the words below to be its reception, not something else's
_REVIEWS = re.compile(r"\b(?:reviews?|critics|reception|critiques?|accueil|eleştiri\w*|yorum\w*)", re.IGNORECASE)
_RECEPTIONS = {
    "positive": r"positive|favou?rable|acclaim(?:ed)?|rave|glowing|positives?|favorables?|élogieuses?|olumlu",
    "mixed": r"mixed|mitigée?s?|partagée?s?|karışık|karma",
    "negative": r"negative|unfavou?rable|poor|scathing|négatives?|défavorables?|olumsuz",
}
_RECEPTION = {
    kind: re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE) for kind, words in _RECEPTIONS.items()
}


@lru_cache(maxsize=1 << 14)
def reception(text: str) -> str:
    """'positive', 'mixed' or 'negative' when the sentence speaks of reviews and says one of them only; else ''."""
    if not _REVIEWS.search(text):
        return ""
    said = [kind for kind, pattern in _RECEPTION.items() if pattern.search(text)]
    return said[0] if len(said) == 1 else ""


def reception_words(text: str) -> list[str]:
    """The words that say the reception ('mixed'), to leave a neutral text around them."""
    return [m.group() for pattern in _RECEPTION.values() for m in pattern.finditer(text)] if reception(text) else []
