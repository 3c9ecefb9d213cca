"""Where a name is known by its place rather than its characters: table columns and 译名 with "·".

A given name may be made of characters no lexicon holds (孔令辉, 车骁), and a surname may be rare
(暴). What still tells a name is the document's structure:

- a column of a table whose other cells are names is a name column, whatever its header says
  ("拟推荐对象", "人选", or none): once two of its cells are names of the lexicon, every cell of
  it shaped like a name is one (a surname and one or two characters; in numbered rows, any two or
  three characters that are not a word, an office or a place);
- a transliterated name (维吾尔族、藏族 names, 古丽娜尔·吐尔逊) joins its parts with "·" and stands
  where a name stands: after a colon, in a cell or a list item;
- a cell right before an ID number in a table row is its holder's name, whatever its characters
  (巴图、卓玛、吉克阿依: Mongolian, Tibetan and Yi names have no Han surname), and so is a name
  right before a bracketed ID or mobile number (``names_beside_numbers``, run by the registry on
  the numbers found).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from gongkai.sensitive import lexicon
from gongkai.sensitive.recognizers import apposed_names
from gongkai.sensitive.recognizers.base import CJK, literal_alternation

# The compound surnames behind a look-ahead for their first characters: a cell that fails the
# single-surname class ("男", "1") is turned away in one class test, not ~100 literals one by one.
_COMPOUND = (
    "(?=["
    + "".join(sorted({c[0] for c in lexicon.COMPOUND_SURNAMES}))
    + "])(?:"
    + literal_alternation((c, "") for c in sorted(lexicon.COMPOUND_SURNAMES, key=len, reverse=True))
    + ")"
)
# A name cell: surname + one or two characters, or a two-character name padded to the width of
# three with a space (王　伟: rosters align names so; the full-width space is folded to " ").
# Only ever matched whole (``fullmatch``), so the single-surname class may come first: one class
# test accepts most cells, where ``re`` tried the compound surnames one by one before it.
CELL_NAME = re.compile(rf"(?:[{lexicon.SINGLE_SURNAMES}于]|{_COMPOUND})(?:[{CJK}]{{1,2}}| {{1,2}}[{CJK}])")
DOTTED = re.compile(rf"[{CJK}]{{1,6}}(?:[·•・][{CJK}]{{1,8}})+")
_ANY_NAME = re.compile(rf"[{CJK}]{{2,3}}")
# Under a name header, either shape is a name cell (``cell_is_name``): one ``fullmatch`` for both,
# as an alternation matches a whole cell if either of its branches does.
_UNDER_HEADER = re.compile(f"{_ANY_NAME.pattern}|{CELL_NAME.pattern}")
_NOT_GIVEN = frozenset(lexicon.STOP_AFTER_NAME) | frozenset("某*＊×")
# A cell ending in an office or place suffix is not a name (黄湖镇); "旗" ends given names (红旗)
# more often than it ends a banner's name in a name column.
_NOT_LAST = lexicon.ORG_PLACE_SUFFIXES.replace("旗", "")
# What a transliterated name stands after: a colon, a separator of a cell or a list item.
_DOTTED_BEFORE = frozenset("：:、，,；;（(\t| \n")
_DOTTED_STOP = frozenset(lexicon.STOP_AFTER_NAME)
_TI_VERBS = frozenset(("提出", "提交", "提供", "提起", "提请"))
_CUE_WORDS = frozenset([*lexicon.NAME_CUES, *lexicon.NAME_CUES_WITH_COLON, *lexicon.RUNNING_TEXT_CUES])
_NOT_DOTTED = frozenset(["中国"]) | lexicon.NOT_NAMES
# The characters names are transliterated with (《世界人名翻译大辞典》's syllable table and the
# common characters of Uyghur, Kazakh and other minority names written in Chinese). A "·" between
# words ("行政诉讼·复议后起诉") is a heading's separator, not a name's.
_TRANSLITERATION = frozenset(
    "阿艾爱安昂奥澳巴拜班邦保鲍贝本比彼毕别宾滨波伯博布查察达大代戴丹当道德登迪蒂丁东杜都敦多朵"
    "俄厄恩尔法凡范菲斐费芬丰佛夫弗福盖甘冈高戈哥格根贡古瓜圭哈海亥汉汗罕豪赫黑亨洪胡华怀霍基"
    "吉加贾嘉杰捷金晋京居卡开凯坎康考柯科可克肯孔库夸奎昆拉莱赖兰朗劳勒雷蕾里理力历利莉丽连列林"
    "琳玲留龙卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米密敏明姆穆木纳娜乃奈南内尼妮宁努诺欧帕潘庞佩彭皮"
    "珀普齐奇契恰乔切钦琴丘曲让热仁日荣茹儒瑞若撒萨塞赛桑色森沙莎山尚舍申什史舒斯松苏素索塔泰"
    "坦汤唐陶特提帖廷通图吐托瓦万旺威韦维温文翁沃乌吾武西希锡夏仙谢辛欣休许雅亚燕扬耶伊依尤于"
    "玉约扎泽詹章札哲珍朱卓孜兹祖佐买合逊提曼罕默尔江古丽阿依努尔帕提热木拉克加"
    "不"  # 阿不都 (Abdu), the commonest head of Uyghur names
)
# Labels before an ID number, not names (身份证号, 公民身份号码, 证件号, 户主).
_LABEL_CHARS = frozenset("号码证件身份户主")
# Labels between a bracket and the number it holds: "王某某（身份证号：3101…）", "杨某（电话139…）".
_BRACKET_LABELS = ("身份证号码", "身份证号", "身份证", "电话")
_BRACKET_LABEL_LASTS = frozenset(w[-1] for w in _BRACKET_LABELS)
_COMPOUND_SET = frozenset(lexicon.COMPOUND_SURNAMES)
_SINGLE_SET = frozenset(lexicon.SINGLE_SURNAMES)


def surnamed(name: str) -> bool:
    """A surname and a one- or two-character given name that is not a word, an office or a place."""
    s = 2 if name[:2] in _COMPOUND_SET else 1 if name[:1] in _SINGLE_SET else 0
    return s > 0 and 0 < len(name) - s <= 2 and name.isalpha() and plausible_name(name)


def names_beside_numbers(norm: str, numbers: Iterable[tuple[int, bool]]) -> Iterator[tuple[int, int]]:
    """Names known by the number found next to them (``numbers``: start, and whether it is an ID
    number rather than a mobile one), whatever their characters:

    - a table cell of two to six CJK characters right before an ID number's cell (巴图、卓玛、
      吉克阿依: Mongolian, Tibetan and Yi names have no Han surname);
    - a surname-led name right before a bracket that opens on an ID or mobile number.
    Only where a number was found: a scan of the text for the separators cost more than the rule.
    """
    for i, is_id in numbers:
        prev = norm[i - 1 : i]
        if prev in " \t":  # a cell: most numbers are preceded by neither this nor a bracket
            if is_id and prev and (cell := _cell_before(norm, i)) is not None:
                yield cell
            continue
        j = i - 1 if prev in "：:" else i
        if norm[j - 1 : j] != "（":
            if norm[j - 1 : j] not in _BRACKET_LABEL_LASTS:
                continue
            label = next((w for w in _BRACKET_LABELS if norm.endswith(w, 0, j)), "")
            j -= len(label)
            if not label or norm[j - 1 : j] != "（":
                continue
        for length in (3, 2):
            if j - 1 >= length and surnamed(norm[j - 1 - length : j - 1]):
                yield j - 1 - length, j - 1
                break


def _cell_before(norm: str, i: int) -> tuple[int, int] | None:
    end = i
    while end and norm[end - 1] in " \t":
        end -= 1
    start = end
    while start and end - start < 7 and "\u4e00" <= norm[start - 1] <= "\u9fff":
        start -= 1
    if (
        2 <= end - start <= 6
        and (not start or norm[start - 1] in "\t\n |")
        and _LABEL_CHARS.isdisjoint(norm[start:end])
        and plausible_name(norm[start:end])
    ):
        return start, end
    return None


# A name followed by its sex ("1.蒋某某，女，", "：骆某（女，1968年生）"): after a list item's start,
# and with the sex closed by a clause mark (not "，女儿", "，男子").
_AFTER_SEX = frozenset("，,、）)；;")
_BEFORE_ITEM = frozenset("\n\t ：:；;。.．、")


def names_before_sex(norm: str) -> list[tuple[int, int]]:
    """Surname-led names (``surnamed``) starting a list item and followed by their sex:
    "1.蒋某某，女，", "骆某（女，"."""
    # A list, not a generator: the rules run once per document, and a generator's set-up and end
    # cost ~4,500 instructions per call (2 M per pass over the bench's 400 documents, for each rule).
    names = []
    for sex in "男女":
        i = norm.find(sex, 1)
        while i != -1:
            if norm[i - 1] in "，（" and norm[i + 1 : i + 2] in _AFTER_SEX:
                mark = i - 1
                for length in (3, 2, 4):
                    start = mark - length
                    if (
                        start >= 0
                        and (not start or norm[start - 1] in _BEFORE_ITEM)
                        and surnamed(norm[start:mark])
                    ):
                        names.append((start, mark))
                        break
            i = norm.find(sex, i + 1)
    return names


# Cells of a table row written as text: separated by a tab, a "|" or a run of two spaces or more.
_SPACES = re.compile(r"( {2,})")


def row_cells(row: str, sep: str | None) -> tuple[list[str], list[str]]:
    """The cells of a row and the separators between them (one C call: ``split``)."""
    if sep is None:
        if "   " not in row:  # no gap wider than two spaces: each "  " is one, split in C alone
            cells = row.split("  ")
            return cells, ["  "] * (len(cells) - 1)
        parts = _SPACES.split(row)
        return parts[::2], parts[1::2]
    cells = row.split(sep)
    return cells, [sep] * (len(cells) - 1)


def cell_start(cells: list[str], seps: list[str] | None, column: int) -> int:
    """Offset in its row of the text of cell ``column`` (after its leading spaces); ``seps`` None:
    one character between cells."""
    cell = cells[column]
    before = sum(map(len, cells[:column])) + (column if seps is None else sum(map(len, seps[:column])))
    return before + len(cell) - len(cell.lstrip(" "))


def column_at(cells: list[str], seps: list[str], offset: int) -> int:
    """Index of the first cell ending after ``offset`` in its row (-1 past the last one)."""
    at = 0
    for i, cell in enumerate(cells):
        if at + (len(cell.rstrip(" ")) or len(cell)) > offset:
            return i
        at += len(cell) + (len(seps[i]) if i < len(seps) else 0)
    return -1


def plausible_name(name: str) -> bool:
    """Not a word, a masked name (张某) or an office or place (黄湖镇)."""
    return name not in lexicon.NOT_NAMES and _NOT_GIVEN.isdisjoint(name[1:]) and name[-1] not in _NOT_LAST


def cell_is_name(cell: str, cells: list[str], *, under_header: bool = False) -> bool:
    """Whether a cell of a name column (in the row ``cells``) is a name: a surname and one or
    two characters, a transliterated name, or any two or three characters that are not a word,
    an office or a place under a name header or in a numbered row (a rare surname: 茆秀珍)."""
    if CELL_NAME.fullmatch(cell) or (
        _ANY_NAME.fullmatch(cell) and (under_header or cells[0].strip(" ").isdigit())
    ):
        return plausible_name(cell)
    return DOTTED.fullmatch(cell) is not None and is_dotted_name(cell)


def is_dotted_name(name: str) -> bool:
    """A transliterated name: its parts are written in the characters of transliteration."""
    parts = re.split("[·•・]", name)
    return (
        all(len(p) >= 2 or i for i, p in enumerate(parts))
        and _TRANSLITERATION.issuperset(name.replace("·", "").replace("•", "").replace("・", ""))
        and not any(p in _NOT_DOTTED or p[-1] in lexicon.ORG_PLACE_SUFFIXES for p in parts)
    )


def dotted_names(norm: str) -> Iterator[tuple[int, int]]:
    """Transliterated names (艾力·买买提) after a colon or a separator, outside 《》."""
    for dot in "·•・":
        i = norm.find(dot)
        while i != -1:
            start = i
            while start > 0 and i - start < 9 and "\u4e00" <= norm[start - 1] <= "\u9fff":
                start -= 1
            run_start = start
            # A cue word written before the name without a colon ("申请人艾力·买买提") is cut off.
            for length in range(min(5, i - start - 1), 0, -1):
                if norm[start : start + length] in _CUE_WORDS:
                    start += length
                    break
            # ... and so is a person noun ("与辅警艾力·买买提", "车主阿不都热合曼·艾海提"), which
            # may stand after other words of the clause.
            after_noun = apposed_names.after_noun(norm, run_start, i - 2)
            start = max(start, after_noun)
            match = DOTTED.match(norm, start) if start < i else None
            if (
                match is not None
                and i - start <= 6
                and (start == 0 or norm[start - 1] in _DOTTED_BEFORE or after_noun)
                and norm.rfind("《", 0, start) <= norm.rfind("》", 0, start)
            ):
                end = match.end()
                # The last part stops before what follows a name ("…买买提于2023年").
                for k in range(match.start() + (i - start) + 3, end):
                    # 提 ends 买买提, 艾海提: it stops a name only as the verbs it starts (提出 …).
                    if norm[k] in _DOTTED_STOP and (norm[k] != "提" or norm[k : k + 2] in _TI_VERBS):
                        end = k
                        break
                # ... or before a predicate of no transliterated letters ("…依明说", "…买买提一起").
                while end > i + 2 and not is_dotted_name(norm[start:end]):
                    end -= 1
                if is_dotted_name(norm[start:end]):
                    yield start, end
                i = norm.find(dot, end)
                continue
            i = norm.find(dot, i + 1)


def _row_at(norm: str, pos: int) -> tuple[int, int]:
    start = norm.rfind("\n", 0, pos) + 1
    end = norm.find("\n", pos)
    return start, len(norm) if end == -1 else end


def _separator(row: str) -> str | None:
    return "\t" if "\t" in row else "|" if "|" in row else None


def column_names(norm: str, names: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Every name-shaped cell of a column in which two names (``names``, cells found by their
    characters) were found already."""
    by_row: dict[int, list[int]] = {}
    for start, _ in names:
        # Only a cell's first character follows a tab, a "|", a space or a line start.
        if norm[start - 1] in "\t| \n":
            by_row.setdefault(norm.rfind("\n", 0, start) + 1, []).append(start)
    if len(by_row) < 2:
        return
    columns: dict[tuple[str | None, int, int], list[int]] = {}
    for row_start, starts in by_row.items():
        row_end = norm.find("\n", row_start)
        row = norm[row_start : len(norm) if row_end == -1 else row_end]
        sep = _separator(row)
        if sep is None and "  " not in row:
            continue
        cells, seps = row_cells(row, sep)
        ends, offset = [], 0
        for i, cell in enumerate(cells):
            offset += len(cell)
            ends.append(offset)
            offset += len(seps[i]) if i < len(seps) else 0
        for start in starts:
            column = bisect.bisect_right(ends, start - row_start)
            if column < len(cells):
                columns.setdefault((sep, len(cells), column), []).append(row_start)
    for (sep, width, column), rows in columns.items():
        if len(rows) >= 2:
            yield from _column_cells(norm, sep, width, column, min(rows))


def _column_cells(
    norm: str, sep: str | None, width: int, column: int, row_start: int
) -> Iterator[tuple[int, int]]:
    """The name cells of ``column`` in the rows of ``width`` cells around the row at ``row_start``."""
    first = row_start
    while first > 0:  # up to the table's first row
        above = norm.rfind("\n", 0, first - 1) + 1
        if len(row_cells(norm[above : first - 1], sep)[0]) != width:
            break
        first = above
    start = first
    while start < len(norm):
        end = norm.find("\n", start)
        end = len(norm) if end == -1 else end
        cells, seps = row_cells(norm[start:end], sep)
        if len(cells) != width:
            if start > row_start:
                break
        else:
            cell = cells[column].strip(" ")
            if cell and cell_is_name(cell, cells):
                at = start + cell_start(cells, seps, column)
                yield at, at + len(cell)
        start = end + 1


# A name column's header: a cell of its own ("序号\t姓名\t性别"); the character before it is checked
# in Python, as a leading look-behind would make ``re`` try every position.
_HEADER_CELL = re.compile(
    "(?P<word>"
    + literal_alternation((w, "") for w in sorted(sorted(lexicon.NAME_COLUMN_HEADERS), key=len, reverse=True))
    + r")(?=[ ]*(?:\t|\||  |\n|$))"
)


def header_column_names(norm: str) -> list[tuple[int, int]]:
    """Cells under a name column header ("姓名", "户主", "收款人" ...) of a roster or table.

    Any surname + one or two characters is taken there, whatever the given name's characters:
    the header says what the column holds. The table ends at the first row of another width.
    """
    names: list[tuple[int, int]] = []  # a list, not a generator: see ``names_before_sex``
    for sep, width, column, line_end in name_headers(norm):
        _cells_under_header(norm, sep, width, column, line_end, names)
    return names


def name_headers(norm: str) -> list[tuple[str | None, int, int, int]]:
    """The name column headers of ``norm``'s tables: each as its table's separator (None for runs
    of spaces), its width in cells, the header's column and where its line ends."""
    headers = []
    for header in _HEADER_CELL.finditer(norm):
        # A header ending in 姓名 names the column too (农户姓名, 学生姓名).
        if header.start() and norm[header.start() - 1] not in "\t| \n" and header["word"] != "姓名":
            continue
        line_start = norm.rfind("\n", 0, header.start("word")) + 1
        line_end = norm.find("\n", header.end())
        if line_end == -1:
            continue
        header_line = norm[line_start:line_end]
        sep = "\t" if "\t" in header_line else "|" if "|" in header_line else None
        cells, header_seps = row_cells(header_line, sep)
        column = column_at(cells, header_seps, header.start("word") - line_start)
        if column >= 0:
            headers.append((sep, len(cells), column, line_end))
    return headers


def _cells_under_header(
    norm: str, sep: str | None, width: int, column: int, row_end: int, names: list[tuple[int, int]]
) -> None:
    """Add to ``names`` the name cells of ``column`` in the rows after a header line ending at
    ``row_end``, up to the first row of another width: ``cell_is_name(cell, cells,
    under_header=True)`` at ``cell_start``, written out (a call per row for each of them, and a
    list of cells and one of separators per row, were most of this rule's time)."""
    while row_end != -1:
        row_start, row_end = row_end + 1, norm.find("\n", row_end + 1)
        row = norm[row_start:row_end] if row_end != -1 else norm[row_start:]
        # ``at``: the cell's index in ``cells``; ``between``: the separators' characters before it.
        if sep is not None:
            cells, at, between, pieces = row.split(sep), column, column, width
        elif "   " not in row:  # each gap is two spaces: ``row_cells``' split without an expression
            cells, at, between, pieces = row.split("  "), column, 2 * column, width
        else:  # separators at the odd indexes, counted with the cells before it
            cells, at, between, pieces = _SPACES.split(row), 2 * column, 0, 2 * width - 1
        if len(cells) != pieces:  # the table ends
            break
        padded = cells[at]
        cell = padded.strip(" ")
        if (
            _UNDER_HEADER.fullmatch(cell)
            and cell not in lexicon.NOT_NAMES
            and _NOT_GIVEN.isdisjoint(cell[1:])
            and cell[-1] not in _NOT_LAST
        ) or (DOTTED.fullmatch(cell) is not None and is_dotted_name(cell)):
            # (Most name columns are the second: one length rather than a sum over a slice.)
            before = len(cells[0]) if at == 1 else sum(map(len, cells[:at]))
            start = row_start + before + between + len(padded) - len(padded.lstrip(" "))
            names.append((start, start + len(cell)))


_SALUTATION_NEXT = re.compile(r"[ \t　]*[你您]")


def salutations(norm: str) -> list[tuple[int, int]]:
    """A letter's salutation, a name cell alone on its line before a colon: "韦珍诺：⏎你（您）…"."""
    # The salutation is followed by 你 or 您 (``_SALUTATION_NEXT``): most documents hold neither, and
    # two one-character tests spare the two searches for a colon at a line end.
    names: list[tuple[int, int]] = []  # a list, not a generator: see ``names_before_sex``
    if "您" not in norm and "你" not in norm:
        return names
    for colon in ("：\n", ":\n"):
        i = norm.find(colon)
        while i != -1:
            start = norm.rfind("\n", 0, i) + 1
            if _SALUTATION_NEXT.match(norm, i + 2) and CELL_NAME.fullmatch(norm, start, i):
                names.append((start, i))
            i = norm.find(colon, i + 1)
    return names
