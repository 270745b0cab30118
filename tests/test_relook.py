"""Stored second looks: a moved anchor re-decides only its claim, and every level of storage is reused or rebuilt."""

import numpy as np
import pytest

from factcheck import relook
from factcheck.feedback import Anchor, second_look
from factcheck.match import match_numbers
from factcheck.relook import SecondLooks

from conftest import DictStore
from test_feedback import NEAR, SURE, VECTORS, TableEmbedder, _articles, _matrix

NEAR_TEXT = "For years officials have said they seek no bans."


def _anchor(claim, text):
    return (Anchor(claim, "000", "en", text, 0.9),)


def _looks(near, store, embedder, matrix=None):
    matrix = matrix or _matrix()
    article = _articles()[1]
    first = match_numbers(matrix, article, np.vstack([VECTORS[s.text] for s in article.sentences]), NEAR)
    looks = SecondLooks([(article, near)], lambda a: first, lambda a: b"first-key", lambda a: matrix, embedder,
                        NEAR, store)
    return looks.matches()[0], first


@pytest.fixture
def decided(monkeypatch):
    """The claims (by index) each article was decided again for."""
    calls = []

    def spy(items, calibration):
        calls.extend(sorted(anchor_vectors) for *_, anchor_vectors in items)
        return real(items, calibration)

    real = relook.decide_all
    monkeypatch.setattr(relook, "decide_all", spy)
    return calls


def test_the_stored_second_look_is_the_one_made_without_a_store():
    near = {0: _anchor("no-ban", SURE.strip()), 1: _anchor("rain", "Trains ran on time.")}
    stored, first = _looks(near, DictStore(), TableEmbedder())
    article = _articles()[1]
    vectors = np.vstack([VECTORS[s.text] for s in article.sentences])
    expected = second_look(_matrix(), article, vectors, NEAR, {0: VECTORS[SURE.strip()][None, :],
                                                               1: VECTORS["Trains ran on time."][None, :]}, first)
    assert stored.ints[0, 0] == 1 and stored.to_bytes() == expected.to_bytes()
    assert _looks(near, None, TableEmbedder())[0].to_bytes() == expected.to_bytes()


def test_a_rerun_reads_every_second_look_back_without_vectors(decided):
    store, near = DictStore(), {0: _anchor("no-ban", SURE.strip())}
    before, _ = _looks(near, store, TableEmbedder())
    embedder = TableEmbedder()
    after, _ = _looks(near, store, embedder)
    assert embedder.passages == [] and decided == [[0]]
    assert after.to_bytes() == before.to_bytes()


def test_a_moved_anchor_decides_again_only_its_own_claim(decided):
    store = DictStore()
    _looks({0: _anchor("no-ban", SURE.strip()), 1: _anchor("rain", "Trains ran on time.")}, store, TableEmbedder())
    moved, _ = _looks({0: _anchor("no-ban", SURE.strip()), 1: _anchor("rain", "Children played outside.")}, store,
                      TableEmbedder())
    assert decided == [[0, 1], [1]]
    assert moved.ints[0, 0] == 1  # claim 0's stored decision still holds


def test_a_change_that_keeps_every_decision_reuses_the_stored_match(monkeypatch, decided):
    store = DictStore()  # neither anchor of "rain" points at a sentence that states it
    before, _ = _looks({0: _anchor("no-ban", SURE.strip()), 1: _anchor("rain", "Banks were discussed.")}, store,
                       TableEmbedder())
    monkeypatch.setattr(relook, "with_decisions", lambda *args: pytest.fail("the match was made again"))
    after, _ = _looks({0: _anchor("no-ban", SURE.strip()), 1: _anchor("rain", "it rained")}, store, TableEmbedder())
    assert decided == [[0, 1], [1]]
    assert after.to_bytes() == before.to_bytes() and not after.ints[1, 0]


def test_a_pointer_to_a_lost_match_is_rebuilt_from_the_stored_decisions(decided):
    store, near = DictStore(), {0: _anchor("no-ban", SURE.strip())}
    before, _ = _looks(near, store, TableEmbedder())
    lost = [k for k, v in store.data.items() if v == before.to_bytes()]
    assert len(lost) == 1
    del store.data[lost[0]]
    after, _ = _looks(near, store, TableEmbedder())
    assert after.to_bytes() == before.to_bytes() and decided == [[0]]
    assert lost[0] in store.data


def test_an_anchor_that_finds_nothing_keeps_the_first_match_itself():
    looked, first = _looks({0: _anchor("no-ban", "Trains ran on time.")}, DictStore(), TableEmbedder())
    assert looked is first
    assert NEAR_TEXT in [s.text for s in _articles()[1].sentences]
