"""``gongkai deadline RECEIVED_DATE [--paused FROM:TO]... [--json]``: the statutory clock.

Prints the 补正-notice due date, the reply due date and the latest extended due date of an
application received on RECEIVED_DATE, skipping the working days of every ``--paused`` range
(consultation under 条例 第三十二条、第三十四条, or a fee notice). Dates that need a year whose
holidays are not entered yet are named on stderr (exit status 2) after the dates that can be
computed. The arithmetic is :func:`gongkai.deadlines.deadlines_as_far_as_known`; this module only
reads arguments and prints.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from gongkai.calendar import Unknown, UnknownCalendarYear, WorkingCalendar
from gongkai.cli import EXIT_OK, EXIT_UNREADABLE
from gongkai.deadlines import (
    CORRECTION_NOTICE_WORKING_DAYS,
    EXTENSION_MAX_WORKING_DAYS,
    REPLY_WORKING_DAYS,
    Pause,
    deadlines_as_far_as_known,
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
    known = deadlines_as_far_as_known(args.received, WorkingCalendar.official(), pauses=args.paused)
    if isinstance(known.correction_notice_due, Unknown) or (args.json and known.missing_years):
        # Nothing to show, or JSON that would be partial: the missing year is the error.
        raise UnknownCalendarYear(known.missing_years[0])
    if args.json:
        complete = known.deadlines
        assert complete is not None and complete.extended_due is not None  # missing_years == ()
        payload = {
            "received": complete.received.isoformat(),
            "reply_due": complete.reply_due.isoformat(),
            "correction_notice_due": complete.correction_notice_due.isoformat(),
            "extended_due": complete.extended_due.isoformat(),
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
        return EXIT_OK
    lines = [
        f"收到申请之日：{known.received.isoformat()}",
        f"补正告知期限：{known.correction_notice_due.isoformat()}"
        f"（{CORRECTION_NOTICE_WORKING_DAYS}个工作日，条例第三十条）",
    ]
    unknown = []
    if isinstance(known.reply_due, Unknown):
        unknown.append("答复期限")
    else:
        lines.append(
            f"答复期限：{known.reply_due.isoformat()}（{REPLY_WORKING_DAYS}个工作日，条例第三十三条第二款）"
        )
        if known.deadlines is not None and known.deadlines.paused_working_days:
            days = known.deadlines.paused_working_days
            lines.append(f"不计入期限的工作日：{days}天（条例第三十三条第三款）")
    if isinstance(known.extended_due, Unknown):
        unknown.append("延长后最迟答复期限")
    else:
        lines.append(
            f"延长后最迟答复期限：{known.extended_due.isoformat()}"
            f"（经负责人同意最长延长{EXTENSION_MAX_WORKING_DAYS}个工作日）"
        )
    sys.stdout.write("\n".join(lines) + "\n")
    if unknown:
        # The known dates are printed; the ones that need an unentered year are an error.
        missing = UnknownCalendarYear(known.missing_years[0])
        print(f"gongkai：{'、'.join(unknown)}无法计算：{missing}", file=sys.stderr)
        return EXIT_UNREADABLE
    return EXIT_OK
