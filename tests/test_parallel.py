"""Worker processes forked for a run's verdicts: what they return, and what they return by reference."""

import os

import pytest

from factcheck.parallel import can_fork, fork_map

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
