"""The batch pool: every item gets an outcome, whatever a task does to its worker."""

from __future__ import annotations

import time

from batch_pool_tasks import pid, square_or_misbehave

from gongkai.report.batch import pool
from gongkai.report.batch.pool import OutcomeKind


def _outcomes(items: list[str], **kwargs: object) -> dict[str, pool.Outcome[int]]:
    got = {items[o.index]: o for o in pool.run(square_or_misbehave, items, **kwargs)}  # type: ignore[arg-type]
    assert len(got) == len(set(items))
    return got


def test_results_of_all_items_come_back() -> None:
    items = [str(i) for i in range(20)]
    got = _outcomes(items, workers=2, timeout=10)
    assert {k: (o.kind, o.value) for k, o in got.items()} == {
        str(i): (OutcomeKind.OK, i * i) for i in range(20)
    }


def test_a_misbehaving_task_costs_only_its_own_result() -> None:
    items = ["1", "crash", "2", "raise", "hang", "3", "stuck", "4"]
    started = time.monotonic()
    stats = pool.PoolStats()
    got = _outcomes(items, workers=2, timeout=1.0, stats=stats)
    kinds = {k: o.kind for k, o in got.items()}
    assert kinds == {
        "1": OutcomeKind.OK,
        "2": OutcomeKind.OK,
        "3": OutcomeKind.OK,
        "4": OutcomeKind.OK,
        "crash": OutcomeKind.CRASH,  # the worker died: os._exit(3)
        "raise": OutcomeKind.ERROR,  # an exception the task did not handle
        "hang": OutcomeKind.TIMEOUT,  # stopped by the worker's alarm
        "stuck": OutcomeKind.TIMEOUT,  # alarm blocked: killed by the parent
    }
    assert "退出码 3" in got["crash"].detail
    assert "ValueError: unexpected" in got["raise"].detail
    assert stats.workers_killed == 1
    assert stats.worker_peak_rss_kib > 0
    assert time.monotonic() - started < 20


def test_workers_are_recycled_after_max_tasks() -> None:
    stats = pool.PoolStats()
    pids = [o.value for o in pool.run(pid, ["x"] * 9, workers=1, max_tasks_per_child=3, stats=stats)]
    assert len(set(pids)) == 3
    assert stats.workers_started == 3


def test_no_items_no_workers() -> None:
    stats = pool.PoolStats()
    assert list(pool.run(pid, [], stats=stats)) == []
    assert stats.workers_started == 0
