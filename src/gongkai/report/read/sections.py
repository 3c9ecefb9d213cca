"""The title (agency and year) and the six narrative sections. Part of the assembler."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType

from gongkai.report.model import (
    SECTION_NUMBERS,
    Section,
)
from gongkai.report.read import labels
from gongkai.report.read.assembly import (
    Assembly,
)
from gongkai.report.read.document import TextLine

#: Han characters, including the extensions that rare place names use (GB18030 has them all).
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_TITLE = re.compile(
    rf"(?P<agency>[{_HAN}（）()·]{{2,40}}?)?(?P<year>(?:19|20)\d{{2}}|[〇零一二三四五六七八九]{{4}})年度?"
    rf"(?:政府信息公开|政务公开|信息公开)[{_HAN}]{{0,10}}?报告"
)
_AGENCY_LINE = re.compile(rf"[{_HAN}（）()·]{{2,40}}")
_COMPILER = re.compile(rf"本报告由(?P<who>[{_HAN}（）()]{{2,40}}?)(?:办公室|办公厅)?(?:根据|依据|按照|编制)")
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
#: The title is looked for among the first lines only (a saved web page has navigation first).
_TITLE_SEARCH_LINES = 60

# ---------------------------------------------------------------------------------------------
# Title and sections
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HeadingAt:
    block: int
    heading: labels.Heading
    raw: str


def find_headings(asm: Assembly) -> list[HeadingAt]:
    """Section headings in reading order, each later section after the one before."""
    found: list[HeadingAt] = []
    order = {n: i for i, n in enumerate(SECTION_NUMBERS)}
    last = -1
    for i, block in enumerate(asm.doc.blocks):
        if not isinstance(block, TextLine):
            continue
        heading = labels.section_heading(block.text)
        if heading is None:
            continue
        asm.heading_lines.add(i)
        if order[heading.number] <= last:
            continue
        found.append(HeadingAt(i, heading, block.text))
        last = order[heading.number]
    return found


def read_title(asm: Assembly, limit: int) -> tuple[str | None, int | None]:
    lines = [b for b in asm.doc.blocks[:limit] if isinstance(b, TextLine)][:_TITLE_SEARCH_LINES]
    for i, line in enumerate(lines):
        compact = re.sub(r"\s+", "", line.text)
        match = _TITLE.search(compact)
        if match is None:
            continue
        year = int(match.group("year").translate(_CN_DIGITS))
        agency = match.group("agency")
        if not agency and i > 0:
            previous = re.sub(r"\s+", "", lines[i - 1].text)
            if _AGENCY_LINE.fullmatch(previous):
                agency = previous
        if agency:
            agency = _full_agency_name(lines[i + 1 : i + 12], agency)
        return agency or None, year
    asm.finding("title", "未能从标题中识别机关名称和年度")
    return None, None


def _full_agency_name(preamble: Sequence[TextLine], agency: str) -> str:
    """The agency's full name when the title shortens it ("洪泽区人民政府" for 淮安市洪泽区人民政府).

    The customary opening "本报告由……办公室根据……编制" names the compiler in full; only a
    longer name that ends with the title's own name is taken, so the title is never contradicted.
    """
    text = re.sub(r"\s+", "", "".join(line.text for line in preamble))
    match = _COMPILER.search(text)
    if match is not None:
        who = match.group("who")
        if who.endswith(agency) and len(who) > len(agency):
            return who
    return agency


def read_sections(asm: Assembly, headings: Sequence[HeadingAt]) -> tuple[Section, ...] | None:
    if not headings:
        asm.finding("sections", "未找到正文的各部分标题（一、总体情况 …… 六、其他需要报告的事项）")
        return None
    blocks = asm.doc.blocks
    sections = []
    for index, at in enumerate(headings):
        end = headings[index + 1].block if index + 1 < len(headings) else len(blocks)
        lines = []
        for i in range(at.block + 1, end):
            block = blocks[i]
            # A heading out of order (a workbook repeats them over its table sheets) is no text.
            if i not in asm.excluded_blocks and isinstance(block, TextLine) and i not in asm.heading_lines:
                lines.append(block.text)
        text = "\n".join(lines)
        extra = MappingProxyType({"heading": at.raw.strip()})
        sections.append(Section(at.heading.number, at.heading.title, text, extra))
    return tuple(sections)


def section_region(headings: Sequence[HeadingAt], number: str, size: int) -> tuple[int, int]:
    """The blocks of section ``number``; the whole document when its heading is not found."""
    for index, at in enumerate(headings):
        if at.heading.number == number:
            end = headings[index + 1].block if index + 1 < len(headings) else size
            return at.block + 1, end
    return 0, size
