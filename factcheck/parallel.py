"""Worker processes for the parsing and encoding pools: forked where that is safe, and never outliving the run."""

from __future__ import annotations

import ctypes
import functools
import io
import os
import pickle
import signal
import sys
from collections.abc import Callable, Iterable

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def can_fork() -> bool:
    # fork shares the loaded model and language tables without pickling them; macOS and Windows lack a safe fork
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def fork_pool(workers: int, shared: dict[str, object] | None = None):
    """A process pool whose workers are forked (spawn would re-run the caller's __main__, which fails for stdin
    and notebooks) and die with this process: a run killed with SIGKILL must not leave workers holding 100 MB
    each and the cache files open. `shared`: objects each worker has from the fork, not pickled (a loaded
    model, a run's evidence), that its tasks read with worker_shared()."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    start = functools.partial(_worker_start, os.getpid(), shared or {})
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=start)


_SHARED: dict[str, object] = {}  # in a worker of fork_pool: what its parent shared with it


def worker_shared(name: str):
    """In a worker of fork_pool, the object its parent shared as `name`."""
    return _SHARED[name]


def _worker_start(parent: int, shared: dict[str, object]) -> None:
    # Ctrl-C reaches the whole process group: the parent stops the run and says so in one line; a worker that
    # took it too would print a traceback of its own while waiting for work
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    _SHARED.update(shared)


def _die_with_parent(parent: int) -> None:
    """Ask the kernel to kill this worker when its parent dies (Linux prctl); if the parent is already gone
    (it died between the fork and this call), leave at once."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl here: the pool's own shutdown still stops its workers
        return
    if os.getppid() != parent:
        os._exit(0)


def balanced(weights: list[int], groups: int) -> list[list[int]]:
    """The indices of `weights` in at most `groups` groups of about equal total weight, heaviest first: greedy,
    each to the lightest group so far. Empty groups are left out."""
    members: list[list[int]] = [[] for _ in range(groups)]
    loads = [0] * groups
    for i in sorted(range(len(weights)), key=lambda i: -weights[i]):
        least = loads.index(min(loads))
        members[least].append(i)
        loads[least] += weights[i]
    return [m for m in members if m]


def fork_map(task: Callable[[object], object], items: list, workers: int, by_reference: Iterable[object]) -> list:
    """task(item) for each item, in forked worker processes that share this process's memory as it is now (the
    items and what they refer to are not sent). What a task returns comes back pickled, but the objects of
    `by_reference` it holds come back as references to this process's own: a verdict holds thousands of
    evidence records that its worker had from the fork."""
    known = {id(o): o for o in by_reference}
    with fork_pool(workers, {"task": task, "items": items, "known": known}) as pool:
        sent = pool.map(_run, range(len(items)))
        return [_ByReference.loads(data, known) for data in sent]


def _run(index: int) -> bytes:
    known = worker_shared("known")
    return _ByReference.dumps(worker_shared("task")(worker_shared("items")[index]), known)


class _ByReference(pickle.Pickler):
    """Pickles the objects of `known` by their address, which a forked worker shares with its parent."""

    def __init__(self, file, known: dict[int, object]):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.known = known

    def persistent_id(self, obj):
        return id(obj) if id(obj) in self.known and self.known[id(obj)] is obj else None

    @classmethod
    def dumps(cls, value, known: dict[int, object]) -> bytes:
        buffer = io.BytesIO()
        cls(buffer, known).dump(value)
        return buffer.getvalue()

    @staticmethod
    def loads(data: bytes, known: dict[int, object]):
        unpickler = pickle.Unpickler(io.BytesIO(data))
        unpickler.persistent_load = known.__getitem__
        return unpickler.load()
