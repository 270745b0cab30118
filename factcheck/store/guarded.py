"""The on-disk store behind a guard: a cache that cannot be read is done without, one that cannot be written is
used read-only, each with one warning. What this run computes is kept in memory meanwhile, so the report is the
same as with a sound cache (or none)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import numpy as np

from factcheck.store import MemoryStore

# What a damaged, locked, read-only or full cache raises: SQLite's errors, the OS's, and data that is not what was
# written (a row of the wrong size, text that is not JSON)
CACHE_FAULTS = (sqlite3.Error, OSError, ValueError)


class GuardedStore:
    """A store (store.sqlite.CacheStore) whose faults become warnings; MemoryStore holds what it cannot."""

    def __init__(self, folder: Path, open_store: Callable[..., object], warn: Callable[[str], None]):
        self.folder = folder
        self._warn = warn
        self._memory = MemoryStore()
        self._readable = self._writable = True
        self._pending: list[tuple[bytes, dict]] = []
        self._disk = None
        try:
            self._disk = open_store(folder)
        except CACHE_FAULTS as exc:
            try:
                self._disk = open_store(folder, read_only=True)
                self._writable = False
                warn(f"{folder}: the cache cannot be written ({_reason(exc)}); it is used read-only")
            except CACHE_FAULTS:
                warn(f"{folder}: the cache cannot be opened ({_reason(exc)}); this run does without it")

    def get_vectors(self, keys: list[bytes]) -> tuple[dict[bytes, int], np.ndarray]:
        row, rows = self._memory.get_vectors(keys)
        rest = [k for k in keys if k not in row]
        if not rest:
            return row, rows
        disk_row, disk_rows = self._read("get_vectors", rest, default=({}, np.zeros((0, 1), dtype=np.float32)))
        if not disk_row:
            return row, rows
        if not row:
            return disk_row, disk_rows
        merged = {**row, **{k: len(rows) + i for k, i in disk_row.items()}}
        return merged, np.vstack([rows, disk_rows])

    def put_many(self, items: list[tuple[bytes, np.ndarray]]) -> None:
        self._write(lambda disk: disk.put_many(items), lambda: self._memory.put_many(items))

    def get_parsed_many(self, keys: list[bytes]) -> dict[bytes, dict]:
        found = self._memory.get_parsed_many(keys)
        rest = [k for k in keys if k not in found]
        return {**self._read("get_parsed_many", rest, default={}), **found} if rest else found

    def put_parsed(self, key: bytes, parsed: dict) -> None:
        self._pending.append((key, parsed))

    def flush_parsed(self) -> None:
        items, self._pending = self._pending, []

        def to_disk(disk) -> None:
            for key, parsed in items:
                disk.put_parsed(key, parsed)
            disk.flush_parsed()

        def to_memory() -> None:
            for key, parsed in items:
                self._memory.put_parsed(key, parsed)

        if items:
            self._write(to_disk, to_memory)

    def get_matches(self, keys: list[bytes]) -> dict[bytes, bytes]:
        found = self._memory.get_matches(keys)
        rest = [k for k in keys if k not in found]
        return {**self._read("get_matches", rest, default={}), **found} if rest else found

    def put_matches(self, items: list[tuple[bytes, bytes]]) -> None:
        self._write(lambda disk: disk.put_matches(items), lambda: self._memory.put_matches(items))

    def close(self) -> None:
        if self._disk is not None:
            with contextlib.suppress(*CACHE_FAULTS):
                self._disk.close()

    def _read(self, method: str, keys: list[bytes], default):
        if self._disk is None or not self._readable:
            return default
        try:
            return getattr(self._disk, method)(keys)
        except CACHE_FAULTS as exc:
            self._readable = self._writable = False  # a damaged file is left alone: neither read nor written
            self._warn(f"{self.folder}: the cache cannot be read ({_reason(exc)}); this run does without it")
            return default

    def _write(self, to_disk: Callable[[object], None], to_memory: Callable[[], None]) -> None:
        """Store on disk; if that fails, stop writing to disk and keep this run's work in memory."""
        if self._disk is not None and self._writable:
            try:
                to_disk(self._disk)
                return
            except CACHE_FAULTS as exc:
                self._writable = False
                self._warn(f"{self.folder}: the cache cannot be written ({_reason(exc)}); it is used read-only")
        to_memory()


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
