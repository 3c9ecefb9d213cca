"""What kind of body an agency is, as the 条例 distinguishes them, and how to tell it from its name.

The 条例 attaches different duties to different bodies:

- 县级以上地方人民政府 (a province's, city's, county's or district's government): its annual report
  is published by its 政府信息公开工作主管部门 by 31 March (第四十九条第二款), and must also report
  工作考核、社会评议和责任追究结果情况 (第五十条第（四）项, following 第四十六条);
- 县级以上人民政府部门 (a 局, 委员会, 办公室 of such a government, including the government's own
  办公厅（室）): submits its report to the 本级政府信息公开工作主管部门 and publishes it by
  31 January (第四十九条第一款);
- 乡（镇）人民政府: one of the "各级人民政府" (第三条、第四条、第四十六条, and 第二十一条 names it), so
  第五十条第（四）项 applies to its report; but 第四十九条 sets no date for it (its two paragraphs
  cover only 县级以上 bodies) -- the date comes from provincial or local rules;
- 街道办事处: the 派出机关 of a 区 or 不设区的市 government (地方各级人民代表大会和地方各级人民政府
  组织法), not a 人民政府 and not a 人民政府部门. The 条例 does not name it at all: 第四十九条 sets no
  date and 第五十条第（四）项 (各级人民政府) does not reach it. The issue's "乡镇街道" is therefore
  two kinds here: they share the 第四十九条 answer but not the 第五十条 one;
- anything else (a 开发区管委会, an organisation authorised by law under 第五十四条 …): 其他.

The kind is an attribute a person confirms (the web stores it per agency); :func:`kind_from_name`
only proposes one, and says when the name does not tell.

Legal basis: 条例 第三条、第四条、第二十一条、第四十六条、第四十九条、第五十条第（四）项.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class AgencyKind(StrEnum):
    """The kinds of body the 条例 treats differently (values are what people choose from)."""

    #: 县级以上地方人民政府 (第四十九条第二款).
    GOVERNMENT = "人民政府"
    #: 县级以上人民政府部门, the government's own 办公厅（室） included (第四十九条第一款).
    DEPARTMENT = "部门"
    #: 乡、民族乡、镇人民政府 (and 苏木): 各级人民政府 but not 县级以上.
    TOWNSHIP = "乡镇"
    #: 街道办事处: a 派出机关, not a 人民政府.
    SUBDISTRICT = "街道"
    #: Anything else: 开发区管委会, organisations under 第五十四条 …
    OTHER = "其他"

    @property
    def description(self) -> str:
        return _DESCRIPTIONS[self]

    @property
    def is_peoples_government(self) -> bool:
        """One of the 各级人民政府 whose report must include 工作考核、社会评议和责任追究结果情况
        (条例 第五十条第（四）项)."""
        return self in (AgencyKind.GOVERNMENT, AgencyKind.TOWNSHIP)


_DESCRIPTIONS = {
    AgencyKind.GOVERNMENT: "县级以上地方人民政府",
    AgencyKind.DEPARTMENT: "县级以上人民政府部门",
    AgencyKind.TOWNSHIP: "乡（镇）人民政府",
    AgencyKind.SUBDISTRICT: "街道办事处",
    AgencyKind.OTHER: "其他机关或组织",
}


def parse_kind(text: str) -> AgencyKind:
    """The kind named by ``text``: its value ("人民政府"), its English name ("government") or its
    description ("县级以上人民政府部门"). ``ValueError`` with a Chinese message otherwise."""
    wanted = text.strip()
    for kind in AgencyKind:
        if wanted in (kind.value, kind.name.lower(), kind.description):
            return kind
    choices = "、".join(k.value for k in AgencyKind)
    raise ValueError(f"未知的机关类别“{text}”，可选：{choices}")


@dataclass(frozen=True, slots=True)
class KindFromName:
    """A kind proposed from a name, with the reason in Chinese; ``kind`` is ``None`` when the name
    does not tell (then the kind must be set by a person)."""

    kind: AgencyKind | None
    reason: str


_GOVERNMENT = "人民政府"
#: The level a government's name ends with before 人民政府: 省, 自治区, 市, 自治州, 县, 自治县, 区, 旗.
_COUNTY_OR_ABOVE = ("省", "区", "市", "州", "县", "旗")
_TOWNSHIP = ("乡", "镇", "苏木")
#: Endings of a 县级以上人民政府部门's name (full and customary short forms: 发改委, 区政府办).
_DEPARTMENT_ENDINGS = ("局", "厅", "委员会", "委", "办公室", "办")
#: Bodies whose name ends like a department's but that are not one.
_NOT_DEPARTMENTS = ("管理委员会", "管委会", "村民委员会", "居民委员会", "党委")
_SPACE = re.compile(r"\s+")
#: A note after the name: "示例市示例局（演示数据）".
_TRAILING_NOTE = re.compile(r"[（(][^（）()]*[）)]$")


def kind_from_name(name: str | None) -> KindFromName:
    """Propose the kind of the agency called ``name`` (see the module docstring for the law).

    ``…人民政府`` is a government (乡/镇/苏木人民政府 a township); ``…人民政府办公室`` and any other
    body named under a county-or-above government is a department; ``…街道办事处`` a subdistrict;
    ``…局/委员会/委/厅/办公室/办`` a department, except 管理委员会 (a 开发区's, whose standing the
    name does not tell). Anything else: ``None`` -- a wrong kind would give a wrong deadline.
    """
    compact = _TRAILING_NOTE.sub("", _SPACE.sub("", name or ""))
    if not compact:
        return KindFromName(None, "没有机关名称，无法判断机关类别。")
    if compact.endswith(("街道办事处", "街道办")):
        return KindFromName(
            AgencyKind.SUBDISTRICT, "名称以“街道办事处”结尾：街道办事处是派出机关，不是人民政府。"
        )
    at = compact.rfind(_GOVERNMENT)
    if at > 0:
        level = compact[:at]
        after = compact[at + len(_GOVERNMENT) :]
        if level.endswith(_TOWNSHIP):
            if after:
                return KindFromName(None, f"“{compact}”是乡（镇）人民政府之下的机构，无法从名称判断其类别。")
            return KindFromName(AgencyKind.TOWNSHIP, "名称以“乡（镇）人民政府”结尾。")
        if level.endswith(_COUNTY_OR_ABOVE):
            if after:
                return KindFromName(
                    AgencyKind.DEPARTMENT,
                    f"“{after}”是{compact[: at + len(_GOVERNMENT)]}的工作部门（不是人民政府本身）。",
                )
            return KindFromName(AgencyKind.GOVERNMENT, "名称以“人民政府”结尾，为县级以上地方人民政府。")
    if compact.endswith(_NOT_DEPARTMENTS):
        return KindFromName(None, f"无法从名称“{compact}”判断机关类别（如开发区管理委员会），请指定。")
    if compact.endswith(_DEPARTMENT_ENDINGS):
        return KindFromName(
            AgencyKind.DEPARTMENT, "名称以局、委员会、厅、办公室等结尾，为人民政府的工作部门。"
        )
    return KindFromName(None, f"无法从名称“{compact}”判断机关类别，请指定。")
