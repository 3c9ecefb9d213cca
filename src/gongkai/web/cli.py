"""``gongkai serve`` and ``gongkai manage``: the web system from the command line.

Kept in the web layer so that the CLI modules in gongkai.cli stay free of Django imports (the
architecture test scans them); they reach this module through importlib.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from typing import Any

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
    from pathlib import Path

    from gongkai.web.settings import create_private_file

    create_private_file(Path(path))  # 0600 from creation, as at first start


def check_port_free(host: str, port: int) -> None:
    """Refuse at once, before the database is touched, when the address is taken.

    A trial bind on the address gunicorn will bind (SO_REUSEADDR like gunicorn, so a port left in
    TIME_WAIT by a stopped server counts as free, as it does for gunicorn).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            from gongkai.errors import GongkaiError

            raise GongkaiError(
                f"端口 {port} 已被占用（{host}:{port}：{exc.strerror or exc}），未改动数据库。"
                f"请先停止占用该端口的程序，或改用其他端口：make demo PORT={port + 1}"
                f"（或 gongkai serve --port {port + 1}）"
            ) from exc


def serve(args: argparse.Namespace) -> int:
    """Migrate the database (recreating it with demo data for ``--demo``) and run the server."""
    check_port_free(args.host, args.port)
    if args.demo:
        # The demo city issues letters and publishes annual reports as PDF: without the CJK font
        # the build would fail minutes later, so say so now, before the database is touched.
        from gongkai.report.render import fonts

        fonts.pdf_font_name()
    _allow_host(args.host)
    setup()
    from django.core.management import call_command

    address = f"http://{'127.0.0.1' if args.host in ('0.0.0.0', '::') else args.host}:{args.port}/"
    if args.demo:
        _demo()
    else:
        call_command("migrate", interactive=False, verbosity=0)
    print(f"Gongkai 已启动：{address}  （按 Ctrl+C 停止）")
    sys.stdout.flush()
    consumer = TaskConsumer()
    consumer.start()
    try:
        run_gunicorn(args.host, args.port)
    finally:
        consumer.stop()
    return 0


def _demo() -> None:
    """Recreate the embedded database with the demo city (from its checked snapshot when the code
    and the day are unchanged, else built with a progress bar per stage) and print the accounts."""
    from django.utils import timezone

    from gongkai.web.demo import city, snapshot
    from gongkai.web.demo.progress import RichStages

    reset_embedded_database()
    started = time.monotonic()
    print("正在准备示例数据……", flush=True)
    demo = snapshot.demo_database(timezone.localdate(), progress=RichStages())
    how = "已生成并保存快照" if demo.built else "已从快照载入"
    print(f"示例数据{how}（{time.monotonic() - started:.1f} 秒）：{demo.summary}")
    print(f"演示账号（密码均为 {city.PASSWORD}）：")
    for username, role, agency in demo.accounts:
        print(f"  {username:<14} {role:<8} {agency}")


#: gunicorn's workers: one process per core (2 on the reference machine) unless GONGKAI_WORKERS.
def _workers() -> int:
    return int(os.environ.get("GONGKAI_WORKERS", "0")) or max(2, os.cpu_count() or 1)


def run_gunicorn(host: str, port: int) -> None:
    """Serve gongkai.web.wsgi with gunicorn until stopped (Ctrl+C or SIGTERM).

    gunicorn rather than waitress: waitress is one process, so Python's GIL keeps all of Django on
    one core, while gunicorn pre-forks one worker process per core. The ``gthread`` worker keeps
    idle keep-alive connections in a poller (not a thread each) and queues the rest in the listen
    backlog, so hundreds of concurrent connections are held, not dropped; several processes are
    fine with the embedded SQLite (WAL, BEGIN IMMEDIATE and a 30 s busy timeout; see settings).
    Static files stay with whitenoise, inside the application.
    """
    from django.db import connections
    from gunicorn.app.base import BaseApplication  # type: ignore[import-untyped]
    from gunicorn.glogging import Logger  # type: ignore[import-untyped]

    from gongkai.web.security import MaskPersonalDataFilter
    from gongkai.web.wsgi import application

    class MaskedLogger(Logger):
        """gunicorn's request log with ID and phone numbers masked (query strings included)."""

        def setup(self, cfg: Any) -> None:
            super().setup(cfg)
            for log in (self.access_log, self.error_log):
                log.addFilter(MaskPersonalDataFilter())
                log.propagate = False  # written once, by gunicorn's handler, not again by Django's root

    options = {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": _workers(),
        "worker_class": "gthread",
        "threads": int(os.environ.get("GONGKAI_THREADS", "4")),
        "backlog": 2048,
        "keepalive": 5,
        "timeout": 120,  # a bulk upload of a few hundred reports is read in one request
        "accesslog": "-",
        "logger_class": MaskedLogger,
        "preload_app": True,
    }

    class Server(BaseApplication):
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    # With preload_app the workers are forked from this process: import the URLconf (and with it
    # every view) here, once, rather than in each worker on its first request (0.5 s of CPU each).
    from django.urls import get_resolver

    get_resolver().reverse_dict  # noqa: B018 -- the property builds the resolver's tables
    connections.close_all()  # never share a database connection with the forked workers
    Server().run()


class TaskConsumer:
    """The task queue's consumer (``gongkai manage run_huey``) beside the web server, restarted if
    it dies: with the embedded SQLite queue there is no other process to run the tasks."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="gongkai-task-consumer", daemon=True)

    def start(self) -> None:
        self._spawn()
        self._thread.start()

    def _spawn(self) -> None:
        self._process = subprocess.Popen([sys.executable, "-m", "gongkai", "manage", "run_huey"])

    def _watch(self) -> None:
        while not self._stopping.wait(2):
            if self._process is not None and self._process.poll() is not None and not self._stopping.is_set():
                self._spawn()

    def stop(self) -> None:
        self._stopping.set()
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()


def manage(argv: Sequence[str]) -> int:
    """Pass the arguments to Django's management commands (migrate, createsuperuser...)."""
    setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["gongkai manage", *argv])
    return 0
