"""An Embedder over a store of vectors: a text is embedded once, and the model is loaded only for a missing one."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import numpy as np

from factcheck.store.sqlite import CacheStore


def cache_key(identity: str, kind: str, text: str) -> bytes:
    return hashlib.blake2b(f"{identity}\x00{kind}\x00{text}".encode(), digest_size=20).digest()


class CachedEmbedder:
    """An Embedder over a CacheStore: cached texts are read back, and the real model is
    loaded (by `load`) only the first time a text is missing."""

    def __init__(self, identity: str, store: CacheStore, load: Callable[[], object]):
        self.identity = identity
        self._store = store
        self._load = load
        self._model = None

    @property
    def batch_size(self) -> int:
        return 4096  # lookups are cheap; the model's own batch size applies to misses

    @property
    def store(self) -> CacheStore:
        return self._store

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def forkable(self):
        """The loaded model's forkable() (models/embed.py), if it has one: a process forked from this one encodes
        with it, never through this store's connection. None if no model is loaded (all was in the store)."""
        return getattr(self._model, "forkable", lambda: None)()

    def close(self) -> None:
        """Stop the model's worker processes, if it started any (the model stays loaded)."""
        getattr(self._model, "close", lambda: None)()

    def encode(self, texts: list[str], kind: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        keys = [cache_key(self.identity, kind, t) for t in texts]
        row, stored = self._store.get_vectors(list(dict.fromkeys(keys)))
        row = _sound(row, stored)
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys) if k not in row))
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
        return np.vstack([self._model.encode(texts[i : i + size], kind) for i in range(0, len(texts), size)])


def _sound(row: dict[bytes, int], stored: np.ndarray) -> dict[bytes, int]:
    """The rows that can be vectors this store wrote (unit length, or zero for an empty text); the others, from
    a damaged cache, count as missing and are encoded again."""
    if not len(stored):
        return row
    norms = np.linalg.norm(stored, axis=1)
    sound = np.isfinite(norms) & ((np.abs(norms - 1.0) < 1e-3) | (norms == 0.0))
    return row if sound.all() else {k: i for k, i in row.items() if sound[i]}
