"""The database side of ``gongkai report export`` (gongkai.cli.report.export).

Errors a user can act on (unknown agency, no published report for the year, unknown format, a
database that was never set up) are GongkaiErrors in Chinese: the CLI prints them and exits 2.
"""

from __future__ import annotations

import hashlib
import sys

from gongkai.errors import GongkaiError
from gongkai.report.render import write_bytes

FROZEN = ("json", "docx", "html", "pdf")
RENDERED = ("xlsx",)


def _format(name: str) -> str:
    fmt = name.lower().lstrip(".")
    if fmt not in FROZEN + RENDERED:
        raise GongkaiError(f"不支持的导出格式“{name}”，可选：{'、'.join(FROZEN + RENDERED)}")
    return fmt


def published_bytes(agency_name: str, year: int, fmt: str) -> tuple[bytes, str]:
    """The bytes of the current published report in ``fmt`` and a default file name."""
    from django.db import DatabaseError

    from gongkai.report import jsonio
    from gongkai.report.render import render
    from gongkai.web.accounts.models import Agency
    from gongkai.web.annual.models import AnnualReport, PublishedFile, State

    fmt = _format(fmt)
    name = agency_name.strip()
    try:
        agency = Agency.objects.filter(name=name).first() or Agency.objects.filter(short_name=name).first()
        if agency is None:
            raise GongkaiError(f"没有名为“{name}”的机关（请使用系统中登记的机关全称或简称）")
        report = AnnualReport.objects.filter(agency=agency, year=year, state=State.PUBLISHED).first()
        if report is None:
            if AnnualReport.objects.filter(agency=agency, year=year).exists():
                raise GongkaiError(f"{agency.name}{year}年度报告尚未发布，草稿不能导出")
            raise GongkaiError(f"{agency.name}没有{year}年度报告")
        frozen = {f.fmt: bytes(f.content) for f in PublishedFile.objects.filter(report=report)}
    except DatabaseError as exc:
        raise GongkaiError(
            "无法读取数据库（请先运行 gongkai serve 或 gongkai manage migrate 初始化，或检查 DATABASE_URL）",
            detail=str(exc).splitlines()[0] if str(exc) else None,
        ) from exc
    if fmt in FROZEN:
        content = frozen.get(fmt)
        if content is None:  # pragma: no cover - publishing always freezes every format
            raise GongkaiError(f"该报告没有 {fmt.upper()} 文件")
    else:
        # The XLSX is rendered from exactly the frozen JSON, not from the row's current data.
        content = render(jsonio.loads(frozen["json"].decode("utf-8")), fmt)
    filename = f"{agency.name}{year}年政府信息公开工作年度报告.{fmt}"
    return content, filename


def export(agency_name: str, year: int, fmt: str, output: str | None) -> int:
    from gongkai.web.cli import setup

    setup()
    content, filename = published_bytes(agency_name, year, fmt)
    digest = hashlib.sha256(content).hexdigest()
    if output == "-":
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return 0
    target = write_bytes(content, output or filename)
    print(f"已导出：{target}（SHA-256 {digest}）")
    return 0
