"""Issue 17 point 9: item pages show 有效期 and 现行有效; the agency page's 年度报告 heading counts
the published annual reports."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from disclosuretesting import make_item, publish, science_catalogue
from gongkai.web.annual import actions as annual_actions
from gongkai.web.disclosure import actions

__all__ = ["make_item", "publish", "science_catalogue"]

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(monkeypatch: Any) -> None:
    from gongkai.web import clock

    cache.clear()  # the portal caches public pages
    monkeypatch.setattr(
        clock, "now", lambda: timezone.make_aware(datetime.combine(date(2026, 3, 10), time(10)))
    )


def _fact(page: str, name: str) -> str:
    found = re.search(rf'<dd id="{name}">(.*?)</dd>', page, re.S)
    assert found is not None, name
    return re.sub(r"<[^>]+>", "", found.group(1))


def test_a_normative_document_in_force_and_abolished(
    client: Client, people: Any, make_item: Any, publish: Any
) -> None:
    item = make_item(category="行政规范性文件", doc_type="normative", valid_from=date(2026, 3, 5))
    publish(item)
    page = client.get(f"/open/items/{item.pk}/").content.decode()
    assert _fact(page, "item-validity-period") == "2026-03-05 至 长期"
    assert _fact(page, "item-validity") == "现行有效"
    actions.do_record_life_event(
        item, "abolished", date(2026, 3, 9), "平科规〔2026〕2号", acting_user=people["clerk"]
    )
    cache.clear()
    page = client.get(f"/open/items/{item.pk}/").content.decode()
    assert _fact(page, "item-validity") == "已废止（2026-03-09）"
    assert _fact(page, "item-validity-period") == "2026-03-05 至 2026-03-09"


def test_expired_and_not_yet_valid(client: Client, make_item: Any, publish: Any) -> None:
    old = make_item(valid_from=date(2025, 1, 1), valid_until=date(2025, 12, 31))
    future = make_item(title="关于下月起施行的通知", valid_from=date(2026, 4, 1))
    plain = make_item(title="关于召开座谈会的通知")
    for it in (old, future, plain):
        publish(it)
    assert _fact(client.get(f"/open/items/{old.pk}/").content.decode(), "item-validity") == "已失效"
    assert _fact(client.get(f"/open/items/{future.pk}/").content.decode(), "item-validity") == "尚未生效"
    page = client.get(f"/open/items/{plain.pk}/").content.decode()
    assert 'id="item-validity"' not in page and "有效期" not in page  # a notice has no validity


def test_the_annual_report_heading_counts_the_published_reports(
    client: Client, agencies: Any, people: Any, science_catalogue: Any
) -> None:
    science = agencies["science"]
    for year in (2024, 2025):
        report = annual_actions.do_generate_report(science, year, acting_user=people["clerk"])
        annual_actions.do_publish_report(report, acting_user=people["head"])
    annual_actions.do_generate_report(science, 2023, acting_user=people["clerk"])  # a draft: not counted
    heading = science_catalogue["政府信息公开年度报告"]
    page = client.get(f"/open/agencies/{science.pk}/").content.decode()
    assert re.search(
        rf'<a href="\?category={heading.pk}" >政府信息公开年度报告</a> <span class="small muted">2</span>',
        page,
    )
    listed = client.get(f"/open/agencies/{science.pk}/?category={heading.pk}").content.decode()
    assert re.findall(r"平湖市科学技术局(\d{4})年政府信息公开工作年度报告", listed) == ["2025", "2024"]
