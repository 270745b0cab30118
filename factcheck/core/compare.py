"""Pure comparison of what two sides say of one claim: two articles' evidence, or the claim's own assertion
and an article's evidence. Differing figures, negation, modality, speakers and names."""

from __future__ import annotations

import re

from anyascii import anyascii
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from factcheck.core.figures import figure_conflicts, number_conflicts
from factcheck.core.negation import negation_difference
from factcheck.core.redrafted import draft_changes
from factcheck.core.telling import CLAIM, Telling, near_duplicates, telling
from factcheck.results import Contradiction, Difference, Evidence
from factcheck.text.cues import cues
from factcheck.text.quantities import Quantity
from factcheck.text.reception import reception
from factcheck.text.speakers import same_speaker
from factcheck.text.terms import Terms, names_someone, terms

COMPARED_MODALITY = ("deliberate", "alleged", "partial", "insisted", "called-for")
MIN_NAME = 2  # a one-letter 'name' is an initial
TYPO_RATIO = 75  # this close, one name misspelt if one letter differs or two swap (Secretary, Seceratry)
SPELLING_RATIO = 85  # this close, one name spelt two ways whatever differs (Tokayev, Tokaiev)


def compare(left: Evidence, right: Evidence) -> list[Difference]:
    """Every checkable difference between what two articles say for one claim."""
    return compare_told(telling(left), telling(right))


def compare_told(left: Telling, right: Telling, about: tuple[Quantity, ...] = ()) -> list[Difference]:
    """Every checkable difference between two articles' tellings; figures only where one gives `about`'s (the
    claim's figures, when it has any)."""
    return [
        Difference(kind, left.evidence, right.evidence, explanation)
        for kind, explanation in differences(left, right, about=about)
    ]


def contradictions(assertion: str, assertion_lang: str, evidence: Evidence) -> list[Contradiction]:
    """Where an article's evidence contradicts the claim's assertion: figures, negation, speaker."""
    return contradicted(Telling(CLAIM, assertion, assertion_lang), telling(evidence))


def contradicted(claim: Telling, told: Telling) -> list[Contradiction]:
    return [
        Contradiction(kind, told.evidence, claim.text, explanation)
        for kind, explanation in differences(claim, told, against_claim=True)
        if kind in ("number", "negation", "attribution")
    ]


def differences(
    a: Telling, b: Telling, against_claim: bool = False, names: bool = True, about: tuple[Quantity, ...] = ()
) -> list[tuple[str, str]]:
    """(kind, explanation) of each checkable difference between two tellings; with `names`, a name of one
    draft of a sentence replaced in the other too (entity_change); figures only where one side gives `about`'s."""
    figures = figure_conflicts(a.figures, b.figures, a.lang == b.lang, against_claim, about) if a.figures else []
    if not figures and not against_claim and a.figures and b.figures and near_duplicates(a, b):
        figures = draft_changes(a.text, b.text, a.lang)
    found = [("number", f"{a.name} says {x}, {b.name} says {y}") for x, y in figures]
    negation = negation_difference(a, b, against_claim)
    if negation:
        found.append(("negation", negation))
    if not against_claim:  # a claim's modality and reception are told by its versions, not checked against it
        found += [("modality", m) for m in _modality(a, b)]
    speaker = _attribution(a, b)
    if speaker:
        found.append(("attribution", speaker))
    if against_claim:
        return found
    received = _reception(a, b)
    if received:
        found.append(("reception", received))
    entity = entity_change(a, b) if names else None
    if entity:
        found.append(("entity", entity))
    return found


def internal_differences(evidence: Evidence) -> list[Difference]:
    """Versions or figures that differ between two places of one article that both state the claim (a summary
    bullet not updated with the body, an English sentence and its French twin)."""
    if not evidence.also:
        return []
    also_text = " ".join(s.text for s in evidence.also)
    line = evidence.also[0].line
    found = []
    if evidence.version and evidence.also_version and evidence.version != evidence.also_version:
        found.append(
            Difference(
                "version",
                evidence,
                evidence,
                f"{evidence.article} tells '{evidence.version}' on "
                f"line {evidence.line} and '{evidence.also_version}' on line {line}",
                internal=True,
            )
        )
    also_lang = evidence.also[0].lang
    return found + [
        Difference(
            "number",
            evidence,
            evidence,
            f"{evidence.article} says {a} on line {evidence.line} and {b} on line {line}",
            internal=True,
        )
        for a, b in number_conflicts((evidence.focus_text, evidence.lang), (also_text, also_lang))
    ]


def _modality(a: Telling, b: Telling) -> list[str]:
    ma, mb = a.cues.modality, b.cues.modality
    out = []
    for kind in COMPARED_MODALITY:
        if (kind in ma) != (kind in mb):
            says, silent = (a, b) if kind in ma else (b, a)
            out.append(f"{says.name} says it was {_MODAL_WORDS[kind]}, {silent.name} does not")
    return out


_MODAL_WORDS = {
    "deliberate": "deliberate",
    "alleged": "alleged",
    "partial": "partly so",
    "insisted": "insisted on",
    "called-for": "called for",
}


def _reception(a: Telling, b: Telling) -> str | None:
    """Two receptions of one work: 'mixed reviews' against 'negative reviews', in any language."""
    ra, rb = reception(a.text), reception(b.text)
    return f"{a.name} says the reviews were {ra}, {b.name} {rb}" if ra and rb and ra != rb else None


def _attribution(a: Telling, b: Telling) -> str | None:
    """Two different speakers: both named, by different names (Akishev is not Sidorov), in any language; or,
    in one language, both unnamed and sharing no word (la police, le gouvernement). A name against a
    title ('officials' against 'Fontes') may be one person: not compared, nor titles across languages
    ('le gouvernement' and 'hükümet' share no word)."""
    sa = _speaker(a)
    sb = _speaker(b) if sa else None
    if not sa or not sb:
        return None
    named_a, named_b = names_someone(sa), names_someone(sb)
    if named_a and named_b:
        differ = _names_differ(sa, sb) and not _described(sa, b) and not _described(sb, a)
    else:
        differ = a.lang == b.lang and not named_a and not named_b and not same_speaker(sa, sb)
    return f"{a.name} attributes it to {sa}, {b.name} to {sb}" if differ else None


def _names_differ(a: str, b: str) -> bool:
    """Both name someone, and no name of one is a name of the other (Akishev is not Sidorov)."""
    ta, tb = terms(a), terms(b)
    if not ta.names or not tb.names:
        return False
    return not any(tb.has(n) for n in ta.names) and not any(ta.has(n) for n in tb.names)


_DESCRIPTION = re.compile(r"(?i:a|an|the|un|une|le|la|les|l['’])\b")


def _described(speaker: str, other: Telling) -> bool:
    """Whether `speaker` describes someone ('A KazFinTech co-founder') whom the other side names with those words
    ('Alexey Sidorov, le co-fondateur de KazFinTech'): every name of the description is in its sentences."""
    if not _DESCRIPTION.match(speaker):
        return False
    names, told = terms(speaker).names, terms(f"{other.context} {other.text}")
    return bool(names) and all(told.has(n) for n in names)


_QUOTED = re.compile("[«»“”„\"]|(?:^|\\s)['‘’]")


def _speaker(side: Telling) -> str | None:
    """Who the statement is given to: in the sentence itself, else, for a quotation, in the sentences before it
    (whose speaker says nothing of a plain statement that follows: 'Selon la police, X. Les trains étaient à
    l'heure.')."""
    speakers = side.cues.speakers
    if speakers:
        return speakers[0]
    if side.context and _QUOTED.search(side.text):
        speakers = cues(side.context, side.lang).speakers
        return speakers[0] if speakers else None
    return None


def entity_change(a: Telling, b: Telling) -> str | None:
    """Two drafts of one sentence where a name of one is replaced by another name (JYP / YG Entertainment)."""
    if not near_duplicates(a, b):
        return None
    ta, tb = terms(a.text), terms(b.text)
    # a sentence's first word counts as a name here when it is capitalised in both drafts ('Barcelona won',
    # 'Manchester United won')
    only_a = sorted(n for n in ta.capitalised if _new_name(n, tb, a.text, b.text) and _opening_name(n, a.text, ta, tb))
    only_b = sorted(n for n in tb.capitalised if _new_name(n, ta, b.text, a.text) and _opening_name(n, b.text, tb, ta))
    if only_a and only_b:
        named_a, named_b = ", ".join(_as_written(a.text, only_a)), ", ".join(_as_written(b.text, only_b))
        return f"{a.name} names {named_a}, {b.name} names {named_b}"
    return _model_change(a, b)


_MODEL = re.compile(r"\b([^\W\d_][\w.]*)-(\d\w*)\b")  # a name with a number: Mi-25, F-16, COVID-19


def _model_change(a: Telling, b: Telling) -> str | None:
    """A name with a number in one draft, the same name with another number in the other (Mi-25 / Mi-26)."""
    models_a, models_b = set(_MODEL.findall(a.text)), set(_MODEL.findall(b.text))
    for name, number in sorted(models_a - models_b):
        other = next((f"{n}-{m}" for n, m in sorted(models_b - models_a) if n == name), None)
        if other:
            return f"{a.name} names {name}-{number}, {b.name} names {other}"
    return None


_SET_OFF = re.compile(r"\W*([^\W\d_][\w'’-]*),")  # a first word and its comma: 'Additionally,', 'However,'


def _opening_name(word: str, text: str, mine: Terms, other: Terms) -> bool:
    """A name, or a capitalised first word facing another capitalised word the other draft lacks; not one a comma
    sets off, which joins the sentence to the one before ('Additionally, students must ...')."""
    if word in mine.names:
        return True
    set_off = _SET_OFF.match(text)
    if set_off and anyascii(set_off.group(1)).lower() == word:
        return False
    return bool(other.capitalised - mine.capitalised - mine.words)


def _new_name(name: str, other: Terms, text: str, other_text: str) -> bool:
    """A name of one draft that the other does not have in any form: not the same name spelt otherwise
    (a plural, a typo), nor an acronym of its words (PM, Prime Minister)."""
    if (
        len(name) < MIN_NAME
        or other.has(name)
        or any(n.startswith(name) or name.startswith(n) for n in other.capitalised)
    ):
        return False
    if any(_misspelt(name, n) for n in other.names):
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", other_text)).lower()
    return not (name.isalpha() and len(name) <= 5 and name in initials)


def _misspelt(a: str, b: str) -> bool:
    """One name spelt two ways: close (Tokayev, Tokaiev; Secretary, Seceratry with its letters swapped), but
    not two words that share most of their letters (African, American)."""
    ratio = fuzz.ratio(a, b)
    return ratio >= SPELLING_RATIO or (
        ratio >= TYPO_RATIO and (Levenshtein.distance(a, b) <= 1 or sorted(a) == sorted(b))
    )


def _as_written(text: str, names: list[str]) -> list[str]:
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    return [next((w for w in words if anyascii(w).lower().startswith(n)), n) for n in names]
