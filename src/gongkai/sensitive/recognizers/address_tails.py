"""Where an address span ends and starts, beyond what the address expression reads.

The expression of ``addresses`` stops at the first reading that is an address; what people write
after it is still the address:
- a room after its floor ("…1单元6层2号", "…2栋4楼2号", "…6楼601房") or after a bare room
  number ("…3单元502号"); the side of a rural group ("…村六队东侧");
- units, floors and rooms written with hyphens after a house number, a building or a unit
  ("…61号3-5-1", "…2栋14-3", "…2单元5-1", "…417号1-2层");
- a lettered block or zone ("…花园B座1104房", "…296号B区5栋1单元2103");
- a building of no number and its unit and room ("…2199号某大学家属楼3单元602室");
- a market's stall ("…18号某市场B区12号铺");
- a place inside the property: 地下车库, 商铺, 底商, 东厢房, 首层之三, 负一楼, a 集体户;
- a numbered building after a courtyard at a clause's end ("…52号院7号楼").
A span may also start with the rest of its label, cut off by the recogniser's reach or left by
its lead words ("居住地上海市…" read from 地, "户籍地内蒙古…" from 籍地, "名下房屋…").
"""

from __future__ import annotations

import re

from gongkai.sensitive.recognizers.base import CJK

_ROOM = r"\d{3,4}[室房号]?(?!\d)"
_TAIL = re.compile(
    # A room number's word after its digits: "…502" + "号", "…2-3" + "号", "…1-2" + "层" (not
    # the 房 of "…1102房屋的转移登记").
    r"(?<=\d)(?:号(?![楼院号\d])|层|室|房(?![屋产间]))"
    # A room after its floor: "6层" + "2号", "6楼" + "601房".
    r"|(?<=[层楼])(?:\d{1,3}号(?![楼院\d])|\d{3,4}[室房])"
    # A side of a rural group's houses: "…村六队" + "东侧".
    r"|(?<=[组队社])[东西南北]侧"
    # Hyphenated unit, floor and room after a number, a building or a unit.
    r"|(?:(?<=[号栋幢])|(?<=单元))\d{1,2}-\d{1,2}(?:-\d{1,4})?(?![\d-])"
    # A room after a house number's building ("28号" + "楼305室").
    rf"|(?<=号)楼{_ROOM}"
    # A numbered building at the clause's end ("…52号院7号" + "楼").
    r"|(?<=\d号)楼(?=[，,。；;）)、\s]|$)"
    # A lettered block or zone with what follows it.
    rf"|[A-Z]座{_ROOM}|[A-Z]区\d{{1,3}}(?:栋|幢|号楼)(?:\d{{1,2}}单元)?{_ROOM}"
    # A place inside the property.
    r"|(?:地下车库|车库|商铺|底商|门面|摊位|[东西南北]厢房|正房|首层(?:之[一二三四五六七八九十])?"
    r"|负[一二三]楼|(?:单位)?集体户)"
)
# Led by a building's or a market's name, tried only where its word is near ("…家属楼", "…市场").
_NAMED_TAIL = re.compile(
    # A building of no number, then its unit and room.
    rf"[{CJK}]{{2,8}}?(?:家属楼|宿舍楼|宿舍)\d{{1,2}}单元{_ROOM}"
    # A market's stall.
    rf"|[{CJK}]{{2,8}}?市场(?:[A-Z]区)?\d{{1,4}}号(?:商铺|铺|摊位)?"
)
_NAMED_TAIL_WORDS = re.compile("家属楼|宿舍|市场")
# The characters ``_TAIL`` can start with: most addresses are followed by none of them.
_TAIL_HEADS = frozenset("0123456789号层室房楼东西南北ABCDEFGHIJKLMNOPQRSTUVWXYZ地车商底门摊正首负单集")
# What a property's owner is written with before its address ("被申请人名下房屋…").
_OWNED_PROPERTY = re.compile(rf"[{CJK}]{{0,6}}?名下(?:的)?(?:房屋|房产|住房)")


# Labels a span can be left to start with the last character of ("居住地" read from 地).
_LABEL_HEADS = frozenset(("居住", "户籍", "所在", "住所"))


def extended_end(norm: str, end: int) -> int:
    """The end of the address ending at ``end`` once what is written after it is taken in."""
    for _ in range(3):
        tail = _TAIL.match(norm, end) if norm[end : end + 1] in _TAIL_HEADS else None
        if tail is None and _NAMED_TAIL_WORDS.search(norm, end, end + 12) is not None:
            tail = _NAMED_TAIL.match(norm, end)
        if tail is None:
            break
        end = tail.end()
    return end


def trimmed_start(norm: str, start: int, end: int) -> int:
    """The start of the address at ``norm[start:end]`` without the rest of a label or an owner's
    words before it (the caller checks that what is left is an address)."""
    first = norm[start]
    if first == "地" and norm[start - 2 : start] in _LABEL_HEADS:
        return start + 1
    if first == "籍" and norm[start - 1 : start + 2] == "户籍地":
        return start + 2
    if norm.find("名下", start, start + 10) == -1:
        return start
    owned = _OWNED_PROPERTY.match(norm, start, end)
    return owned.end() if owned is not None else start
