"""The commands: run, validate, review, explain, stories. Each turns its options into a Request and prints."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from tabulate import tabulate

from factcheck.app import Request, Session, UsageError, read_inputs
from factcheck.cli.console import GREEN, RED, err, notifier, out, painter, print_problems, progress
from factcheck.core.decide import CANDIDATES, NEAR_TIE
from factcheck.core.explain import shared_statements, suggest_stories
from factcheck.core.reviews import fingerprint
from factcheck.core.veto import SURE
from factcheck.explaining import explain
from factcheck.inputs.reviews import load_reviews, render_reviews, with_review
from factcheck.models.embed import PASSAGE, encode_batched
from factcheck.report import resolve_formats
from factcheck.report.ci_formats import render_text
from factcheck.report.write import folder_lock, write_atomically, write_reports
from factcheck.results import Review
from factcheck.suggesting import suggested

EXIT_OK, EXIT_BLOCKING = 0, 1


def request_of(args) -> Request:
    """The Request of any command: the options a command does not have keep their defaults."""
    fields = ("model", "cache_dir", "no_cache", "nli", "nli_threshold", "min_severity")
    fields += ("scheduler", "scheduler_timeout")
    optional = {name: getattr(args, name) for name in fields if hasattr(args, name)}
    return Request(
        args.claims,
        tuple(args.articles),
        reviews=getattr(args, "reviews", None),
        strict=getattr(args, "strict", False),
        follow_symlinks=args.follow_symlinks,
        **optional,
    )


def _session(args) -> Session:
    session = Session(request_of(args), notifier(args.quiet))
    if not args.quiet:
        print_problems(session.inputs.problems)
    return session


def cmd_validate(args) -> int:
    inputs = read_inputs(request_of(args))
    if not args.quiet:
        print_problems(inputs.problems)
        err(
            f"factcheck: {args.claims}: {_count(len(inputs.claim_set.claims), 'claim')} valid; "
            f"{_count(len(inputs.articles), 'article')} readable "
            f"({_count(sum(len(a.sentences) for a in inputs.articles), 'sentence')})"
        )
    return EXIT_OK


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def cmd_run(args) -> int:
    formats = resolve_formats(args.format)
    with _session(args) as session:
        report = session.report(progress(args.quiet), marked=any(f.name == "html" for f in formats))
    rendered = {f.filename: f.render(report) for f in formats if f.filename}
    to_stdout = [f.render(report) for f in formats if not f.filename]
    try:
        written = write_reports(Path(args.out), rendered) if rendered else []
    except OSError as exc:  # filelock's Timeout is an OSError too
        reason = exc.strerror or str(exc)
        raise UsageError(f"{args.out}: cannot write reports ({reason}); the previous reports are unchanged") from None
    for text in to_stdout:
        out(text)
    paint = painter(args.color)
    if args.verbose and not args.quiet:
        for r in report.results:
            err(f"{r.claim.id}: " + (paint(f"{r.status} (blocking)", RED) if r.blocking else r.status))
    if "text" not in {f.name for f in formats}:  # what a linter prints: each blocking finding, even with -q
        for line in render_text(report).splitlines():
            err(line)
    if not args.quiet:
        blocking = len(report.blocking)
        err(
            f"factcheck: {len(report.results)} claims, {len(report.articles)} articles, "
            + (paint(f"{blocking} blocking", RED) if blocking else paint("0 blocking", GREEN))
            + (f"; wrote {', '.join(map(str, written))}" if written else "; no report file asked for")
        )
    return EXIT_BLOCKING if report.blocking and not args.no_fail else EXIT_OK


def cmd_review(args) -> int:
    with _session(args) as session:
        report = session.report(progress(args.quiet))
        path = session.request.reviews_path
    result = next((r for r in report.results if r.claim.id == args.claim), None)
    if result is None:
        raise UsageError(f"{args.claims}: no claim with id {args.claim!r}")
    if not result.has_finding:
        raise UsageError(f"claim {args.claim!r} is {result.status}: there is no finding to review")
    entry = Review(
        args.claim,
        fingerprint(result),
        args.by,
        datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        args.note,
    )
    # two editors reviewing at once: each re-reads the file under the lock, so neither review is lost
    with folder_lock(path.parent.resolve()):
        claim_ids = frozenset(r.claim.id for r in report.results)
        write_atomically(path, render_reviews(with_review(load_reviews(path, claim_ids), entry)))
    if not args.quiet:
        err(f"factcheck: {path}: {args.claim} reviewed by {args.by}; it stops blocking until its evidence changes")
    return EXIT_OK


def cmd_explain(args) -> int:
    """One claim: its versions, what was decided in each article and why, then the best sentences of each."""
    with _session(args) as session:
        explained = explain(session, args.claim, args.top)
    fit = (lambda text: text) if args.wide else _short
    vetoes = explained.veto is not None
    rows = [
        (
            c.article if c.rank == 1 else "",
            c.rank,
            c.line,
            f"{c.score:.3f}",
            f"{c.probability:.2f}",
            *([f"{c.veto:.2f}" if c.veto is not None else ""] if vetoes else []),
            "yes" if c.probability >= explained.threshold else "",
            fit(c.text),
        )
        for c in explained.candidates
    ]
    out(_explained(explained.result, fit))
    if explained.words:
        out(_words_at_evidence(explained.words, fit))
    headers = ("article", "#", "line", "score", "p(states)", *(["veto"] if vetoes else []), "states?", "sentence")
    table = tabulate(rows, headers=headers, tablefmt="simple")
    note = (
        f"\nthe run's evidence is first the likeliest of the {CANDIDATES} best-scoring sentences within {NEAR_TIE} of\n"
        "the best score; a near miss's clauses and a claim's figure may then move it (docs/how-it-works.md)\n"
    )
    if vetoes:
        note += (
            f"veto: a claim checked everywhere found short of p {SURE} is looked at again, its words aligned\n"
            f"with the sentence's; under {explained.veto:.2f} it is not stated\n"
        )
    out("\nbest sentences of each article\n" + table + "\n" + note)
    return EXIT_OK


def _explained(result, fit) -> str:
    """The claim, its versions, its status, each article's decision and what differs."""
    claim = result.claim
    lines = [f"{claim.id}: {claim.text}"]
    for vid, text in claim.versions:
        lines.append(f"  version {vid}{' (verified)' if vid == claim.verified else ''}: {fit(text)}")
    lines.append(f"status: {result.status}{' (blocking)' if result.blocking else ''}")
    decided = [
        (
            e.article,
            "yes" if e.mentioned else "no",
            f"{e.probability:.2f}",
            e.line if e.mentioned else "",
            e.version or "",
            e.told_by if e.version else "",
            ", ".join(f"{vid} {score:.2f}" for vid, score in e.version_scores) if e.mentioned else "",
        )
        for e in result.evidence
    ]
    headers = ("article", "states?", "p(states)", "line", "version", "told by", "version scores")
    lines += ["", "decision in each article", tabulate(decided, headers=headers, tablefmt="simple")]
    found = [d.explanation for d in (*result.differences, *result.internal)]
    found += [c.explanation for c in result.contradictions]
    if found:
        lines += ["", "what differs"] + [f"- {text}" for text in found]
    return "\n".join(lines) + "\n"


def _words_at_evidence(words, fit) -> str:
    """Each article's line, and the claim's words with the evidence's word nearest each, weakest first."""
    rows = [
        (w.article, w.line, fit(", ".join(f"{m.word} ~ {m.match} {m.cosine:.2f}" for m in w.matches))) for w in words
    ]
    table = tabulate(rows, headers=("article", "line", "claim word ~ nearest word of the evidence"), tablefmt="simple")
    return "\nthe claim's words at the evidence, weakest first\n" + table + "\n"


def cmd_stories(args) -> int:
    with _session(args) as session:
        articles = session.inputs.articles
        vectors = [encode_batched(session.embedder, [s.text for s in a.sentences], PASSAGE) for a in articles]
        shared = shared_statements(articles, vectors, session.settings.calibration)
    groups = suggest_stories([a.id for a in articles], shared, args.min_shared)
    if not groups:
        err(f"factcheck: no two articles state {args.min_shared:.0%} of each other's sentences")
        return EXIT_OK
    lines = ["stories:  # suggested by factcheck stories; rename and check before use"]
    lines += [f"  story-{n}: [{', '.join(json.dumps(a) for a in group)}]" for n, group in enumerate(groups, 1)]
    out("\n".join(lines) + "\n")
    return EXIT_OK


def cmd_suggest(args) -> int:
    from factcheck.report.suggestions import RENDERERS

    request = Request(
        args.claims or "",
        tuple(args.articles),
        model=args.model,
        cache_dir=args.cache_dir,
        no_cache=args.no_cache,
        follow_symlinks=args.follow_symlinks,
    )
    shown = (lambda problems: None) if args.quiet else print_problems
    suggestions = suggested(request, notifier(args.quiet), args.story, args.max, args.min_shared, shown)
    out(RENDERERS[args.format](suggestions))
    if not args.quiet:
        err(f"factcheck: {_count(len(suggestions), 'suggestion')}")
    return EXIT_OK


def _short(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


COMMANDS = {
    "run": cmd_run,
    "validate": cmd_validate,
    "review": cmd_review,
    "explain": cmd_explain,
    "stories": cmd_stories,
    "suggest": cmd_suggest,
}
