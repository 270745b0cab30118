"""The Dask engine against the local one on a synthetic archive; prints a table and a projection.

usage: python bench/cluster.py [--articles 2000] [--claims 100]

On 127.0.0.1: a `dask scheduler` and 1, then 2, single-threaded `dask worker` processes. Every run is cold
(a new cache folder) and is the `factcheck run` command in a fresh process, timed from start to exit. The
warm run (everything cached) measures the client's own work: reading, comparing, verdicts and reports, which
no number of workers shortens. The projection to 1 million articles on 50 workers is printed with its
assumptions. Needs the dask extra.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from tabulate import tabulate

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import ROOT, seed_sentences, settle, timed_run, write_article, write_claims  # noqa: E402

PORT = 8797


def start(command: list[str]) -> subprocess.Popen:
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_for_workers(address: str, count: int) -> None:
    from distributed import Client

    with Client(address, timeout=30, set_as_default=False) as client:
        client.wait_for_workers(count, timeout=60)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--claims", type=int, default=100)
    args = ap.parse_args()
    rng = random.Random(11)
    pool = seed_sentences(ROOT / "seeds")
    address = f"tcp://127.0.0.1:{PORT}"
    dask = [sys.executable, "-m", "distributed.cli.dask_worker"]
    processes = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "a").mkdir()
        sentences = sum(write_article(tmp / "a" / f"{i:06d}.txt", pool, rng) for i in range(args.articles))
        write_claims(tmp / "claims.yaml", pool, args.claims, rng)

        def cold(name: str, *extra: str) -> float:
            settle()
            seconds, _, _ = timed_run(tmp / "claims.yaml", tmp / "a", tmp / f"out-{name}", tmp / f"cache-{name}", extra)
            print(f"{name}: {seconds:.1f} s", file=sys.stderr)
            return seconds

        local = cold("local")
        warm = timed_run(tmp / "claims.yaml", tmp / "a", tmp / "out-local", tmp / "cache-local")[0]
        try:
            scheduler = [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1"]
            processes.append(start([*scheduler, "--port", str(PORT), "--no-dashboard"]))
            worker = [*dask, address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard", "--memory-limit", "0"]
            processes.append(start(worker))
            wait_for_workers(address, 1)
            one = cold("dask-1", "--scheduler", address)
            processes.append(start(worker))
            wait_for_workers(address, 2)
            two = cold("dask-2", "--scheduler", address)
        finally:
            for process in reversed(processes):
                process.terminate()
                process.wait(timeout=30)
    print_results(args.articles, sentences, local, warm, one, two)
    return 0


def print_results(articles: int, sentences: int, local: float, warm: float, one: float, two: float) -> None:
    rows = [
        ["local engine (2 cores)", f"{local:.1f}", f"{sentences / local:.0f}"],
        ["dask, 1 worker", f"{one:.1f}", f"{sentences / one:.0f}"],
        ["dask, 2 workers", f"{two:.1f}", f"{sentences / two:.0f}"],
        ["warm rerun (client work only)", f"{warm:.1f}", ""],
    ]
    print(f"{articles} articles, {sentences} sentences, cold runs\n")
    print(tabulate(rows, headers=["run", "wall s", "sentences/s"], tablefmt="github"))
    speedup = (one - warm) / (two - warm)
    print(f"\n2 workers over 1, cluster part only: {speedup:.2f}x (ideal 2.0); whole run: {one / two:.2f}x")
    print(f"dask (2 workers) against the local engine (2 cores): {two / local - 1:+.1%} of the run")
    per_worker = sentences / (one - warm)
    efficiency = speedup / 2
    target_articles, workers = 1_000_000, 50
    target_sentences = sentences / articles * target_articles
    client = warm / articles * target_articles
    cluster = target_sentences / (per_worker * workers * efficiency)
    print(
        f"\nprojection, {target_articles:,} articles ({target_sentences / 1e6:.0f} M sentences) on {workers} workers:"
        f" {(client + cluster) / 3600:.1f} h = cluster {cluster / 3600:.1f} h + client {client / 3600:.1f} h\n"
        f"assumes: {per_worker:.0f} sentences/s per single-threaded worker (measured, 1 worker, cold minus warm);"
        f" the 2-worker efficiency ({efficiency:.0%}) holds at {workers}; the client's own work grows linearly"
        f" with the archive ({warm / articles * 1000:.1f} s per 1,000 articles, measured warm) and is not shared"
        " out; result transfer is inside the measured runs (loopback network)."
    )


if __name__ == "__main__":
    raise SystemExit(main())
