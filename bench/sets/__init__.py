"""Benchmark sets for bench/accuracy.py: what a set is, how its expectations are scored."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

FIT, TEST = "fit", "test"
EVERYWHERE_GROUP = 10  # claims of no story checked together, each in every article of its run


def half_of(key: object) -> str:
    """A stable split of source rows: fitting and choosing use FIT, the reported figures TEST."""
    digest = hashlib.blake2b(str(key).encode("utf-8"), digest_size=2).digest()
    return FIT if digest[0] % 2 == 0 else TEST


@dataclass(frozen=True)
class Expect:
    """One thing the tool should get right in a run.

    `metric` is what is read from report.json: 'mention' (the article states the claim),
    'label' (version id, 'mentioned' or 'absent'), 'status', 'flag' (status is disagreement),
    'contradicts' (contradicts_claim), or 'differs' for a comparison-only pair.
    `want` is a bool, or for label/status a tuple of accepted strings. `group` subdivides a row
    (e.g. 'hard' negatives)."""

    row: str
    metric: str
    claim: str
    article: str | None
    want: object
    half: str
    group: str = ""
    evidence: str = ""  # the sentence that states the claim, when the set knows it (fitting uses it)


@dataclass
class Run:
    """One factcheck run: claims (YAML text), articles (id -> text), and what it should give."""

    claims_yaml: str
    articles: dict[str, str]
    expects: list[Expect] = field(default_factory=list)


@dataclass(frozen=True)
class Pair:
    """Two texts given to the comparison alone; `want`: they differ in a checkable fact."""

    row: str
    left: str
    left_lang: str
    right: str
    right_lang: str
    want: bool
    half: str
    against_claim: bool = False  # left is a claim's assertion, right an article's sentence (contradicts_claim)
    group: str = ""
