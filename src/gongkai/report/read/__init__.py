"""Reading reports from files.

``read_report(path)`` picks a reader by the file's content (not only its name) and returns an
``AnnualReport``. A file that cannot be read as a report raises ``ReportFormatError`` with a
Chinese message.
"""

from __future__ import annotations

from pathlib import Path

from gongkai.errors import ReportFormatError
from gongkai.report import jsonio
from gongkai.report.model import AnnualReport


def read_report(path: str | Path) -> AnnualReport:
    file = Path(path)
    if not file.exists():
        raise ReportFormatError("文件不存在", detail=str(file))
    if file.is_dir():
        raise ReportFormatError("这是一个文件夹，不是报告文件", detail=str(file))
    if file.suffix.lower() == ".json":
        return jsonio.load(file)
    raise ReportFormatError("暂不支持此文件格式", detail=str(file))
