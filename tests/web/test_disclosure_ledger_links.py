"""The ledger (政务公开工作"一本账") linked to the catalogue items that fulfil its lines: the last
published and next due dates follow from the frequency and the items' publication dates."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from disclosuretesting import _fresh_cache, make_item, publish, science_catalogue
from disclosuretesting import client_for as _client
from disclosuretesting import messages_of as _messages
from gongkai.errors import GongkaiError
from gongkai.web.audit.models import AuditEvent
from gongkai.web.disclosure import actions, queues
from gongkai.web.disclosure.models import LedgerEntry

__all__ = ["_fresh_cache", "make_item", "publish", "science_catalogue"]

pytestmark = pytest.mark.django_db


def _line(
    agencies: Any, people: Any, frequency: str, next_due: date | None, title: str = "科技项目资金公示"
) -> Any:
    return actions.do_add_ledger_entry(
        agencies["science"],
        {"title": title, "responsible_unit": "计划科", "frequency": frequency, "next_due": next_due},
        acting_user=people["clerk"],
    )


@pytest.mark.parametrize(
    ("frequency", "next_due", "published_on", "expected"),
    [
        # On time in December: the next month is in the next year.
        ("monthly", date(2026, 12, 31), date(2026, 12, 28), date(2027, 1, 31)),
        # Late, across the year boundary: past the day it was published, quarter ends kept.
        ("quarterly", date(2026, 12, 31), date(2027, 1, 6), date(2027, 3, 31)),
        # Month ends stay month ends (February, then back to the 31st).
        ("monthly", date(2027, 1, 31), date(2027, 1, 20), date(2027, 2, 28)),
        ("monthly", date(2027, 2, 28), date(2027, 2, 27), date(2027, 3, 31)),
        # A date that is not a month end keeps its day.
        ("half_yearly", date(2026, 9, 15), date(2026, 9, 1), date(2027, 3, 15)),
        # Published early, in a period already fulfilled: nothing moves.
        ("yearly", date(2027, 12, 31), date(2026, 11, 30), date(2027, 12, 31)),
        ("once", date(2026, 12, 31), date(2027, 1, 4), None),
        ("as_needed", None, date(2027, 1, 4), None),
    ],
)
def test_next_due_after_a_publication(
    frequency: str, next_due: Any, published_on: date, expected: Any
) -> None:
    assert actions.next_due_after(next_due, frequency, published_on) == expected


def test_publishing_a_linked_item_fulfils_the_line_across_the_year_boundary(
    agencies: Any, people: Any, make_item: Any, publish: Any
) -> None:
    line = _line(agencies, people, "monthly", date(2025, 12, 31))
    item = make_item(written_on=date(2025, 12, 22), title="2025年12月科技项目资金公示")
    actions.do_link_ledger_item(line, item, acting_user=people["clerk"])
    line.refresh_from_db()
    # Linked while a draft: nothing is published yet, and the line is overdue in January.
    assert (line.last_done, line.next_due) == (None, date(2025, 12, 31))
    assert [r.overdue for r in queues.ledger([agencies["science"].pk], date(2026, 1, 5))] == [True]
    publish(item, date(2026, 1, 5))
    line.refresh_from_db()
    assert (line.last_done, line.next_due) == (date(2026, 1, 5), date(2026, 1, 31))
    (row,) = queues.ledger([agencies["science"].pk], date(2026, 1, 6))
    assert not row.overdue and row.status == "按期" and list(row.entry.items.all()) == [item]


def test_linking_an_item_already_published_counts_its_publication(
    agencies: Any, people: Any, make_item: Any, publish: Any
) -> None:
    item = make_item(written_on=date(2026, 3, 2))
    publish(item, date(2026, 3, 20))
    line = _line(agencies, people, "quarterly", date(2026, 3, 31))
    actions.do_link_ledger_item(line, item, acting_user=people["clerk"])
    line.refresh_from_db()
    assert (line.last_done, line.next_due) == (date(2026, 3, 20), date(2026, 6, 30))
    event = AuditEvent.objects.filter(action="disclosure.ledger.link").get()
    assert event.before["next_due"] == "2026-03-31" and event.after["next_due"] == "2026-06-30"
    # A second item of the same quarter fulfils nothing more; the line lists both.
    second = make_item(written_on=date(2026, 3, 2), title="第一季度科技项目资金补充公示")
    publish(second, date(2026, 3, 25))
    actions.do_link_ledger_item(line, second, acting_user=people["clerk"])
    line.refresh_from_db()
    assert (line.last_done, line.next_due) == (date(2026, 3, 25), date(2026, 6, 30))
    assert set(line.items.all()) == {item, second}


def test_linking_is_refused(agencies: Any, people: Any, make_item: Any, publish: Any) -> None:
    line = _line(agencies, people, "monthly", date(2026, 3, 31))
    item = make_item()
    actions.do_link_ledger_item(line, item, acting_user=people["clerk"])
    with pytest.raises(GongkaiError, match="已关联"):
        actions.do_link_ledger_item(line, item, acting_user=people["clerk"])
    withheld = make_item(attribute="on_request")
    with pytest.raises(GongkaiError, match="主动公开"):
        actions.do_link_ledger_item(line, withheld, acting_user=people["clerk"])
    other = actions.do_add_ledger_entry(
        agencies["finance"],
        {
            "title": "预算公开",
            "responsible_unit": "预算科",
            "frequency": "yearly",
            "next_due": date(2026, 3, 31),
        },
        acting_user=people["finance_clerk"],
    )
    with pytest.raises(PermissionDenied):
        actions.do_link_ledger_item(other, item, acting_user=people["clerk"])  # not the clerk's agency
    with pytest.raises(GongkaiError, match="不属于本机关"):
        actions.do_link_ledger_item(other, item, acting_user=people["finance_clerk"])


def test_ledger_page_links_by_index_number_and_lists_the_items(
    agencies: Any, people: Any, make_item: Any, publish: Any
) -> None:
    line = _line(agencies, people, "quarterly", date(2026, 3, 31))
    item = make_item(title="第一季度科技项目资金公示")
    publish(item, date(2026, 3, 5))
    c = _client(people["clerk"])
    url = "/work/disclosure/ledger/"
    r = c.post(
        url, {"agency": agencies["science"].pk, "link": line.pk, "index_number": "不存在"}, follow=True
    )
    assert "本机关没有索引号为“不存在”的信息" in r.content.decode()
    r = c.post(
        url,
        {"agency": agencies["science"].pk, "link": line.pk, "index_number": item.index_number},
        follow=True,
    )
    assert _messages(r) == ["已关联：科技项目资金公示 ← 第一季度科技项目资金公示"]
    page = r.content.decode()
    assert f'href="/work/disclosure/items/{item.pk}/"' in page and "2026-03-05 发布" in page
    assert LedgerEntry.objects.get(pk=line.pk).next_due == date(2026, 6, 30)


def test_read_only_staff_see_the_links_but_cannot_link(
    agencies: Any, people: Any, make_item: Any, publish: Any
) -> None:
    line = _line(agencies, people, "monthly", date(2026, 3, 31))
    item = make_item(title="三月资金公示")
    actions.do_link_ledger_item(line, item, acting_user=people["clerk"])
    page = _client(people["supervisor"]).get(f"/work/disclosure/ledger/?agency={agencies['science'].pk}")
    text = page.content.decode()
    assert "三月资金公示" in text and 'name="index_number"' not in text


def test_item_page_lists_the_ledger_lines_it_fulfils(agencies: Any, people: Any, make_item: Any) -> None:
    line = _line(agencies, people, "yearly", date(2026, 3, 31), title="部门预算公开")
    item = make_item(title="2026年部门预算")
    c = _client(people["clerk"])
    assert "无（可在“一本账”中按索引号关联）" in c.get(f"/work/disclosure/items/{item.pk}/").content.decode()
    actions.do_link_ledger_item(line, item, acting_user=people["clerk"])
    page = c.get(f"/work/disclosure/items/{item.pk}/").content.decode()
    assert "部门预算公开</a>（每年）" in page
