"""The time seam of the web layer: what "now" and "today" are for views, actions and the audit trail.

Actions take their dates as parameters; views ask this module. Tests fix the time by patching
``now`` here (browser tests do, since the live server runs in the test process), and replayed
history (the demo, imports from another system) stamps its rows through ``replaying``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime

from django.utils import timezone

_replay_time: ContextVar[datetime | None] = ContextVar("gongkai_replay_time", default=None)


@contextmanager
def replaying(at: datetime) -> Iterator[None]:
    """Make ``now()`` answer ``at`` while replaying history (demo data, imports from another
    system); live requests always see the real time."""
    token = _replay_time.set(at)
    try:
        yield
    finally:
        _replay_time.reset(token)


def now() -> datetime:
    """The current time: the real time, or the replayed one (see ``replaying``). Models whose
    times are shown next to the audit trail take their default from here, so that replayed
    history (the demo) reads the same in both places."""
    return _replay_time.get() or timezone.now()


def today() -> date:
    """Today in the configured time zone (Asia/Shanghai), by ``now()``."""
    return timezone.localdate(now())
