"""A process pool that survives its tasks: one task that crashes or hangs costs one result, not the batch.

Why not ``concurrent.futures.ProcessPoolExecutor``: when one worker dies (a segfault in a C
extension, ``os._exit``, the OOM killer) the executor marks itself broken and fails *every*
pending future, so one bad file would fail the whole batch and we could not even tell which file
it was; and it cannot stop a single task that hangs. ``pebble`` can, but is LGPL; ``loky`` cannot
kill one task either. So this module keeps its own small pool: each worker runs one task at a time,
the parent knows which item every worker holds, kills a worker whose task overruns its deadline
and starts a fresh one, and recycles workers after ``max_tasks_per_child`` tasks so that memory
leaked by a reader stays bounded.

Workers start with the ``forkserver`` method (``spawn`` where there is none): forking the parent
directly is unsafe once it runs threads (the progress bar has one).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from types import FrameType
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Seconds a worker gets beyond the soft timeout to report it before the parent kills it.
KILL_GRACE_SECONDS = 2.0


class OutcomeKind(StrEnum):
    OK = "ok"
    #: The task raised an exception that it did not turn into a result itself.
    ERROR = "error"
    #: The task overran its time limit (stopped by the worker's alarm or killed by the parent).
    TIMEOUT = "timeout"
    #: The worker process died while running the task.
    CRASH = "crash"


@dataclass(frozen=True, slots=True)
class Outcome(Generic[R]):
    """What became of one item: its value, or why there is none (``detail``, for the user)."""

    index: int
    kind: OutcomeKind
    value: R | None = None
    detail: str = ""


@dataclass(slots=True)
class PoolStats:
    """Measured while the pool runs: for the batch summary and the benchmarks."""

    #: Largest peak resident set size of any worker, in KiB (Linux ``ru_maxrss`` units).
    worker_peak_rss_kib: int = 0
    workers_started: int = 0
    workers_killed: int = 0


class _SoftTimeout(BaseException):
    """Raised inside a worker by its alarm; a BaseException so that readers' ``except Exception`` miss it."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _SoftTimeout


def _peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _worker_main(conn: Connection, func: Callable[[Any], Any], timeout: float | None) -> None:
    """Run tasks sent by the parent until it sends ``None``."""
    # The parent handles Ctrl-C; a worker interrupted mid-task would only produce noise.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGALRM, _on_alarm)
    while True:
        message = conn.recv()
        if message is None:
            return
        index, item = message
        kind, value, detail = OutcomeKind.OK, None, ""
        try:
            if timeout is not None:
                signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                value = func(item)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        except _SoftTimeout:
            kind, detail = OutcomeKind.TIMEOUT, f"处理超过 {timeout:g} 秒，已停止"
        except Exception as exc:
            kind, detail = OutcomeKind.ERROR, f"{type(exc).__name__}: {exc}"
        try:
            conn.send((index, kind, value, detail, _peak_rss_kib()))
        except Exception as exc:  # the value could not be pickled
            conn.send((index, OutcomeKind.ERROR, None, f"结果无法传回：{type(exc).__name__}: {exc}", 0))


def _context(func: Callable[..., Any]) -> BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    if func.__module__ != "__main__":
        # The fork server imports the task's module once; every worker then starts as a fork of it,
        # in milliseconds, instead of importing the readers anew (no effect once the server runs).
        ctx.set_forkserver_preload([func.__module__])
    return ctx


class _Worker:
    def __init__(self, ctx: BaseContext, func: Callable[[Any], Any], timeout: float | None) -> None:
        parent_end, child_end = ctx.Pipe()
        # Any: BaseContext.Process exists on every concrete context but is not declared on the base class.
        process_class: Any = ctx.Process  # type: ignore[attr-defined]
        self.process = process_class(target=_worker_main, args=(child_end, func, timeout), daemon=True)
        self.process.start()
        child_end.close()
        self.conn = parent_end
        self.task: tuple[int, Any] | None = None
        self.deadline = 0.0
        self.done = 0

    def send(self, index: int, item: Any, timeout: float | None) -> None:
        self.task = (index, item)
        self.deadline = time.monotonic() + (timeout + KILL_GRACE_SECONDS if timeout else float("inf"))
        self.conn.send((index, item))

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(timeout=5)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def default_workers() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run(
    func: Callable[[T], R],
    items: Sequence[T] | Iterable[T],
    *,
    workers: int | None = None,
    timeout: float | None = 60.0,
    max_tasks_per_child: int = 200,
    stats: PoolStats | None = None,
) -> Iterator[Outcome[R]]:
    """Run ``func`` on every item in worker processes; yield one ``Outcome`` per item as each finishes.

    ``func`` must be a module-level function (it is pickled by name). ``timeout`` is per item,
    in seconds (``None``: no limit). Outcomes come in completion order; ``Outcome.index`` is the
    item's position in ``items``. Closing the iterator early stops the workers.
    """
    pending: deque[tuple[int, T]] = deque(enumerate(items))
    if not pending:
        return
    stats = stats if stats is not None else PoolStats()
    size = max(1, min(workers or default_workers(), len(pending)))
    ctx = _context(func)
    pool: list[_Worker] = []
    try:
        while pending or any(w.task is not None for w in pool):
            # Start or replace workers while there is work for them, then give each idle one a task.
            pool = [w for w in pool if w.process.is_alive() or w.task is not None]
            while len(pool) < size and len(pool) < len(pending) + sum(w.task is not None for w in pool):
                pool.append(_Worker(ctx, func, timeout))
                stats.workers_started += 1
            for worker in pool:
                if worker.task is None and pending:
                    index, item = pending.popleft()
                    worker.send(index, item, timeout)
            busy = [w for w in pool if w.task is not None]
            next_deadline = min(w.deadline for w in busy)
            wait_for = None if next_deadline == float("inf") else max(0.0, next_deadline - time.monotonic())
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=wait_for))
            for worker in busy:
                outcome = _collect(worker, ready, stats)
                if outcome is None:
                    continue
                yield outcome
                if worker.process.is_alive() and worker.done >= max_tasks_per_child:
                    worker.stop()
    finally:
        for worker in pool:
            if worker.task is None:
                worker.stop()
            else:  # closed early, or interrupted: the task's result is no longer wanted
                worker.kill()


def _collect(worker: _Worker, ready: set[Any], stats: PoolStats) -> Outcome[Any] | None:
    """The outcome of ``worker``'s task if it has one now (a result, a crash or an overrun deadline)."""
    assert worker.task is not None
    index = worker.task[0]
    if worker.conn in ready or worker.process.sentinel in ready:
        try:
            if worker.conn.poll():
                got_index, kind, value, detail, rss = worker.conn.recv()
                worker.task = None
                worker.done += 1
                stats.worker_peak_rss_kib = max(stats.worker_peak_rss_kib, rss)
                return Outcome(got_index, OutcomeKind(kind), value, detail)
        except (EOFError, OSError):
            pass
        # The process ended without answering: it crashed (a signal, os._exit, the OOM killer...).
        worker.kill()
        worker.task = None
        code = worker.process.exitcode
        how = f"信号 {-code}" if code is not None and code < 0 else f"退出码 {code}"
        return Outcome(index, OutcomeKind.CRASH, None, f"处理进程意外终止（{how}）")
    if time.monotonic() >= worker.deadline:
        # The alarm did not stop it (a long call inside a C extension): kill the worker.
        worker.kill()
        worker.task = None
        stats.workers_killed += 1
        return Outcome(index, OutcomeKind.TIMEOUT, None, "处理超时，已强制停止")
    return None
