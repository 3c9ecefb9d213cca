"""Tasks on the queue (huey; see the HUEY setting): reading and checking one uploaded report each.

One task per file, so that a bulk upload of hundreds of reports is spread over the consumer's
workers and one unreadable file never holds up or fails the others. A task that raises (the
database locked or gone for a moment) is retried; an upload whose task was lost altogether is
re-queued by ``recover_uploads``, at the consumer's start and every minute.
"""

from __future__ import annotations

from huey import crontab  # type: ignore[import-untyped]
from huey.contrib.djhuey import HUEY, db_periodic_task, db_task  # type: ignore[import-untyped]

from gongkai.web.oversight import actions


@db_task(retries=2, retry_delay=10)
def check_upload(upload_id: int) -> None:
    actions.check_upload_now(upload_id)


@db_periodic_task(crontab(minute="*"), name="recover_uploads")
def recover_uploads() -> None:
    actions.recover_uploads(HUEY.pending_count())


@HUEY.on_startup()
def recover_uploads_at_start() -> None:
    """After a crash: uploads left queued or half-read go back on the queue at once."""
    from django.db import close_old_connections

    close_old_connections()
    actions.recover_uploads(HUEY.pending_count())
