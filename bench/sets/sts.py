"""Sets built from STS-B news (en/fr/tr): digests, topical pseudo-articles, multi-fact sentences,
entity swaps, and claims whose figure or polarity was changed against the article."""

from __future__ import annotations

import random
import re
from typing import NamedTuple

import numpy as np

from bench.sets import Expect, Pair, Run, half_of
from bench.sets.common import claims_yaml, digest, filler, merged, names, sts_news, xnli

STATED, UNRELATED = 4.0, 1.0  # STS gold: 4 'mostly equivalent', 1 'not equivalent, same topic'
CROSS = (("en", "fr"), ("en", "tr"), ("fr", "tr"))
ALL_PAIRS = CROSS + (("en", "en"), ("fr", "fr"), ("tr", "tr"))
GROUP = 10  # claims of a digest run, each checked in every article of the run
NEIGHBOURS = 8


def _rows(low: float | None = UNRELATED) -> list[tuple[int, dict]]:
    return [(n, r) for n, r in enumerate(sts_news()) if r["score"] >= STATED or (low is not None and r["score"] <= low)]


def digests() -> list[Run]:
    """Claims with no story, each checked in every article of its run: one article states it
    (STS >= 4), or holds a sentence on the same kind of event that does not (STS <= 1). Across
    languages (the issue's set), and within one (rows of their own)."""
    runs = []
    for c_lang, a_lang in ALL_PAIRS:
        rng = random.Random(f"digest-{c_lang}-{a_lang}")
        for half in ("fit", "test"):
            rows = [(n, r) for n, r in _rows() if half_of(("sts", n)) == half]
            rng.shuffle(rows)
            for start in range(0, len(rows), GROUP):
                runs.append(_digest_run(rows[start : start + GROUP], c_lang, a_lang, half, rng))
    return runs


def _digest_run(rows, c_lang: str, a_lang: str, half: str, rng: random.Random) -> Run:
    row = f"digest {c_lang}>{a_lang}"
    claims = [{"id": f"c{n}", "text": r["sentence1"][c_lang]} for n, r in rows]
    articles = {f"a{n}": digest(r["sentence2"][a_lang], a_lang, rng) for n, r in rows}
    expects = []
    for n, r in rows:
        for m, _ in rows:
            own = m == n
            stated = own and r["score"] >= STATED
            expects.append(
                Expect(
                    row,
                    "mention",
                    f"c{n}",
                    f"a{m}",
                    stated,
                    half,
                    "hard" if own and not stated else "",
                    r["sentence2"][a_lang] if stated else "",
                )
            )
    return Run(claims_yaml(claims), articles, expects)


ARCHIVE_TOPICS = 40


def archives() -> list[Run]:
    """An archive on a few topics, with claims checked everywhere: the news rows grouped by topic (k-means
    over TF-IDF of the English headlines), each row an article of its group's other news in the article
    language, holding the row's paraphrase (STS >= 4) or its unequal same-event sentence (STS <= 1).
    Every claim of a group is checked in every article of the group, all on one topic."""
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    news = sts_news()
    rows = [(n, r) for n, r in enumerate(news)]
    tfidf = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
        [r["sentence1"]["en"] + " " + r["sentence2"]["en"] for _, r in rows]
    )
    topic = KMeans(ARCHIVE_TOPICS, n_init=4, random_state=7).fit_predict(tfidf)
    runs = []
    for c_lang, a_lang in ALL_PAIRS:
        rng = random.Random(f"archive-{c_lang}-{a_lang}")
        for half in ("fit", "test"):
            for t in range(ARCHIVE_TOPICS):
                members = [(n, r) for (n, r), k in zip(rows, topic) if k == t and half_of(("sts", n)) == half]
                group, background = members[::2], members[1::2]  # claims, and news of the topic that fill articles
                if len(group) < 2 or not background:
                    continue
                row = f"archive {c_lang}>{a_lang}"
                claims = [{"id": f"c{n}", "text": r["sentence1"][c_lang]} for n, r in group]
                # the background news has claims of its own, as an archive's claims file covers more than one
                # story: they are not scored, but their sentences are theirs
                claims += [
                    {"id": f"bg{m}", "text": news[m]["sentence1"][c_lang]}
                    for m, _ in background
                    if news[m]["score"] >= STATED
                ]
                others = [news[m][side][a_lang] for m, _ in background for side in ("sentence1", "sentence2")]
                articles = {}
                for n, r in group:
                    lines = rng.sample(others, min(len(others), 6))
                    lines.insert(rng.randrange(len(lines) + 1), r["sentence2"][a_lang])
                    articles[f"a{n}"] = "\n".join(lines) + "\n"
                expects = [
                    Expect(
                        row,
                        "mention",
                        f"c{n}",
                        f"a{m}",
                        m == n and r["score"] >= STATED,
                        half,
                        "hard" if m == n and r["score"] < STATED else "" if m == n else "same topic",
                        r["sentence2"][a_lang] if m == n and r["score"] >= STATED else "",
                    )
                    for n, r in group
                    for m, _ in group
                    if m == n or r["score"] >= STATED
                ]
                runs.append(Run(claims_yaml(claims), articles, expects))
    return runs


def topical() -> list[Run]:
    """Story claims in an article of the claim's nearest neighbours (TF-IDF, article language),
    with the paraphrase (STS >= 4), with an unequal same-event sentence (STS <= 1), or without either."""
    runs = []
    for c_lang, a_lang in ALL_PAIRS:
        claims, stories, articles, expects = [], {}, {}, []
        row = f"topical {c_lang}>{a_lang}"
        for n, r, half, with_it, around in _neighbourhoods(c_lang, a_lang, random.Random(f"topical-{c_lang}-{a_lang}")):
            claims.append({"id": f"c{n}", "text": r["sentence1"][c_lang], "story": f"s{n}"})
            articles[f"a{n}"] = with_it
            stories[f"s{n}"] = [f"a{n}"]
            stated = r["score"] >= STATED
            expects.append(
                Expect(
                    row,
                    "mention",
                    f"c{n}",
                    f"a{n}",
                    stated,
                    half,
                    "" if stated else "hard",
                    r["sentence2"][a_lang] if stated else "",
                )
            )
            if stated:
                articles[f"b{n}"] = around
                stories[f"s{n}"].append(f"b{n}")
                expects.append(Expect(row, "mention", f"c{n}", f"b{n}", False, half, "without"))
        runs.append(Run(claims_yaml(claims, stories), articles, expects))
    return runs


def stories() -> list[Run]:
    """One fact told in two languages' articles of a story: a claim of a story in one language, its
    paraphrase (STS >= 4) put in an article of its nearest news in each other language, and one article of
    that news without it. Both tellings must be found, the article without it not, and the claim must not
    be flagged: its two articles say the same thing in two languages."""
    runs = []
    for c_lang in ("en", "fr", "tr"):
        a_langs = [lang for lang in ("en", "fr", "tr") if lang != c_lang]
        row = f"story {c_lang}>{'+'.join(a_langs)}"
        tellings = {
            lang: {h.n: h for h in _neighbourhoods(c_lang, lang, random.Random(f"stories-{c_lang}-{lang}"))}
            for lang in a_langs
        }
        claims, story_articles, articles, expects = [], {}, {}, []
        for n, h in tellings[a_langs[0]].items():
            if h.row["score"] < STATED:
                continue
            claims.append({"id": f"c{n}", "text": h.row["sentence1"][c_lang], "story": f"s{n}"})
            for lang in a_langs:
                articles[f"{lang}{n}"] = tellings[lang][n].with_it
                evidence = h.row["sentence2"][lang]
                expects.append(Expect(f"{row} mention", "mention", f"c{n}", f"{lang}{n}", True, h.half, "", evidence))
            articles[f"b{n}"] = h.around
            expects.append(Expect(f"{row} mention", "mention", f"c{n}", f"b{n}", False, h.half, "without"))
            expects.append(Expect(f"{row} flagged", "flag", f"c{n}", None, False, h.half, "same fact"))
            story_articles[f"s{n}"] = [*(f"{lang}{n}" for lang in a_langs), f"b{n}"]
        runs.append(Run(claims_yaml(claims, story_articles), articles, expects))
    return runs


def topical_everywhere() -> list[Run]:
    """The topical pseudo-articles with claims of no story, GROUP rows a run: each claim is checked in every
    article of the run, its own topic's (with the paraphrase, the unequal same-event sentence, or neither)
    and the other rows' (other topics). A claims file without stories over one-topic articles, as an
    editor's claims over a newsroom's own stories."""
    runs = []
    for c_lang, a_lang in ALL_PAIRS:
        rng = random.Random(f"topical-everywhere-{c_lang}-{a_lang}")
        rows = list(_neighbourhoods(c_lang, a_lang, rng))
        for half in ("fit", "test"):
            mine = [h for h in rows if h.half == half]
            rng.shuffle(mine)
            for start in range(0, len(mine), GROUP):
                runs.append(_everywhere_run(mine[start : start + GROUP], c_lang, a_lang))
    return runs


def _everywhere_run(rows: list[_Neighbourhood], c_lang: str, a_lang: str) -> Run:
    row = f"topical everywhere {c_lang}>{a_lang}"
    claims = [{"id": f"c{h.n}", "text": h.row["sentence1"][c_lang]} for h in rows]
    articles = {}
    for h in rows:
        articles[f"a{h.n}"] = h.with_it
        if h.row["score"] >= STATED:
            articles[f"b{h.n}"] = h.around
    expects = []
    for h in rows:
        stated = h.row["score"] >= STATED
        kinds = {f"a{h.n}": "" if stated else "hard", f"b{h.n}": "without"}  # its own topic; the rest are others'
        for article in articles:
            states = stated and article == f"a{h.n}"
            evidence = h.row["sentence2"][a_lang] if states else ""
            kind = kinds.get(article, "other topic")
            expects.append(Expect(row, "mention", f"c{h.n}", article, states, h.half, kind, evidence))
    return Run(claims_yaml(claims), articles, expects)


class _Neighbourhood(NamedTuple):
    """A news row (its index n), its half, and its one-topic article with and without its second sentence."""

    n: int
    row: dict
    half: str
    with_it: str
    around: str


def _neighbourhoods(c_lang: str, a_lang: str, rng: random.Random):
    """Per news row (n, row, half): an article of its NEIGHBOURS nearest other sentences (TF-IDF, article
    language) with its own second sentence put in at random, and the same article without it."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    news = sts_news()
    pool = [r["sentence1"][a_lang] for r in news] + [r["sentence2"][a_lang] for r in news]
    tfidf = TfidfVectorizer(sublinear_tf=True).fit_transform(pool)
    similarity = (tfidf[: len(news)] @ tfidf.T).toarray()  # sentence1 of row n x every pool sentence
    for n, r in _rows():
        own = {n, n + len(news)}
        order = [
            j
            for j in np.argsort(-similarity[n])
            if j not in own and pool[j] not in (r["sentence1"][a_lang], r["sentence2"][a_lang])
        ]
        around = list(dict.fromkeys(pool[j] for j in order))[:NEIGHBOURS]
        with_it = around[:]
        with_it.insert(rng.randrange(len(with_it) + 1), r["sentence2"][a_lang])
        yield _Neighbourhood(n, r, half_of(("sts", n)), "\n".join(with_it) + "\n", "\n".join(around) + "\n")


def multi_fact() -> list[Run]:
    """The claim is one of two facts joined in one sentence of a digest."""
    runs = []
    for c_lang, a_lang in ALL_PAIRS:
        rng = random.Random(f"multi-{c_lang}-{a_lang}")
        claims, stories, articles, expects = [], {}, {}, []
        for n, r in _rows(low=None):
            other = filler(a_lang, rng, 1)[0]
            sentence = merged(r["sentence2"][a_lang], other, a_lang, rng)
            claims.append({"id": f"c{n}", "text": r["sentence1"][c_lang], "story": f"s{n}"})
            articles[f"a{n}"] = digest(sentence, a_lang, rng)
            stories[f"s{n}"] = [f"a{n}"]
            expects.append(
                Expect(
                    f"multi-fact {c_lang}>{a_lang}",
                    "mention",
                    f"c{n}",
                    f"a{n}",
                    True,
                    half_of(("sts", n)),
                    evidence=sentence,
                )
            )
        runs.append(Run(claims_yaml(claims, stories), articles, expects))
    return runs


def entity_swaps() -> list[Run]:
    """The paraphrase with its proper names replaced by other names of the data: another event."""
    runs = []
    news = sts_news()
    for c_lang, a_lang in ALL_PAIRS:
        rng = random.Random(f"swap-{c_lang}-{a_lang}")
        pool = sorted({w for r in news for w in names(r["sentence2"][a_lang]) + names(r["sentence1"][a_lang])})
        claims, stories, articles, expects = [], {}, {}, []
        for n, r in _rows(low=None):
            sentence = r["sentence2"][a_lang]
            shared = [w for w in names(sentence) if w.lower()[:5] in r["sentence1"][c_lang].lower()]
            if not shared:
                continue
            for word in dict.fromkeys(shared):
                sentence = re.sub(
                    rf"\b{re.escape(word)}\b", rng.choice([p for p in pool if p[:4] != word[:4]]), sentence
                )
            claims.append({"id": f"c{n}", "text": r["sentence1"][c_lang], "story": f"s{n}"})
            articles[f"a{n}"] = digest(sentence, a_lang, rng)
            stories[f"s{n}"] = [f"a{n}"]
            expects.append(
                Expect(f"entity swap {c_lang}>{a_lang}", "mention", f"c{n}", f"a{n}", False, half_of(("sts", n)))
            )
        runs.append(Run(claims_yaml(claims, stories), articles, expects))
    return runs


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
