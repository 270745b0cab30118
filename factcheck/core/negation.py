"""A negation one side of a comparison has and the other lacks: on the word it bears on, in two drafts of one
sentence, or (against the claim) on the main clause's predicate, across languages too."""

from __future__ import annotations

from factcheck.core.telling import CLAIM, Telling, near_duplicates, word_keys
from factcheck.text.cues import Cues, bears_on, cues, negated_word
from factcheck.text.quantities import quantities
from factcheck.text.terms import clauses


def negation_difference(a: Telling, b: Telling, against_claim: bool) -> str | None:
    """The explanation of a negation one side has and the other lacks, or None."""
    return _negation(a, b, against_claim) or (_polarity(a, b) if against_claim else None)


def _negation(a: Telling, b: Telling, against_claim: bool) -> str | None:
    """A negation one side has and the other lacks, on the word it bears on (one language), or in two
    drafts of one sentence; None across languages, where the negated word cannot be found. Against a claim,
    the negation must be in a clause that says something the claim says: a draft's added clause is an edit,
    an article's clause beside the claim's ('No one was killed, but 14 were treated') is not."""
    ca, cb = a.cues, b.cues
    if a.lang != b.lang or ca.negated == cb.negated:  # 'no one' and 'nobody', 'ne pas' on both sides
        return None
    flipped = _negated_only_here(ca, b.text, cb) or _negated_only_here(cb, a.text, ca)
    negated_side, other = (a, b) if ca.negated else (b, a)
    negated = negated_side.cues
    lexical = any(negated_word(scope, other.text) for scope in negated.scopes)  # 'not sufficient', 'insufficient'
    meets = not against_claim or _negated_clause_meets(negated_side, other)
    if flipped is None and near_duplicates(a, b) and not lexical and meets:
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
    else:  # the clause that gives the other's figure, if one does ('aucune victime ; quatorze blessés')
        negated_a, negated_b = _figure_clause(a, b).predicate_negated, _figure_clause(b, a).predicate_negated
    if negated_a == negated_b:
        return None
    if a.lang == b.lang and negated_b and not any(bears_on(scope, a.text) for scope in cb.scopes):
        return None  # the article negates something the claim does not speak of: 'a not successful film'
    neg, pos, found = (a, b, ca) if negated_a else (b, a, cb)
    if _negated_beside(pos):
        return None  # the other sentence of its evidence negates: 'Passengers were evacuated. No one died.'
    word = found.negations[0] if found.negations else "not"
    return f"{neg.name} negates it ('{word}'), {pos.name} does not"


def _closest_clause(text: str, other: str) -> str:
    """The clause of `text` with the most words of `other`: '…intercepted a pass, but couldn't move the ball'
    against 'could not move the ball'."""
    parts = clauses(text) or [text]
    words = word_keys(other)
    return max(parts, key=lambda part: len(word_keys(part) & words))


def _negated_beside(told: Telling) -> bool:
    """Whether another sentence of an article's evidence (a pair of sentences) negates its predicate: which of
    the two states the claim, the vectors do not always tell ('évacués ...' scored above 'Aucune victime')."""
    beside = told.evidence.sentences if told.evidence is not None else ()
    return any(s.text != told.text and cues(s.text, s.lang).predicate_negated for s in beside)


def _negated_clause_meets(negated: Telling, other: Telling) -> bool:
    """Whether a negated clause of `negated` says something `other` says too: 'No one was killed' shares no word
    with 'Fourteen people were treated', which its sentence goes on to state."""
    parts = clauses(negated.text) or [negated.text]
    return any(cues(part, negated.lang).negated and word_keys(part) & other.keys for part in parts)


def _figure_clause(told: Telling, other: Telling) -> Cues:
    """The cues of an article's one clause that gives a figure of `other`; of all of `told` when none or several
    do, when it has one clause, or when it is the claim (all of whose clauses it asserts)."""
    parts = clauses(told.text) if other.figures and told.name != CLAIM else []
    values = {round(q.value, 6) for q in other.figures}
    giving = [p for p in parts if any(round(q.value, 6) in values for q in quantities(p, told.lang))]
    return cues(giving[0], told.lang) if len(giving) == 1 else told.cues


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
