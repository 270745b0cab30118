"""Measure the second look (factcheck/feedback.py) on held-out STS-B news pairs across languages.

usage: python bench/second_look.py [--data ../shared/eval/external] [--model use]

Built like bench/calibrate.py: a pseudo-article holds sentence2 (in the article
language) among its nearest news headlines, and sentence1 (in the claim language)
is the claim; rival claims are drawn the same way. Only the odd rows, which the
shipped calibration did not see, are used, and only cross-language pairs, where
the second look applies. The anchor is sentence1 in the article language: the
claim as another article of that language tells it. That is a best case, since a
real anchor is an article's sentence with its own extra content, so read the gain
as an upper bound and the precision as the figure that matters.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np
from tabulate import tabulate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from calibrate import NEIGHBOURS, RIVAL_SHARE, SEED, STATED, UNSTATED, load_sts_news  # noqa: E402
from factcheck.articles import Article, Sentence  # noqa: E402
from factcheck.calibration import calibration_for  # noqa: E402
from factcheck.claims import Claim  # noqa: E402
from factcheck.embed import PASSAGE, QUERY, load_embedder, resolve_model  # noqa: E402
from factcheck.feedback import NEAR_MISS, second_look  # noqa: E402
from factcheck.match import ClaimMatrix, match_numbers  # noqa: E402

CROSS_PAIRS = [("en", "fr"), ("en", "tr"), ("fr", "tr"), ("tr", "fr")]


def rows(embedder, pairs, calibration, c_lang, a_lang, rng):
    pool = embedder.encode([p["sentence2"][a_lang] for p in pairs], PASSAGE)
    claims = embedder.encode([p["sentence1"][c_lang] for p in pairs], QUERY)
    anchors = embedder.encode([p["sentence1"][a_lang] for p in pairs], PASSAGE)
    out = []
    for i, pair in enumerate(pairs):
        if UNSTATED < pair["score"] < STATED or i % 2 == 0:
            continue
        order = [j for j in np.argsort(-(pool @ pool[i])) if j != i]
        members = [i] + order[:NEIGHBOURS]
        rng.shuffle(members)
        rivals = [j for j in members if j != i and rng.random() < RIVAL_SHARE]
        matrix = ClaimMatrix.build([Claim(str(j), "") for j in [i] + rivals], claims[[i] + rivals])
        article = Article("a", "", a_lang, tuple(Sentence("a", n + 1, str(m), a_lang) for n, m in enumerate(members)))
        first = match_numbers(matrix, article, pool[members], calibration)
        found = bool(first.ints[0, 0])
        if not found and first.floats[0, 1] >= NEAR_MISS:
            again = second_look(matrix, article, pool[members], calibration, {0: anchors[i][None, :]}, first)
            found = bool(again.ints[0, 0])
        out.append((bool(first.ints[0, 0]), found, pair["score"] >= STATED))
    return out


def scores(predicted, labels):
    tp = sum(p and y for p, y in zip(predicted, labels))
    fp = sum(p and not y for p, y in zip(predicted, labels))
    fn = sum(y and not p for p, y in zip(predicted, labels))
    accuracy = sum(p == y for p, y in zip(predicted, labels)) / max(len(labels), 1)
    return [round(accuracy, 3), round(tp / max(tp + fp, 1), 3), round(tp / max(tp + fn, 1), 3)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/eval/external")
    ap.add_argument("--model", default="use")
    args = ap.parse_args()
    spec = resolve_model(args.model)
    embedder, calibration = load_embedder(spec), calibration_for(spec.identity)
    pairs, rng = load_sts_news(args.data), random.Random(SEED)
    table, everything = [], []
    for c_lang, a_lang in CROSS_PAIRS:
        found = rows(embedder, pairs, calibration, c_lang, a_lang, rng)
        everything += found
        labels = [y for _, _, y in found]
        table.append([f"{c_lang}->{a_lang}", len(found), *scores([f for f, _, _ in found], labels),
                      *scores([s for _, s, _ in found], labels)])
    labels = [y for _, _, y in everything]
    table.append(["all", len(everything), *scores([f for f, _, _ in everything], labels),
                  *scores([s for _, s, _ in everything], labels)])
    print(f"{spec.identity}: first look vs with second look, held-out STS-B news (anchor = claim in article language)")
    print(tabulate(table, headers=["claim->article", "pairs", "acc", "prec", "recall",
                                   "acc 2nd", "prec 2nd", "recall 2nd"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
