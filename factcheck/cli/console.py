"""What the command line writes on stderr: problems, colour, progress."""

from __future__ import annotations

import contextlib
import os
import sys
import time

RED, GREEN = "31", "32"
PLAIN_EVERY_S = 10.0  # a CI log gets a progress line at most this often


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


def progress(quiet: bool, clock=time.monotonic):
    """Progress of a long phase on stderr (off when quiet): a tqdm bar on a terminal; elsewhere (a CI log) a
    plain line at most every PLAIN_EVERY_S seconds with the phase, done/total and the rate. `weight` tells how
    many of the total an item counts for (a chunk of articles counts its articles)."""

    def wrap(items, label, total, weight=lambda item: 1):
        if quiet or total < 2 or sys.stderr is None:
            return items
        if sys.stderr.isatty():
            return _bar(items, label, total, weight)
        return _plain_lines(items, label, total, weight, clock)

    return wrap


def _bar(items, label, total, weight):
    from tqdm import tqdm

    with tqdm(desc=label, total=total, file=sys.stderr, leave=False) as bar:
        for item in items:
            yield item
            bar.update(weight(item))


def _plain_lines(items, label, total, weight, clock):
    start = last = clock()
    done = 0
    for item in items:
        yield item
        done += weight(item)
        now = clock()
        if now - last >= PLAIN_EVERY_S and done < total:
            err(f"factcheck: {label}: {done}/{total} ({done / (now - start):.1f}/s)")
            last = now


def notifier(quiet: bool):
    """Where the run's remarks go (a model loading, a calibration missing): stderr, unless quiet."""
    return (lambda message: None) if quiet else (lambda message: err(f"factcheck: {message}"))
