"""``gongkai manage COMMAND ...``: Django's management commands (migrate, createsuperuser...)."""

from __future__ import annotations

import argparse
import importlib


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "manage", help="网站管理命令（migrate、createsuperuser 等）", add_help=False
    )
    parser.add_argument("django_args", nargs=argparse.REMAINDER, help="传给 Django 的命令与参数")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    web_cli = importlib.import_module("gongkai.web.cli")
    result: int = web_cli.manage(args.django_args)
    return result
