"""Shared pieces of the benchmark sets: loading the external data, claims YAML, pseudo-articles."""

from __future__ import annotations

import json
import random
import re
from functools import cache
from pathlib import Path

import yaml

from bench.sets import EVERYWHERE_GROUP, Expect, Run

DATA = Path(__file__).resolve().parents[3] / "shared" / "eval" / "external"
FILLER = 9  # sentences around the one that matters in a pseudo-article
CONJUNCTION = {"en": ", and ", "fr": ", et ", "tr": " ve "}


def claims_yaml(claims: list[dict], stories: dict[str, list[str]] | None = None) -> str:
    document = {"claims": claims}
    if stories:
        document = {"stories": stories, **document}
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=10_000)


def version_runs(
    items: list[tuple[dict, dict[str, str], list[Expect]]], stories: dict[str, list[str]], everywhere: bool
) -> list[Run]:
    """Claims with their articles and expectations, as runs: all in one, each claim in its story's articles
    (`stories`); or, `everywhere`, claims of no story in runs of EVERYWHERE_GROUP, each checked in every article
    of its run."""
    size = EVERYWHERE_GROUP if everywhere else max(len(items), 1)
    return [
        Run(
            claims_yaml([claim for claim, _, _ in part], stories),
            {name: text for _, articles, _ in part for name, text in articles.items()},
            [e for _, _, expects in part for e in expects],
        )
        for part in (items[start : start + size] for start in range(0, len(items), size))
    ]


@cache
def sts_news() -> tuple[dict, ...]:
    with open(DATA / "stsb" / "stsb_test_aligned_en_fr_tr.jsonl", encoding="utf-8") as fh:
        return tuple(r for r in map(json.loads, fh) if r["genre"] == "main-news")


@cache
def xnli() -> tuple[dict, ...]:
    """One entry per premise: {'n', 'premise': {lang: text}, 'hyps': {label: {lang: text}}}."""
    premises: dict[str, dict] = {}
    with open(DATA / "xnli" / "xnli_dev_aligned_en_fr_tr.jsonl", encoding="utf-8") as fh:
        for row in map(json.loads, fh):
            entry = premises.setdefault(
                row["premise"]["en"], {"n": len(premises), "premise": row["premise"], "hyps": {}}
            )
            entry["hyps"][row["label"]] = row["hypothesis"]
    return tuple(premises.values())


def filler(lang: str, rng: random.Random, count: int = FILLER, avoid: str = "") -> list[str]:
    """Sentences on other subjects (XNLI premises: fiction, travel, government, letters...)."""
    pool = [p["premise"][lang] for p in xnli() if p["premise"][lang] != avoid and 40 <= len(p["premise"][lang]) <= 300]
    return rng.sample(pool, count)


def digest(sentence: str, lang: str, rng: random.Random) -> str:
    """A pseudo-article: `sentence` at a random place among unrelated ones, a paragraph each."""
    lines = filler(lang, rng)
    lines.insert(rng.randrange(len(lines) + 1), sentence)
    return "\n".join(lines) + "\n"


def merged(sentence: str, other: str, lang: str, rng: random.Random) -> str:
    """Two facts in one sentence, in either order ('S, et s2.')."""
    first, second = (sentence, other) if rng.random() < 0.5 else (other, sentence)
    first = first.rstrip(" .!?")
    second = second[:1].lower() + second[1:] if not second[:2].isupper() else second
    return first + CONJUNCTION[lang] + second


NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÇĞİÖŞÜÉÈ][\w'’-]{2,}")


def names(text: str) -> list[str]:
    """Capitalised words not at the start of the sentence: a rough list of proper names."""
    return [m.group() for m in NAME.finditer(text.strip())]
