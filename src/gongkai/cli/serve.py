"""``gongkai serve [--demo] [--host H] [--port P]``: start the web system."""

from __future__ import annotations

import argparse
import importlib


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("serve", help="启动网站（--demo 使用示例数据）")
    parser.add_argument("--demo", action="store_true", help="重建内置数据库并写入示例数据")
    parser.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
    parser.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # The web layer is imported lazily by name: the domain core and its CLI never import Django.
    web_cli = importlib.import_module("gongkai.web.cli")
    result: int = web_cli.serve(args)
    return result
