"""The portal's annual-report pages: published versions only, downloads with digests, 已更正 versions."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from gongkai.web.annual import actions
from gongkai.web.annual.models import AnnualReport

pytestmark = pytest.mark.django_db
YEAR = 2025


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()  # the portal caches public pages per process


def publish(people: dict[str, Any], agency: Any, year: int = YEAR, text: str | None = None) -> AnnualReport:
    clerk = people["clerk"]
    report = actions.do_generate_report(agency, year, acting_user=clerk)
    if text is not None:
        report = actions.do_edit_narrative(report, {"一": text}, acting_user=clerk)
    return actions.do_publish_report(report, acting_user=people["head"])


def test_a_draft_is_not_public(client: Client, people: dict[str, Any], agencies: dict[str, Any]) -> None:
    science = agencies["science"]
    report = actions.do_generate_report(science, YEAR, acting_user=people["clerk"])
    page = client.get(reverse("portal:annual_reports")).content.decode()
    assert "暂无已发布的年度报告" in page
    assert client.get(reverse("portal:annual_report", args=[science.pk, YEAR])).status_code == 404
    assert report.files.count() == 0


@pytest.mark.cjk_font  # publishes or issues a PDF
def test_published_report_with_downloads_and_corrections(
    client: Client, people: dict[str, Any], agencies: dict[str, Any]
) -> None:
    science = agencies["science"]
    first = publish(people, science, text="2025年，平湖市科学技术局第一版总体情况。")
    page = client.get(reverse("portal:annual_reports")).content.decode()
    assert "平湖市科学技术局2025年政府信息公开工作年度报告" in page
    page = client.get(reverse("portal:annual_report", args=[science.pk, YEAR])).content.decode()
    assert "第一版总体情况" in page  # the frozen HTML, shown in the page
    assert "三、收到和处理政府信息公开申请情况" in page
    for f in first.files.all():
        assert f.sha256 in page
        download = client.get(reverse("portal:annual_file", args=[f.pk]))
        assert download.status_code == 200
        assert hashlib.sha256(download.content).hexdigest() == f.sha256

    correction = actions.do_start_amendment(first, acting_user=people["clerk"])
    actions.do_edit_narrative(
        correction, {"一": "2025年，平湖市科学技术局更正后的总体情况。"}, acting_user=people["clerk"]
    )
    # While the correction is a draft the public still sees version 1.
    page = client.get(reverse("portal:annual_report", args=[science.pk, YEAR])).content.decode()
    assert "第一版总体情况" in page and "更正后的总体情况" not in page
    actions.do_publish_report(correction, acting_user=people["head"])
    page = client.get(reverse("portal:annual_report", args=[science.pk, YEAR])).content.decode()
    assert "更正后的总体情况" in page and "已更正" in page and 'id="annual-versions"' in page
    old = client.get(reverse("portal:annual_report", args=[science.pk, YEAR]) + "?version=1").content.decode()
    assert "第一版总体情况" in old and 'id="superseded-note"' in old
    # The superseded version's files are still served, unchanged.
    f = first.files.get(fmt="json")
    assert (
        hashlib.sha256(client.get(reverse("portal:annual_file", args=[f.pk])).content).hexdigest() == f.sha256
    )


@pytest.mark.cjk_font  # publishes or issues a PDF
def test_filters_and_sitemap(client: Client, people: dict[str, Any], agencies: dict[str, Any]) -> None:
    science = agencies["science"]
    publish(people, science, 2024)
    publish(people, science, 2025)
    page = client.get(reverse("portal:annual_reports") + "?year=2024").content.decode()
    assert "2024年政府信息公开工作年度报告" in page and "2025年政府信息公开工作年度报告" not in page
    sitemap = client.get(reverse("portal:sitemap")).content.decode()
    assert reverse("portal:annual_report", args=[science.pk, 2024]) in sitemap


@pytest.mark.cjk_font  # publishes or issues a PDF
def test_a_draft_file_is_not_served(client: Client, people: dict[str, Any], agencies: dict[str, Any]) -> None:
    report = publish(people, agencies["science"])
    draft = actions.do_start_amendment(report, acting_user=people["clerk"])
    assert not draft.files.exists()
    assert client.get(reverse("portal:annual_file", args=[999999])).status_code == 404


def test_the_agency_page_links_its_reports(client: Client, agencies: dict[str, Any]) -> None:
    science = agencies["science"]
    page = client.get(reverse("portal:agency", args=[science.pk])).content.decode()
    assert f"{reverse('portal:annual_reports')}?agency={science.pk}" in page
