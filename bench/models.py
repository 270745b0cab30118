"""Compare the embedding backends: STS-B Spearman (within and across languages) and encode throughput.

usage: python bench/models.py [--data ../shared/eval/external] [--models use e5 minilm]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy.stats import spearmanr
from tabulate import tabulate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck.models.embed import PASSAGE, QUERY, load_embedder, resolve_model  # noqa: E402

PAIRS = [("en", "en"), ("fr", "fr"), ("tr", "tr"), ("en", "fr"), ("en", "tr"), ("fr", "tr")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/eval/external")
    ap.add_argument("--models", nargs="+", default=["use", "e5", "minilm"])
    args = ap.parse_args()
    with open(args.data / "stsb" / "stsb_test_aligned_en_fr_tr.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    gold = [r["score"] for r in rows]
    table = []
    for name in args.models:
        embedder = load_embedder(resolve_model(name))
        vec, seconds, count = {}, 0.0, 0
        for lang in ("en", "fr", "tr"):
            start = time.perf_counter()
            vec[1, lang] = embedder.encode([r["sentence1"][lang] for r in rows], QUERY)
            vec[2, lang] = embedder.encode([r["sentence2"][lang] for r in rows], PASSAGE)
            seconds += time.perf_counter() - start
            count += 2 * len(rows)
        rhos = [spearmanr(np.sum(vec[1, a] * vec[2, b], axis=1), gold).statistic for a, b in PAIRS]
        table.append([embedder.identity, *(f"{r:.3f}" for r in rhos), f"{count / seconds:.0f}"])
    print(tabulate(table, headers=["model", *(f"{a}-{b}" for a, b in PAIRS), "sent/s"], tablefmt="github"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
