"""Forked worker processes: part of a large report rendered in a child, and pools for parsing and encoding."""

from __future__ import annotations

import os
import sys
import tempfile
from typing import Callable, Iterable, Iterator, Sequence

CHUNK_BYTES = 1 << 22


def can_fork() -> bool:
    # fork is the only start method that shares the report without pickling it; macOS and Windows lack a safe one
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def fork_pool(workers: int, initializer: Callable[[], None] | None = None):
    """A process pool whose workers are forked: spawn would re-run the caller's __main__ (fails for
    stdin, notebooks); numpy's OpenBLAS re-initialises its threads in a forked child."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=initializer)


def rendered_in_child(render: Callable[[object], Iterable[str]],
                      items: Sequence) -> Callable[[], Iterator[str | bytes]]:
    """Start rendering `items` (each to pieces of text, in order) in a forked child; return a function that
    yields the text once the caller is ready for it: as the child's UTF-8 bytes, which a file takes
    without decoding and encoding them again (hundreds of MB at archive scale). Any failure of the
    child is repaired by rendering in this process instead, so the output is always the same as
    render() in order."""
    if not can_fork() or not items:
        return lambda: _in_this_process(render, items)
    spool = tempfile.TemporaryFile()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: write, then leave at once (no atexit handlers, no buffers of the parent)
        code = 1
        try:
            with os.fdopen(os.dup(spool.fileno()), "w", encoding="utf-8", newline="\n") as out:
                for item in items:
                    out.writelines(render(item))
            code = 0
        finally:
            os._exit(code)

    def collect() -> Iterator[str]:
        _, status = os.waitpid(pid, 0)
        with spool:
            if os.waitstatus_to_exitcode(status) != 0:
                yield from _in_this_process(render, items)
                return
            spool.seek(0)
            while chunk := spool.read(CHUNK_BYTES):
                yield chunk

    return collect


def _in_this_process(render: Callable[[object], Iterable[str]], items: Sequence) -> Iterator[str]:
    for item in items:
        yield from render(item)
