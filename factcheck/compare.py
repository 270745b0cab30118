"""Pure comparison of two pieces of evidence: differing figures, negation, modality and attribution."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.cues import bears_on, cues, same_speaker
from factcheck.evidence import Evidence
from factcheck.numbers import Quantity, quantities

COMPARED_MODALITY = ("deliberate", "alleged")


@dataclass(frozen=True)
class Difference:
    """Two articles (or two places in one, `internal`) that tell a checkable fact differently."""

    kind: str  # version, number, negation, modality, attribution
    left: Evidence
    right: Evidence
    explanation: str
    internal: bool = False

    def to_dict(self) -> dict:
        return {"kind": self.kind, "internal": self.internal, "explanation": self.explanation,
                "left": _side(self.left, self.internal, 0), "right": _side(self.right, self.internal, 1)}


def _side(evidence: Evidence, internal: bool, which: int) -> dict:
    sentences = evidence.also if internal and which else evidence.sentences
    return {"article": evidence.article, "line": sentences[0].line, "version": evidence.version,
            "evidence": " ".join(s.text for s in sentences)}


def compare(left: Evidence, right: Evidence) -> list[Difference]:
    """Every checkable difference between what two articles say for one claim."""
    texts = (left.focus_text, left.lang), (right.focus_text, right.lang)
    found = [Difference("number", left, right, f"{left.article} says {a}, {right.article} says {b}")
             for a, b in number_conflicts(*texts)]
    found += _polarity(left, right) + _attribution(left, right)
    return found


def internal_differences(evidence: Evidence) -> list[Difference]:
    """Figures that differ between two places of one article that both state the claim."""
    if not evidence.also:
        return []
    also_text = " ".join(s.text for s in evidence.also)
    line = evidence.also[0].line
    return [Difference("number", evidence, evidence,
                       f"{evidence.article} says {a} on line {evidence.line} and {b} on line {line}", internal=True)
            for a, b in number_conflicts((evidence.focus_text, evidence.lang), (also_text, evidence.lang))]


def number_conflicts(left: tuple[str, str], right: tuple[str, str]) -> list[tuple[str, str]]:
    """Pairs of (left figure, right figure) for the same kind of quantity that cannot both be true.

    Quantities are grouped by what they count: kind (count, percent, money, year) and,
    within one language, the word that follows them. A group differs when neither
    side's values are a subset of the other's (one side leaving a figure out is no
    contradiction). Across languages counted words cannot be compared, so a kind is
    compared only when each side has exactly one quantity of it.
    """
    same_language = left[1] == right[1]
    groups_l, groups_r = _groups(quantities(*left), same_language), _groups(quantities(*right), same_language)
    conflicts = []
    for key in sorted(groups_l.keys() & groups_r.keys()):
        a, b = groups_l[key], groups_r[key]
        if not same_language and (len(a) > 1 or len(b) > 1):
            continue
        only_a = [q for q in a if q.value not in {x.value for x in b}]
        only_b = [q for q in b if q.value not in {x.value for x in a}]
        if only_a and only_b:
            conflicts.append((_describe(only_a), _describe(only_b)))
    return conflicts


def _groups(found: list[Quantity], by_unit: bool) -> dict[tuple[str, str], list[Quantity]]:
    groups: dict[tuple[str, str], list[Quantity]] = {}
    for q in found:
        groups.setdefault((q.kind, q.unit[:5] if by_unit else ""), []).append(q)
    return groups


def _describe(found: list[Quantity]) -> str:
    return ", ".join(f"{q.text} {q.unit}".strip() if q.kind == "count" else q.text for q in found)


def _polarity(left: Evidence, right: Evidence) -> list[Difference]:
    a, b = cues(left.focus_text, left.lang), cues(right.focus_text, right.lang)
    out = []
    flipped = _negated_only_here(a, right.focus_text, b) or _negated_only_here(b, left.focus_text, a)
    if left.lang == right.lang and flipped:
        neg, pos = (left, right) if flipped in a.negations else (right, left)
        out.append(Difference("negation", left, right, f"{neg.article} negates it ('{flipped}'), {pos.article} does not"))
    for kind in COMPARED_MODALITY:
        if (kind in a.modality) != (kind in b.modality):
            says, silent = (left, right) if kind in a.modality else (right, left)
            out.append(Difference("modality", left, right,
                                  f"{says.article} says it was {kind}, {silent.article} does not"))
    return out


def _negated_only_here(here, other_text: str, other) -> str | None:
    """A negation of `here` whose word the other side uses without negating it ('ne prévoit pas' vs
    'prévoit'); None when every negation bears on something the other side does not say, or
    negates too ('n'avez pas à rester' vs 'pouvez partir' is a paraphrase).

    Only within one language: across languages the negated word cannot be found, and
    comparing the mere count of negations flagged 27% of XNLI fr-tr entailment pairs."""
    for negation, scope in zip(here.negations, here.scopes):
        if bears_on(scope, other_text) and not any(s == scope for s in other.scopes):
            return negation
    return None


def _attribution(left: Evidence, right: Evidence) -> list[Difference]:
    if left.lang != right.lang:  # 'le gouvernement' and 'hükümet' share no word but can be one speaker
        return []
    a, b = _speaker(left), _speaker(right)
    if a and b and not same_speaker(a, b):
        return [Difference("attribution", left, right, f"{left.article} attributes it to {a}, "
                                                        f"{right.article} to {b}")]
    return []


def _speaker(evidence: Evidence) -> str | None:
    """Who the evidence is given to: in the evidence itself, else in the sentence before it."""
    for text in (evidence.text, evidence.context_text):
        speakers = cues(text, evidence.lang).speakers if text else ()
        if speakers:
            return speakers[0]
    return None

