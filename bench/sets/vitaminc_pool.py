"""A larger fitting pool: the whole VitaminC 'real' test file, without the 800 cases the shared subset holds
(their fit half stays in the other sets, their held-out half stays unseen). Every row here is for fitting.

The file is not in ../shared: set VITAMINC_REAL to its path, `vitaminc_real/test.jsonl` from
`static/vitaminc_real.zip` of github.com/TalSchuster/talschuster.github.io (zip sha256 04cce67d000a61fd...,
the same the shared README names). Without it the set is empty."""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter, defaultdict

from bench.sets import FIT, Pair
from bench.sets.common import DATA

_NEGATION = re.compile(r"\b(?:not|no|never|none|nor|neither|nobody|nothing|without|cannot)\b|n't", re.IGNORECASE)


def _category(a: str, b: str) -> str:
    """The shared subset's heuristics: a negation word count or the digits that changed."""
    if len(_NEGATION.findall(a)) != len(_NEGATION.findall(b)):
        return "negation"
    return "figures" if Counter(re.findall(r"\d+", a)) != Counter(re.findall(r"\d+", b)) else "other"


def _cases() -> dict[str, list[dict]]:
    path = os.environ.get("VITAMINC_REAL")
    if not path:
        print("vitaminc-pool: VITAMINC_REAL is not set; the set is empty", file=sys.stderr)
        return {}
    with open(DATA / "revisions" / "vitaminc_real" / "vitaminc_real_test_subset.jsonl", encoding="utf-8") as fh:
        shared = {json.loads(line)["case_id"] for line in fh}
    cases = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for row in map(json.loads, fh):
            if row["case_id"] not in shared:
                cases[row["case_id"]].append(row)
    return cases


def pool_pairs() -> list[Pair]:
    """Like revisions.claim_pairs and revision_pairs, over the cases whose two drafts flip a claim."""
    out = []
    for rows in _cases().values():
        drafts = list(dict.fromkeys(r["evidence"] for r in rows))
        if len(drafts) != 2:
            continue
        labels = defaultdict(dict)
        for r in rows:
            labels[r["claim"]][drafts.index(r["evidence"])] = r["label"]
        if not any({v.get(0), v.get(1)} == {"SUPPORTS", "REFUTES"} for v in labels.values()):
            continue
        kind = _category(*drafts)
        out.append(Pair(f"pool revision pair {kind}", drafts[0], "en", drafts[1], "en", True, FIT))
        for claim, by_draft in labels.items():
            for side, label in by_draft.items():
                if label in ("SUPPORTS", "REFUTES") and kind != "other":
                    refuted = label == "REFUTES"
                    row = f"pool claim pair {kind}" if refuted else "pool claim pair agrees"
                    out.append(Pair(row, " ".join(claim.split()), "en", drafts[side], "en", refuted, FIT, True))
    return out
