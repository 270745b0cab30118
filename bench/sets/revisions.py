"""Sets from real revisions: VitaminC (Wikipedia sentences before/after an edit, claims labelled
against each) and IteraTeR (Wikinews drafts before/after, each edit labelled with its intent)."""

from __future__ import annotations

import json
import random

from bench.sets import Expect, Run, half_of
from bench.sets.common import DATA, claims_yaml, filler

PAGE_FILLER = 8
REWORDING = ("fluency", "clarity", "coherence", "style")


def _jsonl(path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def vitaminc_category(pair: dict) -> str:
    if pair["heur_negation_change"]:
        return "negation"
    return "figures" if pair["heur_number_change"] else "other"


def vitaminc() -> list[Run]:
    """Two drafts of a page that differ in one revised sentence, and an annotator's claim that one
    version supports and the other refutes: the drafts disagree, and one contradicts the claim."""
    pairs = _jsonl(DATA / "revisions" / "vitaminc_real" / "vitaminc_real_revision_pairs.jsonl")
    by_page: dict[str, list[str]] = {}
    for p in pairs:
        by_page.setdefault(p["page"], []).append(p["evidence_a"])
    rng = random.Random("vitaminc")
    claims, stories, articles, expects = [], {}, {}, []
    for n, p in enumerate(pairs):
        flip = next((c for c in p["claims"] if {c["label_a"], c["label_b"]} == {"SUPPORTS", "REFUTES"}), None)
        if p["pair_type"] != "contradiction" or flip is None:
            continue
        half, kind = half_of(("vitaminc", p["case_id"])), vitaminc_category(p)
        page = [s for s in dict.fromkeys(by_page[p["page"]]) if s != p["evidence_a"]][:PAGE_FILLER]
        page += filler("en", rng, max(0, 4 - len(page)))
        at = rng.randrange(len(page) + 1)
        for side in ("a", "b"):
            lines = page[:at] + [p[f"evidence_{side}"]] + page[at:]
            articles[f"{side}{n}"] = "\n".join(lines) + "\n"
            expects.append(Expect("VitaminC mention", "mention", f"c{n}", f"{side}{n}", True, half))
            refuted = flip[f"label_{side}"] == "REFUTES"
            expects.append(Expect(f"VitaminC claim {kind}", "contradicts", f"c{n}", f"{side}{n}", refuted, half,
                                  "" if refuted else "agrees"))
        claims.append({"id": f"c{n}", "text": flip["claim"], "story": f"s{n}"})
        stories[f"s{n}"] = [f"a{n}", f"b{n}"]
        expects.append(Expect(f"VitaminC {kind}", "flag", f"c{n}", None, True, half))
    return [Run(claims_yaml(claims, stories), articles, expects)]


def iterater() -> list[Run]:
    """A sentence of a Wikinews draft as the claim, checked in the draft before and after one revision:
    a rewording (fluency, clarity, coherence, style) must not be flagged."""
    docs = {(d["doc_id"], d["revision_depth"]): d
            for d in _jsonl(DATA / "revisions" / "iterater_human" / "iterater_human_doc_news.jsonl")}
    claims, stories, articles, expects = [], {}, {}, []
    for n, row in enumerate(_jsonl(DATA / "revisions" / "iterater_human" / "iterater_human_sent_news.jsonl")):
        before, after = " ".join(row["before_sent"].split()), " ".join(row["after_sent"].split())
        doc = docs.get((row["doc_id"], row["revision_depth"]))
        if doc is None or before == after or len(before.split()) < 6 or row["labels"] not in (*REWORDING, "meaning-changed"):
            continue
        key = f"{row['doc_id']}-{row['revision_depth']}"
        articles[f"b{key}"] = doc["before_revision"]
        articles[f"a{key}"] = doc["after_revision"]
        claims.append({"id": f"c{n}", "text": before, "story": f"s{key}"})
        stories[f"s{key}"] = [f"b{key}", f"a{key}"]
        meaning = row["labels"] == "meaning-changed"
        expects.append(Expect("IteraTeR meaning-changed" if meaning else "IteraTeR rewording", "flag", f"c{n}", None,
                              meaning, half_of(("iterater", row["doc_id"]))))
    return [Run(claims_yaml(claims, stories), articles, expects)]
