"""Who a sentence is given to and who acts in it, for `suggest`: two tellings of one fact that name
different speakers or actors are worth an editor's look."""

from __future__ import annotations

import re

from anyascii import anyascii

from factcheck.records import Article
from factcheck.text.cues import cues
from factcheck.text.speakers import same_speaker
from factcheck.text.terms import names_someone

# Who acts, as the subjects of news sentences name them, by meaning across French, English and Turkish (stems,
# transliterated). Two tellings of one fact whose openings name different actors are a suggestion: 'quatre
# employés' against 'des membres du gouvernement', 'la Banque nationale' against 'les autorités'.
ACTORS = {
    "the government": ("gouvernement", "government", "hukumet"),
    "the authorities": ("autorites", "authorities", "yetkili", "otorite"),
    "the bank": ("banque", "bank", "banka"),
    "employees": ("employe", "employee", "calisan", "personnel", "staff", "agents"),
    "members": ("membres", "members", "uyeler"),
    "the ministry": ("ministere", "ministry", "bakanlig"),
    "the industry": ("industrie", "industry", "acteurs", "entreprises", "companies", "sirketler"),
    "the participants": ("participants", "katilimci"),
    "the police": ("police", "polis"),
    "the prosecutors": ("procureur", "prosecutor", "savci"),
}
OPENING_WORDS = 12  # the subject of a news sentence is in its first words (French, English, Turkish alike)


_PERSON_TITLE = re.compile(
    r"\b(?:président|president|chef|head|directeur|director|dirigeant|leader|ministre|minister|başkan\w*|"
    r"porte-parole|spokes\w+|secrétaire|secretary|gouverneur|governor|fondateur|founder)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^\W*(?:ils|elles|they|onlar)\b", re.IGNORECASE)


def _said_by(article: Article, index: int) -> str | None:
    """Who the sentence is given to: in it, else in the line before ('D'après le gouvernement, … .' then the
    statement), whether or not it is in quotation marks; `run` lends that speaker to quotations only."""
    sentence = article.sentences[index]
    before = [s.text for s in article.sentences if s.line == sentence.line - 1]
    for text in (sentence.text, " ".join(before)):
        speakers = cues(text, sentence.lang).speakers
        if speakers:
            return speakers[0]
    return None


def speakers_differ(a: Article, x: int, b: Article, y: int) -> str | None:
    """A person named on one side and a body or another person on the other: worth an editor's look, though
    `run` does not count a name against a title (the title may be that person's)."""
    sa, sb = _said_by(a, x), _said_by(b, y)
    if not sa or not sb or same_speaker(sa, sb) or not (names_someone(sa) or names_someone(sb)):
        return None
    if any(_PERSON_TITLE.search(s) for s in (sa, sb) if not names_someone(s)):
        return None  # 'le président de la Banque centrale' may be the Akishev the other side names
    return f"{a.id} gives it to {sa}, {b.id} to {sb}"


PRONOUN_LOOKBACK = 5  # sentences back where a pronoun subject's actor is looked for (they chain: Ils… Ils…)


def _opening(article: Article, index: int) -> str:
    """The sentence, or for a pronoun subject ('Ils semblaient…'), the nearest of the few sentences before it
    that names an actor ('plus de 1 000 acteurs de l'écosystème…')."""
    text = article.sentences[index].text
    if not _PRONOUN.match(text):
        return text
    earlier = [s.text for s in article.sentences[max(0, index - PRONOUN_LOOKBACK) : index]]
    return next((t for t in reversed(earlier) if _actors(t)), text)


def actors_differ(a: Article, x: int, b: Article, y: int) -> str | None:
    """Different actors in the openings of two tellings of one fact (sentence x of a, y of b), each side naming
    one the other does not. Two 'Ils' name the same people as often as not: only a side that names its actor
    is compared."""
    if _PRONOUN.match(a.sentences[x].text) and _PRONOUN.match(b.sentences[y].text):
        return None
    return _actor(a.id, _opening(a, x), b.id, _opening(b, y))


def _actor(name_a: str, a: str, name_b: str, b: str) -> str | None:
    """Different actors in the openings of two tellings of one fact, each side naming one the other does not."""
    actors_a, actors_b = _actors(a), _actors(b)
    only_a, only_b = actors_a - actors_b, actors_b - actors_a
    if not only_a or not only_b:
        return None
    return f"{name_a} says {', '.join(sorted(only_a))}, {name_b} says {', '.join(sorted(only_b))}"


def _actors(text: str) -> set[str]:
    words = [anyascii(w).lower() for w in re.findall(r"[^\W\d_][\w'’-]*", text)[:OPENING_WORDS]]
    return {actor for actor, stems in ACTORS.items() for w in words for stem in stems if stem in w}
