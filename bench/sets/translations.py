"""A fitting set for figures across languages: an English sentence, as a claim, against its own French or
Turkish translation (it must agree), and with one of its figures changed (it must be contradicted).

Sentences: XNLI premises and hypotheses of the fit half, STS-B news sentences of the fit half, and the STS-B
sentences of the other genres (captions, forums), which no other set uses. Every row here is for fitting:
the held-out halves of XNLI and STS-B news stay in the other sets, unseen."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from bench.sets import FIT, Pair, half_of
from bench.sets.common import DATA, xnli
from bench.sets.variants import changed_figure

_LANGS = ("fr", "tr")


def translation_pairs() -> list[Pair]:
    out = []
    for english, translations in _sentences():
        for lang in _LANGS:
            changed = changed_figure(english, translations[lang], english) if re.search(r"\d", english) else None
            if changed is None:
                continue
            claim = " ".join(english.split())
            out.append(
                Pair(f"fit-only translation agrees en>{lang}", claim, "en", translations[lang], lang, False, FIT, True)
            )
            out.append(
                Pair(f"fit-only translation figure en>{lang}", changed, "en", translations[lang], lang, True, FIT, True)
            )
    return out


def _sentences() -> Iterator[tuple[str, dict[str, str]]]:
    """Each English sentence once, with its translations."""
    seen = set()
    for english, texts in _sts_sentences() + _xnli_sentences():
        if english not in seen:
            seen.add(english)
            yield english, texts


def _sts_sentences() -> list[tuple[str, dict[str, str]]]:
    out = []
    news = -1
    with open(DATA / "stsb" / "stsb_test_aligned_en_fr_tr.jsonl", encoding="utf-8") as fh:
        for row in map(json.loads, fh):
            if row["genre"] == "main-news":
                news += 1  # the other sets number the news rows alone (common.sts_news)
                if half_of(("sts", news)) != FIT:
                    continue
            out.extend((row[side]["en"], row[side]) for side in ("sentence1", "sentence2"))
    return out


def _xnli_sentences() -> list[tuple[str, dict[str, str]]]:
    out = []
    for premise in xnli():
        if half_of(("xnli", premise["n"])) == FIT:
            texts = [premise["premise"], *premise["hyps"].values()]
            out.extend((t["en"], t) for t in texts)
    return out
