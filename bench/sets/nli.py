"""Sets from XNLI (en/fr/tr) and PAWS-X (en/fr): the comparison alone on sentence pairs, and XNLI
hypotheses checked as claims against their premise."""

from __future__ import annotations

import csv
import random

from bench.sets import Expect, Pair, Run, half_of
from bench.sets.common import DATA, claims_yaml, digest, version_runs, xnli

XNLI_PAIRS = (("en", "en"), ("fr", "fr"), ("tr", "tr"), ("en", "fr"), ("en", "tr"), ("fr", "tr"))
CLAIM_PREMISES = 300  # premises per language pair for the claim runs (each gives two claims)


def xnli_pairs() -> list[Pair]:
    """Premise and hypothesis: an entailment must not differ, a contradiction should."""
    out = []
    for left, right in XNLI_PAIRS:
        for p in xnli():
            for label in ("entailment", "contradiction"):
                out.append(
                    Pair(
                        f"XNLI {left}-{right}",
                        p["premise"][left],
                        left,
                        p["hyps"][label][right],
                        right,
                        label == "contradiction",
                        half_of(("xnli", p["n"])),
                    )
                )
    return out


def pawsx_pairs() -> list[Pair]:
    """Adversarial paraphrases (label 1) must not differ; swapped roles (label 0) may."""
    out = []
    for lang in ("en", "fr"):
        with open(DATA / "pawsx" / f"pawsx_dev_{lang}.tsv", encoding="utf-8") as fh:
            for n, (left, right, label) in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)):
                if "NS" in (left.strip(), right.strip()):
                    continue
                out.append(Pair(f"PAWS-X {lang}", left, lang, right, lang, label == "0", half_of(("paws", n))))
    return out


def xnli_claims() -> list[Run]:
    """Hypotheses as story claims over a digest holding their premise: the entailed one must not be
    said to contradict the article; the contradicting one should."""
    runs = []
    for c_lang, a_lang in (("en", "fr"), ("en", "tr"), ("fr", "tr"), ("en", "en")):
        rng = random.Random(f"xnli-claims-{c_lang}-{a_lang}")
        claims, stories, articles, expects = [], {}, {}, []
        for p in rng.sample(list(xnli()), CLAIM_PREMISES):
            n, half = p["n"], half_of(("xnli", p["n"]))
            articles[f"a{n}"] = digest(p["premise"][a_lang], a_lang, rng)
            stories[f"s{n}"] = [f"a{n}"]
            for label, want in (("entailment", False), ("contradiction", True)):
                cid = f"{label[:3]}{n}"
                claims.append({"id": cid, "text": p["hyps"][label][c_lang], "story": f"s{n}"})
                expects.append(
                    Expect(
                        f"XNLI claim {c_lang}>{a_lang}",
                        "contradicts",
                        cid,
                        f"a{n}",
                        want,
                        half,
                        "agrees" if not want else "",
                    )
                )
                if label == "entailment":
                    expects.append(
                        Expect(
                            f"XNLI entailed {c_lang}>{a_lang}",
                            "mention",
                            cid,
                            f"a{n}",
                            True,
                            half,
                            evidence=p["premise"][a_lang],
                        )
                    )
        runs.append(Run(claims_yaml(claims, stories), articles, expects))
    return runs


def xnli_versions(everywhere: bool = False) -> list[Run]:
    """A claim whose versions are the entailed and the contradicting hypothesis of a premise, over a digest
    holding the premise: the article tells the entailed version. `everywhere`: claims of no story, each
    checked in the digests of its run (EVERYWHERE_GROUP premises), which word by word as a story's claims are not."""
    runs = []
    row = "XNLI versions everywhere" if everywhere else "XNLI versions"
    for c_lang, a_lang in (("en", "fr"), ("en", "tr"), ("en", "en"), ("fr", "fr")):
        rng = random.Random(f"xnli-versions-{c_lang}-{a_lang}")
        items, stories = [], {}
        for p in rng.sample(list(xnli()), CLAIM_PREMISES):
            n, half = p["n"], half_of(("xnli", p["n"]))
            article = digest(p["premise"][a_lang], a_lang, rng)
            versions = {"entailed": p["hyps"]["entailment"][c_lang], "contradicted": p["hyps"]["contradiction"][c_lang]}
            claim = {"id": f"c{n}", "text": p["hyps"]["entailment"][c_lang], "versions": versions}
            if not everywhere:
                stories[f"s{n}"] = [f"a{n}"]
                claim["story"] = f"s{n}"
            want = ("entailed", "absent")
            items.append(
                (claim, {f"a{n}": article}, [Expect(f"{row} {c_lang}>{a_lang}", "label", f"c{n}", f"a{n}", want, half)])
            )
        runs += version_runs(items, stories, everywhere)
    return runs
