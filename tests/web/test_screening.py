"""Screening prompts on the case page: 重复申请 (same or very similar text) and the monthly count."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from gongkai.web.applications.screening import screen

pytestmark = pytest.mark.django_db


def _page(user: Any, app: Any) -> str:
    c = Client()
    c.force_login(user)
    return c.get(f"/work/cases/{app.pk}/").content.decode()


def test_same_and_similar_earlier_applications_are_linked(submit: Any, people: Any) -> None:
    same = submit(received=date(2026, 1, 5), description="２０２５年度，科技项目补助资金分配结果。")
    similar = submit(received=date(2026, 2, 2), description="请公开2025年度科技项目补助资金的分配结果")
    other = submit(received=date(2026, 2, 3), description="平湖市高新技术企业认定名单")
    # Same person found by name + phone although the ID number was typed differently.
    by_phone = submit(received=date(2026, 2, 4), id_number="110101199001011238")
    someone_else = submit(received=date(2026, 2, 5), id_number="330102199001011234", name="李四", phone="139")
    elsewhere = submit(agency=people["finance_clerk"].memberships.get().agency, received=date(2026, 2, 5))
    app = submit(received=date(2026, 3, 2))
    hits = {h.app.pk: h.match.likeness.value for h in screen(app).hits}
    assert hits == {same.pk: "same", similar.pk: "similar", by_phone.pk: "same"}
    page = _page(people["clerk"], app)
    assert "重复申请提示" in page
    for earlier in (same, similar, by_phone):
        assert f'href="/work/cases/{earlier.pk}/"' in page
    for unrelated in (other, someone_else, elsewhere):
        assert f'href="/work/cases/{unrelated.pk}/"' not in page


def test_no_prompt_for_a_first_application(submit: Any, people: Any) -> None:
    submit(received=date(2026, 3, 2), id_number="330102199001011234", name="李四", phone="139")
    app = submit(received=date(2026, 3, 2))
    assert screen(app).hits == []
    page = _page(people["clerk"], app)
    assert "重复申请提示" not in page and "数量明显超过合理范围" not in page


@override_settings(GONGKAI_EXCESSIVE_PER_MONTH=3)
def test_monthly_count_above_the_threshold_is_a_prompt(submit: Any, people: Any) -> None:
    submit(received=date(2026, 2, 27), description="一")
    for i in range(3):
        submit(received=date(2026, 3, 2 + i), description=f"第{i}份不同的文件名称甲乙丙")
    app = submit(received=date(2026, 3, 20), description="另一份完全无关的材料")
    s = screen(app)
    assert (s.month_count, s.year_count) == (4, 5)
    assert s.month_excessive and not s.year_excessive
    page = _page(people["clerk"], app)
    assert "本自然月向本机关申请 4 件（提示阈值 3 件）" in page
    assert "由本机关依条例第三十五条判断" in page


@override_settings(GONGKAI_EXCESSIVE_PER_MONTH=4)
def test_at_the_threshold_there_is_no_prompt(submit: Any, people: Any) -> None:
    for i in range(4):
        submit(received=date(2026, 3, 2 + i), description=f"第{i}份不同的文件名称甲乙丙")
    app = submit(received=date(2026, 3, 20), description="另一份完全无关的材料")
    assert screen(app).month_count == 5
    with override_settings(GONGKAI_EXCESSIVE_PER_MONTH=5):
        assert not screen(app).month_excessive
        assert "数量明显超过合理范围" not in _page(people["clerk"], app)


def test_screening_uses_a_fixed_number_of_queries(submit: Any, people: Any) -> None:
    for i in range(30):
        submit(received=date(2026, 3, 2), description=f"文件{i}")
    app = submit(received=date(2026, 3, 3))
    with CaptureQueriesContext(connection) as queries:
        screen(app)
    assert len(queries) == 2
