"""What makes a figure part of a name, not a quantity: 'Resident Evil 5', 'catégorie 1', the song "1999"."""

from __future__ import annotations

import re

from factcheck.text.dates import MONTHS, YEAR

# A figure right after a capitalised word inside a sentence names something, unless the word is a month
_LABEL = re.compile(rf"(?<=[^\W\d_])\s*[,;:]?\s+(?!(?i:{MONTHS})\w*\s+$)[A-ZÀ-ÖØ-ÞÇĞİÖŞÜ][^\W\d_]+\s+$")
# 'Cars 3 has', 'Ted 2 is': a figure after a sentence's first word, followed by a verb, names what the sentence is of
_FIRST_WORD = re.compile(r"\s*[A-ZÀ-ÖØ-ÞÇĞİÖŞÜ][^\W\d_]+\s+")
_VERB_AFTER = re.compile(r"\s+(?:has|had|have|is|was|were|will|would|received|earned|grossed|holds)\b")
_LABEL_REACH = 40  # characters before a figure in which to look for the word it follows


_OPEN_QUOTE = re.compile(r"(?:[\"“«]|''|``)\s*$")
_CLOSE_QUOTE = re.compile(r"^\s*(?:[\"”»]|'')")


def names_something(text: str, match: re.Match, lang: str) -> bool:
    """'Resident Evil 5', 'Chapter 3': a figure, not a year, right after a capitalised word in the sentence; or
    a figure alone in quotes, a title: the song "1999"; or the end of a season ('the 2019–20 pandemic')."""
    if _OPEN_QUOTE.search(text[max(match.start() - 4, 0) : match.start()]) and _CLOSE_QUOTE.match(text[match.end() :]):
        return True
    if len(match.group()) == 2 and _SEASON_START.search(text[max(match.start() - 8, 0) : match.start()]):
        return True
    if _SCALE_OF.search(text[max(match.start() - 12, 0) : match.start()]):  # 'a rating out of 100': a scale
        return True
    if YEAR.fullmatch(match.group()):
        return False
    if _LABEL_WORD.search(text[max(match.start() - 12, 0) : match.start()]):
        return True  # 'catégorie 1', 'level 3': a label, whatever its case
    first = _FIRST_WORD.fullmatch(text[: match.start()]) and _VERB_AFTER.match(text[match.end() :])
    label = _LABEL.search(text[max(match.start() - _LABEL_REACH, 0) : match.start()]) and not _title_case(text)
    if lang == "tr" and _NOUN_AFTER.match(text[match.end() :]):
        label = False  # Turkish puts the subject first: 'Orhan Kaya 88 yaşında', but 'Windows 10'da'
    return bool(first or label)


_WORD = re.compile(r"[^\W\d_]+")
_LABEL_WORD = re.compile(
    r"\b(?:category|catégorie|kategori|level|niveau|phase|chapter|chapitre|article|grade|tier|type)\s+$",
    re.IGNORECASE,
)
_NOUN_AFTER = re.compile(r"\s+[a-zçğıöşü]")


def _title_case(text: str) -> bool:
    """A headline in title case ('Storm Leaves 12 Dead Across Northern Provinces'), where every word is capitalised."""
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_SCALE_OF = re.compile(r"[^\W\d_]\s+(?:out of|sur)\s+$", re.IGNORECASE)  # no figure before it: a scale
_SEASON_START = re.compile(r"(?:1[89]|20)\d\d\s*[-–/]\s*$")  # the 2014-15 season, 2019–20
