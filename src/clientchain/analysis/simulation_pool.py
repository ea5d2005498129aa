"""Independent replications run in parallel processes, results in run order.

Each run draws from its own random stream seeded by ``(seed, run)`` alone, so a run's
result does not depend on which process ran it nor when: the results, gathered by run
number, are the same for any number of workers. ``jobs = 1`` runs in this process
(no pool); more start up to ``min(jobs, runs)`` worker processes (``fork`` where the
platform has it: the workers inherit the loaded modules; elsewhere ``spawn``), each
given the shared plan once (its initializer), then the run numbers.

>>> replications(_square_plus, 10, 4, 1)
[10, 11, 14, 19]
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from typing import Any, TypeVar

__all__ = ["default_jobs", "replications"]

T = TypeVar("T")
_BEAT = 0.25
"""Seconds between calls of ``progress`` while runs are under way in worker processes."""
_SHARED: dict[str, Any] = {}


def default_jobs() -> int:
    """The cores this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS and Windows have no affinity
        return max(1, os.cpu_count() or 1)


def _square_plus(shared: int, run: int) -> int:
    """A worker for the doctest: ``shared + run²``."""
    return shared + run * run


def _start(worker: Callable[[Any, int], Any], shared: Any) -> None:
    _SHARED["worker"], _SHARED["shared"] = worker, shared


def _one(run: int) -> Any:
    return _SHARED["worker"](_SHARED["shared"], run)


def replications(
    worker: Callable[[Any, int], T],
    shared: Any,
    runs: int,
    jobs: int,
    progress: Callable[[int, int], None] | None = None,
) -> list[T]:
    """``[worker(shared, run) for run in range(runs)]``, over ``jobs`` processes;
    ``progress(done, runs)`` after each run ends (in process: after each run; with
    workers: also every quarter second while they work, ``done`` the runs ended).

    ``worker`` is a module-level function (workers find it by name); ``shared`` is
    picklable where ``fork`` is not available.
    """
    jobs = max(1, min(jobs, runs))
    if jobs == 1:
        results = []
        for run in range(runs):
            results.append(worker(shared, run))
            if progress is not None:
                progress(run + 1, runs)
        return results
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    found: dict[int, T] = {}
    with ProcessPoolExecutor(jobs, context, initializer=_start, initargs=(worker, shared)) as pool:
        futures = {pool.submit(_one, run): run for run in range(runs)}
        pending = set(futures)
        while pending:  # a beat every quarter second, so a progress bar can show the wait
            finished, pending = wait(pending, timeout=_BEAT, return_when=FIRST_COMPLETED)
            for future in finished:
                found[futures[future]] = future.result()
            if progress is not None:
                progress(len(found), runs)
    return [found[run] for run in range(runs)]
