"""Tasks for the pool tests. A module of its own: workers import a task by its module and name."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from gongkai.report.batch import FileResult
from gongkai.report.batch.worker import check_one


def square_or_misbehave(item: str) -> int:
    """``"7"`` -> 49; other items misbehave in the way they name."""
    if item == "crash":
        os._exit(3)  # dies without a word, like a segfault in a C extension
    if item == "hang":
        time.sleep(60)  # a pure-Python hang: the worker's own alarm stops it
    if item == "stuck":
        # A hang the alarm cannot interrupt (like a long call inside a C library): the parent kills it.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    if item == "raise":
        raise ValueError("unexpected")
    return int(item) ** 2


def pid(item: str) -> int:
    return os.getpid()


def check_or_crash(path: str) -> tuple[FileResult, bytes | None]:
    """``check_one``, except that a file named "crash…" kills its worker and one named "hang…" hangs."""
    if Path(path).name.startswith("crash"):
        os._exit(1)
    if Path(path).name.startswith("hang"):
        time.sleep(60)
    return check_one(path)
