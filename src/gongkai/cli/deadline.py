"""``gongkai deadline RECEIVED_DATE [--paused FROM:TO]... [--json]``: the statutory clock.

Prints the 补正-notice due date, the reply due date and the latest extended due date of an
application received on RECEIVED_DATE, skipping the working days of every ``--paused`` range
(consultation under 条例 第三十二条、第三十四条, or a fee notice). The arithmetic is
:func:`gongkai.deadlines.compute_deadlines`; this module only reads arguments and prints.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from gongkai.calendar import UnknownCalendarYear, WorkingCalendar
from gongkai.cli import EXIT_OK, EXIT_UNREADABLE
from gongkai.deadlines import (
    CORRECTION_NOTICE_WORKING_DAYS,
    EXTENSION_MAX_WORKING_DAYS,
    REPLY_WORKING_DAYS,
    Pause,
    compute_deadlines,
)
from gongkai.errors import GongkaiError


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"无法识别的日期“{text}”，请写作 YYYY-MM-DD，例如 2026-03-02"
        ) from None


def _pause(text: str) -> Pause:
    first, sep, last = text.partition(":")
    if not sep:
        raise argparse.ArgumentTypeError(f"暂停区间“{text}”应写作 FROM:TO，例如 2026-03-09:2026-03-20")
    try:
        return Pause(_iso_date(first), _iso_date(last))
    except GongkaiError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "deadline",
        help="计算依申请公开的答复期限",
        description="按工作日计算补正告知期限、答复期限和延长后的最迟答复期限（收到申请之日不计入）。",
    )
    parser.add_argument(
        "received", type=_iso_date, metavar="RECEIVED_DATE", help="收到申请之日（YYYY-MM-DD）"
    )
    parser.add_argument(
        "--paused",
        type=_pause,
        action="append",
        default=[],
        metavar="FROM:TO",
        help="不计入答复期限的时间段（含首尾两日），如征求第三方意见期间；可重复",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="输出 JSON：received、reply_due、correction_notice_due、extended_due",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    deadlines = compute_deadlines(args.received, WorkingCalendar.official(), pauses=args.paused)
    if args.json:
        if deadlines.extended_due is None:
            raise UnknownCalendarYear(deadlines.unknown_year or deadlines.reply_due.year + 1)
        payload = {
            "received": deadlines.received.isoformat(),
            "reply_due": deadlines.reply_due.isoformat(),
            "correction_notice_due": deadlines.correction_notice_due.isoformat(),
            "extended_due": deadlines.extended_due.isoformat(),
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
        return EXIT_OK
    lines = [
        f"收到申请之日：{deadlines.received.isoformat()}",
        f"补正告知期限：{deadlines.correction_notice_due.isoformat()}"
        f"（{CORRECTION_NOTICE_WORKING_DAYS}个工作日，条例第三十条）",
        f"答复期限：{deadlines.reply_due.isoformat()}（{REPLY_WORKING_DAYS}个工作日，条例第三十三条第二款）",
    ]
    if deadlines.paused_working_days:
        lines.append(f"不计入期限的工作日：{deadlines.paused_working_days}天（条例第三十三条第三款）")
    if deadlines.extended_due is not None:
        lines.append(
            f"延长后最迟答复期限：{deadlines.extended_due.isoformat()}"
            f"（经负责人同意最长延长{EXTENSION_MAX_WORKING_DAYS}个工作日）"
        )
    sys.stdout.write("\n".join(lines) + "\n")
    if deadlines.extended_due is None:
        # The known dates are printed; the one that needs an unentered year is an error.
        missing = UnknownCalendarYear(deadlines.unknown_year or deadlines.reply_due.year + 1)
        print(f"gongkai：延长后最迟答复期限无法计算：{missing}", file=sys.stderr)
        return EXIT_UNREADABLE
    return EXIT_OK
