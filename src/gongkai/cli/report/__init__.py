"""``gongkai report ...``: read, check, render and export annual reports.

Each module here defines ``register(subparsers)`` for one ``report`` subcommand.
"""

from __future__ import annotations

import argparse

from gongkai.cli import add_command_group, register_all


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("report", help="年度报告：解析、检查、生成")
    register_all(add_command_group(parser, "report_command"), __name__)
