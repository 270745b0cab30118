"""Worker processes for the parsing and encoding pools: forked where that is safe, and never outliving the run."""

from __future__ import annotations

import ctypes
import functools
import os
import signal
import sys
from collections.abc import Callable

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def can_fork() -> bool:
    # fork shares the loaded model and language tables without pickling them; macOS and Windows lack a safe fork
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def fork_pool(workers: int, initializer: Callable[[], object] | None = None):
    """A process pool whose workers are forked (spawn would re-run the caller's __main__, which fails for stdin
    and notebooks) and die with this process: a run killed with SIGKILL must not leave workers holding 100 MB
    each and the cache files open."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    start = functools.partial(_worker_start, os.getpid(), initializer)
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=start)


def _worker_start(parent: int, initializer: Callable[[], object] | None) -> None:
    _die_with_parent(parent)
    if initializer is not None:
        initializer()


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
