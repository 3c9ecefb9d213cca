"""Who publishes an agency's annual report, to whom it is submitted, and by when.

Legal basis: 条例 第四十九条:

- 条例第四十九条第一款：“县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交
  本行政机关上一年度政府信息公开工作年度报告并向社会公布。” -- a department submits AND publishes,
  by 31 January;
- 条例第四十九条第二款：“县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前向社会
  公布本级政府上一年度政府信息公开工作年度报告。” -- a government's report is published by its
  主管部门 (its 办公厅（室）, 第三条第三款) by 31 March.

Neither paragraph covers a 乡（镇）人民政府 or a 街道办事处 (nor other bodies): for them the 条例
sets no date, and :func:`annual_report_duty` says so (``due`` is ``None`` with the reason) rather
than inventing one; provincial rules commonly set one, which the agency records itself.

"在每年1月31日前" is read as "on 31 January at the latest": that day is the last day on time, as
the reminders have always counted it. The date is a calendar date fixed by the 条例, not a period
counted in days, so it is not moved off a weekend or holiday.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gongkai.agencies import AgencyKind

ARTICLE_49_1 = "条例 第四十九条第一款"
ARTICLE_49_2 = "条例 第四十九条第二款"
SUPERVISOR = "本级政府信息公开工作主管部门"


@dataclass(frozen=True, slots=True)
class PublicationDuty:
    """What 第四十九条 asks for one agency's report on ``report_year``."""

    kind: AgencyKind
    report_year: int
    #: The last day on time; ``None`` when the 条例 sets no date for this kind (see ``note``).
    due: date | None
    #: Whether the report must also be submitted to the 本级政府信息公开工作主管部门 (部门 only).
    submit_to_supervisor: bool
    #: Who publishes it (向社会公布).
    publisher: str
    #: The paragraph that sets the duty, or "" when none does.
    basis: str
    #: The duty in plain Chinese, for pages and reminders.
    note: str

    def is_late(self, published_on: date | None, today: date) -> bool | None:
        """Whether the report was (or, unpublished, is by ``today``) late; ``None`` without a due date."""
        if self.due is None:
            return None
        return (published_on if published_on is not None else today) > self.due


def annual_report_duty(kind: AgencyKind, report_year: int) -> PublicationDuty:
    """The 第四十九条 duty for the report of an agency of ``kind`` on ``report_year``.

    Legal basis: 条例 第四十九条第一款 (部门: submit and publish by 1月31日), 第二款 (县级以上地方
    人民政府: published by its 主管部门 by 3月31日).
    """
    following = report_year + 1
    due: date | None
    if kind is AgencyKind.DEPARTMENT:
        due = date(following, 1, 31)
        submit, publisher, basis = True, "本机关", ARTICLE_49_1
        note = f"应当在{_shown(due)}前向{SUPERVISOR}提交{report_year}年度报告并向社会公布（{ARTICLE_49_1}）。"
    elif kind is AgencyKind.GOVERNMENT:
        due = date(following, 3, 31)
        submit, publisher, basis = False, "本级政府信息公开工作主管部门（人民政府办公厅（室））", ARTICLE_49_2
        note = (
            f"由本级政府信息公开工作主管部门在{_shown(due)}前"
            f"向社会公布本级政府{report_year}年度报告（{ARTICLE_49_2}）。"
        )
    else:
        due, submit, publisher, basis = None, False, "本机关", ""
        note = (
            f"条例第四十九条只规定了县级以上人民政府部门和县级以上地方人民政府年度报告的期限，"
            f"没有规定{kind.description}的期限；请按省级或本级政府信息公开工作主管部门的规定执行。"
        )
    return PublicationDuty(
        kind, report_year, due, submit_to_supervisor=submit, publisher=publisher, basis=basis, note=note
    )


def _shown(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
