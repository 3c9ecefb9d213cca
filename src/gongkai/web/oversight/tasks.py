"""Tasks on the queue (huey; see the HUEY setting): reading and checking one uploaded report each.

One task per file, so that a bulk upload of hundreds of reports is spread over the consumer's
workers and one unreadable file never holds up or fails the others.
"""

from __future__ import annotations

from huey.contrib.djhuey import db_task  # type: ignore[import-untyped]

from gongkai.web.oversight.checking import check_upload_now


@db_task()
def check_upload(upload_id: int) -> None:
    check_upload_now(upload_id)
