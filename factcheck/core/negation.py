"""A negation one side of a comparison has and the other lacks: on the word it bears on, in two drafts of one
sentence, or (against the claim) on the main clause's predicate, across languages too."""

from __future__ import annotations

from factcheck.core.telling import Telling, near_duplicates, word_keys
from factcheck.text.cues import bears_on, cues, negated_word
from factcheck.text.terms import clauses


def negation_difference(a: Telling, b: Telling, against_claim: bool) -> str | None:
    """The explanation of a negation one side has and the other lacks, or None."""
    return _negation(a, b) or (_polarity(a, b) if against_claim else None)


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
    if a.lang == b.lang and negated_b and not any(bears_on(scope, a.text) for scope in cb.scopes):
        return None  # the article negates something the claim does not speak of: 'a not successful film'
    neg, pos, found = (a, b, ca) if negated_a else (b, a, cb)
    word = found.negations[0] if found.negations else "not"
    return f"{neg.name} negates it ('{word}'), {pos.name} does not"


def _closest_clause(text: str, other: str) -> str:
    """The clause of `text` with the most words of `other`: '…intercepted a pass, but couldn't move the ball'
    against 'could not move the ball'."""
    parts = clauses(text) or [text]
    words = word_keys(other)
    return max(parts, key=lambda part: len(word_keys(part) & words))


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
