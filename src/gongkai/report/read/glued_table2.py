"""Table 2 in glued text: the counts of 规章 and 行政规范性文件 do not add up to anything, so a run
such as "693665" is split by the figures the narrative states, where it states them, and by the
previous year's report ("上年现行有效 + 本年制发 − 本年废止 = 现行有效") where one is given.

(Split out of ``gongkai.report.read.glued``, which reads table 3 from the same kind of text.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from gongkai.report.model import CellSource
from gongkai.report.read import labels
from gongkai.report.read.assembly import TRUNCATED, Assembly, exclude_table
from gongkai.report.read.document import Block, Grid, TextLine
from gongkai.report.read.glued import SPLIT_NOTE, prepare
from gongkai.report.read.solver import Budget, LimitReached, agreed, splits

_T2_LABELS = {
    labels.normalize(text): key
    for text, key in (
        ("行政规范性文件", "normative_documents"),
        ("规范性文件", "normative_documents"),
        ("规章", "regulations"),
        ("行政许可", "licensing"),
        ("行政处罚", "penalty"),
        ("行政强制", "coercion"),
        ("行政事业性收费", "fees_10k_yuan"),
    )
}
_T2_ROW = re.compile(
    "(" + "|".join(re.escape(k) for k in sorted(_T2_LABELS, key=len, reverse=True)) + r")([\d_]+(?:\.\d+)?)"
)
_DOC_FIELDS = ("issued", "abolished", "in_force")
_SENTENCE = r"[^。；;！？\n]{0,30}?"
_KIND = {"regulations": "规章", "normative_documents": "(?:行政)?规范性文件"}


def _stated_patterns(key: str) -> dict[str, tuple[re.Pattern[str], ...]]:
    kind = _KIND[key]
    return {
        "issued": (re.compile(rf"(?:制发|印发|出台|新制定|制定)了?{kind}(?:共)?(\d+)件"),),
        "abolished": (
            re.compile(rf"废止了?{kind}(\d+)件"),
            re.compile(rf"{kind}{_SENTENCE}废止(\d+)件"),
        ),
        "in_force": (
            re.compile(rf"现行有效的?{kind}(?:共)?(\d+)件"),
            re.compile(rf"{kind}{_SENTENCE}现行有效(\d+)件"),
        ),
    }


_STATED = {key: _stated_patterns(key) for key in _KIND}


def _none_stated_patterns(key: str) -> dict[str, re.Pattern[str]]:
    """Sentences that state a count of 0 in words: "本年度未制发规章", "未废止行政规范性文件",
    "无现行有效的规章". (Not "无规章制定权": an agency without that power may still report the
    regulations in force that it implements.)"""
    kind = _KIND[key]
    return {
        "issued": re.compile(rf"(?:未|没有)(?:新)?(?:制发|印发|出台|制定)(?:过|任何)?{kind}"),
        "abolished": re.compile(rf"(?:未|没有)废止(?:过|任何)?{kind}"),
        "in_force": re.compile(rf"(?:无|没有)现行有效的?{kind}"),
    }


_NONE_STATED = {key: _none_stated_patterns(key) for key in _KIND}


def stated_figures(text: str, key: str) -> dict[str, int]:
    """The counts of ``key`` (规章 or 行政规范性文件) the narrative states, by field."""
    figures: dict[str, int] = {}
    for name, patterns in _STATED[key].items():
        for pattern in patterns:
            match = pattern.search(text)
            if match is not None:
                figures[name] = int(match.group(1))
                break
        if name not in figures and _NONE_STATED[key][name].search(text):
            figures[name] = 0
    return figures


def read_glued_table2(asm: Assembly, start: int, end: int, narrative: str) -> set[str]:
    """Table 2 from glued running text in [start, end); ``narrative`` is the report's text (NFKC,
    Simplified) for the figures it states. Returns the row keys found."""
    blocks = asm.doc.blocks
    if any(isinstance(b, Grid) for b in blocks[start:end]):
        return set()
    found: set[str] = set()
    used: list[int] = []
    budget = Budget()
    for index in range(start, end):
        block = blocks[index]
        if not isinstance(block, TextLine) or index in asm.heading_lines:
            continue
        norm = prepare(block.text)
        header = norm.find(labels.TABLE2_CONTENT_HEADER)
        if header < 0:
            continue
        # Rows after the table's header only: the narrative before it names the same rows.
        for match in _T2_ROW.finditer(norm, header):
            key = _T2_LABELS[match.group(1)]
            if key in found:
                continue
            found.add(key)
            used.append(index)
            source = CellSource(match.group(2).replace("_", " "), block.page, block.line)
            if index == len(blocks) - 1 and match.end() == len(norm):
                # The document ends on this row: its figures may be cut short.
                asm.finding(f"table2.{key}", f"{TRUNCATED}，此行的数字可能不完整，按缺失处理", source.raw)
                continue
            if not norm[match.end() :].strip("._") and _opens_with_digit(blocks, index + 1):
                # The figure ends the line and the next line opens with digits: a line wrap may
                # have cut it ("行政处罚199⏎8行政强制37"). Its end is not known.
                for path in _T2_PATHS[key]:
                    asm.put(path, None, source)
                asm.finding(f"table2.{key}", WRAPPED, source.raw)
                continue
            _put_glued_table2(asm, key, match.group(2), source, narrative, budget)
    if used:
        exclude_table(asm, start, used, ("第二十条", labels.TABLE2_CONTENT_HEADER))
    return found


WRAPPED = "此行的数字在行末断开，下一行以数字开头，可能是同一个数被换行截断，按缺失处理"
_T2_PATHS = {
    key: [f"table2.{key}"]
    if key in ("licensing", "penalty", "coercion", "fees_10k_yuan")
    else [f"table2.{key}.{name}" for name in _DOC_FIELDS]
    for key in _T2_LABELS.values()
}


def _opens_with_digit(blocks: Sequence[Block], index: int) -> bool:
    block = blocks[index] if index < len(blocks) else None
    return isinstance(block, TextLine) and prepare(block.text).lstrip(".")[:1].isdigit()


def _put_glued_table2(
    asm: Assembly, key: str, run: str, source: CellSource, narrative: str, budget: Budget
) -> None:
    groups = run.strip("_").split("_")
    if key == "fees_10k_yuan" or key in ("licensing", "penalty", "coercion"):
        path = f"table2.{key}"
        if len(groups) != 1 or (len(groups[0]) > 1 and groups[0][0] == "0" and "." not in groups[0]):
            asm.put(path, None, source)
            asm.finding(path, "表二此行的数字被空格分开，无法确定是一个数，按缺失处理", source.raw)
        elif key == "fees_10k_yuan":
            asm.put(path, Decimal(groups[0]), source)
        elif "." in groups[0]:
            asm.put(path, None, source)
            asm.finding(path, f"无法识别的数值“{groups[0]}”，按缺失处理", source.raw)
        else:
            asm.put(path, int(groups[0]), source)
        return
    prefix = f"table2.{key}"
    if len(groups) == len(_DOC_FIELDS) and all(g == "0" or g[0] != "0" for g in groups):
        for name, group in zip(_DOC_FIELDS, groups, strict=True):
            asm.put(f"{prefix}.{name}", int(group), source)
        return
    try:
        readings = splits(run.replace("_", ""), (len(_DOC_FIELDS),), False, budget)
    except LimitReached:
        readings = []
    stated = stated_figures(narrative, key)
    before = asm.previous_in_force.get(key)

    def misses(reading: tuple[int, ...]) -> int:
        wrong = sum(1 for i, name in enumerate(_DOC_FIELDS) if name in stated and reading[i] != stated[name])
        issued, abolished, in_force = reading
        return wrong + (before is not None and before + issued - abolished != in_force)

    fewest = min((misses(r) for r in readings), default=0)
    best = [r for r in readings if misses(r) == fewest]
    stated_count = len(stated) + (before is not None)
    if fewest and 2 * fewest >= stated_count:
        # At least half of what the narrative (and last year's report) states fits no split: they
        # contradict the table rather than decide it. The split is then made from the digits alone
        # (cells every reading agrees on), and the text rule reports the contradiction.
        best = readings
        stated, before, fewest = {}, None, 0
    used = [f"正文所述{_FIELD_LABEL[name]}{value}件" for name, value in stated.items()]
    if before is not None:
        used.append(f"上年现行有效{before}件＋本年制发－本年废止＝现行有效")
    rules = "、".join(used)
    note = f"{SPLIT_NOTE}（split by constraints）：原文“{source.raw}”；所用约束：{rules}" if rules else None
    values = list(agreed([{key: r} for r in best], key)) if best else [None] * len(_DOC_FIELDS)
    for name, value in zip(_DOC_FIELDS, values, strict=True):
        kept = note if value is not None and len(readings) > 1 else None
        asm.put(f"{prefix}.{name}", value, CellSource(source.raw, source.page, source.line, note=kept))
    if None in values:
        shown = "；".join(" ".join(map(str, r)) for r in best[:12])
        asm.finding(
            prefix,
            "表二此行的数字连在一起，本年制发、废止、现行有效三数之间没有合计关系，正文和上年报告也未能确定，"
            f"无法确定拆法，按缺失处理；候选：{shown}",
            source.raw,
        )
    elif fewest:
        asm.finding(prefix, "没有一种拆法与正文所述件数及上年数全部一致；采用不一致最少的拆法", source.raw)


_FIELD_LABEL = {"issued": "本年制发", "abolished": "本年废止", "in_force": "现行有效"}
