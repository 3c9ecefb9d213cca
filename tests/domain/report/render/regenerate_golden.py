"""Rewrite the golden files: each fixed report as JSON (the input) and its tables as printed.

The input is kept as JSON so that a change in the sample generator does not move the goldens;
the text is the HTML output's tables. Run after a deliberate change of the printed layout, then
review the diff:
    .venv/bin/python tests/domain/report/render/regenerate_golden.py
"""

from __future__ import annotations

from render_readback import GOLDEN_DIR, dump_tables, golden_reports, html_grids

from gongkai.report import jsonio
from gongkai.report.render import render

if __name__ == "__main__":
    GOLDEN_DIR.mkdir(exist_ok=True)
    for name, report in golden_reports().items():
        source = GOLDEN_DIR / f"{name}.json"
        source.write_text(jsonio.dumps(report) + "\n", encoding="utf-8")
        path = GOLDEN_DIR / f"{name}.txt"
        path.write_text(dump_tables(html_grids(render(report, "html"))), encoding="utf-8")
        print(f"wrote {source} and {path}")
