"""``gongkai fee --pages N`` / ``gongkai fee --monthly-count N``: the 信息处理费 of one application.

``--pages N``: one application delivered as N pages (按量计收); ``--monthly-count N``: the
applicant's N-th application to the agency in a calendar month (按件计收). The amount comes from
:func:`gongkai.fees.quote`; this module only reads arguments and prints.
"""

from __future__ import annotations

import argparse
import json
import sys

from gongkai.cli import EXIT_OK
from gongkai.fees import FeeMethod, quote


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"数量不能为负数（{value}）")
    return value


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "fee",
        help="计算信息处理费",
        description="按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）计算一件申请的信息处理费（超额累进）。",
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--pages", type=_count, metavar="N", help="按量计收：一件申请提供 N 页")
    which.add_argument(
        "--monthly-count", type=_count, metavar="N", help="按件计收：申请人本自然月的第 N 件申请"
    )
    parser.add_argument("--json", action="store_true", help="输出 JSON：method、quantity、fee_yuan")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.pages is not None:
        result = quote(FeeMethod.PER_PAGE, args.pages)
    else:
        result = quote(FeeMethod.PER_APPLICATION, args.monthly_count)
    if args.json:
        payload = {"method": str(result.method), "quantity": result.quantity, "fee_yuan": str(result.amount)}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(result.describe() + "\n")
    return EXIT_OK
