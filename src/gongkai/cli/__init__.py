"""The ``gongkai`` command line: each subcommand wraps one domain function.

Every module in this package that defines ``register(subparsers)`` contributes subcommands, so a
new command is a new file and nothing else changes. Errors reach the user as plain Chinese on
stderr with exit status 2 -- never a traceback (set ``GONGKAI_DEBUG=1`` to see one).
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from typing import Any

from gongkai import __version__
from gongkai.cli._argparse_zh import chinese_argparse
from gongkai.errors import GongkaiError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2


class _HelpFormatter(argparse.HelpFormatter):
    """Section headings end with a full-width colon (位置参数：), as Chinese text does.

    argparse appends an ASCII ":" to every heading itself (HelpFormatter._Section, not a
    translatable message), so the headings this formatter was given are ended anew."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._headings: list[str] = []

    def start_section(self, heading: str | None) -> None:
        if heading:
            self._headings.append(heading)
        super().start_section(heading)

    def format_help(self) -> str:
        text = super().format_help()
        for heading in self._headings:
            text = text.replace(f"{heading}:\n", f"{heading}：\n")
        return text


class _Parser(argparse.ArgumentParser):
    """argparse with usage errors in Chinese and exit status 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_UNREADABLE, f"gongkai：参数错误：{message}\n")


def register_all(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], package: str) -> None:
    """Let every module of ``package`` that has ``register(subparsers)`` add its subcommands."""
    paths = importlib.import_module(package).__path__
    for module_info in sorted(pkgutil.iter_modules(paths), key=lambda m: m.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package}.{module_info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)


def add_command_group(
    parser: argparse.ArgumentParser, dest: str
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser] = parser.add_subparsers(
        dest=dest, metavar="命令", parser_class=_Parser
    )
    subparsers.required = True
    return subparsers


def build_parser() -> argparse.ArgumentParser:
    """The ``gongkai`` parser; argparse's own words (group titles, help line) in Chinese."""
    with chinese_argparse():
        parser = _Parser(prog="gongkai", description="Gongkai 政府信息公开工作工具")
        parser.add_argument(
            "--version", action="version", version=f"gongkai {__version__}", help="显示版本号并退出"
        )
        register_all(add_command_group(parser, "command"), __name__)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    with chinese_argparse():  # usage errors and --help are printed while parsing
        args = parser.parse_args(argv)
    try:
        result: int = args.handler(args)
        return result
    except GongkaiError as exc:
        print(f"gongkai：{exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        print("gongkai：已中断", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("GONGKAI_DEBUG"):
            raise
        print(
            f"gongkai：内部错误：{type(exc).__name__}: {exc}（设置 GONGKAI_DEBUG=1 可查看详细信息）",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
