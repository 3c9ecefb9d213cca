"""The shared base of every app's actions (``<app>/actions``), Zulip-style.

One user step is one top-level action: one durable transaction (``transaction.atomic(durable=True)``,
so it can never be swallowed by an outer transaction that later rolls back) and one audit row,
written under a named event constant. Declare it with ``@top_level(EVENT)`` and write the row with
``step_record(...)``; the helpers it calls run inside that transaction and write no rows of their
own. ``ActionError`` and the ``require`` helpers are the one way an action refuses a step.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import transaction

from gongkai.errors import GongkaiError
from gongkai.web import memo
from gongkai.web.audit.models import AuditEvent
from gongkai.web.audit.record import record

P = ParamSpec("P")
R = TypeVar("R")


class ActionError(GongkaiError):
    """A step that the rules do not allow now (shown to the user in Chinese)."""


def require(condition: bool, message: str, error: type[GongkaiError] = ActionError) -> None:
    """Refuse the step with ``message`` (Chinese, shown to the user) unless ``condition`` holds."""
    if not condition:
        raise error(message)


def require_permission(condition: bool, message: str = "") -> None:
    """Refuse the step as forbidden (HTTP 403) unless ``condition`` holds."""
    if not condition:
        raise PermissionDenied(message) if message else PermissionDenied


@contextmanager
def domain_refusal() -> Iterator[None]:
    """Inside: a rule of the domain core that refuses (``GongkaiError``: a date outside the law's
    period, a fee that cannot be quoted) refuses the step with its message (``ActionError``)."""
    try:
        yield
    except GongkaiError as exc:
        raise ActionError(exc.message) from exc


@dataclass
class Step:
    """The user step in progress: its event and the one audit row it has written."""

    event: str
    rows: list[AuditEvent] = field(default_factory=list)
    #: Work that must see the step's every row and still commit with them (``before_commit``).
    finishing: list[Callable[[], None]] = field(default_factory=list)


_step: ContextVar[Step | None] = ContextVar("gongkai_action_step", default=None)
_batch: ContextVar[bool] = ContextVar("gongkai_action_batch", default=False)


@contextmanager
def batch() -> Iterator[None]:
    """One outer transaction for many user steps replayed at once (building the demo city, bulk
    imports), or one that a framework already holds (the Django admin's change form): inside it
    each top-level action is a savepoint, not a durable transaction of its own."""
    token = _batch.set(True)
    try:
        with transaction.atomic():
            yield
    finally:
        _batch.reset(token)


def in_step() -> bool:
    """Whether a top-level action is running (helpers that may also run alone ask this)."""
    return _step.get() is not None


def top_level(event: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Declare a function as a top-level action: one durable transaction, one audit row ``event``.

    Calling a top-level action from inside another is a programming error (it would write a
    second audit row for the same user step): call the inner step it is built on instead.
    """

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            if _step.get() is not None:
                raise RuntimeError(f"{func.__qualname__} is a top-level action and cannot run inside another")
            token = _step.set(Step(event))
            try:
                with transaction.atomic(durable=not _batch.get()):
                    result = func(*args, **kwargs)
                    step = _step.get()
                    for finish in step.finishing if step is not None else ():
                        finish()
                    return result
            except BaseException:
                memo.forget()  # the step's savepoint is rolled back, and what was read inside it
                raise
            finally:
                _step.reset(token)

        return run

    return decorate


def before_commit(work: Callable[[], None]) -> None:
    """Run ``work`` at the end of the top-level action in progress, in its transaction, once the
    step has written everything (a letter frozen with the facts the step records after numbering
    it); at once when no action runs."""
    step = _step.get()
    if step is None:
        work()
    else:
        step.finishing.append(work)


def step_record(*, event: str | None = None, also: bool = False, **row: Any) -> AuditEvent:
    """Write the audit row of the step in progress (``row``: the fields of ``audit.record.record``
    but its action; ``agency_id`` defaults to the object's own) under the step's declared event
    unless ``event`` names a more specific one.

    A step writes one row: a second is a programming error unless ``also`` says it is the second
    of a composite step whose two rows readers of the trail have always seen (a reply's own row
    next to the case's workflow row: reply drafted, letter issued).
    """
    step = _step.get()
    if step is None:
        raise RuntimeError("step_record() runs only inside a top-level action")
    if step.rows and not also:
        raise RuntimeError(f"the step {step.event} has already written its audit row")
    row.setdefault("agency_id", getattr(row["obj"], "agency_id", None))
    written = record(action=event or step.event, **row)
    step.rows.append(written)
    return written
