"""Issue 17, point 4 in a real chromium: reloading the receipt page, or going back and submitting
the same form again, files the application once."""

from __future__ import annotations

from typing import Any

import pytest
from browser_helpers import shot

pytestmark = pytest.mark.django_db(transaction=True)


def test_reloading_the_receipt_or_resubmitting_the_form_files_once(open_page: Any, people: Any) -> None:
    from gongkai.web.applications.models import Application

    public = open_page()
    public.goto("/apply/")
    public.select_option("#id_applicant_type", "natural")
    public.fill("#id_name", "张三")
    public.select_option("#id_id_type", "resident_id")
    public.fill("#id_id_number", "110101199001011237")
    public.fill("#id_phone", "13812345678")
    public.select_option("#id_agency", label="平湖市科学技术局")
    public.fill("#id_description", "2025年度科技项目补助资金分配结果")
    public.select_option("#id_delivery_form", "electronic")
    public.select_option("#id_delivery_method", "email")
    public.click("main button[type=submit]")
    number = public.inner_text("#app-number")
    code = public.inner_text("#query-code")
    assert "/apply/received/" in public.url  # POST/redirect/GET: the receipt has its own address
    public.reload()
    assert (public.inner_text("#app-number"), public.inner_text("#query-code")) == (number, code)
    # Back to the filled form and submit it again: the first receipt, not a new number.
    public.go_back()
    assert public.url.endswith("/apply/")
    public.click("main button[type=submit]")
    assert public.inner_text("#app-number") == number
    shot(public, "receipt-after-resubmission")
    assert Application.objects.count() == 1
