"""Forked processes: half of a large report rendered in a child, parsing and encoding pools, a file prefetcher."""

from __future__ import annotations

import os
import signal
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

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


def rendered_in_child(
    render: Callable[[object], Iterable[str]], items: Sequence
) -> Callable[[], Iterator[str | BinaryIO]]:
    """Start rendering `items` (each to pieces of text, in order) in a forked child; return a function that
    yields the text once the caller is ready for it: as one binary file of the child's UTF-8, open and at
    its start until the next item is asked for, which a writer copies without reading it into this
    process (copy_into; hundreds of MB at archive scale). Any failure of the child is repaired by
    rendering in this process instead, so the output is always the same as render() in order."""
    if not can_fork() or not items:
        return lambda: _in_this_process(render, items)
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by collect(), after the child is done
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

    def collect() -> Iterator[str | BinaryIO]:
        _, status = os.waitpid(pid, 0)
        with spool:
            if os.waitstatus_to_exitcode(status) != 0:
                yield from _in_this_process(render, items)
                return
            spool.seek(0)
            yield spool

    return collect


def copy_into(source: BinaryIO, target: BinaryIO) -> None:
    """Append the rest of `source` to `target`, both files: in the kernel (sendfile) where it can, which took
    a fifth of the time of reading and writing 370 MB through this process."""
    target.flush()
    start, end = source.tell(), os.fstat(source.fileno()).st_size
    try:
        while start < end:
            sent = os.sendfile(target.fileno(), source.fileno(), start, end - start)
            if not sent:
                break
            start += sent
    except OSError:  # no sendfile between these two files: copy what is left the usual way
        pass
    target.seek(0, os.SEEK_END)  # the buffered file's idea of where it is, after writes it did not make
    source.seek(start)
    while chunk := source.read(CHUNK_BYTES):
        target.write(chunk)


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
