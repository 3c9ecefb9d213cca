"""Deactivated catalogue headings on the public portal (issue 7): not listed in the navigation,
the search filters or the sitemap; their published items stay public, under the nearest visible
heading above them or in "其他"."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from disclosuretesting import _fresh_cache, make_item, publish, science_catalogue
from gongkai.web.disclosure import actions
from gongkai.web.portal.headings import OTHER, heading_label, visible_heading

__all__ = ["_fresh_cache", "make_item", "publish", "science_catalogue"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_heading(agencies: Any, people: Any, science_catalogue: Any, make_item: Any, publish: Any) -> Any:
    """A top-level heading "历史栏目" with a subheading, an item published under the subheading,
    then both deactivated (the subheading first, as the action requires)."""
    top = actions.do_add_category(agencies["science"], "历史栏目", acting_user=people["clerk"])
    sub = actions.do_add_category(agencies["science"], "旧子栏目", top, acting_user=people["clerk"])
    item = make_item(category="其他文件", title="关于疫情防控专项资金的公示")
    actions.do_update_item(item, {"category": sub}, acting_user=people["clerk"])
    publish(item, date(2026, 3, 5))
    actions.do_deactivate_category(sub, acting_user=people["clerk"])
    actions.do_deactivate_category(top, acting_user=people["clerk"])
    top.refresh_from_db()
    sub.refresh_from_db()
    return {"top": top, "sub": sub, "item": item}


def test_visible_heading_is_the_nearest_one_above_every_deactivated_heading(
    agencies: Any, people: Any, science_catalogue: Any
) -> None:
    clerk = people["clerk"]
    top = actions.do_add_category(agencies["science"], "专题", acting_user=clerk)
    child = actions.do_add_category(agencies["science"], "解读", top, acting_user=clerk)
    grand = actions.do_add_category(agencies["science"], "图解", child, acting_user=clerk)
    assert visible_heading(grand) == grand and heading_label(grand) == "解读 / 图解"
    actions.do_deactivate_category(grand, acting_user=clerk)
    grand.refresh_from_db()
    assert visible_heading(grand) == child  # the nearest active ancestor
    actions.do_deactivate_category(child, acting_user=clerk)
    grand.refresh_from_db()
    assert visible_heading(grand) == top and heading_label(grand) == "专题"
    actions.do_deactivate_category(top, acting_user=clerk)
    grand.refresh_from_db()
    assert visible_heading(grand) is None and heading_label(grand) == "其他"


def test_a_deactivated_heading_hides_its_subtree(agencies: Any, people: Any, science_catalogue: Any) -> None:
    # Deactivating needs the children deactivated first, but a child can be reactivated under a
    # deactivated parent only through the database; the portal still hides it with its parent.
    clerk = people["clerk"]
    top = actions.do_add_category(agencies["science"], "专栏", acting_user=clerk)
    child = actions.do_add_category(agencies["science"], "子栏", top, acting_user=clerk)
    type(top).objects.filter(pk=top.pk).update(active=False)
    child = type(child).objects.get(pk=child.pk)
    assert child.active and visible_heading(child) is None


def test_agency_page_lists_active_headings_and_files_the_rest_under_other(
    client: Client, agencies: Any, old_heading: Any
) -> None:
    url = f"/open/agencies/{agencies['science'].pk}/"
    page = client.get(url).content.decode()
    nav = page[page.index('id="headings"') : page.index("</nav>", page.index('id="headings"'))]
    assert "历史栏目" not in nav and "旧子栏目" not in nav and "其他" in nav
    assert f'href="?category={OTHER}"' in page and "关于疫情防控专项资金的公示" in page
    other = client.get(url + f"?category={OTHER}").content.decode()
    assert "关于疫情防控专项资金的公示" in other and 'aria-current="page">其他</a>' in other
    # The deactivated heading is no longer a page of the catalogue.
    assert client.get(url + f"?category={old_heading['top'].pk}").status_code == 404


def test_other_is_not_offered_when_nothing_is_filed_under_deactivated_headings(
    client: Client, agencies: Any, people: Any, science_catalogue: Any
) -> None:
    top = actions.do_add_category(agencies["science"], "空分类", acting_user=people["clerk"])
    actions.do_deactivate_category(top, acting_user=people["clerk"])
    url = f"/open/agencies/{agencies['science'].pk}/"
    page = client.get(url).content.decode()
    assert "空分类" not in page and f"?category={OTHER}" not in page
    assert client.get(url + f"?category={OTHER}").status_code == 404  # no such group to show


def test_item_stays_reachable_and_shows_its_visible_heading(client: Client, old_heading: Any) -> None:
    page = client.get(f"/open/items/{old_heading['item'].pk}/").content.decode()
    assert "关于疫情防控专项资金的公示" in page
    assert "<dt>分类</dt><dd>其他</dd>" in page and "旧子栏目" not in page


def test_search_still_finds_the_item_but_offers_no_deactivated_filter(
    client: Client, agencies: Any, old_heading: Any, science_catalogue: Any
) -> None:
    page = client.get("/search/", {"q": "疫情防控"}).content.decode()
    assert "疫情防控专项资金" in page.replace("<mark>", "").replace("</mark>", "")
    assert f'value="{old_heading["top"].pk}"' not in page
    assert f'value="{science_catalogue["政策文件"].pk}"' in page


def test_sitemap_lists_active_headings_only(
    client: Client, agencies: Any, old_heading: Any, science_catalogue: Any
) -> None:
    xml = client.get("/sitemap.xml").content.decode()
    assert f"?category={science_catalogue['政策文件'].pk}<" in xml
    assert f"?category={old_heading['top'].pk}<" not in xml
    assert f"/open/items/{old_heading['item'].pk}/" in xml  # the item itself stays in the sitemap


def test_deactivating_a_heading_refreshes_cached_pages(
    client: Client, agencies: Any, people: Any, science_catalogue: Any
) -> None:
    url = f"/open/agencies/{agencies['science'].pk}/"
    assert "规划计划" in client.get(url).content.decode()  # now cached
    for heading in [c for c in science_catalogue.values() if c.parent_id == science_catalogue["规划计划"].pk]:
        actions.do_deactivate_category(heading, acting_user=people["clerk"])
    actions.do_deactivate_category(science_catalogue["规划计划"], acting_user=people["clerk"])
    assert "规划计划" not in client.get(url).content.decode()
