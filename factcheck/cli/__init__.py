"""The command line: `main(argv) -> int` runs a command in-process. The only package that prints or exits."""

from __future__ import annotations

import os
import signal
import sys

from factcheck.app import UsageError
from factcheck.cli.commands import COMMANDS
from factcheck.cli.console import err, print_problems
from factcheck.cli.parser import build_parser
from factcheck.cluster import ClusterError
from factcheck.inputs.claims import ClaimsError
from factcheck.inputs.discover import ArticlesError
from factcheck.inputs.reviews import ReviewsError
from factcheck.models.embed import ModelError

EXIT_OK, EXIT_BLOCKING, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130
DEBUG_ENV = "FACTCHECK_DEBUG"


def main(argv: list[str] | None = None) -> int:
    """Run a command; its exit status: 0 no blocking finding, 1 a blocking finding, 2 the run could not be
    done, 130 interrupted."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad options, 0 on --help
        return int(exc.code or 0)
    previous = _terminate_as_interrupt()
    try:
        return COMMANDS[args.command](args)
    except (ClaimsError, ReviewsError) as exc:
        print_problems(exc.problems)
    except ArticlesError as exc:
        err("\n".join(f"factcheck: error: {p}" for p in exc.problems))
    except (UsageError, ModelError, ClusterError) as exc:
        err(f"factcheck: error: {exc}")
    except KeyboardInterrupt:
        err("factcheck: interrupted; reports were not changed")
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: say so in one line rather than dump a traceback on an editor
        if os.environ.get(DEBUG_ENV) == "1":
            raise
        first_line = next(iter(str(exc).splitlines()), "")
        err(
            f"factcheck: internal error: {type(exc).__name__}: {first_line} "
            f"(set {DEBUG_ENV}=1 for the traceback, and please report it)"
        )
    finally:
        _restore_terminate(previous)
    return EXIT_ERROR


def console_main() -> None:
    """The `factcheck` command."""
    raise SystemExit(main(sys.argv[1:]))


def _terminate_as_interrupt():
    """Treat SIGTERM (CI cancelling a job) like Ctrl-C, so staged reports are cleaned up."""

    def handler(signum, frame):
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (e.g. called from a worker): leave signals alone
        return None


def _restore_terminate(previous) -> None:
    if previous is not None:
        signal.signal(signal.SIGTERM, previous)
