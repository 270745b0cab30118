"""A run's words are embedded once: read back by later chunks and by forked workers, whose new words come back."""

import numpy as np
import pytest
from conftest import FakeEmbedder

from factcheck.core.known_words import KnownWords


def _counted(embedder: FakeEmbedder, asked: list):
    def encode(words):
        asked.append(list(words))
        return embedder.encode(words, "passage")

    return encode


def test_a_word_is_embedded_once_whichever_chunk_asks_for_it(fake_embedder):
    known, asked = KnownWords(), []
    first = known.encoder(_counted(fake_embedder, asked))
    first(["bank", "war"])
    known.keep(first.fresh)
    second = known.encoder(_counted(fake_embedder, asked))
    vectors = second(["bank", "peace", "peace"])
    assert asked == [["bank", "war"], ["peace"]]
    assert np.array_equal(vectors, fake_embedder.encode(["bank", "peace", "peace"], "passage"))
    assert list(second.fresh) == ["peace"]


def test_no_more_words_are_kept_than_the_limit(fake_embedder):
    known = KnownWords(limit=2)
    encoder = known.encoder(lambda words: fake_embedder.encode(words, "passage"))
    encoder(["bank", "war", "peace"])
    known.keep(encoder.fresh)
    assert len(known) == 2
    assert encoder([]).shape[0] == 0


@pytest.mark.skipif(not __import__("factcheck.parallel").parallel.can_fork(), reason="forks")
def test_the_words_forked_workers_embed_are_kept_for_the_next_chunks(monkeypatch):
    import factcheck.core.engine as engine
    from factcheck.core.check import check
    from factcheck.inputs.claims import parse_claims
    from factcheck.models.calibration import Calibration, Scope
    from factcheck.records import Settings
    from factcheck.store import MemoryStore
    from factcheck.text.sentences import parse_article

    class Forkable(FakeEmbedder):
        def forkable(self):
            return self

    claims = "stories:\n  ferry: ['a*']\nclaims:\n  - id: sank\n    story: ferry\n    text: The ferry sank off Lesbos\n"
    articles = [parse_article(f"a{i}", f"The ferry sank off Lesbos.\nIt was day {i}.\n") for i in range(4)]
    monkeypatch.setattr(engine, "PARALLEL_SENTENCES", 1)
    scope = Scope({"contrast": 20.0, "aligned": 1.0}, -4.0, 0.5)
    settings = Settings("fake@1", "claims.yaml", Calibration("test", scope, scope, 1.0))
    reports = []
    for embedder in (FakeEmbedder(), Forkable()):
        local = engine.LocalEngine(embedder)
        local.workers, local.chunk_sentences = 2, 4  # two chunks of two articles, each forked
        reports.append(check(parse_claims(claims), articles, embedder, settings, MemoryStore(), engine=local))
        assert all(word in local.words for word in ("ferry", "sank", "Lesbos"))
    assert reports[0].results == reports[1].results
