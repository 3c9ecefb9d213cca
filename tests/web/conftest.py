"""Web tests: Django is configured here only, so that tests/domain runs without it.

Personas (named, small, per test): a city government office (示例市人民政府办公室, the
supervisor) above 平湖市科学技术局 and 示例市财政局; clerks, a reviewer and a head in 科技局, a
clerk in 财政局, a supervisor in the office.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest

from gongkai.web.testing import configure_environment

configure_environment()

from gongkai.web.testing import configure, pytest_runtest_teardown  # noqa: E402

__all__ = ["pytest_runtest_teardown"]


def pytest_configure(config: pytest.Config) -> None:
    configure(config)


@pytest.fixture
def agencies(db: Any) -> dict[str, Any]:
    from gongkai.web.accounts.models import Agency

    office = Agency.objects.create(name="示例市人民政府办公室", short_name="示政办")
    science = Agency.objects.create(name="平湖市科学技术局", short_name="平科", parent=office)
    finance = Agency.objects.create(name="示例市财政局", short_name="示财", parent=office)
    outside = Agency.objects.create(name="邻市人民政府办公室", short_name="邻政办")
    return {"office": office, "science": science, "finance": finance, "outside": outside}


@pytest.fixture
def make_user(db: Any) -> Callable[..., Any]:
    from gongkai.web.accounts.models import Membership, User

    def make(username: str, *memberships: tuple[Any, str], **extra: Any) -> Any:
        user = User.objects.create_user(
            username=username, password="pw-" + username, full_name=username, **extra
        )
        for agency, role in memberships:
            Membership.objects.create(user=user, agency=agency, role=role)
        return user

    return make


@pytest.fixture
def people(agencies: dict[str, Any], make_user: Callable[..., Any]) -> dict[str, Any]:
    a = agencies
    return {
        "clerk": make_user("clerk", (a["science"], "clerk")),
        "clerk2": make_user("clerk2", (a["science"], "clerk")),
        "reviewer": make_user("reviewer", (a["science"], "reviewer")),
        "head": make_user("head", (a["science"], "head")),
        "finance_clerk": make_user("finance_clerk", (a["finance"], "clerk")),
        "supervisor": make_user("supervisor", (a["office"], "supervisor")),
        "outsider": make_user("outsider", (a["outside"], "supervisor")),
        "admin": make_user("admin", (a["office"], "admin"), is_staff=True),
    }


APPLICANT = {
    "applicant_type": "natural",
    "name": "张三",
    "id_type": "resident_id",
    "id_number": "110101199001011237",
    "phone": "13812345678",
    "email": "zhangsan@example.com",
    "address": "示例市人民路1号",
    "postcode": "314200",
    "description": "2025年度科技项目补助资金分配结果",
    "delivery_form": "electronic",
    "delivery_method": "email",
}


@pytest.fixture
def applicant() -> dict[str, str]:
    return dict(APPLICANT)


@pytest.fixture
def submit(agencies: dict[str, Any]) -> Callable[..., Any]:
    """Register an application received on ``received`` (default 2026-03-02, a Monday)."""
    from django.utils import timezone

    from gongkai.web.applications import actions

    def make(
        agency: Any = None, received: date = date(2026, 3, 2), acting_user: Any = None, **fields: Any
    ) -> Any:
        data = {**APPLICANT, **fields}
        at = timezone.make_aware(datetime.combine(received, datetime.min.time()).replace(hour=10))
        return actions.do_submit_application(
            agency or agencies["science"],
            data,
            channel="online",
            submitted_at=at,
            received_on=received,
            acting_user=acting_user,
        ).application

    return make
