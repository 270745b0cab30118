"""Every claim's verdict for a run: here, or for an archive split over worker processes forked from this one."""

from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool
from typing import NamedTuple

from factcheck.core.verdict import decide
from factcheck.records import Claim
from factcheck.results import ClaimResult, Difference, Evidence


class Judgement(NamedTuple):
    """A claim and what its verdict is made from."""

    claim: Claim
    evidence: list[Evidence]
    extra: list[Difference]  # found by a model stage (NLI)
    lang: str  # the claim's


PARALLEL_MENTIONS = 1_000  # below this, forking workers costs about what it saves (measured: bench/RESULTS.md)


def judge_here(jobs: list[Judgement], workers: int) -> tuple[ClaimResult, ...]:
    """Each claim's verdict, in order. An archive's are split over forked worker processes, in groups of about
    equal numbers of mentions; the evidence is theirs from the fork and comes back by reference."""
    from factcheck.parallel import balanced, can_fork, fork_map  # process management, only where it is used

    mentions = [sum(e.mentioned for e in job.evidence) for job in jobs]
    if sum(mentions) < PARALLEL_MENTIONS or workers < 2 or not can_fork():
        return tuple(_judged(jobs))
    groups = balanced([m + 1 for m in mentions], 4 * workers)  # more groups than workers: none waits on one
    evidence = [e for job in jobs for e in job.evidence]
    try:
        done = fork_map(_judged, [[jobs[i] for i in g] for g in groups], workers, by_reference=evidence)
    except (OSError, BrokenProcessPool):  # no memory to fork, or a worker was killed: all of them here, then
        return tuple(_judged(jobs))
    results: list = [None] * len(jobs)
    for group, judged in zip(groups, done):
        for i, result in zip(group, judged):
            results[i] = result
    return tuple(results)


def _judged(jobs: list[Judgement]) -> list[ClaimResult]:
    return [decide(job.claim, job.evidence, job.extra, job.lang) for job in jobs]
