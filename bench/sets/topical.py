"""Sets of STS-B news (en/fr/tr) in articles of a row's nearest neighbours, one topic each: claims of a story
(topical, stories) and claims checked everywhere (topical_everywhere)."""

from __future__ import annotations

import random
from typing import NamedTuple

import numpy as np

from bench.sets import Expect, Run, half_of
from bench.sets.common import claims_yaml, sts_news
from bench.sets.sts import ALL_PAIRS, GROUP, STATED, news_rows

NEIGHBOURS = 8


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
    for n, r in news_rows():
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
