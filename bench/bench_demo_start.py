"""How long `make demo` takes until the site answers: cold (no snapshot: the city is built and kept)
and warm (the checked snapshot copied in), each measured from starting `gongkai serve --demo` to the
first page served, in a throw-away data directory. Also the CPU time the server's processes used
(they are stopped right after the first page) and the load average, since the wall-clock figures
mean little on a machine shared with other work.

    .venv/bin/python bench/bench_demo_start.py
"""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def start_until_answering(data_dir: str) -> tuple[float, list[str]]:
    """Seconds from launch to the first page served, and what the command printed."""
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
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read()
                return time.monotonic() - started, lines
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError("\n".join(lines)) from None
                time.sleep(0.1)
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        print("load average before:", " ".join(f"{x:.2f}" for x in os.getloadavg()))
        cpu = children_cpu()
        cold, lines = start_until_answering(data_dir)
        cold_cpu, cpu = children_cpu() - cpu, children_cpu()
        print("\n".join(lines))
        print(f"cold (built, snapshot saved): {cold:.1f} s to the first page, {cold_cpu:.1f} s CPU")
        warm, lines = start_until_answering(data_dir)
        warm_cpu = children_cpu() - cpu
        print(lines[1] if len(lines) > 1 else "")
        print(f"warm (snapshot copied in):    {warm:.1f} s to the first page, {warm_cpu:.1f} s CPU")
        print("load average after:", " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
