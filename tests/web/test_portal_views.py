"""Public portal pages: only published versions, withdrawal, attachments, guide, search, feeds,
sitemap, large-text mode."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from disclosuretesting import GUIDE_REST, _fresh_cache, make_item, publish, science_catalogue
from gongkai.web.disclosure import actions
from gongkai.web.portal.actions import do_publish_guide

__all__ = ["_fresh_cache", "make_item", "publish", "science_catalogue"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(make_item: Any, publish: Any) -> Any:
    item = make_item(title="关于公布科技型中小企业名单的通知", body="经评审，现将名单公布如下。")
    publish(item, date(2026, 3, 5))
    return item


def test_home_lists_latest_and_links_to_the_application_form(client: Client, published: Any) -> None:
    page = client.get("/open/").content.decode()
    assert "关于公布科技型中小企业名单的通知" in page
    assert 'href="/apply/"' in page and 'role="search"' in page


def test_agency_catalogue_by_heading(
    client: Client, published: Any, science_catalogue: Any, agencies: Any
) -> None:
    url = f"/open/agencies/{agencies['science'].pk}/"
    assert (
        "关于公布科技型中小企业名单的通知"
        in client.get(url + f"?category={science_catalogue['政策文件'].pk}").content.decode()
    )
    assert (
        "关于公布" not in client.get(url + f"?category={science_catalogue['财政资金'].pk}").content.decode()
    )
    assert client.get(url + "?category=999999").status_code == 404


def test_drafts_are_not_public(client: Client, make_item: Any) -> None:
    assert client.get(f"/open/items/{make_item().pk}/").status_code == 404


def test_item_page_shows_the_published_version_not_the_correction(
    client: Client, published: Any, people: Any
) -> None:
    actions.do_start_amendment(published, date(2026, 3, 9), acting_user=people["clerk"])
    actions.do_update_item(published, {"title": "草稿中的新标题"}, acting_user=people["clerk"])
    page = client.get(f"/open/items/{published.pk}/").content.decode()
    assert "关于公布科技型中小企业名单的通知" in page and "草稿中的新标题" not in page


def test_withdrawn_item_says_so_with_410(client: Client, published: Any, people: Any) -> None:
    actions.do_withdraw_item(published, "信息有误", date(2026, 3, 6), acting_user=people["clerk"])
    r = client.get(f"/open/items/{published.pk}/")
    assert r.status_code == 410 and "该信息已撤回" in r.content.decode()


def test_attachment_download(client: Client, make_item: Any, publish: Any, people: Any) -> None:
    item = make_item()
    actions.do_add_attachment(
        item, SimpleUploadedFile("附件一.txt", "企业名单".encode()), acting_user=people["clerk"]
    )
    att = item.attachments.get()
    assert client.get(f"/open/attachments/{att.pk}/").status_code == 404  # not yet published
    publish(item)
    r = client.get(f"/open/attachments/{att.pk}/")
    assert r.status_code == 200 and b"".join(r.streaming_content).decode() == "企业名单"


def test_search_page_highlights_and_filters(client: Client, published: Any, agencies: Any) -> None:
    page = client.get("/search/", {"q": "中小企业"}).content.decode()
    assert '<span id="total">1</span>' in page and "<mark>中小企业</mark>" in page
    other = client.get("/search/", {"q": "中小企业", "agency": agencies["finance"].pk}).content.decode()
    assert '<span id="total">0</span>' in other
    assert "请输入要查找的文字" in client.get("/search/", {"q": "？？"}).content.decode()


def test_search_finds_attachment_text(client: Client, make_item: Any, publish: Any, people: Any) -> None:
    item = make_item(title="附件公告")
    upload = SimpleUploadedFile("名单.txt", "高新技术企业认定结果".encode())
    actions.do_add_attachment(item, upload, acting_user=people["clerk"])
    publish(item)
    assert '<span id="total">1</span>' in client.get("/search/", {"q": "认定结果"}).content.decode()


def test_feeds_and_sitemap(client: Client, published: Any) -> None:
    rss = client.get("/open/feed/rss/")
    assert rss.status_code == 200 and "关于公布科技型中小企业名单的通知" in rss.content.decode()
    atom = client.get("/open/feed/atom/")
    assert 'xmlns="http://www.w3.org/2005/Atom"' in atom.content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"/open/items/{published.pk}/" in sitemap and "<lastmod>2026-03-05</lastmod>" in sitemap


def test_guide_versions(client: Client, agencies: Any, people: Any) -> None:
    do_publish_guide(
        agencies["science"], "第一版指南" + GUIDE_REST, date(2025, 1, 2), acting_user=people["clerk"]
    )
    do_publish_guide(
        agencies["science"], "第二版指南" + GUIDE_REST, date(2026, 1, 5), acting_user=people["clerk"]
    )
    url = f"/open/guide/{agencies['science'].pk}/"
    page = client.get(url).content.decode()
    assert "第二版指南" in page and "第2版 · 发布日期 2026-01-05" in page
    assert "第一版指南" in client.get(url + "?version=1").content.decode()


def test_guide_editing_is_for_keepers(agencies: Any, people: Any) -> None:
    c = Client()
    c.force_login(people["reviewer"])
    assert c.get("/work/disclosure/guide/").status_code == 403
    c.force_login(people["clerk"])
    c.post(
        "/work/disclosure/guide/",
        {"agency": agencies["science"].pk, "body": "指南正文" + GUIDE_REST, "published_on": "2026-03-02"},
    )
    assert "指南正文" in c.get(f"/open/guide/{agencies['science'].pk}/").content.decode()


def test_large_text_mode_toggles_with_a_cookie(client: Client) -> None:
    r = client.get("/open/text-size/", {"next": "/open/"})
    assert r.status_code == 302 and r["Location"] == "/open/"
    assert "html{font-size:125%}" in client.get("/open/").content.decode()
    r = client.get("/open/text-size/", {"next": "https://evil.example/"})
    assert r["Location"] == "/"
    assert "html{font-size:125%}" not in client.get("/open/").content.decode()


def test_public_pages_are_cached_until_something_is_published(
    client: Client, make_item: Any, publish: Any
) -> None:
    first = make_item(title="第一条公开信息")
    publish(first)
    assert "第一条公开信息" in client.get("/open/").content.decode()
    # Rendered again only after a change: a direct row edit (no action) is not seen...
    from gongkai.web.portal.models import SearchEntry

    SearchEntry.objects.filter(pk=first.pk).update(title="改过的标题")
    assert "改过的标题" not in client.get("/open/").content.decode()
    # ...publishing through the action invalidates the cached pages.
    publish(make_item(title="第二条公开信息"))
    page = client.get("/open/").content.decode()
    assert "第二条公开信息" in page and "改过的标题" in page
