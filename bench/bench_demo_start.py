"""How long `make demo` takes until the site answers: cold (no snapshot: the city is built and kept)
and warm (the checked snapshot copied in), each measured from starting `gongkai serve --demo` to the
first page served (``/``) and to a logged-in page (a clerk's queue, after logging in through the
login form), in a throw-away data directory. Also the CPU time the server's processes used
(they are stopped right after the first page) and the load average, since the wall-clock figures
mean little on a machine shared with other work.

    .venv/bin/python bench/bench_demo_start.py
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

#: The account the bench logs in with (a clerk of 平湖市科学技术局, printed by ``serve --demo``).
CLERK = "kj_clerk"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def logged_in_page(base: str, password: str) -> str:
    """Log in as :data:`CLERK` through the login form and return the page it leads to."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    form = opener.open(f"{base}login/", timeout=30).read().decode()
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    assert found is not None, "no CSRF token on the login page"
    fields = {"username": CLERK, "password": password, "csrfmiddlewaretoken": found.group(1)}
    with opener.open(f"{base}login/", urllib.parse.urlencode(fields).encode(), timeout=60) as response:
        page: str = response.read().decode()
        assert response.status == 200 and not response.url.endswith("/login/"), response.url
    assert ">退出</button>" in page, "the page after logging in offers no 退出: not logged in"
    return page


def start_until_answering(data_dir: str) -> tuple[float, float, list[str]]:
    """Seconds from launch to the first page served and to a logged-in page, and what the command
    printed."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["GONGKAI_DATA_DIR"] = data_dir
    started = time.monotonic()
    server = subprocess.Popen(
        [sys.executable, "-m", "gongkai", "serve", "--demo", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    lines = []
    try:
        assert server.stdout is not None
        for line in server.stdout:
            lines.append(line.rstrip())
            if "已启动" in line:
                break
        base = f"http://127.0.0.1:{port}/"
        while True:
            try:
                urllib.request.urlopen(base, timeout=5).read()
                first = time.monotonic() - started
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError("\n".join(lines)) from None
                time.sleep(0.1)
        password = next(m.group(1) for line in lines if (m := re.search(r"密码均为 (\S+?)）", line)))
        logged_in_page(base, password)
        return first, time.monotonic() - started, lines
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        print("load average before:", " ".join(f"{x:.2f}" for x in os.getloadavg()))
        cpu = children_cpu()
        cold, cold_in, lines = start_until_answering(data_dir)
        cold_cpu, cpu = children_cpu() - cpu, children_cpu()
        print("\n".join(lines))
        print(
            f"cold (built, snapshot saved): {cold:.1f} s to the first page, {cold_in:.1f} s to a "
            f"logged-in page, {cold_cpu:.1f} s CPU"
        )
        warm, warm_in, lines = start_until_answering(data_dir)
        warm_cpu = children_cpu() - cpu
        print(lines[1] if len(lines) > 1 else "")
        print(
            f"warm (snapshot copied in):    {warm:.1f} s to the first page, {warm_in:.1f} s to a "
            f"logged-in page, {warm_cpu:.1f} s CPU"
        )
        print("load average after:", " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
