"""The PDFs as pages (issue 17, point 16): reply letters and annual reports rendered, read back
and rasterised to PNG for looking at them.

    .venv/bin/python bench/bench_pdf_pages.py [-o var/pdf-pages] [--letters 24] [--reports 8]

Letters: a 部分公开 reply (tests/domain/letters/letter_facts.py) whose request grows by about one
line per letter, so that the end of the body passes through the bottom of page 1, half of them
with two attachments. Reports: generated annual reports (both templates), some with a longer
总体情况 that moves table 三 down the page. For every PDF it reads the lines back with pdfplumber
and counts

- 落款 not on the page of the body's last two lines (must be 0),
- lines that start with closing or end with opening punctuation (must be 0),
- pages other than the last filled to less than two thirds of the text block (must be 0),

writes every page as PNG (pypdfium2, 1.5x) to the output folder and prints the time per PDF for
rendering, reading back and rasterising.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pypdfium2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "domain" / "letters"))

from letter_facts import complete_facts  # type: ignore[import-not-found]  # noqa: E402

from gongkai.letters import Letter, LetterKind, compose, render_pdf  # noqa: E402
from gongkai.report.model import AnnualReport, Template  # noqa: E402
from gongkai.report.render import render  # noqa: E402
from gongkai.report.render.linebreak import CANNOT_END, CANNOT_START  # noqa: E402
from gongkai.report.render.pdf import FRAME_HEIGHT, LINE_PITCH, MARGIN_BOTTOM, MARGIN_TOP  # noqa: E402
from gongkai.report.samples import balanced_report  # noqa: E402

ATTACHMENTS = ("2025年度县级科技计划项目资金分配明细表", "平阳县科技计划项目管理办法（2024年修订）")
PAGE_HEIGHT = 842.0


def letters(count: int) -> list[Letter]:
    made = []
    for n in range(count):
        request = "2025年度县级科技计划项目资金分配明细表" + "，以及相关项目的立项批复、资金拨付凭证" * (
            n // 2
        )
        facts = complete_facts(
            LetterKind.PARTIAL, request_description=request, attachments=ATTACHMENTS if n % 2 else ()
        )
        made.append(compose(LetterKind.PARTIAL, facts))
    return made


def reports(count: int) -> list[AnnualReport]:
    made = []
    for n in range(count):
        report = balanced_report(n, template=Template.Y2019 if n % 4 == 3 else Template.Y2021)
        if n % 2 and report.sections:
            first, *rest = report.sections
            longer = replace(first, text=first.text + "本机关持续推进政务公开标准化规范化建设。" * (3 * n))
            report = replace(report, sections=(longer, *rest))
        made.append(report)
    return made


def read_lines(data: bytes) -> list[tuple[int, str]]:
    """(page, text) of every line of body text (not table cells, not the page number)."""
    found = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            boxes = [t.bbox for t in page.find_tables()]

            def body(obj: dict[str, float], boxes: Sequence[tuple[float, ...]] = boxes) -> bool:
                x, y = obj["x0"], obj["top"]
                in_table = any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)
                return not in_table and y < PAGE_HEIGHT - MARGIN_BOTTOM

            found += [
                (number, "".join(line["text"].split())) for line in page.filter(body).extract_text_lines()
            ]
    return found


def page_fill(data: bytes) -> list[float]:
    """How far down the text block each page's text and rules reach, as a share of it."""
    fill = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            bottoms = [c["bottom"] for c in page.chars if c["top"] < PAGE_HEIGHT - MARGIN_BOTTOM]
            bottoms += [e["bottom"] for e in (*page.lines, *page.rects)]
            fill.append((max(bottoms, default=MARGIN_TOP) - MARGIN_TOP) / FRAME_HEIGHT)
    return fill


def signature_alone(letter: Letter, lines: list[tuple[int, str]]) -> bool:
    sign = max(i for i, (_, text) in enumerate(lines) if text == letter.signature)
    body_end = sign - len(letter.attachment_lines)
    return len({page for page, _ in lines[body_end - 2 : sign + 2]}) > 1


def png(data: bytes, out: Path, stem: str) -> int:
    pdf = pypdfium2.PdfDocument(data)
    try:
        for index in range(len(pdf)):
            pdf[index].render(scale=1.5).to_pil().save(out / f"{stem}-p{index + 1}.png")
        return len(pdf)
    finally:
        pdf.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", type=Path, default=ROOT / "var" / "pdf-pages")
    parser.add_argument("--letters", type=int, default=24)
    parser.add_argument("--reports", type=int, default=8)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    timings: dict[str, list[float]] = {"render": [], "read back": [], "png": []}
    counts = {"pdfs": 0, "pages": 0, "signature alone": 0, "bad breaks": 0, "pages under 2/3": 0}

    def measure(stem: str, make: object) -> tuple[bytes, list[tuple[int, str]]]:
        started = time.perf_counter()
        data: bytes = make()  # type: ignore[operator]
        timings["render"].append(time.perf_counter() - started)
        started = time.perf_counter()
        lines = read_lines(data)
        fill = page_fill(data)
        timings["read back"].append(time.perf_counter() - started)
        started = time.perf_counter()
        counts["pages"] += png(data, args.out, stem)
        timings["png"].append(time.perf_counter() - started)
        counts["pdfs"] += 1
        counts["bad breaks"] += sum(t[0] in CANNOT_START or t[-1] in CANNOT_END for _, t in lines if t)
        # Less one line: text ends a line's leading short of where the next line would start.
        counts["pages under 2/3"] += sum(f < 2 / 3 - LINE_PITCH / FRAME_HEIGHT for f in fill[:-1])
        return data, lines

    for n, letter in enumerate(letters(args.letters)):
        _, lines = measure(f"letter-{n:02d}", lambda letter=letter: render_pdf(letter))
        counts["signature alone"] += signature_alone(letter, lines)
    for n, report in enumerate(reports(args.reports)):
        measure(f"report-{n:02d}", lambda report=report: render(report, "pdf"))

    for step, times in timings.items():
        median, worst = statistics.median(times) * 1000, max(times) * 1000
        print(f"{step:10s} median {median:7.1f} ms per PDF (max {worst:.1f})")
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    print(f"PNG pages in {args.out}")


if __name__ == "__main__":
    main()
