"""Reading a user's input file: regular files only, and no more bytes than an input of its kind can need."""

from __future__ import annotations

import os
import stat
from pathlib import Path

MiB = 1024 * 1024
MAX_YAML_BYTES = 8 * MiB  # claims.yaml, reviews.yaml: tens of thousands of claims fit in a few MB


class InputFileError(ValueError):
    """The file cannot be read as an input; the message says why, without the file's name."""


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of `path`, which must be a regular file (following links) of at most `limit` bytes.

    A pipe, a device (/dev/zero) or a socket is refused without reading from it: a pipe would block the run
    forever and a device fill memory. The size is checked before reading, and again while reading (a file
    that grows is cut off, not read to the end)."""
    try:
        # O_NONBLOCK: opening a pipe for reading returns at once instead of waiting for a writer
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputFileError("no such file") from None
    except IsADirectoryError:
        raise InputFileError("is a folder, not a file") from None
    except OSError as exc:
        raise InputFileError(f"cannot be read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise InputFileError("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputFileError("is not a regular file (a pipe, a device or a socket); give a file")
        if info.st_size > limit:
            raise InputFileError(f"is {_size(info.st_size)}; at most {_size(limit)} is read")
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise InputFileError(f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputFileError(f"is over {_size(limit)}; at most {_size(limit)} is read")
    return data


def _size(n: int) -> str:
    return f"{n / MiB:.1f} MB" if n >= MiB else f"{n:,} bytes"
