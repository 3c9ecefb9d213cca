"""Issue 17 point 6: the error pages are Chinese, in the site's look, with a way back."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, RequestFactory
from django.urls import get_resolver

from gongkai.web import errors

pytestmark = pytest.mark.django_db


def _assert_site_page(response: Any, status: int, title: str) -> str:
    assert response.status_code == status
    page = response.content.decode()
    assert '<html lang="zh-CN">' in page and 'class="site-header"' in page  # the site's own layout
    assert f"<h1>{title}</h1>" in page
    assert 'href="/">返回首页</a>' in page  # the way back
    for english in ("Not Found", "Forbidden", "Bad Request", "Server Error", "CSRF"):
        assert english not in page
    return page


def test_404_page(client: Client) -> None:
    page = _assert_site_page(client.get("/open/items/999999/"), 404, "页面不存在")
    assert 'href="/open/">政府信息主动公开</a>' in page


def test_403_page_for_a_staff_page_without_the_right(client: Client, people: Any) -> None:
    client.force_login(people["clerk"])
    page = _assert_site_page(client.get("/work/oversight/2025/"), 403, "无权访问")
    assert 'href="/work/">返回工作台</a>' in page


def test_403_page_for_a_refused_csrf_check(people: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    page = _assert_site_page(client.post("/track/", {"number": "x", "code": "y"}), 403, "无权访问")
    assert "页面已过期或安全校验未通过" in page


def test_400_page(client: Client) -> None:
    _assert_site_page(client.get("/", HTTP_HOST="bad host!"), 400, "请求有误")


def test_500_page_needs_no_request_context() -> None:
    assert get_resolver().resolve_error_handler(500) is errors.server_error
    response = errors.server_error(RequestFactory().get("/"))
    page = _assert_site_page(response, 500, "系统出错")
    assert "工作人员登录" in page  # rendered as for the public: no context processor ran
