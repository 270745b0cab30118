"""Mention sets built from STS-B news (en/fr/tr): digests, archives, topical pseudo-articles, stories,
multi-fact sentences and entity swaps."""

from __future__ import annotations

import random
import re

from bench.sets import Expect, Run, half_of
from bench.sets.common import claims_yaml, digest, filler, merged, names, sts_news

STATED, UNRELATED = 4.0, 1.0  # STS gold: 4 'mostly equivalent', 1 'not equivalent, same topic'
CROSS = (("en", "fr"), ("en", "tr"), ("fr", "tr"))
ALL_PAIRS = CROSS + (("en", "en"), ("fr", "fr"), ("tr", "tr"))
GROUP = 10  # claims of a digest run, each checked in every article of the run


def news_rows(low: float | None = UNRELATED) -> list[tuple[int, dict]]:
    return [(n, r) for n, r in enumerate(sts_news()) if r["score"] >= STATED or (low is not None and r["score"] <= low)]


def digests() -> list[Run]:
    """Claims with no story, each checked in every article of its run: one article states it
    (STS >= 4), or holds a sentence on the same kind of event that does not (STS <= 1). Across
    languages (the issue's set), and within one (rows of their own)."""
    runs = []
    for c_lang, a_lang in ALL_PAIRS:
        rng = random.Random(f"digest-{c_lang}-{a_lang}")
        for half in ("fit", "test"):
            rows = [(n, r) for n, r in news_rows() if half_of(("sts", n)) == half]
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


def multi_fact() -> list[Run]:
    """The claim is one of two facts joined in one sentence of a digest."""
    runs = []
    for c_lang, a_lang in ALL_PAIRS:
        rng = random.Random(f"multi-{c_lang}-{a_lang}")
        claims, stories, articles, expects = [], {}, {}, []
        for n, r in news_rows(low=None):
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
        for n, r in news_rows(low=None):
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
