"""按件收费 in the demo: an applicant's eleventh application to one agency in a month (issue 6)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from gongkai.web.demo.cases import Desk, build_case
from gongkai.web.demo.people import uscc

#: The agency (short name) to which one company sends eleven applications in one month.
FREQUENT_AT = "示自规"
#: How many applications of a month are free of charge by 按件 (the national tiers: 10).
FREE_PER_MONTH = 10


def frequent_applicant(rng: random.Random) -> dict[str, Any]:
    """A developer asking 示自规 about many plots: the same company (same 统一社会信用代码) each time."""
    return {
        "applicant_type": "commercial",
        "name": "示例市恒达建设有限公司",
        "id_type": "uscc",
        "id_number": uscc(rng),
        "legal_representative": "许强",
        "phone": "13905730188",
        "email": "hengda@example.cn",
        "address": "示例市东湖大道88号",
        "postcode": "314200",
        "delivery_form": "electronic",
        "delivery_method": "email",
    }


def build_frequent_applicant(desk: Desk) -> None:
    """Eleven applications on eleven working days of the month two months back: ten answered
    free of charge, the eleventh charged 按件 (收费通知书, paid, then answered)."""
    today, calendar = desk.today, desk.calendar
    month = date(today.year, today.month, 1) - timedelta(days=45)
    day = calendar.add_working_days(date(month.year, month.month, 1) - timedelta(days=1), 1)
    applicant = frequent_applicant(desk.rng)
    for n in range(1, FREE_PER_MONTH + 2):
        data = {**applicant, "description": f"东湖片区第{n}号地块国有建设用地使用权出让合同及规划条件"}
        scenario = "answered" if n <= FREE_PER_MONTH else "fee_per_application"
        build_case(desk, day, scenario, channel="in_person", applicant=data)
        day = calendar.add_working_days(day, 1)
