"""Recognise lines that are page furniture (ads, newsletter calls, 'read also' links), not reporting."""

from __future__ import annotations

import re

# Each cue is a phrase that, in news text, only ever appears in furniture around the
# article: a line that contains one is dropped whole. Lines are the unit because
# scrapers put each block (link, ad, footer) on its own line.
CUES = {
    "read-also": [
        r"^\W*(?:[àa] )?lire aussi\b",
        r"^\W*(?:read|see) (?:also|more)\b",
        r"^\W*related(?: articles?| stories)?\s*:",
        r"^\W*(?:ayrıca bakınız|ilgili haber(?:ler)?|bunlar da ilginizi)",
    ],
    "newsletter": [
        r"\bnewsletter\b",
        r"\babonner\b",
        r"\bsubscribe to\b",
        r"\babone ol",
        r"\bbültenimize\b",
    ],
    "disclosure": [
        r"^\W*(?:divulgation|disclosure|disclaimer|avertissement|yasal uyarı)\s*:",
        r"^\W*(?:référence|references?|source|sources|kaynak)\s*:",
    ],
    "advert": [
        r"\bhesab[ıi] açın\b",
        r"\bdeneme hesab",
        r"\b(?:ouvrez|open) (?:un|a|an|your|votre) (?:free |gratuit )?(?:compte|account)\b",
        r"\binscrivez-vous\b",
        r"\bsign up (?:now|today|for free)\b",
    ],
}

_COMPILED = [(kind, re.compile(p, re.IGNORECASE)) for kind, ps in CUES.items() for p in ps]


def boilerplate_kind(line: str) -> str | None:
    """The kind of furniture `line` is ('advert', 'newsletter', ...), or None for article text."""
    for kind, pattern in _COMPILED:
        if pattern.search(line):
            return kind
    return None
