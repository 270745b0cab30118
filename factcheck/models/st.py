"""The sentence-transformers backend: a local model folder, or a hub name already in the Hugging Face cache;
offline unless the user opts in to downloads."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from factcheck.models.embed import ModelError, ModelSpec

ALLOW_DOWNLOAD_ENV = "FACTCHECK_ALLOW_DOWNLOAD"


class SentenceTransformerEmbedder:
    """Any sentence-transformers model: a local folder, or a hub name already in the local cache."""

    batch_size = 64

    def __init__(self, spec: ModelSpec, threads: int):
        online = hub_downloads_allowed()
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelError(
                f"model {spec.location!r} needs the sentence-transformers backend ({exc}): "
                "pip install 'factcheck[sentence-transformers]'"
            ) from None
        torch.set_num_threads(threads)
        _quiet_transformers()
        try:
            self._model = SentenceTransformer(spec.location, device="cpu", local_files_only=not online)
        except Exception as exc:  # the library raises many types (OSError, ValueError, HF errors)
            raise ModelError(_st_load_hint(spec.location, exc)) from None
        self.identity = spec.identity
        self._prompts = self._model.prompts or {}

    def encode(self, texts: list[str], kind: str) -> np.ndarray:
        prompt_name = kind if kind in self._prompts else None
        vectors = self._model.encode(
            list(texts),
            batch_size=self.batch_size,
            prompt_name=prompt_name,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return np.asarray(vectors, dtype=np.float32)


def _quiet_transformers() -> None:
    """transformers draws its own bar while it loads weights (well under a second here), which
    would break `-q`: stderr carries factcheck's progress and errors only."""
    try:
        from transformers.utils import logging as transformers_logging
    except ImportError:
        return
    transformers_logging.disable_progress_bar()


def hub_downloads_allowed() -> bool:
    """Whether the user opted in to downloads; if not, Hugging Face libraries are put in offline mode
    before they are imported, so nothing reaches for the network (it fails here, in CI, behind firewalls)."""
    online = os.environ.get(ALLOW_DOWNLOAD_ENV) == "1"
    if not online:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
    return online


def _st_load_hint(location: str, exc: Exception) -> str:
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if Path(location).exists():
        return f"cannot load sentence-transformers model from {location}: {reason}"
    return (
        f"model {location!r} is not a local folder and is not in the Hugging Face cache "
        f"(offline mode). Give a local path, or set {ALLOW_DOWNLOAD_ENV}=1 to download it once"
    )
