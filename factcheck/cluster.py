"""The Dask engine: articles that need work go to a Dask cluster in chunks; each worker loads the model once."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from factcheck import __version__
from factcheck.app import MATCHING_CODE, code_digest
from factcheck.core.engine import match_chunk
from factcheck.core.evidence import ArticleMatch
from factcheck.core.judge import judge_here
from factcheck.core.scope import ScopedClaims
from factcheck.models.calibration import Calibration
from factcheck.models.embed import Embedder, ModelSpec, load_embedder
from factcheck.records import Article

CONNECT_TIMEOUT_S = 10.0
# about 3 s of encoding on one core: small enough to spread a 2,000-article archive over many workers and
# lose little when a worker dies, large enough that a task's own cost (a few ms) does not count
CHUNK_SENTENCES = 1_500


class ClusterError(Exception):
    """The cluster cannot be reached, or it could not do the work; the message is what the user sees."""


class DaskEngine:
    """Embedding and matching on a Dask cluster (`dask scheduler`, `dask worker`); see core.check.Engine."""

    name = "dask"
    chunk_sentences = CHUNK_SENTENCES

    def __init__(self, address: str, spec: ModelSpec, code: str, timeout: float = CONNECT_TIMEOUT_S):
        try:
            from distributed import Client
        except ImportError:
            raise ClusterError("--scheduler needs Dask's distributed: pip install 'factcheck[dask]'") from None
        self.address, self.spec, self.code = address, spec, code
        try:
            self._client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError):  # refused, unreachable, a malformed address: all say the same
            raise ClusterError(f"cannot reach the Dask scheduler at {address} in {timeout:g} s") from None
        self.workers = len(self._client.scheduler_info().get("workers", {}))

    def verdicts(self, jobs):
        # in this process: the Dask client's event-loop thread makes forking it unsafe
        return judge_here(jobs, workers=1)

    def first_looks(
        self, chunks: list[list[Article]], scoped: ScopedClaims, calibration: Calibration
    ) -> Iterator[tuple[list[Article], list[ArticleMatch]]]:
        """Submit every chunk, then yield them as workers finish them. A worker that dies has its chunks run
        again elsewhere by the scheduler; a chunk that fails three times stops the run."""
        if not chunks:
            return
        from distributed import as_completed

        # the claims (their vectors) go to each worker once, not with every chunk
        shared = self._client.scatter(scoped, broadcast=True, hash=False)
        submitted = {
            self._client.submit(_match_on_worker, chunk, shared, self.spec, calibration, self.code, pure=False): chunk
            for chunk in chunks
        }
        try:
            for future in as_completed(submitted, loop=self._client.loop):
                yield submitted[future], self._result(future)
        finally:
            self._client.cancel(list(submitted))

    def _result(self, future) -> list[ArticleMatch]:
        try:
            return future.result()
        except Exception as exc:  # raised on a worker (a model missing there), or KilledWorker after the retries
            reason = f"{type(exc).__name__}: {exc}"
            raise ClusterError(f"the cluster at {self.address} failed on a chunk of articles: {reason}") from None

    def close(self) -> None:
        self._client.close()


def _match_on_worker(
    chunk: list[Article], scoped: ScopedClaims, spec: ModelSpec, calibration: Calibration, code: str
) -> list[ArticleMatch]:
    # a worker with another version of factcheck would match otherwise: its results must not be mixed in
    if _worker_code() != code:
        raise RuntimeError(f"a worker runs other factcheck code (version {__version__}); install the client's")
    return match_chunk(chunk, scoped, _worker_embedder(spec), calibration)


@functools.cache
def _worker_code() -> str:
    return code_digest(MATCHING_CODE)


@functools.cache
def _worker_embedder(spec: ModelSpec) -> Embedder:
    """The worker process's own model, loaded by its first chunk and kept for the next ones. Single-threaded:
    a Dask worker is given one core per thread, and parallelism comes from more workers."""
    return load_embedder(spec, threads=1)
