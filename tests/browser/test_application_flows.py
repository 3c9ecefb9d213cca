"""The issue's browser scenarios, in a real chromium against the live server."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from browser_helpers import PHONE, login, shot, take_step

pytestmark = pytest.mark.django_db(transaction=True)


def _fill_applicant(page: Any, agency_name: str) -> None:
    page.select_option("#id_applicant_type", "natural")
    page.fill("#id_name", "张三")
    page.select_option("#id_id_type", "resident_id")
    page.fill("#id_id_number", "110101199001011237")
    page.fill("#id_phone", "13812345678")
    page.fill("#id_email", "zhangsan@example.com")
    page.select_option("#id_agency", label=agency_name)
    page.fill("#id_description", "2025年度科技项目补助资金分配结果")
    page.select_option("#id_delivery_form", "electronic")
    page.select_option("#id_delivery_method", "email")


def test_online_application_correction_restarts_the_clock(open_page: Any, people: Any, clock: Any) -> None:
    public = open_page()
    public.goto("/apply/")
    shot(public, "apply-desktop")
    _fill_applicant(public, "平湖市科学技术局")
    public.click("main button[type=submit]")
    number = public.inner_text("#app-number")
    code = public.inner_text("#query-code")
    assert "2026年3月30日" in public.inner_text("main")  # 20 working days after Monday 2 March
    shot(public, "submitted-desktop")

    clerk = open_page()
    login(clerk, "clerk")
    assert number in clerk.inner_text("#queue")
    shot(clerk, "queue-desktop")
    clerk.click(f"text={number}")
    clerk.click("#correction-request summary")
    clerk.fill("#id_working_days", "5")
    clerk.fill("#id_items", "请写明所需信息的文号或形成时间")
    take_step(clerk, "#correction-request button[type=submit]", message="已发出补正告知", status="待补正")
    assert "2026-03-09" in clerk.inner_text("#due-on")  # the 补正 period: 5 working days

    clock(date(2026, 3, 6))  # the corrected application arrives on Friday 6 March
    clerk.reload()
    clerk.fill("#correction-received input[name=on]", "2026-03-06")
    clerk.click("#correction-received button[type=submit]")
    assert clerk.inner_text("#case-status") == "办理中"
    # The 20 working days start again from 6 March (条例 第三十条): Friday 3 April.
    assert "2026-04-03" in clerk.inner_text("#due-on")
    assert "答复期限重新计算" in clerk.inner_text("#timeline")
    shot(clerk, "case-desktop")

    public.goto("/track/")
    public.fill("#id_number", number)
    public.fill("#id_code", code)
    public.click("main button[type=submit]")
    result = public.inner_text("#track-result")
    assert "办理中" in result and "2026年4月3日" in result and "张*" in result


def test_staff_registers_a_signed_for_mail_application(open_page: Any, people: Any) -> None:
    clerk = open_page()
    login(clerk, "clerk")
    clerk.goto("/work/register/")
    clerk.select_option("#id_channel", "post_signed")
    clerk.fill("#id_arrived_on", "2026-03-02")
    clerk.fill("#id_confirmed_on", "2026-03-03")
    _fill_applicant(clerk, "平湖市科学技术局")
    clerk.click("main button[type=submit]")
    shot(clerk, "register-result")
    assert "已登记" in clerk.inner_text(".messages")
    facts = clerk.inner_text("#deadlines")
    # Received on the signing date, Tuesday 3 March (第三十一条第（二）项): due Tuesday 31 March.
    assert "2026-03-03" in facts and "2026-03-31" in facts
    assert "邮寄（需签收）" in clerk.inner_text("main")


def test_extension_approved_by_the_head(open_page: Any, people: Any, submit: Any) -> None:
    app = submit(received=date(2026, 3, 2))
    clerk = open_page()
    login(clerk, "clerk")
    clerk.goto(f"/work/cases/{app.pk}/")
    clerk.select_option("#id_assignee", label="clerk")  # take the case: 已登记 -> 办理中
    clerk.click("details:has-text('分派经办人') button[type=submit]")
    clerk.click("#extension-request summary")
    clerk.fill("#id_reason", "所需信息涉及多个科室的归档材料")
    clerk.click("#extension-request button[type=submit]")
    assert clerk.inner_text("#case-status") == "延期待批"

    head = open_page()
    login(head, "head")
    head.click("a[data-view=approvals]")
    head.click(f"text={app.number}")
    head.fill("#extension-approve input[name=on]", "2026-03-20")
    take_step(head, "#extension-approve button[type=submit]", message="已批准延长答复期限", status="办理中")
    assert "2026-04-28" in head.inner_text("#due-on")  # 40 working days after 2 March
    assert "机构负责人同意延长答复期限" in head.inner_text("#timeline")


def test_supervisor_sees_its_agencies_queues_and_nobody_elses(
    open_page: Any, people: Any, submit: Any, agencies: Any
) -> None:
    mine = [submit(agency=agencies["science"]), submit(agency=agencies["finance"])]
    other = submit(agency=agencies["outside"])
    supervisor = open_page()
    login(supervisor, "supervisor")
    queue = supervisor.inner_text("#queue")
    assert all(a.number in queue for a in mine) and other.number not in queue
    table = supervisor.inner_text("#by-agency")
    assert "平湖市科学技术局" in table and "示例市财政局" in table and "邻市" not in table
    supervisor.select_option("select[name=agency]", label="示例市财政局")
    supervisor.wait_for_url("**agency=*")
    queue = supervisor.inner_text("#queue")
    assert mine[1].number in queue and mine[0].number not in queue
    shot(supervisor, "supervisor-desktop")
    # Another agency's case by URL: not found, no hint of its content.
    supervisor.goto(f"/work/cases/{other.pk}/")
    assert other.number not in supervisor.content()

    outsider = open_page()
    login(outsider, "outsider")
    queue = outsider.inner_text("#queue")
    assert other.number in queue and all(a.number not in queue for a in mine)


def test_phone_size_pages(open_page: Any, people: Any, submit: Any) -> None:
    app = submit(received=date(2026, 3, 2))
    phone = open_page(PHONE)
    phone.goto("/")
    shot(phone, "home-phone")
    phone.goto("/apply/")
    shot(phone, "apply-phone")
    login(phone, "clerk")
    # Nothing wider than the screen: the layout reflows instead of scrolling sideways.
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    shot(phone, "queue-phone")
    phone.goto(f"/work/cases/{app.pk}/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    shot(phone, "case-phone")
    desktop = open_page()
    desktop.goto("/")
    shot(desktop, "home-desktop")
