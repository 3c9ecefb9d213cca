"""The six narrative sections drafted from the year's facts, for the clerk to edit.

Every figure that a table also shows is taken from the table itself (not recounted), so the
text-against-table rules of the core (``TEXT-TABLE-*``, ``TEXT-TABLE-DOCUMENTS``) hold by
construction; the figures the tables do not show (publications per channel, answers on time,
fees) come from ``tables.facts_for``. The sentences use the wording those rules read
("本年新收政府信息公开申请N件", "办结N件", "行政复议N件" ...). The sentence about answers on time
names 三（七）总计 first ("办结的N件中，按期…") and its parts without 办结/答复 in front (issue 17:
"在法定期限内作出答复的8件" was read as the number answered and raised TEXT-TABLE-DONE).
"""

from __future__ import annotations

from decimal import Decimal

from gongkai.report.model import STANDARD_SECTION_TITLES, Section, Table2, Table3, Table4
from gongkai.web.annual.models import GovernmentResults
from gongkai.web.annual.tables import ReportFacts
from gongkai.web.disclosure import vocabulary as dv


def _channels(publications: dict[str, int]) -> str:
    labels = dict(dv.PublicationChannel.choices())
    parts = [f"{labels[key]}{n}条" for key, n in sorted(publications.items()) if key in labels and n]
    return f"，其中{'、'.join(parts)}" if parts else ""


def _yuan(amount: Decimal) -> str:
    return f"{amount.quantize(Decimal('0.01')):f}".rstrip("0").rstrip(".")


#: How the 第五十条第（四）项 paragraph begins (the 2021 format's 监督保障 of （一）总体情况).
RESULTS_LEAD = "监督保障。"


def government_results(results: GovernmentResults | None) -> str:
    """The 监督保障 paragraph of a 人民政府's report from what the agency entered: its 工作考核、社会评议
    和责任追究结果情况 (条例 第五十条第（四）项); "" while nothing is entered (then the check's
    GOV-ASSESSMENT warning says it is missing -- the draft never claims results nobody gave)."""
    if results is None:
        return ""
    parts = [
        (label, text.strip())
        for label, text in (
            ("工作考核", results.assessment),
            ("社会评议", results.evaluation),
            ("责任追究", results.accountability),
        )
        if text.strip()
    ]
    if not parts:
        return ""
    body = "".join(f"{label}结果：{text}" + ("" if text.endswith("。") else "。") for label, text in parts)
    return f"{RESULTS_LEAD}{body}"


def _timing(done: int, facts: ReportFacts) -> list[str]:
    """How the cases closed in the year (三（七）总计, ``done``) split into on time, overdue and
    without a due date on record. The three parts are counted from the same cases as the table
    (``tables.facts_for``) and add up to ``done``; the sentence restates ``done`` itself, so the
    rule TEXT-TABLE-DONE, which reads "办结的N件", compares the table's own figure. The parts are
    written without 办结/答复 in front of them so that no rule reads a part as a second total."""
    rate = facts.on_time_rate
    if not done or rate is None:
        return []
    parts = [f"按期{facts.answered_on_time}件", f"逾期{facts.answered_overdue}件"]
    if facts.answered_without_due:
        parts.append(f"无期限记录{facts.answered_without_due}件")
    return [f"办结的{done}件中，{'，'.join(parts)}，按时办结率为{rate:f}%。"]


def draft_sections(
    agency: str,
    year: int,
    table2: Table2,
    table3: Table3,
    table4: Table4,
    facts: ReportFacts,
    results: GovernmentResults | None = None,
) -> tuple[Section, ...]:
    """Sections 一 to 六 restating the tables and ``facts`` (``tables.facts_for``); for a 人民政府,
    ``results`` gives section 一 its 第五十条第（四）项 paragraph."""
    publications: dict[str, int] = dict(facts.publications)
    published = publications.get("total", 0)
    new = table3.cell("new", "total") or 0
    carried = table3.cell("carried", "total") or 0
    done = table3.cell("total", "total") or 0
    carry_next = table3.cell("carry_next", "total") or 0
    recon = table4.reconsideration.total or 0
    litigation = (table4.litigation_direct.total or 0) + (table4.litigation_after_reconsideration.total or 0)
    overdue = facts.answered_overdue
    regs, docs = table2.regulations, table2.normative_documents

    general = [
        f"{year}年，{agency}认真贯彻落实《中华人民共和国政府信息公开条例》，"
        f"全年共通过各渠道发布政府信息{published}条，本年新收政府信息公开申请{new}件。"
    ]
    active = [
        f"{year}年，全年共通过各渠道发布政府信息{published}条{_channels(publications)}。",
        f"本年制发行政规范性文件{docs.issued or 0}件，废止{docs.abolished or 0}件，"
        f"现行有效{docs.in_force or 0}件。",
    ]
    if regs.issued or regs.abolished or regs.in_force:
        active.append(
            f"制发规章{regs.issued or 0}件，废止{regs.abolished or 0}件，现行有效{regs.in_force or 0}件。"
        )
    active.append("具体情况见下表。")
    requests = [
        f"{year}年，本机关新收政府信息公开申请{new}件，上年结转{carried}件，"
        f"办结{done}件，结转下年度继续办理{carry_next}件。"
    ]
    requests.extend(_timing(done, facts))
    requests.append("具体情况见下表。")
    appeals = [f"{year}年，本机关因政府信息公开工作被申请行政复议{recon}件，被提起行政诉讼{litigation}件。"]
    if overdue:
        problems = (
            f"（一）存在的主要问题。本年度有{overdue}件政府信息公开申请未在法定期限内答复。"
            "（二）改进情况。将加强申请办理的期限管理，对临近期限的申请提前督办，确保按时答复。"
        )
    else:
        problems = (
            "（一）存在的主要问题。主动公开内容的针对性和解读回应的及时性有待提高。"
            "（二）改进情况。将加强公开内容审核和政策解读，及时回应社会关切。"
        )
    # （六）2 counts applications closed because a fee notice went unpaid: a notice was issued.
    unpaid = table3.cell("other_overdue_fee", "total") or 0
    if not facts.fee_notices_sent and not facts.fees_paid_count and not unpaid:
        charged = "本年度未发出收费通知，未收取信息处理费。"
    else:
        collected = (
            f"收取信息处理费{facts.fees_paid_count}笔，共计{_yuan(facts.fees_total_yuan)}元"
            if facts.fees_paid_count
            else "未收取信息处理费"
        )
        lapsed = f"；申请人逾期未缴纳费用、不再处理的申请{unpaid}件" if unpaid else ""
        sent = f"本年度发出收费通知{facts.fee_notices_sent}份，" if facts.fee_notices_sent else "本年度"
        charged = f"{sent}{collected}{lapsed}。"
    charged = "依据《政府信息公开信息处理费管理办法》，" + charged
    general.append(government_results(results))
    texts = {
        "一": "".join(general),
        "二": "".join(active),
        "三": "".join(requests),
        "四": "".join(appeals),
        "五": problems,
        "六": charged,
    }
    return tuple(Section(n, STANDARD_SECTION_TITLES[n], texts[n]) for n in texts)
