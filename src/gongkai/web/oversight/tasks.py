"""Tasks on the queue (huey; see the HUEY setting): reading and checking one uploaded report each.

One task per file, so that a bulk upload of hundreds of reports is spread over the consumer's
workers and one unreadable file never holds up or fails the others. A task that raises (the
database locked or gone for a moment) is retried; an upload whose task was lost altogether is
re-queued by ``actions.recover_uploads``, at the consumer's start and every minute
(``oversight.recovery``, kept apart because the actions enqueue this module's task).
"""

from __future__ import annotations

from huey.contrib.djhuey import db_task  # type: ignore[import-untyped]

from gongkai.web.oversight.checking import check_upload_now


@db_task(retries=2, retry_delay=10)
def check_upload(upload_id: int) -> None:
    check_upload_now(upload_id)
