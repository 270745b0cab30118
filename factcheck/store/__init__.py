"""Where incremental work is kept between runs: vectors, parsed articles and per-article matches, behind one
interface (core.check.Store). MemoryStore is the reference; the SQLite store (sqlite.py) keeps them on disk."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "FACTCHECK_CACHE_DIR"


def default_cache_dir() -> Path:
    """--cache-dir, else $FACTCHECK_CACHE_DIR, else the platform's user cache folder."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck"))



