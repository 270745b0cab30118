"""Sets written by hand over the seeds: our own claims, revised drafts with known edits, and the public
evaluation (one row, never fitted or chosen on)."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import yaml

from bench.sets import FIT, TEST, Expect, Run
from bench.sets.common import DATA

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "bench" / "data"
PUBLIC = DATA.parent / "public"
PUBLIC_HALF = "public"


def _seeds() -> dict[str, str]:
    return {p.stem: p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))}


def _in_scope(claim: dict, stories: dict, ids: list[str]) -> list[str]:
    if "story" not in claim:
        return ids
    return [i for i in ids if any(fnmatch.fnmatchcase(i, g) for g in stories[claim["story"]])]


def _full_id(prefix: str, ids: list[str]) -> str:
    return next(i for i in ids if i == prefix or i.startswith(prefix + "_"))


def _as_tuple(value) -> tuple:
    return tuple(value) if isinstance(value, list) else (value,)


def _labelled(claims_path: Path, expected_path: Path, articles: dict[str, str], row: str, half_of_claim) -> Run:
    document = yaml.safe_load(claims_path.read_text("utf-8"))
    expected = yaml.safe_load(expected_path.read_text("utf-8"))
    ids = list(articles)
    expects = []
    for index, claim in enumerate(document["claims"]):
        want, half = expected[claim["id"]], half_of_claim(index)
        labels = {_full_id(k, ids): _as_tuple(v) for k, v in want["articles"].items()}
        expects.append(Expect(f"{row} status", "status", claim["id"], None, _as_tuple(want["status"]), half))
        contradicts = {_full_id(k, ids) for k in want.get("contradicts", [])}
        either = {_full_id(k, ids) for k in want.get("contradicts_either", [])}
        for article in _in_scope(claim, document.get("stories", {}), ids):
            expects.append(
                Expect(f"{row} cells", "label", claim["id"], article, labels.get(article, ("absent",)), half)
            )
            if "absent" not in labels.get(article, ("absent",)) and article not in either:
                wanted = article in contradicts
                expects.append(
                    Expect(
                        f"{row} vs claim", "contradicts", claim["id"], article, wanted, half, "" if wanted else "agrees"
                    )
                )
    return Run(claims_path.read_text("utf-8"), articles, expects)


def own_claims() -> list[Run]:
    """bench/data/seed-claims.yaml over the seeds; even claims are fitted and chosen on."""
    return [
        _labelled(
            HERE / "seed-claims.yaml",
            HERE / "seed-expected.yaml",
            _seeds(),
            "own claims",
            lambda index: FIT if index % 2 == 0 else TEST,
        )
    ]


def newsroom() -> list[Run]:
    """Over four stories written by hand, each told by an English, a French and a Turkish outlet
    (bench/data/newsroom/): bench/data/newsroom-claims.yaml, claims of the stories, and
    newsroom-everywhere-claims.yaml, claims of no story checked in all twelve articles (rows 'newsroom
    everywhere'). Even claims of each file are fitted and chosen on."""
    articles = {p.stem: p.read_text("utf-8") for p in sorted((HERE / "newsroom").glob("*.txt"))}
    return [
        _labelled(
            HERE / f"{name}-claims.yaml",
            HERE / f"{name}-expected.yaml",
            articles,
            row,
            lambda index: FIT if index % 2 == 0 else TEST,
        )
        for name, row in (("newsroom", "newsroom"), ("newsroom-everywhere", "newsroom everywhere"))
    ]


def drafts() -> list[Run]:
    """One claim per edit of bench/data/drafts, checked in the seed and its draft."""
    articles = {**_seeds(), **{p.stem: p.read_text("utf-8") for p in sorted((HERE / "drafts").glob("*.txt"))}}
    document = yaml.safe_load((HERE / "drafts-claims.yaml").read_text("utf-8"))
    expected = yaml.safe_load((HERE / "drafts-expected.yaml").read_text("utf-8"))
    expects = []
    for index, claim in enumerate(document["claims"]):
        want, half = expected[claim["id"]], FIT if index % 2 == 0 else TEST
        draft = document["stories"][claim["story"]][1]
        seed = _full_id(draft[:3], list(articles))
        changed = want["edit"] != "rewording"
        expects.append(Expect(f"drafts {want['edit']}", "flag", claim["id"], None, changed, half))
        for article in (seed, draft):
            expects.append(Expect("drafts mention", "mention", claim["id"], article, True, half))
            wanted = article in want.get("contradicts", [])
            expects.append(
                Expect(
                    f"drafts vs claim ({'edited' if changed else 'reworded'})",
                    "contradicts",
                    claim["id"],
                    article,
                    wanted,
                    half,
                    "" if wanted else "agrees",
                )
            )
    return [Run((HERE / "drafts-claims.yaml").read_text("utf-8"), articles, expects)]


def public() -> list[Run]:
    """The public evaluation, as ../shared/eval/score.py reads it: one row among many."""
    document = yaml.safe_load((PUBLIC / "claims.yaml").read_text("utf-8"))
    expected = yaml.safe_load((PUBLIC / "expected.yaml").read_text("utf-8"))
    expects = []
    for claim in document["claims"]:
        want = expected[claim["id"]]
        expects.append(Expect("public eval status", "status", claim["id"], None, (want["status"],), PUBLIC_HALF))
        for article, label in want["articles"].items():
            expects.append(Expect("public eval cells", "label", claim["id"], article, _as_tuple(label), PUBLIC_HALF))
    return [Run((PUBLIC / "claims.yaml").read_text("utf-8"), _seeds(), expects)]


__all__ = ["own_claims", "newsroom", "drafts", "public", "TEST"]
