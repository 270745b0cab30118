"""Write a run's reports atomically and together: all of one run's files appear, or none change."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".factcheck.lock"
MANIFEST = ".factcheck.reports.json"  # the files the last run wrote here
LOCK_TIMEOUT_S = 120


def write_reports(out_dir: Path, rendered: dict[str, str | Iterable[str]]) -> list[Path]:
    """Write reports (file name -> text, or the chunks of it as they are rendered) into `out_dir`.

    Every file is first written and flushed in a private staging folder inside
    `out_dir` (same file system, so renames are atomic); a full disk or a crash
    there changes nothing. The renames then happen under a lock, so two runs
    sharing `out_dir` never leave one run's report.md beside another's report.json.
    """
    from filelock import FileLock

    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".factcheck-", dir=out_dir))
    try:
        for name, text in rendered.items():
            _write_flushed(staging / name, text)
        _write_flushed(staging / MANIFEST, json.dumps(sorted(rendered)) + "\n")
        with FileLock(str(out_dir / LOCK_NAME), timeout=LOCK_TIMEOUT_S):
            earlier = _manifest(out_dir)
            for name in sorted(rendered):
                os.replace(staging / name, out_dir / name)
            # reports an earlier run wrote and this one did not would look current beside the new ones
            for name in sorted(earlier - set(rendered)):
                (out_dir / name).unlink(missing_ok=True)
            os.replace(staging / MANIFEST, out_dir / MANIFEST)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out_dir / name for name in sorted(rendered)]


@contextmanager
def folder_lock(folder: Path, timeout: float = LOCK_TIMEOUT_S):
    """An exclusive lock on `folder` itself (flock on the folder), so that nothing is left behind in it: for a
    read-modify-write of a file the user keeps in git (reviews.yaml). A lock file where flock is missing."""
    try:
        import fcntl
    except ImportError:  # Windows
        from filelock import FileLock

        with FileLock(str(folder / LOCK_NAME), timeout=timeout):
            yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{folder}: another factcheck holds it for over {timeout:.0f} s") from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _manifest(out_dir: Path) -> set[str]:
    """The report files the last run wrote into `out_dir`: only those are ever removed (never a user's file)."""
    try:
        names = json.loads((out_dir / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return set()
    return {n for n in names if isinstance(n, str) and n.startswith("report") and "/" not in n and "\\" not in n}


def write_atomically(path: Path, text: str) -> None:
    """One file: written and flushed beside `path`, then renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        _write_flushed(Path(tmp), text)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _write_flushed(path: Path, text: str | Iterable[str]) -> None:
    """Write text, or the pieces of it as they are rendered."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.writelines([text] if isinstance(text, str) else text)
        fh.flush()
        os.fsync(fh.fileno())
