"""Font names for documents, a CJK TrueType font for PDF, and the page margins they share.

DOCX and XLSX only name fonts (the reader's machine draws them), so they use the names of the
national standard for official documents (GB/T 9704): 方正小标宋简体 for the title, 黑体 for
headings, 仿宋_GB2312 for the body. A PDF must embed its font. reportlab embeds TrueType outlines
only (not CFF/OpenType-PostScript such as Noto Sans CJK .otf), so the PDF renderer looks for a
TrueType CJK font on the system: WenQuanYi Zen Hei (Debian fonts-wqy-zenhei) or AR PL UMing
(fonts-arphic-uming) first, then anything fontconfig lists for Chinese.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongkai.errors import GongkaiError

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
BODY_FONT = "仿宋_GB2312"

#: GB/T 9704-2012 5.2.1 on A4: 天头 37 mm, 订口 28 mm, a 156 x 225 mm text block; in mm, top,
#: bottom, left, right (letters and annual reports, DOCX and PDF).
PAGE_MARGINS_MM = (37, 35, 28, 26)

#: Set to a .ttf/.ttc path to choose the PDF font explicitly.
FONT_ENV = "GONGKAI_CJK_FONT"
PDF_FONT_NAME = "GongkaiCJK"

KNOWN_CJK_TRUETYPE: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/ukai.ttc"),
)

NO_FONT_MESSAGE = (
    "未找到可嵌入 PDF 的中文 TrueType 字体，无法生成 PDF。"
    "请安装 Debian 软件包 fonts-wqy-zenhei 或 fonts-arphic-uming"
    "（sudo apt-get install fonts-wqy-zenhei fonts-arphic-uming），"
    f"或用环境变量 {FONT_ENV} 指定一个 .ttf/.ttc 字体文件"
)


@dataclass(frozen=True, slots=True)
class CjkFont:
    path: Path
    #: Which face of a TrueType collection (.ttc) to use.
    subfont_index: int = 0


def _fontconfig_candidates() -> list[Path]:
    """TrueType files fontconfig knows for Chinese (``fc-list :lang=zh file``), if it is there."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        out = subprocess.run(
            [fc_list, ":lang=zh", "file"], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    files = (line.split(":")[0].strip() for line in out.splitlines())
    return sorted(Path(f) for f in files if f.lower().endswith((".ttf", ".ttc")))


@functools.lru_cache(maxsize=2)
def _parsed(font: CjkFont) -> Any:
    """reportlab's parse of ``font`` (a ``TTFont``; raises if it cannot embed it), kept: parsing a
    CJK TrueType file takes about a second of CPU, and :func:`pdf_font_name` registers the very
    font :func:`find_cjk_font` has just parsed to check it."""
    from reportlab.pdfbase.ttfonts import TTFont

    return TTFont(PDF_FONT_NAME, str(font.path), subfontIndex=font.subfont_index)


def _loads_in_reportlab(font: CjkFont) -> bool:
    from reportlab.pdfbase.ttfonts import TTFError

    try:
        _parsed(font)
    except (TTFError, OSError, KeyError, ValueError):
        # TTFError: CFF outlines or a broken file; the others: unreadable or no such face.
        return False
    return True


def find_cjk_font(candidates: Iterable[Path] | None = None, *, use_fontconfig: bool = True) -> CjkFont:
    """The first candidate that reportlab can embed; ``GongkaiError`` naming the package if none."""
    paths: list[Path] = []
    override = os.environ.get(FONT_ENV)
    if override:
        paths.append(Path(override))
    paths.extend(KNOWN_CJK_TRUETYPE if candidates is None else candidates)
    if use_fontconfig:
        paths.extend(_fontconfig_candidates())
    seen: set[Path] = set()
    for path in paths:
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        font = CjkFont(path)
        if _loads_in_reportlab(font):
            return font
    raise GongkaiError(NO_FONT_MESSAGE)


@functools.cache
def pdf_font_name() -> str:
    """Register the system's CJK font with reportlab once per process and return its name."""
    from reportlab.pdfbase import pdfmetrics

    pdfmetrics.registerFont(_parsed(find_cjk_font()))
    return PDF_FONT_NAME


def cjk_font_available() -> bool:
    """Whether PDFs can be made here (the font, once found, stays registered for this process)."""
    try:
        pdf_font_name()
    except GongkaiError:
        return False
    return True
