"""The cache in SQLite: vectors, parsed articles and per-article matches, addressed by content."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import numpy as np

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, dim INTEGER NOT NULL, data BLOB NOT NULL);"
    "CREATE TABLE IF NOT EXISTS parsed (key BLOB PRIMARY KEY, data TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS matches (key BLOB PRIMARY KEY, data BLOB NOT NULL)"
)
CACHE_FILE = "embeddings.sqlite3"
LOOKUP_CHUNK = 900  # SQLite caps bound parameters per statement


class CacheStore:
    """Three content-addressed tables: vectors, parsed articles and article matches. SQLite gives atomic
    commits, crash safety and many concurrent readers with one writer at a time (WAL), which is what
    several runs sharing a cache need."""

    def __init__(self, folder: Path, read_only: bool = False):
        path = folder / CACHE_FILE
        if read_only:  # a cache on a read-only mount, or a file the user may not write: read, never write
            self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=60, isolation_level=None)
            self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails now if it cannot be read
        else:
            folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=60, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(SCHEMA)
        self._pending: list[tuple[bytes, str]] = []

    def get_vectors(self, keys: list[bytes]) -> tuple[dict[bytes, int], np.ndarray]:
        """The stored vectors of `keys` as rows of one matrix, and each found key's row. One buffer for
        all rows: a warm run reads hundreds of thousands, and stacking them one by one took longer than
        reading them."""
        found, datas, dims = {}, [], set()
        for key, dim, data in self._select("vectors", "dim, data", keys):
            found[key] = len(datas)
            datas.append(data)
            dims.add(dim)
        if len(dims) > 1:  # one identity has one dimension; mixed rows can only come from a foreign writer
            raise sqlite3.DatabaseError(f"vectors of {len(dims)} different dimensions under one model identity")
        dim = dims.pop() if dims else 1
        return found, np.frombuffer(b"".join(datas), dtype=np.float32).reshape(len(datas), dim)

    def put_many(self, items: list[tuple[bytes, np.ndarray]]) -> None:
        rows = [(k, int(v.shape[0]), np.ascontiguousarray(v, dtype=np.float32).tobytes()) for k, v in items]
        self._insert("vectors", "key, dim, data", rows)

    def get_matches(self, keys: list[bytes]) -> dict[bytes, bytes]:
        """Stored evidence.ArticleMatch bytes by key (see pipeline._ScopedMatrices.key)."""
        return {key: data for key, data in self._select("matches", "data", keys)}

    def put_matches(self, items: list[tuple[bytes, bytes]]) -> None:
        self._insert("matches", "key, data", items)

    def _select(self, table: str, columns: str, keys: list[bytes]):
        for start in range(0, len(keys), LOOKUP_CHUNK):
            chunk = keys[start : start + LOOKUP_CHUNK]
            marks = ",".join("?" * len(chunk))
            yield from self._db.execute(f"SELECT key, {columns} FROM {table} WHERE key IN ({marks})", chunk)

    def _insert(self, table: str, columns: str, rows: list[tuple]) -> None:
        """One transaction: all of a batch is stored, or none of it. REPLACE: a damaged row read back as a miss
        is rebuilt by the run that computes it again."""
        if not rows:
            return
        marks = ",".join("?" * len(rows[0]))
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(f"INSERT OR REPLACE INTO {table} ({columns}) VALUES ({marks})", rows)

    def get_parsed_many(self, keys: list[bytes]) -> dict[bytes, dict]:
        return {key: json.loads(data) for key, data in self._select("parsed", "data", list(dict.fromkeys(keys)))}

    def put_parsed(self, key: bytes, parsed: dict) -> None:
        """Queued, and written in one transaction by flush_parsed(): one commit per article is slow."""
        self._pending.append((key, json.dumps(parsed, ensure_ascii=False)))

    def flush_parsed(self) -> None:
        if self._pending:
            self._insert("parsed", "key, data", self._pending)
            self._pending = []

    def close(self) -> None:
        self._db.close()
