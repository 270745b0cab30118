"""Shared fixtures: a deterministic fake embedder, and real models loaded once per session."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

DIM = 512


class FakeEmbedder:
    """Bag of lower-cased words hashed into a fixed space: texts sharing words are similar."""

    identity = "fake@1"
    batch_size = 8

    def __init__(self):
        self.calls = 0

    def encode(self, texts, kind):
        self.calls += 1
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[row, int(hashlib.md5(word.encode()).hexdigest(), 16) % DIM] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


@pytest.fixture
def fake_embedder():
    return FakeEmbedder()


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Never read or write the user's real embedding cache."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def fake_model(monkeypatch):
    """Make the CLI use the fake embedder (calibrated like the default model) instead of a real one."""
    import factcheck.app
    from factcheck.models.embed import ModelSpec

    embedder = FakeEmbedder()
    monkeypatch.setattr(
        factcheck.app, "resolve_model", lambda name: ModelSpec("fake", "fake", "use-multilingual-v3@fake")
    )
    monkeypatch.setattr(factcheck.app, "load_embedder", lambda spec: embedder)
    return embedder


@pytest.fixture(scope="session")
def use_model():
    from factcheck.models.embed import load_embedder, resolve_model

    return load_embedder(resolve_model("use"))


@pytest.fixture
def cli_case(tmp_path, monkeypatch):
    """tests/data/cli (claims.yaml, a.txt, b.txt) copied to a temporary folder that is the working directory."""
    for name in ("claims.yaml", "a.txt", "b.txt"):
        shutil.copy(Path(__file__).parent / "data" / "cli" / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def contrast_only(near_miss: float = 1.0):
    """A calibration for hand-made cases: stated where the claim stands out of the article (contrast > 0.2)."""
    from factcheck.models.calibration import Calibration, Scope

    scope = Scope({"contrast": 20.0}, -4.0, 0.5)
    return Calibration("test", scope, scope, near_miss)


def read_article(file, store=None):
    """One article file read as a run reads it; ValueError with the user-facing reason when it is unusable."""
    from factcheck.inputs.articles import read_articles

    articles, problems = read_articles([file], store)
    if problems:
        raise ValueError(problems[0].message)
    return articles[0]
