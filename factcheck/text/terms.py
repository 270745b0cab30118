"""Words that tie a claim to a sentence across languages: transliterated content words, proper names, clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz, process

from factcheck.text.numbers import words_to_digits

KEY_CHARS = 5  # 'kazakhstan' and 'kazakistan', 'ministry' and 'ministère' share their first five letters
MIN_WORD = 4
NAME_RATIO = 85  # rapidfuzz ratio at which two transliterated names are one (tokayev ~ tokaiev)
_WORD = re.compile(r"[^\W\d_][\w'’‘]*")  # hyphenated names are their parts: Kassym-Jomart, Anti-Doping
_ELISION = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’‘]", re.IGNORECASE)
_APOSTROPHE = re.compile("['’‘]")  # elisions and Turkish endings follow one; most words have none
_SUFFIX = re.compile(r"['’‘].*$")  # Turkish case endings after a name: Kazakistan'da, Tokayev’in
_SENTENCE_START = re.compile(r"(?:^|[.!?:;«»“”\"(]\s*)$")  # on the few characters before a word
# Function words of four letters or more, which tie nothing to anything.
_STOP = frozenset(
    """
that this these those with from have were been being their there which what when where while will would could
should about after before into over under than then them they your also only just such very more most some
dans pour avec sans sous sur entre mais donc alors comme leur leurs cette ces celle celui elle elles nous vous
sont était étaient avait avaient sera seront être avoir selon tout tous toute toutes plus moins aussi très
déjà encore après avant depuis pendant lors dont quand ainsi
için gibi kadar daha olan olarak ancak fakat veya ancak bunu şunu onun bunlar şöyle hangi göre sonra önce
""".split()
)
# Short function words and negations, which content_words leaves out while keeping 'gas' or 'war'.
_SHORT_STOP = frozenset("not pas değil yok les des est was has had are une avec bir olarak".split())
# Capitalised function words at the start of a clause inside a sentence ('Nicholas Sarkozy On the first day').
_NOT_NAMES = frozenset(
    """a an the on in at of to by for and or but as if it its this that these those we he she
they i le la les un une des du de et ou il elle ils elles ce cet cette on en au aux bu o ve ile da de""".split()
)
# Words of institutions and titles: capitalised in English, but translated, not transliterated ('Ministry of
# Finance' is 'Maliye Bakanlığı'), so their absence says nothing of another language's article.
_INSTITUTION = frozenset(
    """ministry minister ministere ministre bakanlik bakan bank banque banka bankasi central
centrale merkez national nationale ulusal state etat devlet department departement daire dairesi revenue revenus
gelirleri finance finances maliye security securite guvenlik committee comite komite komitesi agency agence ajans
government gouvernement hukumet council conseil university universite universitesi police polis court tribunal
mahkeme army armee ordu party parti president baskan baskani prime premier office bureau federal federation
association union republic republique cumhuriyet parliament parlement meclis senate senat commission exchange
authority autorite financial financiere""".split()
)
_CLAUSE = re.compile(
    r"\s*(?:[;:–—]|\s[-–]\s|,?\s+(?:et|and|ve|mais|but|while|whereas|tandis qu[e’']|alors qu[e’']|"
    r"ama|fakat|ancak)\s+|,\s+)\s*",
    re.IGNORECASE,
)
MIN_CLAUSE_WORDS = 3


def _normal(word: str) -> str:
    """A word without its French elision or Turkish ending, transliterated (done once for a whole text in
    terms()), lower-cased."""
    word = _ELISION.sub("", word) if _APOSTROPHE.search(word) else word
    return (
        anyascii(_SUFFIX.sub("", word)).lower().strip("-")
        if not word.isascii() or _APOSTROPHE.search(word)
        else word.lower().strip("-")
    )


@dataclass(frozen=True)
class Terms:
    """What a text holds that can be found in another language: content words and proper names,
    transliterated and lower-cased (`keys`: their first KEY_CHARS letters)."""

    words: frozenset[str]
    names: frozenset[str]
    keys: frozenset[str]
    name_groups: tuple[frozenset[str], ...] = ()  # names written together: Roberto Baggio, Ardak Tangebaev
    spelled: tuple[str, ...] = ()  # words and names, for fuzzy lookups
    capitalised: frozenset[str] = frozenset()  # names, and capitalised words at a sentence's start (Tokayev ...)

    def has(self, word: str) -> bool:
        """Whether `word` (normalised) is here: the same first letters, or a close spelling of a name
        (Tokayev, Tokaiev)."""
        if word[:KEY_CHARS] in self.keys:
            return True
        if len(word) < MIN_WORD or not self.spelled:
            return False
        return process.extractOne(word, self.spelled, scorer=fuzz.ratio, score_cutoff=NAME_RATIO) is not None


def names_someone(text: str) -> bool:
    """Whether `text` names a person or a body by a proper name ('Daniyar Akishev', 'KazFinTech'), not only by
    capitalised institution words ('le président de la Banque Centrale' is a title)."""
    return bool(terms(text).names - _INSTITUTION)


@lru_cache(maxsize=1 << 16)
def terms(text: str) -> Terms:
    words, names, groups, group, last_end, capitalised = set(), set(), [], [], -1, set()
    matches = list(_WORD.finditer(text))
    for n, match in enumerate(matches):
        raw = match.group()
        word = _normal(raw)
        if len(word) < 2:
            continue
        following = matches[n + 1].group() if n + 1 < len(matches) else ""
        if _is_name(raw, text[max(match.start() - 4, 0) : match.start()] if match.start() else "", following):
            names.add(word)
            if group and not text[last_end : match.start()].strip(" -"):
                group.append(word)
            else:
                group = [word]
                groups.append(group)
            last_end = match.end()
            continue
        if len(word) >= MIN_WORD and word not in _STOP:
            words.add(word)
            if raw[:1].isupper():
                capitalised.add(word)
    return Terms(
        frozenset(words),
        frozenset(names),
        frozenset(w[:KEY_CHARS] for w in words | names),
        tuple(frozenset(g) for g in groups),
        tuple(sorted(words | names)),
        frozenset(capitalised | names),
    )


def _is_name(raw: str, before: str, following: str) -> bool:
    """A capitalised word inside a sentence, or at its start followed by another (Hassan Rouhani), or an
    acronym (KNB, FMA): a rough proper name. A capitalised first word alone is mostly a common word."""
    core = _SUFFIX.sub("", _ELISION.sub("", raw)) if _APOSTROPHE.search(raw) else raw
    if core.lower() in _NOT_NAMES:
        return False
    if len(core) >= 2 and core.isupper():
        return True
    if not core[:1].isupper():
        return False
    return not _SENTENCE_START.search(before) or following[:1].isupper()


FUZZY_FROM = 6  # a word not found by its first letters is looked for by spelling from this length (Tokayev)


def overlap(claim: Terms, unit: Terms) -> float:
    """Share of the claim's words and names (by their first letters) that the unit has too, by their first
    letters or, for longer capitalised ones, a close spelling (Tokayev, Tokaiev)."""
    if not claim.keys:
        return 0.0
    missing = claim.keys - unit.keys
    found = len(claim.keys) - len(missing)
    if missing and unit.spelled:  # names are spelt otherwise across languages (Tokayev, Tokaiev)
        found += sum(
            process.extractOne(w, unit.spelled, scorer=fuzz.ratio, score_cutoff=NAME_RATIO) is not None
            for w in claim.capitalised
            if len(w) >= FUZZY_FROM and w[:KEY_CHARS] in missing
        )
    return min(found, len(claim.keys)) / len(claim.keys)


def merged(parts: list[Terms]) -> Terms:
    """The terms of several texts read as one (a unit of two sentences, a whole article)."""
    if len(parts) == 1:
        return parts[0]
    words = frozenset().union(*(p.words for p in parts))
    names = frozenset().union(*(p.names for p in parts))
    return Terms(
        words,
        names,
        frozenset().union(*(p.keys for p in parts)),
        tuple(g for p in parts for g in p.name_groups),
        tuple(sorted(words | names)),
        frozenset().union(*(p.capitalised for p in parts)),
    )


def name_swap(missing: float, claim_all: Terms, unit: Terms) -> float:
    """Share of the claim's names missing from the article (`missing`, names_missing), when the evidence names
    someone or something else ('Rouhani wins in Iran' against 'Maduro wins in Venezuela'). Names alone are no
    positive evidence: 'Kazakhstan' is in every article of a story."""
    return missing if missing and not all(claim_all.has(n) for n in unit.names) else 0.0


def names_missing(claim: Terms, article: Terms) -> float:
    """Share of the claim's names the article lacks. A name written in several words is there if one of them is
    (Baggio for Roberto Baggio); names made of institution words only (the Ministry of Finance) are translated,
    not transliterated, and left out."""
    groups = [g for g in claim.name_groups if not g <= _INSTITUTION]
    return sum(not any(article.has(n) for n in group) for group in groups) / len(groups) if groups else 0.0


MIN_ALIGNED = 3  # 'gas', 'war', 'Irak': short content words count when words are matched by their vectors


@lru_cache(maxsize=1 << 16)
def content_words(text: str, lang: str) -> tuple[str, ...]:
    """The text's content words as written, for their vectors (core/aligned.py): case kept, which the embedding
    needs to see a name ('Suriye' ~ 'Syria' 0.84, 'suriye' ~ 'syria' 0.42), without a French elision or a
    Turkish ending (l'Irak, Temmuz'a), each once. Figures are no words here ('four', 'dört'): they are compared,
    and a changed figure must not hide that an article states the claim."""
    out = []
    for match in _WORD.finditer(words_to_digits(text, lang)):
        word = match.group()
        if _APOSTROPHE.search(word):
            word = _SUFFIX.sub("", _ELISION.sub("", word))
        lower = word.lower()
        if len(word) >= MIN_ALIGNED and lower not in _STOP and lower not in _NOT_NAMES and lower not in _SHORT_STOP:
            out.append(word)
    return tuple(dict.fromkeys(out))


def clauses(sentence: str) -> list[str]:
    """The clauses of a long sentence, when it has two or more ('filed 25 cases and seized 67,000 pieces')."""
    parts = [p for p in _CLAUSE.split(sentence) if len(p.split()) >= MIN_CLAUSE_WORDS]
    return parts if len(parts) >= 2 else []
