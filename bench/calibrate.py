"""Fit the mention decision of a model on the fit half of the benchmark sets; write factcheck/calibration.json.

usage: python bench/calibrate.py [--models use e5]

Data: the fit half (bench/sets, never the public evaluation) of the cross-lingual digests (claims checked
everywhere), and of the topical pseudo-articles, multi-fact sentences, entity swaps, XNLI entailed
hypotheses, VitaminC revisions, our own claims over the seeds and the revised drafts (claims of a story).
For each expected cell, the features (factcheck.calibration.FEATURES) are those factcheck computes at the
unit it would take as evidence, clauses included. One logistic regression per scope, each set weighing the
same. Thresholds: claims checked everywhere, the highest that keeps recall at least 0.92 on the digests and on
the topical archives; claims of a story, the one that maximises the mean of the per-set accuracies.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.sets import FIT, nli, own, revisions, sts, topical  # noqa: E402
from bench.sets.runner import Tool  # noqa: E402
from factcheck.core.decide import clause_candidates, first_look, with_clauses  # noqa: E402
from factcheck.core.engine import scored_with_words  # noqa: E402
from factcheck.core.features import features_at  # noqa: E402
from factcheck.core.scope import ScopedClaims, claim_rows  # noqa: E402
from factcheck.core.veto import SURE  # noqa: E402
from factcheck.inputs.claims import parse_claims  # noqa: E402
from factcheck.models.calibration import CALIBRATION_FILE, FEATURES, Calibration, Scope  # noqa: E402
from factcheck.models.embed import PASSAGE, encode_batched  # noqa: E402
from factcheck.text.sentences import parse_article  # noqa: E402

FIT_SETS = {
    "digests": sts.digests,
    "archives": sts.archives,
    "topical": topical.topical,
    "multi-fact": sts.multi_fact,
    "entity-swaps": sts.entity_swaps,
    "xnli-claims": nli.xnli_claims,
    "vitaminc": revisions.vitaminc,
    "own-claims": own.own_claims,
    "drafts": own.drafts,
}
GLOBAL_RECALL = 0.94  # the issue asks 0.9 on held-out digests: two standard errors above it (n ~ 180, recall ~ 0.93)
NEAR_MISS = 0.1
# An article of one story has a topic to take out; an archive's unrelated articles have none to speak of. Fitted
# for claims checked everywhere too, `specific` took a negative weight beside `best` and changed no set by 1%.
STORY_ONLY = ("specific", "aligned")
EVERYWHERE = tuple(f for f in FEATURES if f not in STORY_ONLY)  # the features of claims checked everywhere
# every claim a near miss: the features are taken with clauses looked at, as for any claim that might be stated
EVERY_CLAUSE = Calibration("fit", Scope({}, 0.0, 2.0), Scope({}, 0.0, 2.0), near_miss=0.0)


def feature_rows(tool: Tool) -> list[dict]:
    rows = []
    for name, build in FIT_SETS.items():
        for run in build():
            expects = [
                e
                for e in run.expects
                if e.half == FIT
                and e.metric in ("mention", "label")
                and not (e.metric == "label" and "absent" in e.want and len(e.want) > 1)
            ]
            if expects:
                rows += _run_rows(tool, name, run, expects)
        print(f"{name}: {len(rows)} rows so far", file=sys.stderr)
    return rows


def _run_rows(tool: Tool, name: str, run, expects) -> list[dict]:
    claim_set = parse_claims(run.claims_yaml)
    claims = list(claim_set.claims)
    scoped = ScopedClaims(claim_set, claim_rows(claims, tool.embedder))
    out = []
    for article_id in dict.fromkeys(e.article for e in expects):
        article = parse_article(article_id, run.articles[article_id])
        if not article.sentences:
            continue
        rows = scoped.for_article(article_id)
        vectors = encode_batched(tool.embedder, [s.text for s in article.sentences], PASSAGE)
        (scored,) = scored_with_words([rows], [article], [vectors], tool.embedder, words=True, every_claim=True)
        look = first_look(rows, scored, EVERY_CLAUSE)
        found = clause_candidates(rows, scored, look, EVERY_CLAUSE)
        texts = list(dict.fromkeys(t for pairs in found.values() for _, t in pairs))
        clause_vectors = dict(zip(texts, encode_batched(tool.embedder, texts, PASSAGE))) if texts else {}
        look = with_clauses(rows, scored, look, EVERY_CLAUSE, found, clause_vectors)
        index = {c.id: k for k, c in enumerate(rows.claims)}
        for e in (e for e in expects if e.article == article_id):
            k = index[e.claim]
            stated = e.want if e.metric == "mention" else "absent" not in e.want
            for label, features in _examples(rows, scored, look, k, bool(stated), e.evidence):
                out.append(
                    {
                        "set": name,
                        "story": bool(rows.in_story[k]),
                        "stated": label,
                        **{f: float(features[f][k]) for f in FEATURES},
                    }
                )
    return out


def _examples(rows, scored, look, k: int, stated: bool, evidence: str):
    """Where the set knows the sentence that states the claim: its unit is a positive, and the best unit
    outside it a negative (the decision must prefer the one to the other). Otherwise the unit factcheck
    takes as evidence, labelled as the article is."""
    if not evidence:
        return [(stated, look.features)]
    text = " ".join(evidence.split())
    mine = [i for i, s in enumerate(scored.article.sentences) if s.text in text]
    if not mine:
        return [(stated, look.features)]
    n = len(rows.claims)
    units = scored.units
    inside = np.isin(units.first, mine) & np.isin(units.last, mine)
    touching = np.isin(units.first, mine) | np.isin(units.last, mine)
    at = np.full(n, int(np.where(inside, scored.claims[k], -np.inf).argmax()))
    other = np.where(touching, -np.inf, scored.claims[k])
    out = [(True, features_at(rows, scored, at, scored.claims[np.arange(n), at]))]
    if np.isfinite(other).any():
        away = np.full(n, int(other.argmax()))
        out.append((False, features_at(rows, scored, away, scored.claims[np.arange(n), away])))
    return out


def _weights(rows: list[dict]) -> np.ndarray:
    """Each set weighs the same, however many rows it has."""
    counts = defaultdict(int)
    for r in rows:
        counts[r["set"]] += 1
    return np.array([len(rows) / (len(counts) * counts[r["set"]]) for r in rows])


def fit_scope(rows: list[dict], in_story: bool) -> tuple[Scope, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    features = FEATURES if in_story else EVERYWHERE
    X = np.array([[r[f] for f in features] for r in rows])
    y = np.array([r["stated"] for r in rows])
    clf = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000).fit(X, y, sample_weight=_weights(rows))
    p = clf.predict_proba(X)[:, 1]
    threshold = _story_threshold(rows, p) if in_story else _global_threshold(rows, p)
    weights = {f: round(float(w), 4) for f, w in zip(features, clf.coef_[0])}
    return Scope(weights, round(float(clf.intercept_[0]), 4), round(threshold, 3)), p


def _global_threshold(rows: list[dict], p: np.ndarray) -> float:
    """The highest threshold that keeps recall on the digests and on the archives at least GLOBAL_RECALL:
    every false mention of a claim checked everywhere is evidence a report quotes."""
    stated = np.array([r["stated"] for r in rows])
    sets = [np.array([r["set"] == s for r in rows]) & stated for s in ("digests", "archives")]
    ok = [t for t in np.arange(0.2, 0.95, 0.005) if all((p[m] >= t).mean() >= GLOBAL_RECALL for m in sets)]
    return float(max(ok)) if ok else 0.5


def _story_threshold(rows: list[dict], p: np.ndarray) -> float:
    sets = sorted({r["set"] for r in rows})
    stated = np.array([r["stated"] for r in rows])
    members = {s: np.array([r["set"] == s for r in rows]) for s in sets}

    def mean_accuracy(threshold):
        return np.mean([((p[m] >= threshold) == stated[m]).mean() for m in members.values()])

    return float(max(np.arange(0.2, 0.9, 0.01), key=mean_accuracy))


def metrics(rows: list[dict], p: np.ndarray, threshold: float) -> dict:
    out = {}
    for name in sorted({r["set"] for r in rows}):
        m = np.array([r["set"] == name for r in rows])
        stated = np.array([r["stated"] for r in rows])[m]
        said = p[m] >= threshold
        out[name] = {
            "n": int(m.sum()),
            "recall": round(float(said[stated].mean()), 3) if stated.any() else None,
            "false_mentions": round(float(said[~stated].mean()), 3) if (~stated).any() else None,
        }
    return out


def calibrate(model: str) -> Calibration:
    tool = Tool(model)
    try:
        rows = feature_rows(tool)
    finally:
        tool.close()
    scopes, report, found = {}, {}, {}
    for name, in_story in (("story", True), ("everywhere", False)):
        mine = [r for r in rows if r["story"] == in_story]
        scopes[name], p = fit_scope(mine, in_story)
        report[name] = metrics(mine, p, scopes[name].threshold)
        found[name] = (mine, p, scopes[name].threshold)
    veto, said = fit_veto(*found["everywhere"])
    report["everywhere_with_veto"] = metrics(found["everywhere"][0], said.astype(float), 0.5)
    source = (
        "bench/calibrate.py on the fit half of bench/sets: "
        + ", ".join(FIT_SETS)
        + f" ({len(rows)} cells; thresholds: everywhere the highest with recall >= {GLOBAL_RECALL} on digests "
        "and archives, story the best mean of per-set accuracies; veto, of the everywhere rows found stated, "
        "the highest that keeps that recall)"
    )
    identity = tool.embedder.identity.split("@", 1)[0]
    return Calibration(identity, scopes["story"], scopes["everywhere"], NEAR_MISS, source, {"fit_half": report}, veto)


def fit_veto(rows: list[dict], p: np.ndarray, threshold: float) -> tuple[Scope, np.ndarray]:
    """The veto of claims checked everywhere (core/veto.py): a logistic decision over the everywhere features and
    `aligned`, fitted on the rows the first decision (`p` at `threshold`) finds stated, short of SURE; its
    threshold the highest at which it refuses none of the true mentions the first decision finds in the digests
    and the archives: a veto is there to remove false mentions, and the first decision's recall is already held
    to GLOBAL_RECALL there. Returns it and what the two decisions say together."""
    from sklearn.linear_model import LogisticRegression

    stated = (p >= threshold) & (p < SURE)
    features = (*EVERYWHERE, "aligned")  # the first look's features, and the words
    found = [r for r, s in zip(rows, stated) if s]
    X = np.array([[r[f] for f in features] for r in found])
    y = np.array([r["stated"] for r in found])
    clf = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000).fit(X, y, sample_weight=_weights(found))
    likely = np.zeros(len(rows))
    likely[stated] = clf.predict_proba(X)[:, 1]
    truth = np.array([r["stated"] for r in rows])
    sets = [np.array([r["set"] == s for r in rows]) & truth for s in ("digests", "archives")]
    sure = p >= SURE
    grid = np.arange(0.0, 0.9, 0.01)
    ok = [t for t in grid if all((sure | (stated & (likely >= t)))[m].sum() == (sure | stated)[m].sum() for m in sets)]
    threshold = round(float(max(ok)), 3)
    weights = {f: round(float(w), 4) for f, w in zip(features, clf.coef_[0])}
    return Scope(weights, round(float(clf.intercept_[0]), 4), threshold), sure | (stated & (likely >= threshold))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", nargs="+", default=["use"])
    args = ap.parse_args()
    path = ROOT / "factcheck" / "models" / CALIBRATION_FILE
    table = json.loads(path.read_text("utf-8")) if path.exists() else {}
    for model in args.models:
        cal = calibrate(model)
        table[cal.model] = cal.to_dict()
        print(json.dumps(replace(cal, metrics={}).to_dict(), indent=1))
        print(json.dumps(cal.metrics, indent=1))
    path.write_text(json.dumps(table, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
