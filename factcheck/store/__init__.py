"""Where incremental work is kept between runs: vectors, parsed articles and per-article matches, behind one
interface (core.check.Store). MemoryStore is the reference; the SQLite store (sqlite.py) keeps them on disk."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

CACHE_ENV = "FACTCHECK_CACHE_DIR"


def default_cache_dir() -> Path:
    """--cache-dir, else $FACTCHECK_CACHE_DIR, else the platform's user cache folder."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck"))


class MemoryStore:
    """The reference store: everything kept in memory for one run, nothing kept after it (--no-cache). Same
    methods as sqlite.CacheStore, which must give the same reports."""

    def __init__(self):
        self._vectors: dict[bytes, np.ndarray] = {}
        self._parsed: dict[bytes, dict] = {}
        self._matches: dict[bytes, bytes] = {}

    def get_vectors(self, keys: list[bytes]) -> tuple[dict[bytes, int], np.ndarray]:
        found = [k for k in keys if k in self._vectors]
        rows = np.vstack([self._vectors[k] for k in found]) if found else np.zeros((0, 1), dtype=np.float32)
        return {k: i for i, k in enumerate(found)}, rows

    def put_many(self, items: list[tuple[bytes, np.ndarray]]) -> None:
        self._vectors.update((k, np.asarray(v, dtype=np.float32)) for k, v in items)

    def get_parsed_many(self, keys: list[bytes]) -> dict[bytes, dict]:
        return {k: self._parsed[k] for k in keys if k in self._parsed}

    def put_parsed(self, key: bytes, parsed: dict) -> None:
        self._parsed[key] = parsed

    def flush_parsed(self) -> None:
        pass

    def get_matches(self, keys: list[bytes]) -> dict[bytes, bytes]:
        return {k: self._matches[k] for k in keys if k in self._matches}

    def put_matches(self, items: list[tuple[bytes, bytes]]) -> None:
        self._matches.update(items)

    def close(self) -> None:
        pass
