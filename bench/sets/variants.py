"""Claims checked against the article that states them, built from STS-B news and XNLI (en/fr/tr): the claim
as stated, and with its figure changed or negated."""

from __future__ import annotations

import random
import re

from bench.sets import Expect, Pair, Run, half_of
from bench.sets.common import claims_yaml, digest, sts_news, xnli

_DIGITS = re.compile(r"(?<![\d.,])\d+(?![\d.,]\d)")


def claim_figures() -> list[Run]:
    """A claim that states the article's figure, and the same claim with that figure changed."""
    runs = []
    for a_lang in ("en", "fr", "tr"):
        cases = []
        for n, r in enumerate(sts_news()):
            claim, sentence = r["sentence1"]["en"], r["sentence2"][a_lang]
            changed = changed_figure(claim, sentence, r["sentence2"]["en"]) if r["score"] >= 3.5 else None
            if changed is not None:
                cases.append((n, half_of(("sts", n)), claim, changed, sentence))
        runs.append(_variant_run(f"claim figure en>{a_lang}", "changed", cases, a_lang, f"figures-{a_lang}"))
    return runs


def _variant_run(row: str, variant: str, cases: list[tuple], a_lang: str, seed: str) -> Run:
    """Per case (n, half, claim, its variant, the sentence that states the claim), both as story claims over a
    digest holding the sentence: the claim must not be said to contradict it, the variant must."""
    rng = random.Random(seed)
    claims, stories, articles, expects = [], {}, {}, []
    for n, half, claim, changed, sentence in cases:
        articles[f"a{n}"] = digest(sentence, a_lang, rng)
        stories[f"s{n}"] = [f"a{n}"]
        for cid, text, want in ((f"same{n}", claim, False), (f"{variant}{n}", changed, True)):
            claims.append({"id": cid, "text": text, "story": f"s{n}"})
            expects.append(Expect(row, "contradicts", cid, f"a{n}", want, half, "" if want else "agrees"))
    return Run(claims_yaml(claims, stories), articles, expects)


_AUX = re.compile(r"\b(is|are|was|were|will|would|can|could|has|have|had|should|must|may|did|does|do)\b(?!\s+not\b)")
_NEGATED = re.compile(r"\b(not|no|never|nobody|nothing|none|cannot)\b|n't\b", re.IGNORECASE)


def negate(text: str) -> str | None:
    """English: 'not' after the first auxiliary ('can' -> 'cannot'); None without one."""
    if _NEGATED.search(text):
        return None
    match = _AUX.search(text)
    if not match:
        return None
    word = "cannot" if match.group() == "can" else match.group() + " not"
    return text[: match.start()] + word + text[match.end() :]


def claim_negations() -> list[Run]:
    """An English claim the article states (STS >= 3.5, XNLI entailment), and the claim negated."""
    runs = []
    for a_lang in ("en", "fr", "tr"):
        sources = [
            (("sts", n), r["sentence1"]["en"], r["sentence2"][a_lang])
            for n, r in enumerate(sts_news())
            if r["score"] >= 3.5
        ]
        sources += [(("xnli", p["n"]), p["hyps"]["entailment"]["en"], p["premise"][a_lang]) for p in xnli()]
        cases = [
            (n, half_of(key), claim, negate(claim), sentence)
            for n, (key, claim, sentence) in enumerate(sources)
            if negate(claim) is not None and not _NEGATED.search(sentence)
        ]
        runs.append(_variant_run(f"claim negation en>{a_lang}", "negated", cases, a_lang, f"negation-{a_lang}"))
    return runs


def claim_pairs() -> list[Pair]:
    """A claim against the sentence that states it, compared alone (contradicts_claim): the claim as stated
    must agree; with its figure changed, or negated, it must be contradicted. STS-B pairs of score >= 3.5
    and XNLI entailments, English claims, articles in English, French and Turkish."""
    out = []
    for a_lang in ("en", "fr", "tr"):
        for n, r in enumerate(sts_news()):
            claim, sentence = r["sentence1"]["en"], r["sentence2"][a_lang]
            if r["score"] < 3.5:
                continue
            half = half_of(("sts", n))
            changed = changed_figure(claim, sentence, r["sentence2"]["en"])
            negated = negate(claim)
            if changed or negated:
                out.append(Pair(f"claim pair agrees en>{a_lang}", claim, "en", sentence, a_lang, False, half, True))
            if changed:
                out.append(Pair(f"claim pair figure en>{a_lang}", changed, "en", sentence, a_lang, True, half, True))
            if negated and not _NEGATED.search(r["sentence2"]["en"]):
                out.append(Pair(f"claim pair negation en>{a_lang}", negated, "en", sentence, a_lang, True, half, True))
        for p in xnli():
            claim, sentence = p["hyps"]["entailment"]["en"], p["premise"][a_lang]
            negated = negate(claim)
            if negated and not _NEGATED.search(p["premise"]["en"]):
                half = half_of(("xnli", p["n"]))
                out.append(Pair(f"claim pair agrees en>{a_lang}", claim, "en", sentence, a_lang, False, half, True))
                out.append(Pair(f"claim pair negation en>{a_lang}", negated, "en", sentence, a_lang, True, half, True))
    return out


_BOUND = re.compile(
    r"(?:over|more than|less than|under|about|around|nearly|almost|up to|at least|some)\s+\$?\s*$", re.IGNORECASE
)


def changed_figure(claim: str, sentence: str, sentence_en: str) -> str | None:
    """The claim with a figure it shares with the sentence changed; None when there is none, or when the
    figure is a bound or an estimate in the claim or in the (English) sentence: another figure could still
    agree with it ('visited 91 million times' does not contradict 'visited over 65 million times')."""
    shared = [
        m
        for m in _DIGITS.finditer(claim)
        if re.search(rf"(?<![\d.,]){m.group()}(?![\d])", sentence)
        and not re.fullmatch(r"(19|20)\d\d", m.group())
        and not _BOUND.search(claim[: m.start()])
        and not any(_BOUND.search(sentence_en[: s.start()]) for s in _same_digits(m.group(), sentence_en))
    ]
    if not shared:
        return None
    m = shared[0]
    return claim[: m.start()] + str(_other_value(int(m.group()), claim, m)) + claim[m.end() :]


def _same_digits(digits: str, text: str) -> list[re.Match]:
    return list(re.finditer(rf"(?<![\d.,]){digits}(?![\d])", text))


_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$|^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)[a-z]*\b",
    re.IGNORECASE,
)


def _other_value(value: int, claim: str, m: re.Match) -> int:
    """Another value for the figure: a day of a month stays a day ('July 15' -> 'July 22', not 'July 33')."""
    if value <= 31 and (_MONTH.search(claim[: m.start()]) or _MONTH.search(claim[m.end() :])):
        return value + 7 if value <= 21 else value - 10
    return value * 2 + 3 if value < 50 else round(value * 1.4)
