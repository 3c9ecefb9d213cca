"""The catalogue tree and the review chain, which an agency's own staff keep: seeding the
standard headings, adding, renaming, moving and deactivating headings, setting the chain."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from gongkai.web.accounts.models import Agency, Role
from gongkai.web.actions_base import require, require_permission, top_level
from gongkai.web.disclosure import catalogue, events, permissions
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.actions.common import CATEGORY_AUDITED, audit, changing, keeper
from gongkai.web.disclosure.models import Category, Item
from gongkai.web.portal import indexing


@top_level(events.CATALOGUE_SEEDED)
def do_seed_catalogue(agency: Agency, *, acting_user: Any) -> list[Category]:
    """Give the agency the standard headings it lacks (and its setup, if it has none yet)."""
    keeper(acting_user, agency.pk)
    Agency.objects.select_for_update().get(pk=agency.pk)  # two first visits seed once
    catalogue.ensure_setup(agency)
    made = catalogue.seed_catalogue(agency)
    audit(
        agency,
        f"目录设置标准分类{len(made)}个",
        acting_user,
        after={"codes": [c.code for c in made]},
    )
    return made


def _heading_name(name: str) -> str:
    name = name.strip()
    require(bool(name), "请填写分类名称")
    require(len(name) <= 60, "分类名称不能超过60个字")
    return name


def _parent_of(agency: Agency, parent: Category | None) -> None:
    if parent is not None:
        require(parent.agency_id == agency.pk, "上级分类不属于本机关的目录")
        require(parent.active, "上级分类已停用")


@top_level(events.CATEGORY_ADDED)
def do_add_category(
    agency: Agency, name: str, parent: Category | None = None, *, acting_user: Any
) -> Category:
    """A new heading, last among its siblings; its code extends the parent's (01 → 0105)."""
    keeper(acting_user, agency.pk)
    name = _heading_name(name)
    _parent_of(agency, parent)
    siblings = Category.objects.select_for_update().filter(agency=agency, parent=parent)
    require(not siblings.filter(name=name).exists(), f"同级已有分类“{name}”")
    prefix = parent.code if parent is not None else ""
    taken = set(Category.objects.filter(agency=agency).values_list("code", flat=True))
    number = siblings.count() + 1
    while f"{prefix}{number:02d}" in taken:
        number += 1
    category = Category.objects.create(
        agency=agency,
        parent=parent,
        code=f"{prefix}{number:02d}",
        name=name,
        position=max((s.position for s in siblings), default=0) + 1,
    )
    audit(category, f"目录新增分类：{category}", acting_user)
    return category


@contextmanager
def _changing_category(category: Category, *, acting_user: Any, summary: str) -> Iterator[Category]:
    """Check the keeper, then change the heading like an item (locked, audited before/after)."""
    keeper(acting_user, category.agency_id)
    with changing(category, acting_user=acting_user, summary=summary, fields=CATEGORY_AUDITED) as locked:
        yield locked


def _unique_among_siblings(c: Category, parent_id: int | None, name: str, message: str) -> None:
    clash = Category.objects.filter(agency_id=c.agency_id, parent_id=parent_id, name=name).exclude(pk=c.pk)
    require(not clash.exists(), message)


@top_level(events.CATEGORY_RENAMED)
def do_rename_category(category: Category, name: str, *, acting_user: Any) -> None:
    name = _heading_name(name)
    summary = f"目录分类改名：{category.name} → {name}"
    with _changing_category(category, acting_user=acting_user, summary=summary) as c:
        _unique_among_siblings(c, c.parent_id, name, f"同级已有分类“{name}”")
        c.name = name


@top_level(events.CATEGORY_MOVED)
def do_move_category(category: Category, parent: Category | None, *, acting_user: Any) -> None:
    """Put the heading under ``parent`` (None: top level). Its items stay filed under it."""
    summary = f"目录分类移动：{category.name} → {parent.name if parent else '顶层'}"
    with _changing_category(category, acting_user=acting_user, summary=summary) as c:
        _parent_of(c.agency, parent)
        node = parent
        while node is not None:
            # A heading cannot go under itself or one of its own subheadings (the tree would loop).
            require(node.pk != c.pk, "不能移到自身或其下级分类之下")
            node = node.parent
        _unique_among_siblings(c, parent.pk if parent else None, c.name, f"目标位置已有同名分类“{c.name}”")
        c.parent = parent
        c.position = Category.objects.filter(agency_id=c.agency_id, parent=parent).count() + 1


@top_level(events.CATEGORY_DEACTIVATED)
def do_deactivate_category(category: Category, *, acting_user: Any) -> None:
    """Stop filing new items under the heading. Items already there keep it (their 索引号 and the
    portal's catalogue stay valid); active subheadings must be moved or deactivated first."""
    summary = f"目录分类停用：{category}"
    with _changing_category(category, acting_user=acting_user, summary=summary) as c:
        require(c.active, "该分类已停用")
        require(not c.children.filter(active=True).exists(), "请先停用或移走其下级分类")
        c.active = False
        # The portal's cached pages still list the heading: drop them.
        indexing.catalogue_changed()


@top_level(events.CHAIN_SET)
def do_set_review_chain(agency: Agency, chain: object, *, acting_user: Any) -> None:
    """Replace the agency's review chain (ordered steps, each with its role; 保密审查 must remain)."""
    keeper(acting_user, agency.pk)
    steps = catalogue.validate_chain(chain)
    setup = catalogue.ensure_setup(agency)
    setup = type(setup).objects.select_for_update().get(pk=setup.pk)
    # An item in review is at a step number of the old chain: renumbering under it would skip
    # or repeat a step, so the chain changes only when nothing is waiting in it.
    require(
        not Item.objects.filter(agency=agency, status=v.Status.IN_REVIEW).exists(),
        "有信息正在审核中，待审核完成或退回后再修改审核流程",
    )
    before = setup.review_chain
    setup.review_chain = steps
    setup.save(update_fields=["review_chain"])
    audit(
        setup,
        "审核流程：" + " → ".join(str(s["label"]) for s in steps),
        acting_user,
        before={"review_chain": before},
        after={"review_chain": steps},
    )


@top_level(events.SEPARATION_SET)
def do_set_review_separation(agency: Agency, allowed: bool, *, acting_user: Any) -> None:
    """Allow (or forbid again) one person to take several steps of the review chain for one item.

    Only the 机构负责人 decides: by default each step is a separate person's check."""
    require_permission(permissions.can_take_step(acting_user, agency.pk, Role.HEAD))
    setup = catalogue.ensure_setup(agency)
    setup = type(setup).objects.select_for_update().get(pk=setup.pk)
    require(setup.one_person_several_steps != allowed, "设置未改变")
    before = setup.one_person_several_steps
    setup.one_person_several_steps = allowed
    setup.save(update_fields=["one_person_several_steps"])
    audit(
        setup,
        "审核流程：" + ("允许同一人完成多个审核环节" if allowed else "各审核环节须由不同的人完成"),
        acting_user,
        before={"one_person_several_steps": before},
        after={"one_person_several_steps": allowed},
    )
