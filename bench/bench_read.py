"""Reading speed per format on one core, and a batch of 10,000 mixed reports in bounded memory.

Run: ``.venv/bin/python bench/bench_read.py [--per-format N] [--batch 10000] [--workers W]``

Part 1 renders ``--per-format`` distinct generated reports (``gongkai.report.samples``) with
Gongkai's renderers (DOCX, HTML, XLSX, PDF), as JSON, as text copied out of the HTML (one cell per
line) and as a Markdown table, then times ``read_bytes`` on them in this one process. Reported:
reports per second of CPU time (the machine is shared, so wall time is noisier) against the
targets of issue 3: text and HTML >= 100/s, DOCX >= 30/s, PDF >= 10/s.

Part 1b (``--damaged N``, issue 13) damages N generated reports in each way of
``tests/support/damage.py`` and reports the share of cells read right, the wrong values (the target
is none) and the reading speed. For a cut text, the share counts the cells whose line the cut left.

Part 2 writes ``--batch`` files of mixed formats into a temporary folder (rendered documents are
reused under new names: rendering 10,000 DOCX and PDF would take longer than reading them) and runs
``check_paths`` on it, reporting wall time, files per second, and the peak resident memory of the
parent process and of the largest worker (``ru_maxrss``) -- the "bounded memory" of issue 3.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "fuzz"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fuzz_inputs import markdown_of, text_of_html

from gongkai.errors import ReportFormatError
from gongkai.report import jsonio
from gongkai.report.batch import check_paths
from gongkai.report.model import AnnualReport, Template
from gongkai.report.read import read_bytes
from gongkai.report.render import render
from gongkai.report.samples import balanced_report
from support.damage import KINDS, damage, one_cell_per_line, page_items

TARGETS = {"text": 100, "html": 100, "docx": 30, "pdf": 10}
EXTENSIONS = {
    "text": "txt",
    "markdown": "md",
    "html": "html",
    "docx": "docx",
    "xlsx": "xlsx",
    "pdf": "pdf",
    "json": "json",
}
#: Share of each format in the mixed batch (roughly what a supervisor receives: mostly web pages and PDF).
MIX = {"json": 0.2, "html": 0.25, "text": 0.15, "markdown": 0.05, "docx": 0.15, "xlsx": 0.05, "pdf": 0.15}


def generated(n: int, seed: int = 0) -> list[AnnualReport]:
    rng = random.Random(seed)
    reports = []
    for i in range(n):
        template = Template.Y2019 if i % 5 == 4 else Template.Y2021
        year = rng.randint(2019, 2020) if template is Template.Y2019 else rng.randint(2021, 2025)
        reports.append(
            balanced_report(rng.randrange(10**9), agency=f"示例市第{i}局", year=year, template=template)
        )
    return reports


def as_format(report: AnnualReport, fmt: str) -> bytes:
    if fmt == "json":
        return jsonio.dumps(report).encode()
    if fmt == "text":
        return text_of_html(render(report, "html")).encode()
    if fmt == "markdown":
        return markdown_of(report).encode()
    return render(report, fmt)


def per_format(n: int, formats: list[str] | None = None) -> dict[str, list[bytes]]:
    reports = generated(n)
    print(f"## Reading one report, per format ({n} distinct generated reports each, one process)\n")
    print("| format | reports/s (CPU) | reports/s (wall) | ms per report | target | read back exactly |")
    print("|---|---:|---:|---:|---:|---|")
    inputs: dict[str, list[bytes]] = {}
    for fmt in formats or EXTENSIONS:
        files = [as_format(r, fmt) for r in reports]
        inputs[fmt] = files
        exact = 0
        cpu, wall = time.process_time(), time.perf_counter()
        read = [read_bytes(data) for data in files]
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        for original, back in zip(reports, read, strict=True):
            cells = dict(original.cells()) if fmt != "markdown" else None
            if cells is None:  # the Markdown seed holds table 3 only
                exact += all(
                    v == back.table3.cell(*p.split(".")[1:])
                    for p, v in original.cells()
                    if p.startswith("table3")
                )
            else:
                exact += cells == dict(back.cells())
        target = TARGETS.get(fmt)
        print(
            f"| {fmt} | {n / cpu:.0f} | {n / wall:.0f} | {1000 * cpu / n:.1f} | "
            f"{f'≥ {target}' if target else ''} | {exact}/{n} |",
            flush=True,
        )
    return inputs


def damaged(n: int) -> None:
    """Issue 13: share of cells recovered per kind of damage (tests/support/damage.py), wrong values,
    and reading speed on the damaged text."""
    reports = generated(n, seed=13)
    print(f"\n## Damaged reports ({n} generated reports per kind of damage, one process)\n")
    print("| damage | cells | recovered | wrong | not read as a report | reports/s (CPU) |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind in KINDS:
        texts = [damage(r, kind, random.Random(i)).encode() for i, r in enumerate(reports)]
        cells = recovered = wrong = refused = 0
        cpu = time.process_time()
        backs = []
        for data in texts:
            try:
                backs.append(read_bytes(data))
            except ReportFormatError:
                backs.append(None)
        cpu = time.process_time() - cpu
        for report, back, data in zip(reports, backs, texts, strict=True):
            present = _present_before_cut(report, data) if kind == "cut" else None
            got = dict(back.cells()) if back is not None else {}
            refused += back is None
            for path, value in report.cells():
                if value is None or (present is not None and path not in present):
                    continue
                cells += 1
                recovered += got.get(path) == value
                wrong += got.get(path) is not None and got.get(path) != value
        print(
            f"| {kind} | {cells} | {100 * recovered / cells:.2f}% | {wrong} | {refused} | {n / cpu:.0f} |",
            flush=True,
        )


def _present_before_cut(report: AnnualReport, data: bytes) -> set[str]:
    """The cells whose whole line comes before the cut (what a cut text still holds)."""
    full = read_bytes(one_cell_per_line(page_items(report)).encode())
    complete = data.decode().count("\n")
    return {p for p, s in full.provenance.items() if s.line is not None and s.line <= complete}


class RssSampler(threading.Thread):
    """The largest current resident set size of this process while it runs (Linux /proc), in KiB.

    ``ru_maxrss`` is the peak of the whole process life, which here includes rendering the inputs;
    sampling during the batch shows what the batch itself holds.
    """

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_kib = 0
        self._done = threading.Event()

    @staticmethod
    def current_kib() -> int:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def run(self) -> None:
        while not self._done.wait(0.2):
            self.peak_kib = max(self.peak_kib, self.current_kib())

    def stop(self) -> int:
        self._done.set()
        self.join()
        return self.peak_kib


def batch(total: int, inputs: dict[str, list[bytes]], workers: int | None) -> None:
    folder = Path(tempfile.mkdtemp(prefix="gongkai-bench-batch-"))
    try:
        rng = random.Random(1)
        formats = list(MIX)
        weights = [MIX[f] for f in formats]
        counts: dict[str, int] = dict.fromkeys(formats, 0)
        for i in range(total):
            fmt = rng.choices(formats, weights)[0]
            counts[fmt] += 1
            sub = folder / f"{i // 1000:02d}"
            sub.mkdir(exist_ok=True)
            (sub / f"{i:05d}.{EXTENSIONS[fmt]}").write_bytes(rng.choice(inputs[fmt]))
        mix = ", ".join(f"{f} {c}" for f, c in counts.items())
        print(f"\n## Batch of {total} mixed files through check_paths ({mix})\n")
        before = RssSampler.current_kib()
        sampler = RssSampler()
        sampler.start()
        started = time.perf_counter()
        result = check_paths([folder], workers=workers, progress=sys.stderr.isatty())
        wall = time.perf_counter() - started
        parent = sampler.stop()
        print(
            "| files | workers | wall time (s) | files/s | readable | parent RSS during the batch, peak (MB) "
            "| largest worker peak RSS (MB) |"
        )
        print("|---:|---:|---:|---:|---:|---:|---:|")
        print(
            f"| {len(result.files)} | {result.workers} | {wall:.0f} | {len(result.files) / wall:.0f} | "
            f"{result.readable} | {parent / 1024:.0f} (before the batch: {before / 1024:.0f}) | "
            f"{result.worker_peak_rss_kib / 1024:.0f} |"
        )
        failures = [f for f in result.files if f.failure is not None]
        if failures:
            print(f"\nunreadable: {len(failures)}, e.g. {failures[0].path}: {failures[0].error}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-format", type=int, default=40, help="distinct reports per format")
    parser.add_argument("--batch", type=int, default=10_000, help="files in the mixed batch (0: skip)")
    parser.add_argument("--damaged", type=int, default=200, help="reports per kind of damage (0: skip)")
    parser.add_argument("--formats-only", nargs="*", default=None, help="formats of part 1 (default: all)")
    parser.add_argument(
        "--workers", type=int, default=None, help="batch worker processes (default: all cores)"
    )
    args = parser.parse_args()
    warnings.filterwarnings("ignore", module="openpyxl")
    inputs = per_format(args.per_format, args.formats_only)
    if args.damaged:
        damaged(args.damaged)
    if args.batch:
        batch(args.batch, inputs, args.workers)


if __name__ == "__main__":
    main()
