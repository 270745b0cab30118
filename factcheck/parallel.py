"""Render part of a large report in a forked child process, so that both cores work on it."""

from __future__ import annotations

import os
import sys
import tempfile
from typing import Callable, Iterator, Sequence

CHUNK_BYTES = 1 << 22


def can_fork() -> bool:
    # fork is the only start method that shares the report without pickling it; macOS and Windows lack a safe one
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def rendered_in_child(render: Callable[[object], str], items: Sequence) -> Callable[[], Iterator[str]]:
    """Start rendering `items` (each to text, in order) in a forked child; return a function that
    yields the text once the caller is ready for it. Any failure of the child is repaired by
    rendering in this process instead, so the output is always the same as render() in order."""
    if not can_fork() or not items:
        return lambda: map(render, items)
    spool = tempfile.TemporaryFile()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: write, then leave at once (no atexit handlers, no buffers of the parent)
        code = 1
        try:
            with os.fdopen(os.dup(spool.fileno()), "w", encoding="utf-8", newline="\n") as out:
                for item in items:
                    out.write(render(item))
            code = 0
        finally:
            os._exit(code)

    def collect() -> Iterator[str]:
        _, status = os.waitpid(pid, 0)
        with spool:
            if os.waitstatus_to_exitcode(status) != 0:
                yield from map(render, items)
                return
            spool.seek(0)
            text = open(spool.fileno(), "r", encoding="utf-8", newline="\n", closefd=False)
            while chunk := text.read(CHUNK_BYTES):
                yield chunk

    return collect
