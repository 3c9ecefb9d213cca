"""pytest fixtures of the disclosure and portal tests (imported by their test modules; under
tests/, not in the installed package: it imports pytest).

Built on the personas of tests/webtesting.py: 平湖市科学技术局 with its clerk, reviewer and head.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

BODY = "为加快科技创新，现将2023年度科技项目补助资金安排公告如下。"
#: What every published guide must also state (gongkai.guide: 条例 第十二条第二款, the application
#: procedure, 第五十一条); tests append it to the guide texts they publish.
GUIDE_REST = (
    "\n政府信息按类别分类，目录按索引号编排，可在政府网站查阅、获取。工作机构：办公室；办公地址：人民路1号；"
    "办公时间：工作日8:30—17:00；联系电话：0573-85000000；传真：0573-85000001；电子邮箱：gk@example.gov.cn。"
    "申请程序：填写申请表提出申请。可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报。"
)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Cached portal pages must not leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def science_catalogue(agencies: dict[str, Any]) -> dict[str, Any]:
    """The seeded catalogue of 科技局, by name (the headings and their children)."""
    from gongkai.web.disclosure import catalogue

    catalogue.seed_catalogue(agencies["science"])
    return {c.name: c for c in agencies["science"].categories.all()}


@pytest.fixture
def make_item(agencies: Any, people: Any, science_catalogue: dict[str, Any]) -> Callable[..., Any]:
    """Register a draft item of 科技局 (category 其他文件 unless given)."""
    from gongkai.web.disclosure import actions

    def make(
        written_on: date = date(2026, 3, 2),
        category: str = "其他文件",
        acting_user: Any = None,
        **fields: Any,
    ) -> Any:
        data = {
            "category": science_catalogue[category],
            "title": "关于2023年度科技项目补助资金的公告",
            "written_on": written_on,
            "body": BODY,
            **fields,
        }
        return actions.do_create_item(agencies["science"], data, acting_user=acting_user or people["clerk"])

    return make


@pytest.fixture
def publish(people: Any, agencies: Any, make_user: Callable[..., Any]) -> Callable[..., Any]:
    """Take a draft through scan, the default chain (a different person at each step: a second
    审核人 takes 保密审查) and publishing on ``on``."""
    from gongkai.web.disclosure import actions

    secrecy_reviewer = make_user("secrecy_reviewer", (agencies["science"], "reviewer"))

    def run(item: Any, on: date = date(2026, 3, 5)) -> Any:
        actions.do_scan_item(item, acting_user=people["clerk"])
        actions.do_submit_item(item, acting_user=people["clerk"])
        for who in (people["reviewer"], secrecy_reviewer, people["head"]):
            actions.do_review_item(item, "approve", acting_user=who)
        return actions.do_publish_item(item, on, acting_user=people["clerk"])

    return run


def client_for(user: Any) -> Any:
    """A test client logged in as ``user``."""
    from django.test import Client

    c = Client()
    c.force_login(user)
    return c


def messages_of(response: Any) -> list[str]:
    """The flash messages a (followed) response shows."""
    return [str(m) for m in response.context["messages"]]
