"""Reads that one long run repeats thousands of times, kept for that run only.

Building the demo city replays about 6,000 user steps in one process, and each step asks again
for its agency's working calendar (two queries and the agency's parents) and disclosure setup
(the review chain): 2,600 and 6,200 reads of rows that never change during the build (profile in
bench/RESULTS.md). Inside :func:`memoising` such a read is made once and kept; outside it
(every web request, the task queue) nothing is kept and the database is always read, because
another process may change the row at any moment.

A kept value is dropped -- all of them are, it is cheap to read them again -- as soon as a row of
a model it was read from is saved or deleted in this process (Django's ``post_save`` and
``post_delete``), and when a top-level action fails (``forget``, called by
``gongkai.web.actions_base``: its savepoint is rolled back, and with it anything read inside it).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.db import models
from django.db.models.signals import post_delete, post_save

T = TypeVar("T")

_kept: ContextVar[dict[Hashable, Any] | None] = ContextVar("gongkai_memo", default=None)
_watched: set[type[models.Model]] = set()


@contextmanager
def memoising() -> Iterator[None]:
    """Keep the reads made through :func:`remembered` until the block ends (nested: the outer
    block's memory is used)."""
    if _kept.get() is not None:
        yield
        return
    token = _kept.set({})
    try:
        yield
    finally:
        _kept.reset(token)


def remembered(key: Hashable, read: Callable[[], T], *, depends_on: tuple[type[models.Model], ...]) -> T:
    """``read()``, kept under ``key`` inside :func:`memoising` until a row of ``depends_on`` is
    saved or deleted; read every time outside it."""
    kept = _kept.get()
    if kept is None:
        return read()
    if key in kept:
        value: T = kept[key]
        return value
    for model in depends_on:
        _watch(model)
    value = read()
    kept[key] = value
    return value


def forget(*_: Any, **__: Any) -> None:
    """Drop everything kept (a watched row changed, or a step's savepoint was rolled back)."""
    kept = _kept.get()
    if kept:
        kept.clear()


def _watch(model: type[models.Model]) -> None:
    if model in _watched:
        return
    uid = f"gongkai.memo.{model._meta.label_lower}"
    post_save.connect(forget, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(forget, sender=model, weak=False, dispatch_uid=uid)
    _watched.add(model)
