"""Speed of the renderers: milliseconds per report for DOCX, HTML, XLSX and PDF.

Issue 2 asks bench/ to measure render time per format; issue 3's readers use these renderers
to build test documents in bulk, so their cost per report matters there too. Each format
renders N generated reports (both templates, with narrative); the median, the fastest and
the slowest time per report are printed, with the median size of the output.

Run: .venv/bin/python bench/bench_render.py [N]   (default N = 30)
"""

from __future__ import annotations

import statistics
import sys
import time

from gongkai.report.model import Template
from gongkai.report.render import OutputFormat, render
from gongkai.report.render.fonts import cjk_font_available
from gongkai.report.samples import balanced_report


def main(n: int) -> None:
    reports = [
        balanced_report(seed, template=Template.Y2019 if seed % 4 == 0 else Template.Y2021)
        for seed in range(n)
    ]
    print(f"{n} generated reports (every 4th in the 2019 layout), one warm-up render per format first")
    print(f"{'format':<6} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'reports/s':>10} {'median KB':>10}")
    for fmt in OutputFormat:
        if fmt is OutputFormat.PDF and not cjk_font_available():
            print("pdf    skipped: no CJK TrueType font (apt-get install fonts-wqy-zenhei)")
            continue
        render(reports[0], fmt)  # imports and font registration are not part of a report's cost
        times, sizes = [], []
        for report in reports:
            start = time.perf_counter()
            data = render(report, fmt)
            times.append((time.perf_counter() - start) * 1000)
            sizes.append(len(data) / 1024)
        median = statistics.median(times)
        print(
            f"{fmt.value:<6} {median:10.1f} {min(times):8.1f} {max(times):8.1f} "
            f"{1000 / median:10.1f} {statistics.median(sizes):10.1f}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
