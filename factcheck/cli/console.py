"""What the command line writes on stderr: problems, colour, progress."""

from __future__ import annotations

import os
import sys

RED, GREEN = "31", "32"


def err(message: str) -> None:
    print(message, file=sys.stderr)


def print_problems(problems) -> None:
    for problem in problems:
        err(str(problem))


def painter(mode: str, stream=None):
    """ANSI colour for stderr: 'always', 'never', or 'auto' (a terminal and no NO_COLOR, per no-color.org)."""
    stream = sys.stderr if stream is None else stream
    on = mode == "always" or (mode == "auto" and stream.isatty() and not os.environ.get("NO_COLOR"))
    return (lambda text, code: f"\033[{code}m{text}\033[0m") if on else (lambda text, code: text)


def progress(quiet: bool):
    """A progress bar on stderr for long phases (tqdm; off when quiet)."""

    def wrap(items, label, total):
        if quiet or total < 2:
            return items
        from tqdm import tqdm

        return tqdm(items, desc=label, total=total, file=sys.stderr, disable=None, leave=False)

    return wrap


def notifier(quiet: bool):
    """Where the run's remarks go (a model loading, a calibration missing): stderr, unless quiet."""
    return (lambda message: None) if quiet else (lambda message: err(f"factcheck: {message}"))
