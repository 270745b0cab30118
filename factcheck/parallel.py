"""Forked processes: half of a large report rendered in a child, parsing and encoding pools, a file prefetcher."""

from __future__ import annotations

import os
import signal
import sys
import tempfile
from pathlib import Path
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


def prefetch(paths: Sequence[Path], threads: int = 8) -> Callable[[], None]:
    """Ask the OS to bring `paths` into the page cache, from a forked child with `threads` threads, while this
    process reads them in order; return the function that stops the child.

    A file out of the page cache costs a wait on the disk (its inode, then its data): read one at a time,
    2-3 s of a 20,000-article run, where the disk serves many requests at once. Threads in this process
    would contend for the GIL with the reading itself (0.43 s to read cached files became 1.9 s)."""
    if not can_fork() or not hasattr(os, "posix_fadvise"):
        return lambda: None
    pid = os.fork()
    if pid == 0:  # the child: hint, then leave at once
        try:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(threads) as pool:
                for _ in pool.map(_will_need, paths, chunksize=64):
                    pass
        finally:
            os._exit(0)

    def stop() -> None:
        try:
            os.kill(pid, signal.SIGKILL)  # done, or hinting at files already read
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):  # already reaped (a SIGCHLD handler of the caller's)
            pass

    return stop


def _will_need(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # the reader reports it
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
    except OSError:
        pass
    finally:
        os.close(fd)
