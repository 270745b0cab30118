"""What the command line writes on stderr: problems, colour, progress."""

from __future__ import annotations

import contextlib
import os
import sys

RED, GREEN = "31", "32"


def err(message: str) -> None:
    """A line on stderr. Closed (2>&-) or full (2>/dev/full), it is dropped: the exit status still tells."""
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        print(message, file=sys.stderr, flush=True)


def out(text: str) -> None:
    """Text on stdout. A reader that stopped reading (`| head`) is no error: the reports are already written."""
    if sys.stdout is None:
        return
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # as the Python docs advise: point stdout at devnull, so that the flush at exit does not fail again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def print_problems(problems) -> None:
    for problem in problems:
        err(str(problem))


def painter(mode: str, stream=None):
    """ANSI colour for stderr: 'always', 'never', or 'auto' (a terminal and no NO_COLOR, per no-color.org)."""
    stream = sys.stderr if stream is None else stream
    terminal = stream is not None and stream.isatty()
    on = mode == "always" or (mode == "auto" and terminal and not os.environ.get("NO_COLOR"))
    return (lambda text, code: f"\033[{code}m{text}\033[0m") if on else (lambda text, code: text)


def progress(quiet: bool):
    """A progress bar on stderr for long phases (tqdm; off when quiet)."""

    def wrap(items, label, total):
        if quiet or total < 2 or sys.stderr is None:
            return items
        from tqdm import tqdm

        return tqdm(items, desc=label, total=total, file=sys.stderr, disable=None, leave=False)

    return wrap


def notifier(quiet: bool):
    """Where the run's remarks go (a model loading, a calibration missing): stderr, unless quiet."""
    return (lambda message: None) if quiet else (lambda message: err(f"factcheck: {message}"))
