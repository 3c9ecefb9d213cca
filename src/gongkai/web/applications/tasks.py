"""The daily reminders as a periodic task of the task queue (huey; see the HUEY setting).

``remind`` puts lapsed 补正 and unpaid-fee cases before the clerk (it closes none), reminds
clerks of cases falling due and runs ``remind_disclosure`` (主动公开, 条例 第二十六条);
``remind_annual_report`` reminds agencies of the annual report due by 31 January (条例 第四十九条).
With ``REDIS_URL`` set, ``gongkai manage run_huey`` runs them every morning. Without it (the
embedded default: huey in immediate mode) no periodic task runs in the web process; schedule the
same two commands with cron (README).
"""

from __future__ import annotations

from django.core.management import call_command
from huey import crontab  # type: ignore[import-untyped]
from huey.contrib.djhuey import db_periodic_task  # type: ignore[import-untyped]

#: In order: refer lapsed cases to the clerk before listing the ones falling due.
DAILY_COMMANDS: tuple[str, ...] = ("remind", "remind_annual_report")


def run_daily_reminders() -> None:
    for command in DAILY_COMMANDS:
        call_command(command)


# huey reads crontabs in UTC by default: 00:30 UTC is 08:30 in China (Asia/Shanghai), after the
# date change there, so the commands' "today" (timezone.localdate) is the new day.
@db_periodic_task(crontab(hour="0", minute="30"), name="daily_reminders")
def daily_reminders() -> None:
    run_daily_reminders()
