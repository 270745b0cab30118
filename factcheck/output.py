"""Write report files atomically: every file is complete, or the previous one is left untouched."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file in the same folder, flush to disk, then rename over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_reports(out_dir: Path, rendered: dict[str, str]) -> list[Path]:
    """Write already-rendered reports (file name -> text); rendering first means a failure writes nothing."""
    written = []
    for name, text in sorted(rendered.items()):
        path = out_dir / name
        write_atomically(path, text)
        written.append(path)
    return written
