"""Speed of the reply workflow (issue 6): issuing letters and the case page with the reply panel.

Creates a throwaway SQLite database in a temporary data directory, one agency with a clerk and a
reviewer, and N applications. Each is drafted, submitted, approved and issued through the real
actions (gongkai.web.replies.actions), so an issue includes the 文号 sequence, composing the letter
from the agency template, rendering DOCX and PDF, the SHA-256 digests and the audit rows. Then the
case page of an issued case and of a case under review (letter preview) is fetched through
Django's test client. Needs a CJK TrueType font for the PDF.

Run: .venv/bin/python bench/bench_replies.py [N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime

import webbench


def _setup(n: int) -> tuple[object, object, list[object]]:
    from django.utils import timezone

    from gongkai.web.accounts.models import Agency, Membership, User
    from gongkai.web.applications import actions as app_actions

    office = Agency.objects.create(name="示例市人民政府办公室", short_name="示政办")
    science = Agency.objects.create(name="平湖市科学技术局", short_name="平科", parent=office)
    clerk = User.objects.create_user(username="clerk", password="x")
    reviewer = User.objects.create_user(username="reviewer", password="x")
    Membership.objects.create(user=clerk, agency=science, role="clerk")
    Membership.objects.create(user=reviewer, agency=science, role="reviewer")
    at = timezone.make_aware(datetime(2026, 3, 2, 10))
    apps = []
    for _ in range(n):
        app = app_actions.do_submit_application(
            science,
            {
                "applicant_type": "natural",
                **webbench.APPLICANT,
                "description": "2025年度科技项目补助资金分配结果",
            },
            channel="online",
            submitted_at=at,
            arrived_on=date(2026, 3, 2),  # received that day (online: confirmed at once)
        ).application
        apps.append(app_actions.do_assign_application(app, clerk, acting_user=clerk))
    return clerk, reviewer, apps


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=50)
    args = parser.parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai.web.settings"
    os.environ.pop("DATABASE_URL", None)
    tmp = tempfile.TemporaryDirectory(prefix="gongkai-bench-")
    os.environ["GONGKAI_DATA_DIR"] = tmp.name
    try:
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from gongkai.web.replies import actions

        clerk, reviewer, apps = _setup(args.n)
        draft = actions.DraftData(
            outcome="granted",
            ground="disclosable",
            information_provided="《平湖市2025年度科技项目补助资金分配结果》全文",
            delivery_how="以电子邮件发送",
            reconsideration_body="平湖市人民政府",
        )
        day = date(2026, 3, 10)
        steps: dict[str, list[float]] = {"save draft": [], "submit": [], "approve": [], "issue": []}
        for app in apps:
            for label, call in (
                (
                    "save draft",
                    lambda a=app: actions.do_save_reply_draft(a, draft, on=day, acting_user=clerk),
                ),
                ("submit", lambda a=app: actions.do_submit_reply_for_review(a, on=day, acting_user=clerk)),
                ("approve", lambda a=app: actions.do_approve_reply(a, on=day, acting_user=reviewer)),
                ("issue", lambda a=app: actions.do_issue_reply_letter(a, issued_on=day, acting_user=clerk)),
            ):
                start = time.perf_counter()
                call()
                steps[label].append((time.perf_counter() - start) * 1000)
        print(f"database: {connection.vendor}; {args.n} replies, each drafted, submitted, approved, issued")
        print(f"{'action':<16}{'median ms':>10}{'min ms':>9}{'max ms':>9}")
        for label, times in steps.items():
            print(f"{label:<16}{statistics.median(times):10.1f}{min(times):9.1f}{max(times):9.1f}")

        # The case page: one issued case, and one under review (the preview composes the letter).
        pending = _setup_pending(clerk, draft, day)
        for who, user, app in (("issued case", clerk, apps[0]), ("under review", reviewer, pending)):
            client = Client()
            client.force_login(user)
            url = f"/work/cases/{app.pk}/"  # type: ignore[attr-defined]
            assert client.get(url).status_code == 200
            times = []
            for _ in range(20):
                start = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            print(
                f"GET case page, {who:<13} median {statistics.median(times):6.1f} ms, "
                f"max {max(times):6.1f} ms, {len(queries)} queries"
            )
        connection.close()
    finally:
        tmp.cleanup()
    return 0


def _setup_pending(clerk: object, draft: object, day: date) -> object:
    from gongkai.web.accounts.models import Agency
    from gongkai.web.applications import actions as app_actions
    from gongkai.web.replies import actions

    science = Agency.objects.get(short_name="平科")
    app = app_actions.do_submit_application(
        science,
        {
            "applicant_type": "natural",
            **webbench.APPLICANT,
            "name": "李四",
            "description": "2026年度项目申报指南",
        },
        channel="online",
        submitted_at=datetime.now().astimezone(),
        arrived_on=date(2026, 3, 2),
    ).application
    app = app_actions.do_assign_application(app, clerk, acting_user=clerk)
    actions.do_save_reply_draft(app, draft, on=day, acting_user=clerk)  # type: ignore[arg-type]
    actions.do_submit_reply_for_review(app, on=day, acting_user=clerk)  # type: ignore[arg-type]
    return app


if __name__ == "__main__":
    sys.exit(main())
