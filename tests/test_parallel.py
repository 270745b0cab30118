"""Worker processes forked for a run's matching and verdicts: what they return, by reference too, and the
fallback when they fail."""

import os

import pytest
from conftest import FakeEmbedder, contrast_only

from factcheck.core.check import check
from factcheck.inputs.claims import parse_claims
from factcheck.parallel import can_fork, fork_map
from factcheck.records import Settings
from factcheck.store import MemoryStore
from factcheck.text.sentences import parse_article

pytestmark = pytest.mark.skipif(not can_fork(), reason="fork_map forks")


def test_tasks_run_in_workers_and_what_they_share_comes_back_as_this_process_s_own():
    records = [("evidence", n) for n in range(5)]

    def task(indices):
        return [(records[i], ("made in the worker", i), os.getpid()) for i in indices]

    done = fork_map(task, [[0, 1], [2, 3, 4]], workers=2, by_reference=records)
    flat = [row for rows in done for row in rows]
    assert [row[0] for row in flat] == records
    assert all(row[0] is records[n] for n, row in enumerate(flat))  # not copies
    assert [row[1] for row in flat] == [("made in the worker", n) for n in range(5)]
    assert os.getpid() not in {row[2] for row in flat}


CLAIMS = """\
claims:
  - id: power
    text: les mineurs ont volé de l'électricité
  - id: seized
    text: la police a saisi 67 000 pièces
  - id: opened
    text: les juges du parquet ont ouvert le marché
"""
ARTICLE = (
    "Le marché était calme.\nSelon la police, les mineurs ont volé de l'électricité.\n"
    "Le parquet a ouvert 25 dossiers, la police a saisi 67 000 pièces et les juges ont entendu dix témoins.\n"
    "Les trains étaient à l'heure.\n"
)


class Passages(FakeEmbedder):
    """The fake model, keeping the passages this process embedded; `forkable` as the USE model has it."""

    def __init__(self, forkable: bool):
        super().__init__()
        self.passages = []
        if forkable:
            self.forkable = lambda: self

    def encode(self, texts, kind):
        self.passages += texts if kind == "passage" else []
        return super().encode(texts, kind)


def _archive_check(embedder, monkeypatch, workers_map=fork_map):
    """A check of four articles whose near misses' clauses are looked at, on an engine of two workers that
    forks for any chunk; the chunks fork_map was called for."""
    import factcheck.core.engine as engine
    import factcheck.parallel as parallel

    forked = []

    def counted(task, items, *args, **kwargs):
        forked.append(items)
        return workers_map(task, items, *args, **kwargs)

    monkeypatch.setattr(parallel, "fork_map", counted)
    monkeypatch.setattr(engine, "PARALLEL_SENTENCES", 1)
    local = engine.LocalEngine(embedder)
    local.workers = 2
    settings = Settings("fake@1", "claims.yaml", contrast_only(near_miss=0.0))
    articles = [parse_article(f"a{i}", ARTICLE.replace("calme", f"calme {i}")) for i in range(4)]
    report = check(parse_claims(CLAIMS), articles, embedder, settings, MemoryStore(), engine=local)
    return report, forked


def test_an_archive_chunk_is_matched_by_forked_workers_that_encode_their_clauses(monkeypatch):
    here, forked_here = _archive_check(Passages(forkable=False), monkeypatch)
    workers = Passages(forkable=True)
    there, forked = _archive_check(workers, monkeypatch)
    assert forked_here == [] and sorted(i for group in forked[0] for i in group) == [0, 1, 2, 3]
    assert there.results == here.results
    sentences = {s.text for a in there.articles for s in a.sentences}
    assert set(workers.passages) == sentences  # the clauses were embedded in the workers, not here


def test_a_chunk_is_matched_here_when_its_workers_fail(monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    def broken(*args, **kwargs):
        raise BrokenProcessPool("a worker was killed")

    here, _ = _archive_check(Passages(forkable=False), monkeypatch)
    embedder = Passages(forkable=True)
    there, forked = _archive_check(embedder, monkeypatch, workers_map=broken)
    assert len(forked) == 1 and there.results == here.results
    assert any(p not in {s.text for a in there.articles for s in a.sentences} for p in embedder.passages)  # clauses


def test_work_is_grouped_by_weight_heaviest_first_to_the_lightest_group():
    from factcheck.parallel import balanced

    assert balanced([5, 1, 1, 3], 2) == [[0], [3, 1, 2]]
    assert balanced([2, 2], 4) == [[0], [1]]  # no empty groups


def _ignores_ctrl_c(_):
    import signal

    return signal.getsignal(signal.SIGINT) == signal.SIG_IGN


def test_workers_leave_ctrl_c_to_this_process():
    """A Ctrl-C reaches every process of the group: only this one reports it (no worker tracebacks)."""
    assert fork_map(_ignores_ctrl_c, [0, 1], workers=2, by_reference=()) == [True, True]
