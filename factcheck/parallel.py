"""Forked processes: half of a large report rendered in a child, and the parsing and encoding pools."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
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
