"""Do two source trees write byte-identical reports? Runs each on the same inputs and compares every report file.

usage: python bench/identical.py --a PATH --b PATH -- --claims C --articles A [--no-cache]

Each tree runs `python -m factcheck run ARGS --format markdown json html sarif junit --out TMP` with its own
code. Used for the restructure (issue 18): the seeds and a 5,000-article archive gave identical reports.
PYTHONHASHSEED is fixed for both runs, so that a difference is the code's, not set ordering's.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

FORMATS = ["markdown", "json", "html", "sarif", "junit"]


def write_reports(tree: Path, args: list[str], out: Path) -> None:
    # Both run from the same folder (outside either tree; PYTHONPATH picks the code), so paths in reports agree.
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    command = [sys.executable, "-m", "factcheck", "run", "-q", "--no-fail", *args, "--format", *FORMATS]
    command += ["--out", str(out)]
    done = subprocess.run(command, cwd=out.parent, env=env, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{tree}: factcheck failed: {done.stderr.strip()}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--a", type=Path, required=True)
    ap.add_argument("--b", type=Path, required=True)
    ap.add_argument("args", nargs=argparse.REMAINDER, help="arguments for `factcheck run` (after --)")
    args = ap.parse_args()
    run_args = [os.path.abspath(a) if Path(a).exists() else a for a in args.args if a != "--"]
    with tempfile.TemporaryDirectory() as tmp:
        outs = [Path(tmp) / "a", Path(tmp) / "b"]
        for tree, out in zip((args.a, args.b), outs):
            write_reports(tree.resolve(), run_args, out)
        names = sorted(p.name for p in outs[0].iterdir() if p.name.startswith("report"))
        same, differ, missing = filecmp.cmpfiles(outs[0], outs[1], names, shallow=False)
    for name in names:
        print(f"{name}: {'identical' if name in same else 'DIFFERENT' if name in differ else 'missing in b'}")
    return 0 if len(same) == len(names) else 1


if __name__ == "__main__":
    raise SystemExit(main())
