"""One run wired together: a request -> inputs, store, model -> core.check -> reviews -> Report. Prints nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path

from factcheck.core.check import Progress, check, no_progress
from factcheck.core.marks import marks_of
from factcheck.core.reviews import apply_reviews
from factcheck.inputs.articles import read_articles
from factcheck.inputs.claims import load_claims, story_warnings, with_languages
from factcheck.inputs.discover import find_article_files
from factcheck.inputs.reviews import load_reviews
from factcheck.models.calibration import calibration_for, shipped_calibrations
from factcheck.models.embed import DEFAULT_MODEL, load_embedder, resolve_model
from factcheck.models.nli import DEFAULT_THRESHOLD, NliChecker
from factcheck.records import Article, ClaimSet, Problem, Settings
from factcheck.results import Report
from factcheck.store import MemoryStore, default_cache_dir
from factcheck.store.guarded import GuardedStore
from factcheck.store.sqlite import CacheStore
from factcheck.store.vectors import CachedEmbedder

REVIEWS_FILE = "reviews.yaml"
MATCHING_CODE = ("records.py", "core", "text", "models")  # what a stored match depends on
PARSING_CODE = ("records.py", "inputs", "text")  # what a stored parsed article depends on


class UsageError(Exception):
    """A run that cannot be done; the message is what the user sees."""


@dataclass(frozen=True)
class Request:
    """What the user asked for, from the command line."""

    claims: str
    articles: tuple[str, ...]
    model: str | None = None
    cache_dir: str | None = None
    no_cache: bool = False
    reviews: str | None = None
    strict: bool = False
    nli: str | None = None
    nli_threshold: float = DEFAULT_THRESHOLD
    min_severity: str = "warning"
    follow_symlinks: bool = False
    scheduler: str | None = None  # a Dask scheduler's address: embed and match there (cluster.py)
    scheduler_timeout: float = 10.0

    @property
    def reviews_path(self) -> Path:
        return Path(self.reviews) if self.reviews else Path(self.claims).parent / REVIEWS_FILE


@cache  # the package's files do not change within a run: read them once
def code_digest(parts: tuple[str, ...]) -> str:
    """A digest of the package's files under `parts`: stored work made by other code is not reused, with no
    version number to bump by hand."""
    digest = hashlib.blake2b(digest_size=12)
    root = resources.files("factcheck")
    stack = [root.joinpath(part) for part in parts]
    while stack:
        node = stack.pop()
        if node.is_dir():
            stack += sorted(node.iterdir(), key=lambda n: n.name, reverse=True)
        elif node.name.endswith((".py", ".json")):
            digest.update(node.name.encode() + b"\0" + node.read_bytes())
    return digest.hexdigest()


@dataclass
class Inputs:
    claim_set: ClaimSet
    articles: list[Article]
    problems: list[Problem] = field(default_factory=list)


def read_inputs(request: Request, store=None) -> Inputs:
    """Claims and readable articles, with the problems of those that are not (and story globs matching nothing)."""
    claim_set = load_claims(request.claims)
    if store is not None:  # the languages it detects are written with the parsed articles, in one transaction
        claim_set = with_languages(claim_set, store, code_digest(PARSING_CODE).encode())
    articles, unreadable = readable_articles(request, store)
    return Inputs(claim_set, articles, unreadable + story_warnings(claim_set, [a.id for a in articles]))


def readable_articles(request: Request, store=None) -> tuple[list[Article], list[Problem]]:
    """The articles under `request.articles` that can be read, and a problem for each that cannot; with
    --strict, or when none can be read, a UsageError."""
    files, unreadable = find_article_files(list(request.articles), request.follow_symlinks)
    articles, unusable = read_articles(files, store, code_digest(PARSING_CODE).encode())
    unreadable += unusable
    if store is not None:
        store.flush_parsed()
    if unreadable and request.strict:
        raise UsageError(
            f"{len(unreadable)} article(s) could not be read (--strict):\n" + "\n".join(map(str, unreadable))
        )
    if not articles:
        raise UsageError(f"no readable .txt article found in {', '.join(request.articles)}")
    return articles, unreadable


class Session:
    """A store, the inputs and a model (loaded only if some text is not stored yet) for one command. `notify`
    receives what the user should read on the way (a model loading, a calibration missing)."""

    def __init__(self, request: Request, notify: Callable[[str], None]):
        self.request, self.notify = request, notify
        self.store = open_store(request, notify)
        try:
            self.inputs = read_inputs(request, self.store)
            spec = model_spec(request, self.inputs.claim_set)
            calibration = calibration_or_default(spec.identity, notify)
            self.settings = Settings(
                spec.identity, request.claims, calibration, request.min_severity, code_digest(MATCHING_CODE)
            )
            self.embedder = CachedEmbedder(spec.identity, self.store, lambda: loaded_model(spec, notify))
            self.engine = self._engine(request, spec)
        except BaseException:
            self.store.close()
            raise

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc) -> None:
        self.embedder.close()  # the encoder's worker processes, if it started them
        if self.engine is not None:
            self.engine.close()
        self.store.close()

    def report(self, progress: Progress = no_progress, marked: bool = False) -> Report:
        """Load, embed, match, compare and apply reviews: the report of a run, nothing written. With `marked`,
        the spans the HTML report highlights too (reading them costs more than the check on a large archive)."""
        nli_name = self.request.nli or self.inputs.claim_set.nli
        nli = NliChecker(nli_name, self.request.nli_threshold) if nli_name else None
        report = check(
            self.inputs.claim_set,
            self.inputs.articles,
            self.embedder,
            self.settings,
            self.store,
            progress,
            nli,
            self.engine,
        )
        claim_ids = frozenset(c.id for c in self.inputs.claim_set.claims)
        reviewed = apply_reviews(report.results, load_reviews(self.request.reviews_path, claim_ids))
        marks = marks_of(reviewed) if marked else ()
        return replace(report, results=reviewed, problems=tuple(self.inputs.problems), marks=marks)

    def _engine(self, request: Request, spec):
        """A Dask cluster's engine with --scheduler; else None, this machine. Dask is imported only then."""
        if not request.scheduler:
            return None
        from factcheck.cluster import DaskEngine

        self.notify(f"connecting to the Dask scheduler at {request.scheduler}")
        return DaskEngine(request.scheduler, spec, self.settings.code, request.scheduler_timeout)


def model_spec(request: Request, claim_set: ClaimSet | None):
    """The model asked for with --model, else the claims file's, else the default."""
    return resolve_model(request.model or (claim_set.model if claim_set else None) or DEFAULT_MODEL)


def calibration_or_default(identity: str, notify: Callable[[str], None]):
    """The calibration fitted for the model, else the default model's, with a warning: a model's scores run
    higher or lower than another's, so its thresholds are a guess until fitted."""
    fitted = calibration_for(identity)
    if fitted is not None:
        return fitted
    notify(
        f"warning: no calibration fitted for {identity}; using the default model's. "
        f"Fit one with: python bench/calibrate.py --models {identity.removeprefix('st:')}"
    )
    return calibration_for(resolve_model(DEFAULT_MODEL).identity, shipped_calibrations())


def open_store(request: Request, warn: Callable[[str], None]):
    """The user's cache (--cache-dir, $FACTCHECK_CACHE_DIR or the platform's), guarded so that a cache that cannot
    be read or written costs time, never the run; with --no-cache, one in memory that the run keeps to itself."""
    if request.no_cache:
        return MemoryStore()
    folder = Path(request.cache_dir) if request.cache_dir else default_cache_dir()
    return GuardedStore(folder, CacheStore, warn)


def loaded_model(spec, notify: Callable[[str], None]):
    """The model, loaded when some text is not in the store yet; the user is told, as it takes seconds."""
    notify(f"loading model {spec.identity}")
    return load_embedder(spec)
