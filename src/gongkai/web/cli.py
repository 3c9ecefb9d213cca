"""``gongkai serve`` and ``gongkai manage``: the web system from the command line.

Kept in the web layer so that the CLI modules in gongkai.cli stay free of Django imports (the
architecture test scans them); they reach this module through importlib.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

SETTINGS = "gongkai.web.settings"


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    import django

    django.setup()


def _allow_host(host: str) -> None:
    hosts = os.environ.get("GONGKAI_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
    if host not in hosts.split(","):
        os.environ["GONGKAI_ALLOWED_HOSTS"] = f"{hosts},{host}"


def reset_embedded_database() -> None:
    """Delete the default SQLite database (``--demo`` starts from a clean one)."""
    from django.conf import settings
    from django.db import connections

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        from gongkai.errors import GongkaiError

        raise GongkaiError("--demo 只重建内置的 SQLite 数据库；已设置 DATABASE_URL 时请去掉 --demo")
    connections.close_all()
    path = settings.DATABASES["default"]["NAME"]
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")


def serve(args: argparse.Namespace) -> int:
    """Migrate the database (recreating it with demo data for ``--demo``) and run the server."""
    _allow_host(args.host)
    setup()
    from django.core.management import call_command

    if args.demo:
        reset_embedded_database()
    call_command("migrate", interactive=False, verbosity=0)
    address = f"http://{'127.0.0.1' if args.host in ('0.0.0.0', '::') else args.host}:{args.port}/"
    if args.demo:
        from gongkai.web.demo import city as demo

        accounts = demo.build()
        print(f"示例数据已生成：{demo.summary()}")
        print(f"演示账号（密码均为 {demo.PASSWORD}）：")
        for username, role, agency in accounts:
            print(f"  {username:<14} {role:<8} {agency}")
    print(f"Gongkai 已启动：{address}  （按 Ctrl+C 停止）")
    sys.stdout.flush()
    # Django's development server with whitenoise serving static files: fine for the demo and a
    # single office; production runs gongkai.web.wsgi under a WSGI server.
    call_command("runserver", f"{args.host}:{args.port}", use_reloader=False, use_threading=True)
    return 0


def manage(argv: Sequence[str]) -> int:
    """Pass the arguments to Django's management commands (migrate, createsuperuser...)."""
    setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["gongkai manage", *argv])
    return 0
