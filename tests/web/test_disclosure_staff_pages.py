"""An agency's own staff keep its catalogue tree and its review chain; supervisors only read them."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from disclosuretesting import _fresh_cache, make_item, publish, science_catalogue
from disclosuretesting import client_for as _client
from disclosuretesting import messages_of as _messages
from gongkai.errors import GongkaiError
from gongkai.web.audit.models import AuditEvent
from gongkai.web.disclosure import actions, catalogue, forms
from gongkai.web.disclosure.models import Category, Item

__all__ = ["_fresh_cache", "make_item", "publish", "science_catalogue"]

pytestmark = pytest.mark.django_db

SETUP = "/work/disclosure/setup/"
CHAIN = [
    {"label": "科室负责人审核", "role": "reviewer", "secrecy": False},
    {"label": "保密审查", "role": "reviewer", "secrecy": True},
]


# -- actions ----------------------------------------------------------------------------------


def test_adding_headings_gives_codes_under_the_parent_and_audits(
    agencies: Any, people: Any, science_catalogue: dict[str, Any]
) -> None:
    policy = science_catalogue["政策文件"]
    child = actions.do_add_category(agencies["science"], " 工作动态 ", policy, acting_user=people["clerk"])
    top = actions.do_add_category(agencies["science"], "重点领域", acting_user=people["head"])
    assert (child.name, child.parent_id, child.code) == ("工作动态", policy.pk, "0205")
    assert top.parent_id is None and len(top.code) == 2 and top.code not in {"01", "02"}
    assert AuditEvent.objects.filter(action="disclosure.category.add").count() == 2


@pytest.mark.parametrize(
    ("who", "name", "parent", "error"),
    [
        # a reviewer does not keep the catalogue
        ("reviewer", "工作动态", "政策文件", PermissionDenied),
        # a supervisor reads it only
        ("supervisor", "工作动态", "政策文件", PermissionDenied),
        # another agency's clerk
        ("finance_clerk", "工作动态", "政策文件", PermissionDenied),
        # an empty name
        ("clerk", "  ", "政策文件", GongkaiError),
        # a sibling of the same name
        ("clerk", "规章", "政策文件", GongkaiError),
    ],
)
def test_adding_a_heading_is_refused(
    agencies: Any,
    people: Any,
    science_catalogue: dict[str, Any],
    who: str,
    name: str,
    parent: str,
    error: type,
) -> None:
    with pytest.raises(error):
        actions.do_add_category(agencies["science"], name, science_catalogue[parent], acting_user=people[who])


def test_rename_and_move_keep_the_items_filed(
    people: Any, science_catalogue: dict[str, Any], make_item: Any
) -> None:
    item = make_item(category="其他文件")
    other = science_catalogue["其他文件"]
    actions.do_rename_category(other, "其他政策文件", acting_user=people["clerk"])
    actions.do_move_category(other, science_catalogue["规划计划"], acting_user=people["clerk"])
    other.refresh_from_db()
    assert (other.name, other.parent_id) == ("其他政策文件", science_catalogue["规划计划"].pk)
    assert Item.objects.get(pk=item.pk).category_id == other.pk
    moved = AuditEvent.objects.get(action="disclosure.category.move")
    assert moved.before["parent_id"] == science_catalogue["政策文件"].pk  # type: ignore[index]
    actions.do_move_category(other, None, acting_user=people["clerk"])
    assert Category.objects.get(pk=other.pk).parent_id is None


@pytest.mark.parametrize(
    ("heading", "target", "message"),
    [
        # under itself
        ("政策文件", "政策文件", "不能移到自身"),
        # under its own subheading: the tree would loop
        ("政策文件", "规章", "不能移到自身"),
        # next to a sibling of the same name
        ("规章", None, None),
    ],
)
def test_moving_a_heading_is_checked(
    agencies: Any,
    people: Any,
    science_catalogue: dict[str, Any],
    heading: str,
    target: str | None,
    message: str | None,
) -> None:
    if message is None:
        # a top-level "规章" exists already, so moving 政策文件/规章 to the top clashes
        actions.do_add_category(agencies["science"], "规章", acting_user=people["clerk"])
        message = "目标位置已有同名分类"
    with pytest.raises(GongkaiError, match=message):
        actions.do_move_category(
            science_catalogue[heading],
            science_catalogue[target] if target else None,
            acting_user=people["clerk"],
        )


def test_a_deactivated_heading_takes_no_new_items_but_keeps_its_own(
    agencies: Any, people: Any, science_catalogue: dict[str, Any], make_item: Any
) -> None:
    item = make_item(category="其他文件")
    other = science_catalogue["其他文件"]
    with pytest.raises(GongkaiError, match="请先停用或移走其下级分类"):
        actions.do_deactivate_category(science_catalogue["政策文件"], acting_user=people["clerk"])
    actions.do_deactivate_category(other, acting_user=people["clerk"])
    with pytest.raises(GongkaiError, match="已停用"):
        actions.do_deactivate_category(other, acting_user=people["clerk"])
    new_form = forms.ItemForm(agency_id=agencies["science"].pk)
    assert other not in new_form.fields["category"].queryset
    edit_form = forms.ItemForm(instance=Item.objects.get(pk=item.pk), agency_id=agencies["science"].pk)
    assert other in edit_form.fields["category"].queryset
    with pytest.raises(GongkaiError, match="上级分类已停用"):
        actions.do_add_category(agencies["science"], "新分类", other, acting_user=people["clerk"])


def test_the_review_chain_is_replaced_and_audited(agencies: Any, people: Any) -> None:
    actions.do_set_review_chain(agencies["science"], CHAIN, acting_user=people["head"])
    assert catalogue.setup_for(agencies["science"]).review_chain == CHAIN
    event = AuditEvent.objects.get(action="disclosure.chain.set")
    assert event.summary == "审核流程：科室负责人审核 → 保密审查"


@pytest.mark.parametrize(
    ("chain", "message"),
    [
        # no step at all
        ([], "至少需要一个环节"),
        # the 保密审查 step must remain
        ([{"label": "科室负责人审核", "role": "reviewer", "secrecy": False}], "必须包含保密审查"),
        # a role nobody holds
        ([{"label": "保密审查", "role": "mayor", "secrecy": True}], "角色无效"),
    ],
)
def test_a_bad_review_chain_is_refused(agencies: Any, people: Any, chain: Any, message: str) -> None:
    with pytest.raises(GongkaiError, match=message):
        actions.do_set_review_chain(agencies["science"], chain, acting_user=people["clerk"])
    assert not AuditEvent.objects.filter(action="disclosure.chain.set").exists()


def test_the_chain_cannot_change_under_an_item_in_review(agencies: Any, people: Any, make_item: Any) -> None:
    item = make_item()
    actions.do_scan_item(item, acting_user=people["clerk"])
    actions.do_submit_item(item, acting_user=people["clerk"])
    with pytest.raises(GongkaiError, match="正在审核中"):
        actions.do_set_review_chain(agencies["science"], CHAIN, acting_user=people["clerk"])
    with pytest.raises(PermissionDenied):
        actions.do_set_review_chain(agencies["science"], CHAIN, acting_user=people["supervisor"])


# -- pages ------------------------------------------------------------------------------------


def test_the_page_is_linked_from_the_disclosure_navigation(people: Any, science_catalogue: Any) -> None:
    page = _client(people["clerk"]).get("/work/disclosure/").content.decode()
    assert SETUP in page and "目录与审核设置" in page


def test_clerk_maintains_the_tree_through_the_page(
    agencies: Any, people: Any, science_catalogue: dict[str, Any]
) -> None:
    c = _client(people["clerk"])
    science = agencies["science"].pk
    r = c.post(
        SETUP,
        {"agency": science, "op": "add", "name": "工作动态", "parent": science_catalogue["政策文件"].pk},
        follow=True,
    )
    assert "已新增分类：政策文件 / 工作动态" in _messages(r)
    added = Category.objects.get(name="工作动态")
    r = c.post(
        SETUP, {"agency": science, "op": "rename", "category": added.pk, "name": "新闻动态"}, follow=True
    )
    assert Category.objects.get(pk=added.pk).name == "新闻动态"
    c.post(SETUP, {"agency": science, "op": "move", "category": added.pk, "parent": ""})
    assert Category.objects.get(pk=added.pk).parent_id is None
    c.post(SETUP, {"agency": science, "op": "deactivate", "category": added.pk})
    assert not Category.objects.get(pk=added.pk).active
    r = c.post(SETUP, {"agency": science, "op": "rename", "category": added.pk, "name": ""}, follow=True)
    assert "请填写分类名称" in _messages(r)
    assert 'id="catalogue-tree"' in r.content.decode() and "已停用" in r.content.decode()


def test_head_reorders_and_extends_the_chain_through_the_page(agencies: Any, people: Any) -> None:
    c = _client(people["head"])
    page = c.get(SETUP).content.decode()
    assert "科室负责人审核" in page and "保存审核流程" in page
    post = {
        "agency": agencies["science"].pk,
        "op": "chain",
        "steps": "3",
        # 保密审查 first, then the 科室 head; 分管领导 dropped (empty name); one step added last
        "order_0": "2", "label_0": "科室负责人审核", "role_0": "reviewer",
        "order_1": "1", "label_1": "保密审查", "role_1": "reviewer", "secrecy_1": "1",
        "order_2": "3", "label_2": "", "role_2": "head",
        "order_3": "4", "label_3": "主要领导签发", "role_3": "head",
    }  # fmt: skip
    r = c.post(SETUP, post, follow=True)
    assert "已保存审核流程" in _messages(r)
    assert [
        (s["label"], s["role"], s["secrecy"]) for s in catalogue.setup_for(agencies["science"]).review_chain
    ] == [
        ("保密审查", "reviewer", True),
        ("科室负责人审核", "reviewer", False),
        ("主要领导签发", "head", False),
    ]
    del post["secrecy_1"]
    r = c.post(SETUP, post, follow=True)
    assert "审核流程必须包含保密审查环节" in _messages(r)


@pytest.mark.parametrize(
    ("who", "get", "post"),
    [
        # the 公开办 supervising the agency reads the page, but cannot change it
        ("supervisor", 200, 403),
        # a reviewer of the agency: read only
        ("reviewer", 200, 403),
    ],
)
def test_read_only_staff(
    agencies: Any, people: Any, science_catalogue: dict[str, Any], who: str, get: int, post: int
) -> None:
    c = _client(people[who])
    science = agencies["science"].pk
    r = c.get(SETUP, {"agency": science})
    assert r.status_code == get
    page = r.content.decode()
    assert 'id="read-only"' in page and "保存审核流程" not in page and "政策文件" in page
    r = c.post(SETUP, {"agency": science, "op": "add", "name": "工作动态"})
    assert r.status_code == post
    assert not Category.objects.filter(name="工作动态").exists()


def test_other_agencies_staff_cannot_reach_the_agency(
    agencies: Any, people: Any, science_catalogue: Any
) -> None:
    c = _client(people["finance_clerk"])
    c.post(SETUP, {"agency": agencies["science"].pk, "op": "add", "name": "工作动态"})
    # the picker falls back to the user's own agency: nothing is added to 科技局's tree
    assert not Category.objects.filter(agency=agencies["science"], name="工作动态").exists()


def test_the_head_allows_one_person_several_review_steps_on_the_setup_page(
    agencies: Any, people: Any, science_catalogue: dict[str, Any]
) -> None:
    """Issue 17: steps need different people by default; only the 机构负责人 may relax that."""
    science = agencies["science"]
    clerk_page = _client(people["clerk"]).get(SETUP, {"agency": science.pk}).content.decode()
    assert "各审核环节须由不同的人完成" in clerk_page and 'id="separation-form"' not in clerk_page
    head = _client(people["head"])
    assert 'id="separation-form"' in head.get(SETUP, {"agency": science.pk}).content.decode()
    r = head.post(SETUP, {"agency": science.pk, "op": "separation", "allowed": "1"}, follow=True)
    assert "已允许同一人完成多个审核环节" in _messages(r)
    assert catalogue.setup_for(science).one_person_several_steps
    assert AuditEvent.objects.filter(action="disclosure.chain.separation").count() == 1
