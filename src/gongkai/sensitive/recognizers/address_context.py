"""Whether an address is an organisation's, by the words around it (see ``addresses``).

An agency's or a company's address is published by law and is not a natural person's data. Beyond
the labels ``addresses`` knows (办公地址, 单位地址 …), the context says so when
- the label is one only an office has: 来信地址, 注册地址, (经营/上网)场所地址, 车管所地址, or
  materials are sent there (补正材料可寄至, 材料请寄送：, 异议材料送达地址：);
- people are told to go there to do something ("到…报到", "到…认领", "到…领取", "到…参加");
- the address stands in parentheses right after an organisation ("…管理所（地址）");
- an office is named right after it ("…298号不动产登记中心");
- the label is an organisation's own: "区残联地址：", "征收部门地址：", "支队地址", "咨询地址：";
- it is a cell of a table row that holds a unified social credit code (a register of companies
  and shops: the seat of the entity the code is for);
- a neutral label (地址, 住所, 联系地址) follows a clause about an organisation ("建议您向该机关咨询，
  联系地址：", "你单位通过登记的住所").
A person's address keeps its personal labels (住址, 家庭住址, 户籍地) and is not changed by this.
A company's 住所 followed by its 法定代表人 is left as it was: the labelled corpora disagree on it
(the generated one labels it as personal data: for a 个体工商户 it is often the keeper's home).
"""

from __future__ import annotations

import re

from gongkai.sensitive.checksums import uscc_is_valid
from gongkai.sensitive.recognizers.address_records import (
    CREDIT_CODE,
    organisation_by_layout,
    organisation_code_in,
)
from gongkai.sensitive.recognizers.base import CJK

# Labels only an office has, right before the address (after a colon or spaces).
# 认领地址/认领地点: where a found child, a body or lost property is claimed (an agency's office);
# 办公地点: an office's place ("现实际办公地点为…").
_OFFICE_LABELS = (
    "来信地址",
    "注册地址",
    "场所地址",
    "车管所地址",
    "办公地址",
    "办公地点",
    "认领地址",
    "认领地点",
)
# Materials sent there: "补正材料可寄至", "异议材料送达地址：", "寄送至本机关" (tried only where "寄" or
# "送达" is in the words before: a search over them for every address cost more than the rest).
_SENT_THERE = re.compile(
    r"(?:(?:材料|申请书|信件)[^，。；\n]{0,6}(?:寄至|寄送|寄往|送达地址)|(?:寄至|寄送)[^，。；\n]{0,4}(?:本机关|本局|本单位)"
    # ... or the letters of a complaint channel: "信函请寄", "来信请寄至" (a line may end after it).
    r"|(?:信函|来信|信件)请?寄(?:至|往|送)?)"
    r"[：:]?\s*$"
)
_GO_THERE = re.compile(rf"[{CJK}]{{0,10}}?(?:报到|认领|领取|参加|办理|咨询|接受处理|接受调查|接受询问)")
_ORGANISATION_END = re.compile(
    r"(?:局|委员会|人民政府|办公室|办事处|中心|管理所|派出所|大队|支队|法院|检察院|公司|医院|学校|会议室|指挥部"
    # ... an office's section or hall ("…运输管理科（地址：", "…办税服务厅（", "…人民法庭（").
    r"|科|厅|法庭)"
    # ... or the organisation and what one does there: "…服务中心反映（地址：", "…中心咨询（",
    # "…大队登记（地址：", "…服务厅缴纳（地址：".
    r"(?:反映|咨询|联系|投诉|登记|缴纳|办理|领取|交回|申报)?$"
)
_OFFICE_NAMED_AFTER = re.compile(
    rf"[{CJK}]{{0,8}}?(?:登记中心|服务中心|办事大厅|出入境大厅|大厅|管理所|派出所|分局|人民政府|执法局|执法大队"
    # ... a government's compound or building ("…1号市政府大院", "…22号区政府大楼"), a police
    # office ("…18号某市公安局…中队"), a town's 综治中心, a welfare home, a funeral parlour, a
    # marriage registry: the address of the office named.
    r"|政府|公安局|综治中心|福利院|殡仪馆|登记处)"
    # A works' building after its number ("…1052号3号厂房") is a company's premises.
    r"|\d{1,3}号?(?:厂房|车间|仓库)"
)
# The last characters of what ``_OFFICE_NAMED_AFTER`` reads: one set test before the expression.
_OFFICE_LAST_CHARS = frozenset("心厅所局府房间库院馆处")
# "地址" right after an organisation or an office's service: 区残联地址, 征收部门地址, 咨询地址.
# A business's department is one too (广告部地址). Not 供应商地址: a supplier may be a person
# trading under their own name, and the independent corpus labels its address as personal.
_ORGANISATION_LABEL = re.compile(
    # A court, a station, a 司法所 say "本院地址", "我站地址", "司法所地址".
    r"(?:局|委|残联|部门|支队|大队|中心|公司|咨询|受理|办事|[^\n]部|代理机构|院|站|司法所|派出所)地址$"
)
# A business's premises located by a verb ("修理厂位于…", "站点在…", "门店设在…"): not a home.
_PREMISES_LOCATED = re.compile(r"(?:站点|厂|门店|店铺|超市|公司|工地|仓库)(?:位于|设在|在)$")
_NEUTRAL_LABELS = ("联系地址", "通讯地址", "地址", "住所地", "住所")
# ... or the agency writing, the label standing alone after a comma ("可到本院立案庭领取，地址：…";
# not "我局向X户籍地址", a person's).
_ORGANISATION_IN_CLAUSE = re.compile(
    r"(?:机关|你单位|该单位|本单位|贵单位|你公司|该公司|企业)[^。；\n]*$|(?:本院|我院|本局|我局|本站|我站)[^。；\n]*[，,]$"
)


def office_by_context(norm: str, start: int, end: int) -> bool:
    """Whether ``norm[start:end]``, an address, is an organisation's by its context (see above)."""
    before = norm[max(0, start - 24) : start]
    label_end = before.rstrip(" \t：:")
    # A copula may join label and address ("注册地址为…", "办公地址是…"): the label is before it.
    if label_end.endswith(("为", "是")):
        label_end = label_end[:-1].removesuffix("均")
    # A converter may have wrapped the line inside the label ("（地⏎址：").
    label = label_end.replace("\n", "") if "\n" in label_end else label_end
    if label.endswith(_OFFICE_LABELS):
        return True
    if label.endswith("地址") and _ORGANISATION_LABEL.search(label):
        return True
    # A cell: after a tab or a "|" (any entity's code), or after a CSV comma or a space (columns
    # laid out with spaces), where a 个体工商户's code (category 92, GB 32100 表 1) does not count:
    # its keeper trades as a person, often from home. The labelled corpora disagree on the
    # keeper's seat in tab tables (volume B: not personal; A and C: personal), so those keep the
    # rule they had.
    last = before[-1:]
    if last in "\t|, " and _in_row_with_credit_code(norm, start, end, sole_traders=last in "\t|"):
        return True
    if ("寄" in before or "送达" in before) and _SENT_THERE.search(before):
        return True
    if before.endswith("到") and _GO_THERE.match(norm[end : end + 24].replace("\n", "")):
        return True
    if before[-1:] in "（(" and _ORGANISATION_END.search(before[:-1]):
        return True
    # "…管理办公室（地址：…）": the seat of the organisation the bracket follows.
    if label.endswith("（地址") and _ORGANISATION_END.search(label[:-3]):
        return True
    if not _OFFICE_LAST_CHARS.isdisjoint(norm[end : end + 12]) and _OFFICE_NAMED_AFTER.match(norm, end):
        return True
    if label_end.endswith(("位于", "在")) and _PREMISES_LOCATED.search(label_end):
        return True
    if not label_end.endswith(_NEUTRAL_LABELS):
        return False
    for label in _NEUTRAL_LABELS:  # the longest first
        if label_end.endswith(label):
            head = label_end[: -len(label)]
            clause = head[max(head.rfind("。"), head.rfind("\n")) + 1 :]
            return _ORGANISATION_IN_CLAUSE.search(clause) is not None or _organisation_before(clause)
    return False


def _organisation_before(clause: str) -> bool:
    """A neutral label (地址, 住所地) right after an organisation's name ("…交通警察大队，住所地") or
    after an organisation's unified social credit code in the same clause ("统一社会信用代码
    91…，地址："): the seat of that organisation. A 个体工商户's code (92…) does not count: the
    policy labels a sole trader's premises as personal."""
    if _ORGANISATION_END.search(clause.rstrip("，, ")):
        return True
    return organisation_code_in(clause)


def _in_row_with_credit_code(norm: str, start: int, end: int, *, sole_traders: bool) -> bool:
    row_end = norm.find("\n", end)
    row = CREDIT_CODE.finditer(norm, norm.rfind("\n", 0, start) + 1, row_end if row_end != -1 else len(norm))
    return any((sole_traders or not code[0].startswith("92")) and uscc_is_valid(code[0]) for code in row)


def excluded_by_context(norm: str, start: int, end: int) -> bool:
    """Whether the address at ``norm[start:end]`` is not a person's: an organisation's (above), or
    no address at all ("…村钟国强户宅" + "基地": 宅基地 is a homestead plot, not a natural village;
    "…路88号至128号", a stretch of a street)."""
    if norm[end - 1] == "宅" and norm.startswith("基地", end):
        return True
    # A street's stretch of numbers ("…路88号至128号") names a section of the street, not a home.
    if norm[end : end + 1] == "至" and norm[end + 1 : end + 2].isdigit():
        return True
    return office_by_context(norm, start, end) or organisation_by_layout(norm, start, end)
