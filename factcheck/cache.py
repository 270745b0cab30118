"""Content-addressed cache in SQLite (vectors, parsed articles, per-article matches), and an Embedder that loads its model only on a miss."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path
from typing import Callable

import numpy as np

CACHE_ENV = "FACTCHECK_CACHE_DIR"
SCHEMA = ("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, dim INTEGER NOT NULL, data BLOB NOT NULL);"
          "CREATE TABLE IF NOT EXISTS parsed (key BLOB PRIMARY KEY, data TEXT NOT NULL);"
          "CREATE TABLE IF NOT EXISTS matches (key BLOB PRIMARY KEY, data BLOB NOT NULL)")
LOOKUP_CHUNK = 900  # SQLite caps bound parameters per statement
READ_AHEAD_SHARE = 4  # the cache file is read ahead if it takes at most 1/4 of memory


def default_cache_dir() -> Path:
    """--cache-dir, else $FACTCHECK_CACHE_DIR, else the platform's user cache folder."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck"))


def cache_key(identity: str, kind: str, text: str) -> bytes:
    return hashlib.blake2b(f"{identity}\x00{kind}\x00{text}".encode("utf-8"), digest_size=20).digest()


class CacheStore:
    """Three content-addressed tables: vectors, parsed articles and article matches. SQLite gives atomic
    commits, crash safety and many concurrent readers with one writer at a time (WAL), which is what
    several runs sharing a cache need."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        _read_ahead(folder / "embeddings.sqlite3")
        self._db = sqlite3.connect(folder / "embeddings.sqlite3", timeout=60, isolation_level=None)
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
            chunk = keys[start: start + LOOKUP_CHUNK]
            marks = ",".join("?" * len(chunk))
            yield from self._db.execute(f"SELECT key, {columns} FROM {table} WHERE key IN ({marks})", chunk)

    def _insert(self, table: str, columns: str, rows: list[tuple]) -> None:
        """One transaction: all of a batch is stored, or none of it."""
        if not rows:
            return
        marks = ",".join("?" * len(rows[0]))
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(f"INSERT OR IGNORE INTO {table} ({columns}) VALUES ({marks})", rows)

    def get_parsed(self, key: bytes) -> dict | None:
        return self.get_parsed_many([key]).get(key)

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


def _read_ahead(path: Path) -> None:
    """Ask the OS to read the cache file into the page cache in the background, if it fits in a quarter of
    memory. A rerun reads rows from all over the file, and each row out of the page cache costs a random
    read: a 20,000-article rerun took 42 s after the OS dropped its caches, 36 s with this hint."""
    if not hasattr(os, "posix_fadvise") or not path.exists():
        return
    try:
        memory = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        fd = os.open(path, os.O_RDONLY)
    except (OSError, ValueError):
        return
    try:
        if os.fstat(fd).st_size <= memory // READ_AHEAD_SHARE:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
    except OSError:
        pass
    finally:
        os.close(fd)


class CachedEmbedder:
    """An Embedder over a CacheStore: cached texts are read back, and the real model is
    loaded (by `load`) only the first time a text is missing."""

    def __init__(self, identity: str, store: CacheStore, load: Callable[[], object]):
        self.identity = identity
        self._store = store
        self._load = load
        self._model = None
        self.hits = self.misses = 0

    @property
    def batch_size(self) -> int:
        return 4096  # lookups are cheap; the model's own batch size applies to misses

    @property
    def store(self) -> CacheStore:
        return self._store

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def close(self) -> None:
        """Stop the model's worker processes, if it started any (the model stays loaded)."""
        getattr(self._model, "close", lambda: None)()

    def encode(self, texts: list[str], kind: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        keys = [cache_key(self.identity, kind, t) for t in texts]
        row, stored = self._store.get_vectors(list(dict.fromkeys(keys)))
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys) if k not in row))
        self.hits += len(texts) - sum(k not in row for k in keys)
        self.misses += len(missing)
        if missing:
            fresh = np.asarray(self._encode_missing(missing, kind), dtype=np.float32)
            new = [cache_key(self.identity, kind, t) for t in missing]
            self._store.put_many(list(zip(new, fresh)))
            row.update((k, len(stored) + i) for i, k in enumerate(new))
            stored = np.vstack([stored, fresh]) if len(stored) else fresh
        return stored[[row[k] for k in keys]]

    def _encode_missing(self, texts: list[str], kind: str) -> np.ndarray:
        if self._model is None:
            self._model = self._load()
        size = getattr(self._model, "batch_size", 64)
        return np.vstack([self._model.encode(texts[i: i + size], kind) for i in range(0, len(texts), size)])
