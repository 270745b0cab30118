"""Command line: `factcheck run` and `factcheck validate`. The only module that prints or exits."""

from __future__ import annotations

import argparse
import gc
import json
from dataclasses import replace
from datetime import datetime, timezone
import os
import signal
import sqlite3
import sys
import tempfile
from pathlib import Path

from tabulate import tabulate

from factcheck import __version__
from factcheck.inputs.articles import ArticlesError, find_article_files, read_articles
from factcheck.store import CACHE_ENV, default_cache_dir
from factcheck.store.sqlite import CacheStore
from factcheck.store.vectors import CachedEmbedder
from factcheck.models.calibration import calibration_for, shipped_calibrations
from factcheck.inputs.claims import SEVERITIES, ClaimsError, load_claims, story_warnings
from factcheck.models.embed import DEFAULT_MODEL, ModelError, load_embedder, resolve_model
from factcheck.models.nli import DEFAULT_THRESHOLD, NliChecker
from factcheck.core.explain import explain_claim, shared_statements, suggest_stories
from factcheck.report.write import write_atomically, write_reports
from factcheck.core.reviews import apply_reviews, fingerprint
from factcheck.inputs.reviews import ReviewsError, load_reviews, render_reviews, with_review
from factcheck.records import Review
from factcheck.models.embed import PASSAGE, encode_batched
from factcheck.core.check import ScopedClaims, check, claim_rows
from factcheck.records import Settings
from factcheck.records import Problem
from factcheck.report import AUTO, DEFAULT_FORMATS, FORMATS, resolve_formats

EXIT_OK, EXIT_BLOCKING, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130
REVIEWS_FILE = "reviews.yaml"
DEFAULT_MIN_SHARED = 0.25
DEBUG_ENV = "FACTCHECK_DEBUG"


class UsageError(Exception):
    """A run that cannot be done; the message is what the user sees."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="factcheck", description=(
        "Find where articles state curated claims and flag where versions of a story disagree."))
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = sub.add_parser("run", help="check articles against claims and write reports")
    _input_options(run)
    _model_options(run)
    run.add_argument("--out", default="reports/", help="folder for the reports (default: reports/)")
    run.add_argument("--format", nargs="+", default=list(DEFAULT_FORMATS), choices=[*sorted(FORMATS), AUTO],
                     metavar="FMT", help=f"reports to write: {', '.join(sorted(FORMATS))}, or auto "
                                        "(markdown json, plus github inside GitHub Actions); default: markdown json")
    run.add_argument("--no-fail", action="store_true", help="exit 0 even when a finding blocks")
    run.add_argument("--min-severity", choices=SEVERITIES, default="warning",
                     help="leave findings of claims below this severity out of the reports (default: warning)")
    run.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                     help="colour the messages on stderr (auto: on a terminal, unless NO_COLOR is set)")
    review = sub.add_parser("review", help="record that an editor reviewed a claim's finding, so it stops blocking")
    _input_options(review)
    review.add_argument("claim", help="the id of the claim whose current finding was reviewed")
    review.add_argument("--by", required=True, help="who reviewed it")
    review.add_argument("--note", default="", help="why it may be published as it is")
    _model_options(review)
    explain = sub.add_parser("explain", help="show the best-matching sentences of every article for one claim")
    _input_options(explain)
    _model_options(explain)
    explain.add_argument("claim", help="the id of the claim")
    explain.add_argument("--top", type=int, default=3, help="sentences shown per article (default 3)")
    stories = sub.add_parser("stories", help="suggest 'stories' groupings by clustering the articles")
    _input_options(stories)
    _model_options(stories)
    stories.add_argument("--min-shared", type=float, default=DEFAULT_MIN_SHARED, metavar="F",
                         help="share of each other's sentences two articles must state to tell one story "
                              f"(default {DEFAULT_MIN_SHARED})")
    validate = sub.add_parser("validate", help="check claims.yaml and the articles without loading a model")
    _input_options(validate)
    return parser


def _input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--claims", default="claims.yaml", help="the curated claims (default: claims.yaml)")
    parser.add_argument("--articles", nargs="+", default=["seeds/"], metavar="PATH",
                        help="article files (.txt) or folders of them (default: seeds/)")
    parser.add_argument("--strict", action="store_true", help="stop (exit 2) if any article cannot be read")
    parser.add_argument("--reviews", help="reviews file (default: reviews.yaml beside the claims file)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    parser.add_argument("-v", "--verbose", action="store_true", help="also print each claim's status on stderr")


def _model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", help="embedding model: use (default), e5, minilm, a local path or a hub name")
    parser.add_argument("--cache-dir", help=f"cache folder (default: ${CACHE_ENV}, else the user cache folder)")
    parser.add_argument("--no-cache", action="store_true",
                        help="neither read nor write the cache (a private one is used for the run, then deleted)")
    parser.add_argument("--nli", metavar="MODEL", help="optional NLI cross-encoder (local path or cached hub "
                        "name): evidence pairs it finds contradictory are disagreements")
    parser.add_argument("--nli-threshold", type=float, default=DEFAULT_THRESHOLD, metavar="P",
                        help=f"contradiction probability that counts (default {DEFAULT_THRESHOLD})")


def main(argv: list[str] | None = None, keep: list | None = None) -> int:
    """Run a command; the exit status. `keep`, if given, receives the run's report rather than letting
    it be freed (see console_main)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad options, 0 on --help
        return int(exc.code or 0)
    args.keep = keep
    previous = _terminate_as_interrupt()
    collecting = gc.isenabled()
    # A run builds millions of small objects without reference cycles (evidence per claim and
    # article); the cyclic collector would rescan them all again and again: 2x slower at 20k articles.
    gc.disable()
    try:
        return COMMANDS[args.command](args)
    except (ClaimsError, ReviewsError) as exc:
        _print_problems(exc.problems)
    except ArticlesError as exc:
        _err("\n".join(f"factcheck: error: {p}" for p in exc.problems))
    except (UsageError, ModelError) as exc:
        _err(f"factcheck: error: {exc}")
    except KeyboardInterrupt:
        _err("factcheck: interrupted; reports were not changed")
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: say so in one line rather than dump a traceback on an editor
        if os.environ.get(DEBUG_ENV) == "1":
            raise
        _err(f"factcheck: internal error: {type(exc).__name__}: {exc} "
             f"(set {DEBUG_ENV}=1 for the traceback, and please report it)")
    finally:
        _drop_scratch(args)
        _restore_terminate(previous)
        if collecting:
            gc.enable()
    return EXIT_ERROR


def console_main() -> None:
    """The `factcheck` command: main(), then leave without freeing what the run built, as mypy does.
    Freeing the 2 million evidence entries of a 20,000-article run takes 1-2 s and serves nothing at
    exit. Files are closed and the scratch cache removed by then; with a worker process still alive
    (which an abrupt exit could orphan), the exit is the ordinary one."""
    import multiprocessing

    kept: list = []
    # Left off after main() too: re-enabled, the collector would scan the whole kept report on the
    # next allocation (2.6 s at 20,000 articles), since nothing of it was collected while main() ran.
    gc.disable()
    code = main(sys.argv[1:], kept)
    sys.stdout.flush()
    sys.stderr.flush()
    if multiprocessing.active_children():
        raise SystemExit(code)
    os._exit(code)


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


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        _err(str(problem))


def _load_inputs(args, store=None):
    claim_set = load_claims(args.claims)
    files, unreadable = find_article_files(args.articles)
    articles, unusable = read_articles(files, store)
    unreadable += unusable
    if store is not None:
        store.flush_parsed()
    if unreadable and args.strict:
        raise UsageError(f"{len(unreadable)} article(s) could not be read (--strict):\n"
                         + "\n".join(map(str, unreadable)))
    if not articles:
        raise UsageError(f"no readable .txt article found in {', '.join(args.articles)}")
    problems = unreadable + story_warnings(claim_set, [a.id for a in articles])
    if not args.quiet:
        _print_problems(problems)
    return claim_set, articles, problems


def cmd_validate(args) -> int:
    claim_set, articles, _ = _load_inputs(args)
    if not args.quiet:
        _err(f"factcheck: {args.claims}: {len(claim_set.claims)} claims valid; "
             f"{len(articles)} articles readable ({sum(len(a.sentences) for a in articles)} sentences)")
    return EXIT_OK


def cmd_run(args) -> int:
    report = _check(args)
    if args.keep is not None:
        args.keep.append(report)
    formats = sorted(resolve_formats(args.format), key=lambda f: not f.starts_child)  # stable: else as asked
    rendered = {f.filename: f.render(report) for f in formats if f.filename}
    to_stdout = [f.render(report) for f in formats if not f.filename]
    try:
        written = write_reports(Path(args.out), rendered) if rendered else []
    except OSError as exc:  # filelock's Timeout is an OSError too
        reason = exc.strerror or str(exc)
        raise UsageError(f"{args.out}: cannot write reports ({reason}); the previous reports are unchanged") from None
    for text in to_stdout:
        sys.stdout.write(text)
    paint = _painter(args.color)
    if args.verbose and not args.quiet:
        for r in report.results:
            _err(f"{r.claim.id}: " + (paint(f"{r.status} (blocking)", RED) if r.blocking else r.status))
    if not args.quiet:
        blocking = len(report.blocking)
        _err(f"factcheck: {len(report.results)} claims, {len(report.articles)} articles, "
             + (paint(f"{blocking} blocking", RED) if blocking else paint("0 blocking", GREEN))
             + f"; wrote {', '.join(map(str, written))}")
    return EXIT_BLOCKING if report.blocking and not args.no_fail else EXIT_OK


def _setup(args):
    """Claims, readable articles, their problems, and the (lazily loaded, cached) model with its calibration."""
    store = _open_cache(args)
    claim_set, articles, problems = _load_inputs(args, store)
    spec = resolve_model(args.model or claim_set.model or DEFAULT_MODEL)
    calibration = calibration_for(spec.identity) or _fallback_calibration(spec.identity, args.quiet)
    settings = Settings(spec.identity, args.claims, calibration, getattr(args, "min_severity", "warning"))
    return claim_set, articles, problems, settings, _embedder(spec, store, args.quiet)


RED, GREEN = "31", "32"


def _painter(mode: str, stream=sys.stderr):
    """ANSI colour for stderr: 'always', 'never', or 'auto' (a terminal and no NO_COLOR, per no-color.org)."""
    on = mode == "always" or (mode == "auto" and stream.isatty() and not os.environ.get("NO_COLOR"))
    return (lambda text, code: f"\033[{code}m{text}\033[0m") if on else (lambda text, code: text)


def _check(args):
    """Load, embed, match, compare and apply reviews: the report of a run, nothing written."""
    claim_set, articles, problems, settings, embedder = _setup(args)
    nli_name = args.nli or claim_set.nli
    nli = NliChecker(nli_name, args.nli_threshold) if nli_name else None
    try:
        report = check(claim_set, articles, embedder, settings, _progress(args.quiet), tuple(problems), nli,
                       _store_of(embedder))
    finally:
        getattr(embedder, "close", lambda: None)()  # the encoder's worker processes, if it started them
    return replace(report, results=apply_reviews(report.results, load_reviews(_reviews_path(args))))


def _reviews_path(args) -> Path:
    return Path(args.reviews) if args.reviews else Path(args.claims).parent / REVIEWS_FILE


def cmd_review(args) -> int:
    report = _check(args)
    result = next((r for r in report.results if r.claim.id == args.claim), None)
    if result is None:
        raise UsageError(f"{args.claims}: no claim with id {args.claim!r}")
    if not result.has_finding:
        raise UsageError(f"claim {args.claim!r} is {result.status}: there is no finding to review")
    path = _reviews_path(args)
    entry = Review(args.claim, fingerprint(result), args.by,
                   datetime.now(timezone.utc).replace(microsecond=0).isoformat(), args.note)
    write_atomically(path, render_reviews(with_review(load_reviews(path), entry)))
    if not args.quiet:
        _err(f"factcheck: {path}: {args.claim} reviewed by {args.by}; it stops blocking until its evidence changes")
    return EXIT_OK


def cmd_explain(args) -> int:
    claim_set, articles, _, settings, embedder = _setup(args)
    claim = next((c for c in claim_set.claims if c.id == args.claim), None)
    if claim is None:
        raise UsageError(f"{args.claims}: no claim with id {args.claim!r}")
    claims = list(claim_set.claims)
    scoped = ScopedClaims(claim_set, claim_rows(claims, embedder))
    threshold = (settings.calibration.story if claim.story is not None else settings.calibration.everywhere).threshold
    rows = []
    for article in (a for a in articles if claim_set.checks(claim, a.id)):
        vectors = encode_batched(embedder, [s.text for s in article.sentences], PASSAGE)
        for c in explain_claim(scoped.for_article(article.id), claim.id, article, vectors, settings.calibration,
                               args.top):
            rows.append((c.article if c.rank == 1 else "", c.rank, c.line, f"{c.score:.3f}", f"{c.probability:.2f}",
                         "yes" if c.probability >= threshold else "", _short(c.text)))
    print(f"{claim.id}: {claim.text}\n")
    print(tabulate(rows, headers=("article", "#", "line", "score", "p(states)", "states?", "sentence"),
                   tablefmt="simple"))
    return EXIT_OK


def cmd_stories(args) -> int:
    claim_set, articles, _, settings, embedder = _setup(args)
    vectors = [encode_batched(embedder, [s.text for s in a.sentences], PASSAGE) for a in articles]
    shared = shared_statements(articles, vectors, settings.calibration)
    groups = suggest_stories([a.id for a in articles], shared, args.min_shared)
    if not groups:
        _err(f"factcheck: no two articles state {args.min_shared:.0%} of each other's sentences")
        return EXIT_OK
    print("stories:  # suggested by factcheck stories; rename and check before use")
    for number, group in enumerate(groups, 1):
        print(f"  story-{number}: [{', '.join(json.dumps(a) for a in group)}]")
    return EXIT_OK


def _short(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _open_cache(args) -> CacheStore:
    if args.no_cache:
        return _scratch_cache(args)
    folder = Path(args.cache_dir) if args.cache_dir else default_cache_dir()
    try:
        return CacheStore(folder)
    except (OSError, sqlite3.Error) as exc:
        raise UsageError(f"{folder}: cannot use the cache ({exc}); use --no-cache or --cache-dir") from None


def _scratch_cache(args) -> CacheStore:
    """--no-cache: a cache private to this run, deleted when it ends (main's `finally`). The user's
    cache is neither read nor written, yet no text is embedded twice in one run (the second look
    reads back the vectors of the articles it looks at again)."""
    scratch = tempfile.TemporaryDirectory(prefix="factcheck-no-cache-")
    store = CacheStore(Path(scratch.name))
    args.scratch = (scratch, store)
    return store


def _drop_scratch(args) -> None:
    scratch, store = getattr(args, "scratch", (None, None))
    if scratch is not None:
        store.close()
        scratch.cleanup()


def _store_of(embedder):
    """Where matches are kept between runs: the embedding cache, when there is one."""
    return embedder.store if isinstance(embedder, CachedEmbedder) else None


def _embedder(spec, store: CacheStore | None, quiet: bool):
    """The model behind the cache, loaded only if some text is not cached yet."""
    def load():
        if not quiet:
            _err(f"factcheck: loading model {spec.identity}")
        return load_embedder(spec)

    return load() if store is None else CachedEmbedder(spec.identity, store, load)


def _fallback_calibration(identity: str, quiet: bool):
    default = calibration_for(resolve_model(DEFAULT_MODEL).identity, shipped_calibrations())
    if not quiet:
        _err(f"factcheck: warning: no calibration fitted for {identity}; using the default model's. "
             f"Fit one with: python bench/calibrate.py --models {identity.removeprefix('st:')}")
    return default


def _progress(quiet: bool):
    def wrap(items, label, total):
        if quiet or total < 2:
            return items
        from tqdm import tqdm

        return tqdm(items, desc=label, total=total, file=sys.stderr, disable=None, leave=False)
    return wrap


COMMANDS = {"run": cmd_run, "validate": cmd_validate, "review": cmd_review, "explain": cmd_explain,
            "stories": cmd_stories}
