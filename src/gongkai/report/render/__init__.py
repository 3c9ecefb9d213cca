"""Render an annual report as the documents an agency publishes: DOCX, HTML, XLSX and PDF.

``render(report, fmt)`` returns the file's bytes. All formats draw the same layout
(``gongkai.report.render.layout``): the title, the six sections and tables 二, 三, 四 with the
official labels and merged cells; a missing cell is printed blank, never 0.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from gongkai.errors import GongkaiError
from gongkai.report.model import AnnualReport


class OutputFormat(StrEnum):
    DOCX = "docx"
    HTML = "html"
    XLSX = "xlsx"
    PDF = "pdf"


FORMATS: tuple[str, ...] = tuple(f.value for f in OutputFormat)


def output_format(name: str) -> OutputFormat:
    """The format called ``name`` (case-insensitive, leading dot allowed), or a Chinese error."""
    try:
        return OutputFormat(name.lower().lstrip("."))
    except ValueError:
        raise GongkaiError(f"不支持的输出格式“{name}”，可选：{'、'.join(FORMATS)}") from None


def _renderer(fmt: OutputFormat) -> Callable[[AnnualReport], bytes]:
    # Imported on demand: each format pulls in its own library (reportlab, openpyxl ...).
    if fmt is OutputFormat.DOCX:
        from gongkai.report.render.docx import render_docx

        return render_docx
    if fmt is OutputFormat.HTML:
        from gongkai.report.render.html import render_html

        return render_html
    if fmt is OutputFormat.XLSX:
        from gongkai.report.render.xlsx import render_xlsx

        return render_xlsx
    from gongkai.report.render.pdf import render_pdf

    return render_pdf


def render(report: AnnualReport, fmt: str | OutputFormat) -> bytes:
    """The report as a ``fmt`` document (docx, html, xlsx or pdf)."""
    return _renderer(output_format(fmt))(report)


def write(report: AnnualReport, fmt: str | OutputFormat, path: str | Path) -> Path:
    """Render ``report`` as ``fmt`` and write it to ``path``; a write failure is a Chinese error.

    The document is rendered completely before the file is opened, so a report that cannot be
    rendered leaves no half-written file behind.
    """
    return write_bytes(render(report, fmt), path)


def write_bytes(data: bytes, path: str | Path) -> Path:
    """Write a finished document to ``path``; a write failure is a Chinese error."""
    target = Path(path)
    try:
        target.write_bytes(data)
    except IsADirectoryError:
        raise GongkaiError("输出路径是一个文件夹，请给出文件名", detail=str(target)) from None
    except FileNotFoundError:
        raise GongkaiError("输出文件所在的文件夹不存在", detail=str(target)) from None
    except PermissionError:
        raise GongkaiError("没有写入输出文件的权限", detail=str(target)) from None
    except OSError as exc:
        raise GongkaiError(f"无法写入输出文件：{exc.strerror or exc}", detail=str(target)) from None
    return target
