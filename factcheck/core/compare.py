"""Pure comparison of what two sides say of one claim: two articles' evidence, or the claim's own assertion
and an article's evidence. Differing figures, negation, modality, speakers and names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from anyascii import anyascii
from rapidfuzz import fuzz

from factcheck.core.figures import figure_conflicts, number_conflicts
from factcheck.records import Contradiction, Difference, Evidence
from factcheck.text.cues import Cues, bears_on, cues, negated_word, same_speaker
from factcheck.text.quantities import Quantity, quantities
from factcheck.text.terms import KEY_CHARS, Terms, clauses, names_someone, terms

COMPARED_MODALITY = ("deliberate", "alleged", "partial", "insisted", "called-for")
NEAR_DUPLICATE = 0.5  # share of words two sentences have in common to be two drafts of one sentence
MIN_NAME = 2  # a one-letter 'name' is an initial
TYPO_RATIO = 75  # two names this close are one name misspelt (Secretary, Seceratry)
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


def telling(evidence: Evidence) -> Telling:
    return Telling(evidence.article, evidence.focus_text, evidence.lang, evidence.context_text, evidence)


def compare(left: Evidence, right: Evidence) -> list[Difference]:
    """Every checkable difference between what two articles say for one claim."""
    return compare_told(telling(left), telling(right))


def compare_told(left: Telling, right: Telling) -> list[Difference]:
    return [
        Difference(kind, left.evidence, right.evidence, explanation) for kind, explanation in differences(left, right)
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


def differences(a: Telling, b: Telling, against_claim: bool = False, names: bool = True) -> list[tuple[str, str]]:
    """(kind, explanation) of each checkable difference between two tellings; with `names`, a name of one
    draft of a sentence replaced in the other too (entity_change)."""
    found = [
        ("number", f"{a.name} says {x}, {b.name} says {y}")
        for x, y in (figure_conflicts(a.figures, b.figures, a.lang == b.lang, against_claim) if a.figures else [])
    ]
    negation = _negation(a, b) or (_polarity(a, b) if against_claim else None)
    if negation:
        found.append(("negation", negation))
    found += [("modality", m) for m in _modality(a, b)]
    speaker = _attribution(a, b)
    if speaker:
        found.append(("attribution", speaker))
    entity = entity_change(a, b) if names and not against_claim else None
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


def _negation(a: Telling, b: Telling) -> str | None:
    """A negation one side has and the other lacks, on the word it bears on (one language), or in two
    drafts of one sentence; None across languages, where the negated word cannot be found."""
    ca, cb = a.cues, b.cues
    if a.lang != b.lang or ca.negated == cb.negated:  # 'no one' and 'nobody', 'ne pas' on both sides
        return None
    flipped = _negated_only_here(ca, b.text, cb) or _negated_only_here(cb, a.text, ca)
    negated = ca if ca.negated else cb
    lexical = any(negated_word(scope, (b if negated is ca else a).text) for scope in negated.scopes)
    if flipped is None and near_duplicates(a, b) and not lexical:  # 'not sufficient' is 'insufficient'
        flipped = negated.negations[0]
    if flipped is None:
        return None
    neg, pos = (a, b) if flipped in ca.negations else (b, a)
    return f"{neg.name} negates it ('{flipped}'), {pos.name} does not"


def _polarity(a: Telling, b: Telling) -> str | None:
    """The claim's main clause negated and the evidence's not, or the reverse, where the negated word is not
    found (across languages, or reworded). The evidence states the claim (it was matched to it), so a flipped
    polarity is the claim's own predicate flipped."""
    ca, cb = a.cues, b.cues
    if not ca.negations and not cb.negations:
        return None
    if a.lang == b.lang:  # the clause of each that says most of what the other says
        ca, cb = cues(_closest_clause(a.text, b.text), a.lang), cues(_closest_clause(b.text, a.text), b.lang)
        negated_a, negated_b = ca.negated, cb.negated
    else:
        negated_a, negated_b = ca.predicate_negated, cb.predicate_negated
    if negated_a == negated_b:
        return None
    neg, pos, found = (a, b, ca) if negated_a else (b, a, cb)
    word = found.negations[0] if found.negations else "not"
    return f"{neg.name} negates it ('{word}'), {pos.name} does not"


def _closest_clause(text: str, other: str) -> str:
    """The clause of `text` with the most words of `other`: '…intercepted a pass, but couldn't move the ball'
    against 'could not move the ball'."""
    parts = clauses(text) or [text]
    words = _word_keys(other)
    return max(parts, key=lambda part: len(_word_keys(part) & words))


def _negated_only_here(here, other_text: str, other) -> str | None:
    """A negation of `here` whose word the other side uses without negating it ('ne prévoit pas' vs
    'prévoit'); None when every negation bears on something the other side does not say, or
    negates too ('n'avez pas à rester' vs 'pouvez partir' is a paraphrase)."""
    for negation, scope in zip(here.negations, here.scopes):
        if (
            bears_on(scope, other_text)
            and not any(s == scope for s in other.scopes)
            and not negated_word(scope, other_text)
        ):
            return negation
    return None


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
        differ = _names_differ(sa, sb)
    else:
        differ = a.lang == b.lang and not named_a and not named_b and not same_speaker(sa, sb)
    return f"{a.name} attributes it to {sa}, {b.name} to {sb}" if differ else None


def _names_differ(a: str, b: str) -> bool:
    """Both name someone, and no name of one is a name of the other (Akishev is not Sidorov)."""
    ta, tb = terms(a), terms(b)
    if not ta.names or not tb.names:
        return False
    return not any(tb.has(n) for n in ta.names) and not any(ta.has(n) for n in tb.names)


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


def near_duplicates(a: Telling, b: Telling) -> bool:
    """Two drafts of one sentence: one language, and most of their words in common."""
    if a.lang != b.lang:
        return False
    wa, wb = _word_keys(a.text), _word_keys(b.text)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= NEAR_DUPLICATE


def _word_keys(text: str) -> set[str]:
    t = terms(text)
    return {w[:KEY_CHARS] for w in t.words | t.names}


def entity_change(a: Telling, b: Telling) -> str | None:
    """Two drafts of one sentence where a name of one is replaced by another name (JYP / YG Entertainment)."""
    if not near_duplicates(a, b):
        return None
    ta, tb = terms(a.text), terms(b.text)
    # a sentence's first word counts as a name here when it is capitalised in both drafts ('Barcelona won',
    # 'Manchester United won')
    only_a = sorted(n for n in ta.capitalised if _new_name(n, tb, a.text, b.text) and _opening_name(n, ta, tb))
    only_b = sorted(n for n in tb.capitalised if _new_name(n, ta, b.text, a.text) and _opening_name(n, tb, ta))
    if only_a and only_b:
        named_a, named_b = ", ".join(_as_written(a.text, only_a)), ", ".join(_as_written(b.text, only_b))
        return f"{a.name} names {named_a}, {b.name} names {named_b}"
    return None


def _opening_name(word: str, mine: Terms, other: Terms) -> bool:
    """A name, or a capitalised first word facing another capitalised word the other draft lacks."""
    return word in mine.names or bool(other.capitalised - mine.capitalised - mine.words)


def _new_name(name: str, other: Terms, text: str, other_text: str) -> bool:
    """A name of one draft that the other does not have in any form: not the same name spelt otherwise
    (a plural, a typo), nor an acronym of its words (PM, Prime Minister)."""
    if (
        len(name) < MIN_NAME
        or other.has(name)
        or any(n.startswith(name) or name.startswith(n) for n in other.capitalised)
    ):
        return False
    if any(fuzz.ratio(name, n) >= TYPO_RATIO for n in other.names):
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", other_text)).lower()
    return not (name.isalpha() and len(name) <= 5 and name in initials)


def _as_written(text: str, names: list[str]) -> list[str]:
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    return [next((w for w in words if anyascii(w).lower().startswith(n)), n) for n in names]
