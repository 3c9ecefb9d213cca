"""What the disclosure actions share: the audited fields, the keeper check, and ``changing`` --
lock a row, let the action change it, save it and write the step's audit row with before/after."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, TypeVar

from gongkai.web.accounts.models import Agency
from gongkai.web.actions_base import require, require_permission, step_record
from gongkai.web.disclosure import permissions, transitions
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.models import Category, Item

Changed = TypeVar("Changed", Item, Category)

AUDITED = ("status", "title", "doc_number", "attribute", "made_on", "due_on", "published_on", "review_step")
CATEGORY_AUDITED = ("name", "parent_id", "active")
ITEM_FIELDS = (
    "category",
    "title",
    "summary",
    "publisher",
    "doc_number",
    "doc_type",
    "written_on",
    "made_on",
    "attribute",
    "withheld_ground",
    "valid_from",
    "valid_until",
    "body",
)


def snapshot(obj: Item | Category, fields: tuple[str, ...] = AUDITED) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in fields:
        value = getattr(obj, name)
        out[name] = value.isoformat() if isinstance(value, date | datetime) else value
    return out


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def keeper(user: Any, agency_id: int) -> None:
    """Only the agency's own staff keep its catalogue (PermissionDenied otherwise)."""
    require_permission(permissions.can_keep(user, agency_id))


def user_or_none(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


@contextmanager
def changing(
    obj: Changed,
    *,
    acting_user: Any,
    summary: str,
    fields: tuple[str, ...] = AUDITED,
    event: str | None = None,
) -> Iterator[Changed]:
    """Lock ``obj``, yield the locked row, save it and write the step's audit row with
    before/after (runs inside a top-level action's transaction)."""
    locked = type(obj).objects.select_for_update().get(pk=obj.pk)
    before = snapshot(locked, fields)
    yield locked
    locked.save()
    audit(locked, summary, acting_user, before=before, after=snapshot(locked, fields), event=event)
    _take_values(obj, locked)


def audit(obj: Any, summary: str, acting_user: Any, **row: Any) -> None:
    """The step's audit row about ``obj``, filed under its agency (``obj`` itself if an agency);
    ``row``: the row's other fields, as ``step_record`` takes them (before, after, event)."""
    agency_id = obj.pk if isinstance(obj, Agency) else obj.agency_id
    step_record(acting_user=acting_user, summary=summary, obj=obj, agency_id=agency_id, **row)


def take(item: Item, step: transitions.Step) -> None:
    """Move the (locked) item by ``step`` of the transition table (refused if not allowed)."""
    item.status = transitions.target(item.status, step)


def check_fields(agency: Agency, data: dict[str, Any]) -> None:
    category = data["category"]
    require(isinstance(category, Category) and category.agency_id == agency.pk, "分类不属于本机关的目录")
    require(bool(str(data.get("title", "")).strip()), "请填写标题")
    if data.get("attribute") == v.Attribute.WITHHELD:
        # 条例 第三十六条第（三）项: a refusal states its ground; so does a 不予公开 attribute.
        require(bool(str(data.get("withheld_ground", "")).strip()), "不予公开的须写明理由（法律依据）")
    if data.get("valid_from") and data.get("valid_until"):
        require(data["valid_until"] >= data["valid_from"], "有效期至不能早于生效日期")
    require(data["made_on"] >= data["written_on"], "形成或变更日期不能早于成文日期")


def _take_values(obj: Changed, saved: Changed) -> None:
    """Give the caller's ``obj`` the values of the row just saved, as ``refresh_from_db`` would,
    without reading the row a third time (the locked copy holds exactly what was written): every
    column, a related object only if its key changed, and no related lists read before."""
    for field in obj._meta.concrete_fields:
        value = getattr(saved, field.attname)
        if field.is_relation and field.is_cached(obj) and getattr(obj, field.attname) != value:
            field.delete_cached_value(obj)
        setattr(obj, field.attname, value)
    for related in obj._meta.related_objects:
        if related.is_cached(obj):
            related.delete_cached_value(obj)
    obj.__dict__.pop("_prefetched_objects_cache", None)
