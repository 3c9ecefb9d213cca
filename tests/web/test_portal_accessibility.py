"""Small accessibility guarantees of the public pages (issue 7): a skip link for keyboard users
and the guide's version list telling screen readers which version is shown."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from disclosuretesting import GUIDE_REST
from gongkai.web.portal.actions import do_publish_guide

pytestmark = pytest.mark.django_db


def test_skip_link_is_the_first_thing_to_focus_and_targets_main(client: Client) -> None:
    page = client.get("/open/").content.decode()
    body = page[page.index("<body>") :]
    # The first link of the body jumps over the navigation to the content.
    assert body.index('<a class="skip-link" href="#main">跳到主要内容</a>') < body.index("<header")
    assert '<main id="main" tabindex="-1">' in page


def test_guide_marks_the_version_shown(client: Client, agencies: Any, people: Any) -> None:
    science = agencies["science"]
    do_publish_guide(science, "第一版指南正文" + GUIDE_REST, date(2025, 1, 2), acting_user=people["clerk"])
    do_publish_guide(science, "第二版指南正文" + GUIDE_REST, date(2026, 1, 5), acting_user=people["clerk"])
    page = client.get(f"/open/guide/{science.pk}/?version=1").content.decode()
    assert "第一版指南正文" in page
    assert '<a href="?version=1" aria-current="page">第1版' in page
    assert '<a href="?version=2" >第2版' in page
