"""The command line's options, each subcommand with only its own."""

from __future__ import annotations

import argparse
import os

from factcheck import __version__
from factcheck.inputs.claims import SEVERITIES
from factcheck.models.nli import DEFAULT_THRESHOLD
from factcheck.report import AUTO, DEFAULT_FORMATS, FORMATS
from factcheck.store import CACHE_ENV

DEFAULT_MIN_SHARED = 0.25
SCHEDULER_ENV = "FACTCHECK_SCHEDULER"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description=("Find where articles state curated claims and flag where versions of a story disagree."),
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = sub.add_parser("run", help="check articles against claims and write reports")
    _input_options(run)
    _check_options(run)
    _model_options(run)
    _nli_options(run)
    run.add_argument("-v", "--verbose", action="store_true", help="also print each claim's status on stderr")
    run.add_argument("--out", type=_path, default="reports/", help="folder for the reports (default: reports/)")
    run.add_argument(
        "--format",
        nargs="+",
        default=list(DEFAULT_FORMATS),
        choices=[*sorted(FORMATS), AUTO],
        metavar="FMT",
        help=f"reports to write: {', '.join(sorted(FORMATS))}, or auto "
        "(markdown json, plus github inside GitHub Actions); default: markdown json",
    )
    run.add_argument("--no-fail", action="store_true", help="exit 0 even when a finding blocks")
    run.add_argument(
        "--min-severity",
        choices=SEVERITIES,
        default="warning",
        help="leave findings of claims below this severity out of the reports (default: warning)",
    )
    run.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the messages on stderr (auto: on a terminal, unless NO_COLOR is set)",
    )
    run.add_argument(
        "--scheduler",
        type=_path,
        default=os.environ.get(SCHEDULER_ENV) or None,
        metavar="ADDRESS",
        help=f"embed and match on the Dask cluster of this scheduler, e.g. tcp://10.0.0.5:8786 (default: "
        f"${SCHEDULER_ENV}; needs the dask extra)",
    )
    run.add_argument(
        "--scheduler-timeout",
        type=_seconds,
        default=10.0,
        metavar="S",
        help="give up reaching the scheduler after this many seconds (default 10)",
    )
    review = sub.add_parser("review", help="record that an editor reviewed a claim's finding, so it stops blocking")
    _input_options(review)
    _check_options(review)
    review.add_argument("claim", help="the id of the claim whose current finding was reviewed")
    review.add_argument("--by", required=True, help="who reviewed it")
    review.add_argument("--note", default="", help="why it may be published as it is")
    _model_options(review)
    _nli_options(review)
    explain = sub.add_parser("explain", help="show the best-matching sentences of every article for one claim")
    _input_options(explain)
    _model_options(explain)
    explain.add_argument("claim", help="the id of the claim")
    explain.add_argument("--top", type=_positive, default=3, help="sentences shown per article (default 3)")
    explain.add_argument("--wide", action="store_true", help="show whole sentences (cut at 110 characters otherwise)")
    stories = sub.add_parser("stories", help="suggest 'stories' groupings by clustering the articles")
    _input_options(stories)
    _model_options(stories)
    stories.add_argument(
        "--min-shared",
        type=_fraction,
        default=DEFAULT_MIN_SHARED,
        metavar="F",
        help="share of each other's sentences two articles must state to tell one story "
        f"(default {DEFAULT_MIN_SHARED})",
    )
    suggest = sub.add_parser("suggest", help="propose claims for the facts that articles of one story tell differently")
    suggest.add_argument("--claims", type=_path, help="use its stories and leave out what its claims cover (optional)")
    suggest.add_argument(
        "--articles", nargs="+", type=_path, default=["seeds/"], metavar="PATH", help="articles (default: seeds/)"
    )
    suggest.add_argument("--follow-symlinks", action="store_true", help="read links that point out of the folders")
    suggest.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors and the suggestions")
    suggest.add_argument("--story", help="only this story: one of --claims, or story-N as suggest names them")
    suggest.add_argument("--format", choices=("yaml", "json", "markdown"), default="yaml", help="default: yaml")
    suggest.add_argument(
        "--max", type=_positive, default=20, metavar="N", help="the most confident N suggestions (default 20)"
    )
    suggest.add_argument(
        "--min-shared",
        type=_fraction,
        default=DEFAULT_MIN_SHARED,
        metavar="F",
        help=f"without stories in --claims: share of sentences two articles state to be one story "
        f"(default {DEFAULT_MIN_SHARED})",
    )
    _model_options(suggest)
    validate = sub.add_parser("validate", help="check claims.yaml and the articles without loading a model")
    _input_options(validate)
    validate.add_argument("--strict", action="store_true", help="exit 2 if any article cannot be read")
    return parser


def _input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--claims", type=_path, default="claims.yaml", help="the curated claims (default: claims.yaml)")
    parser.add_argument(
        "--articles",
        nargs="+",
        type=_path,
        default=["seeds/"],
        metavar="PATH",
        help="article files (.txt) or folders of them (default: seeds/)",
    )
    parser.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="read links in article folders that point outside them (skipped by default)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")


def _check_options(parser: argparse.ArgumentParser) -> None:
    """What a check that decides findings takes: strictness and the editors' reviews."""
    parser.add_argument("--strict", action="store_true", help="stop (exit 2) if any article cannot be read")
    parser.add_argument("--reviews", type=_path, help="reviews file (default: reviews.yaml beside the claims file)")


def _model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", help="embedding model: use (default), e5, minilm, a local path or a hub name")
    parser.add_argument(
        "--cache-dir", type=_path, help=f"cache folder (default: ${CACHE_ENV}, else the user cache folder)"
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the cache (the run keeps what it embeds in memory)",
    )


def _nli_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--nli",
        metavar="MODEL",
        help="optional NLI cross-encoder (local path or cached hub "
        "name): evidence pairs it finds contradictory are disagreements",
    )
    parser.add_argument(
        "--nli-threshold",
        type=_fraction,
        default=DEFAULT_THRESHOLD,
        metavar="P",
        help=f"contradiction probability that counts (default {DEFAULT_THRESHOLD})",
    )


def _path(text: str) -> str:
    """A path option: an empty one would silently mean the working folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty path; give a file or folder name")
    return text


def _number(parse, within, expected: str):
    """An argparse type: `parse` the text, then check it is `within` range; one message for both misses."""

    def convert(text: str):
        try:
            value = parse(text)
        except ValueError:
            value = None
        if value is None or not within(value):  # a range test is also false for nan
            raise argparse.ArgumentTypeError(f"expected {expected}, got {text!r}")
        return value

    return convert


# a share or a probability; a timeout; a count
_fraction = _number(float, lambda v: 0.0 <= v <= 1.0, "a number from 0 to 1")
_seconds = _number(float, lambda v: 0.0 < v <= 3600.0, "a number of seconds from 0 to 3600")
_positive = _number(int, lambda v: v >= 1, "a whole number of 1 or more")
