"""The queue consumer's recovery of lost checks: ``actions.recover_uploads`` at the consumer's
start (after a crash, uploads left queued or half-read go back on the queue at once) and every
minute.

Not in ``tasks`` (which huey's consumer imports by name): the actions enqueue ``tasks.check_upload``,
so a task module calling the actions would make the two import each other. The app's ``ready()``
imports this module, which registers both hooks with the queue in every process; only a consumer
runs them.
"""

from __future__ import annotations

from django.db import close_old_connections
from huey import crontab  # type: ignore[import-untyped]
from huey.contrib.djhuey import HUEY, db_periodic_task  # type: ignore[import-untyped]

from gongkai.web.oversight import actions


@db_periodic_task(crontab(minute="*"), name="recover_uploads")
def recover_uploads() -> None:
    actions.recover_uploads(HUEY.pending_count())


@HUEY.on_startup()
def recover_uploads_at_start() -> None:
    """After a crash: uploads left queued or half-read go back on the queue at once."""
    close_old_connections()
    actions.recover_uploads(HUEY.pending_count())
