"""Sets from real revisions: VitaminC (Wikipedia sentences before/after an edit, claims labelled
against each) and IteraTeR (Wikinews drafts before/after, each edit labelled with its intent)."""

from __future__ import annotations

import json
import random
import re

from bench.sets import Expect, Pair, Run, half_of
from bench.sets.common import DATA, claims_yaml, filler, version_runs

PAGE_FILLER = 8
REWORDING = ("fluency", "clarity", "coherence", "style")


def _jsonl(path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w{3,}", text.lower()))


def _unlike(text: str, others: list[str], limit: float = 0.3) -> bool:
    words = _words(text)
    return all(len(words & _words(o)) / max(len(words | _words(o)), 1) < limit for o in others)


def page_filler(page: list[str], revised: list[str]) -> list[str]:
    """Other sentences of the page, without other revisions of the revised sentence, nor of each other:
    VitaminC holds many revisions of one sentence (a daily case count), and an article states a fact once."""
    kept: list[str] = []
    for sentence in page:
        if _unlike(sentence, revised + kept):
            kept.append(sentence)
    return kept[:PAGE_FILLER]


def _title(page: str) -> str:
    """The page's title as the article's headline: an article names its subject."""
    return page.replace("_", " ").replace("-LRB-", "(").replace("-RRB-", ")")


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
        page = page_filler(list(dict.fromkeys(by_page[p["page"]])), [p["evidence_a"], p["evidence_b"]])
        page += filler("en", rng, max(0, 4 - len(page)))
        at = rng.randrange(len(page) + 1)
        for side in ("a", "b"):
            lines = [_title(p["page"])] + page[:at] + [p[f"evidence_{side}"]] + page[at:]
            articles[f"{side}{n}"] = "\n".join(lines) + "\n"
            expects.append(
                Expect("VitaminC mention", "mention", f"c{n}", f"{side}{n}", True, half, evidence=p[f"evidence_{side}"])
            )
            refuted = flip[f"label_{side}"] == "REFUTES"
            expects.append(
                Expect(
                    f"VitaminC claim {kind}",
                    "contradicts",
                    f"c{n}",
                    f"{side}{n}",
                    refuted,
                    half,
                    "" if refuted else "agrees",
                )
            )
        claims.append({"id": f"c{n}", "text": flip["claim"], "story": f"s{n}"})
        stories[f"s{n}"] = [f"a{n}", f"b{n}"]
        expects.append(Expect(f"VitaminC {kind}", "flag", f"c{n}", None, True, half))
    return [Run(claims_yaml(claims, stories), articles, expects)]


def vitaminc_versions(everywhere: bool = False) -> list[Run]:
    """A claim whose versions are the two annotator claims of a revision (one supported by each draft): each
    draft tells its own. `everywhere`: claims of no story, each checked in the drafts of its run
    (EVERYWHERE_GROUP revisions)."""
    pairs = _jsonl(DATA / "revisions" / "vitaminc_real" / "vitaminc_real_revision_pairs.jsonl")
    by_page: dict[str, list[str]] = {}
    for p in pairs:
        by_page.setdefault(p["page"], []).append(p["evidence_a"])
    rng = random.Random("vitaminc-versions")
    row = "VitaminC versions everywhere" if everywhere else "VitaminC versions"
    items, stories = [], {}
    for n, p in enumerate(pairs):
        supports = {
            side: next(
                (
                    c["claim"]
                    for c in p["claims"]
                    if c[f"label_{side}"] == "SUPPORTS" and c[f"label_{'b' if side == 'a' else 'a'}"] == "REFUTES"
                ),
                None,
            )
            for side in "ab"
        }
        if p["pair_type"] != "contradiction" or None in supports.values() or supports["a"] == supports["b"]:
            continue
        half = half_of(("vitaminc", p["case_id"]))
        page = page_filler(list(dict.fromkeys(by_page[p["page"]])), [p["evidence_a"], p["evidence_b"]])
        page += filler("en", rng, max(0, 4 - len(page)))
        at = rng.randrange(len(page) + 1)
        articles, expects = {}, []
        for side in "ab":
            lines = [_title(p["page"])] + page[:at] + [p[f"evidence_{side}"]] + page[at:]
            articles[f"{side}{n}"] = "\n".join(lines) + "\n"
            want = (f"draft-{side}", "absent")
            expects.append(Expect(f"{row} ({vitaminc_category(p)})", "label", f"c{n}", f"{side}{n}", want, half))
        claim = {"id": f"c{n}", "text": supports["a"], "versions": {"draft-a": supports["a"], "draft-b": supports["b"]}}
        if not everywhere:
            claim["story"] = f"s{n}"
            stories[f"s{n}"] = [f"a{n}", f"b{n}"]
        items.append((claim, articles, expects))
    return version_runs(items, stories, everywhere)


def revision_pairs() -> list[Pair]:
    """The two drafts of one revised sentence, compared alone: VitaminC contradictions must differ (figures,
    negation, other edits); IteraTeR edits that only reword (fluency, clarity, coherence, style) must not."""
    out = []
    for p in _jsonl(DATA / "revisions" / "vitaminc_real" / "vitaminc_real_revision_pairs.jsonl"):
        if p["pair_type"] == "contradiction":
            out.append(
                Pair(
                    f"revision pair {vitaminc_category(p)}",
                    p["evidence_a"],
                    "en",
                    p["evidence_b"],
                    "en",
                    True,
                    half_of(("vitaminc", p["case_id"])),
                )
            )
    for row in _jsonl(DATA / "revisions" / "iterater_human" / "iterater_human_sent_news.jsonl"):
        before, after = " ".join(row["before_sent"].split()), " ".join(row["after_sent"].split())
        if before != after and row["labels"] in REWORDING:
            out.append(
                Pair(
                    "revision pair rewording (IteraTeR)",
                    before,
                    "en",
                    after,
                    "en",
                    False,
                    half_of(("iterater", row["doc_id"])),
                )
            )
    return out


def claim_pairs() -> list[Pair]:
    """An annotator's claim against each draft of a revised sentence: the draft that supports it must not
    be said to contradict it, the one that refutes it must (figure and negation edits; other edits are a
    row of their own, outside the target)."""
    out = []
    for p in _jsonl(DATA / "revisions" / "vitaminc_real" / "vitaminc_real_revision_pairs.jsonl"):
        if p["pair_type"] != "contradiction":
            continue
        kind, half = vitaminc_category(p), half_of(("vitaminc", p["case_id"]))
        prefix = "claim pair VitaminC" if kind != "other" else "claim VitaminC"
        for c in p["claims"]:
            for side in "ab":
                label = c[f"label_{side}"]
                if label in ("SUPPORTS", "REFUTES"):
                    refuted = label == "REFUTES"
                    out.append(
                        Pair(
                            f"{prefix} {kind}" if refuted else f"{prefix} agrees",
                            c["claim"],
                            "en",
                            p[f"evidence_{side}"],
                            "en",
                            refuted,
                            half,
                            True,
                        )
                    )
    return out


def iterater() -> list[Run]:
    """A sentence of a Wikinews draft as the claim, checked in the draft before and after one revision:
    a rewording (fluency, clarity, coherence, style) must not be flagged."""
    docs = {
        (d["doc_id"], d["revision_depth"]): d
        for d in _jsonl(DATA / "revisions" / "iterater_human" / "iterater_human_doc_news.jsonl")
    }
    claims, stories, articles, expects = [], {}, {}, []
    for n, row in enumerate(_jsonl(DATA / "revisions" / "iterater_human" / "iterater_human_sent_news.jsonl")):
        before, after = " ".join(row["before_sent"].split()), " ".join(row["after_sent"].split())
        doc = docs.get((row["doc_id"], row["revision_depth"]))
        if (
            doc is None
            or before == after
            or len(before.split()) < 6
            or row["labels"] not in (*REWORDING, "meaning-changed")
        ):
            continue
        key = f"{row['doc_id']}-{row['revision_depth']}"
        articles[f"b{key}"] = doc["before_revision"]
        articles[f"a{key}"] = doc["after_revision"]
        claims.append({"id": f"c{n}", "text": before, "story": f"s{key}"})
        stories[f"s{key}"] = [f"b{key}", f"a{key}"]
        meaning = row["labels"] == "meaning-changed"
        expects.append(
            Expect(
                "IteraTeR meaning-changed" if meaning else "IteraTeR rewording",
                "flag",
                f"c{n}",
                None,
                meaning,
                half_of(("iterater", row["doc_id"])),
            )
        )
    return [Run(claims_yaml(claims, stories), articles, expects)]
