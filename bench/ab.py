"""A/B of two source trees on one factcheck command: runs alternate, in pairs back to back; prints a table.

usage: python bench/ab.py --a PATH --b PATH [--pairs 3] [--cold-files] [--fresh-cache] -- run --claims C ...

Each run is `python -m factcheck ARGS` started in the tree's folder (so that its code is the one imported),
timed by wall clock from start to exit, with peak memory of it and its children. Used to decide whether a
speed trick earns its place: bench/RESULTS.md keeps the results.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tabulate import tabulate


def timed(tree: Path, args: list[str], cold_files: bool = False, fresh_cache: bool = False) -> tuple[float, int]:
    if fresh_cache:  # a cold run as a user's first: the store is written as it fills, not kept in memory
        with tempfile.TemporaryDirectory() as cache:
            return timed(tree, [*args, "--cache-dir", cache], cold_files)
    os.sync()  # no run is timed while the kernel writes back the previous one's reports
    if cold_files:  # as on a CI runner that has just restored the cache: nothing in the page cache (needs root)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    with tempfile.TemporaryFile("w+") as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "factcheck", *args],
            cwd=tree,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env={**os.environ, "PYTHONPATH": str(tree)},
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            errors.seek(0)
            raise SystemExit(f"{tree}: factcheck failed: {errors.read().strip()}")
    return seconds, usage.ru_maxrss // 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--a", type=Path, required=True, help="the tree with the trick")
    ap.add_argument("--b", type=Path, required=True, help="the tree without it")
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--label", default="")
    ap.add_argument("--cold-files", action="store_true", help="empty the OS page cache before each run (root)")
    ap.add_argument("--fresh-cache", action="store_true", help="each run with a new, empty --cache-dir")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    timed(args.a, command)  # one run to warm the page cache and the store
    runs: dict[str, list[tuple[float, int]]] = {"a": [], "b": []}
    for _ in range(args.pairs):
        for name, tree in (("a", args.a), ("b", args.b)):
            runs[name].append(timed(tree, command, args.cold_files, args.fresh_cache))
    a = [s for s, _ in runs["a"]]
    b = [s for s, _ in runs["b"]]
    saved = 1 - statistics.mean(a) / statistics.mean(b)
    print(
        tabulate(
            [
                [
                    args.label,
                    " / ".join(f"{s:.1f}" for s in a),
                    " / ".join(f"{s:.1f}" for s in b),
                    f"{saved:+.1%}",
                    max(m for _, m in runs["a"]),
                    max(m for _, m in runs["b"]),
                ]
            ],
            headers=["trick", "with it, s", "without it, s", "saved", "with, MB", "without, MB"],
            tablefmt="github",
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
