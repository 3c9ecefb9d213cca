"""Every state change of proactive disclosure: ``do_<verb>_<noun>(..., *, acting_user)``.

Each action runs in one transaction with the item row locked, checks the permission
(disclosure.permissions) and the rules, writes its rows and one audit row. Views, the demo and
imports call these -- nothing else writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from gongkai.errors import GongkaiError
from gongkai.sensitive import detect
from gongkai.sensitive.documents import load_document, redact_document
from gongkai.sensitive.policy import Policy
from gongkai.sensitive.redact import apply_to_text, plan
from gongkai.web.accounts.models import Agency
from gongkai.web.audit.record import record
from gongkai.web.disclosure import catalogue, permissions
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.models import (
    Attachment,
    Category,
    Item,
    ItemVersion,
    LedgerEntry,
    LifeEvent,
    Publication,
    ReviewRecord,
    ScanFinding,
    Withdrawal,
    YearFigure,
)
from gongkai.web.portal import indexing

Changed = TypeVar("Changed", Item, Category)

AUDITED = ("status", "title", "doc_number", "attribute", "made_on", "due_on", "published_on", "review_step")
ITEM_FIELDS = (
    "category",
    "title",
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


class ActionError(GongkaiError):
    """A step the rules do not allow now (shown to the clerk in Chinese)."""


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ActionError(message)


def _snapshot(obj: Item | Category, fields: tuple[str, ...] = AUDITED) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in fields:
        value = getattr(obj, name)
        out[name] = value.isoformat() if isinstance(value, date | datetime) else value
    return out


def _keeper(user: Any, agency_id: int) -> None:
    if not permissions.can_keep(user, agency_id):
        raise PermissionDenied


@contextmanager
def _changing(
    obj: Changed, *, acting_user: Any, action: str, summary: str, fields: tuple[str, ...] = AUDITED
) -> Iterator[Changed]:
    """Lock ``obj``, yield the locked row, save it and write the audit row with before/after."""
    with transaction.atomic():
        locked = type(obj).objects.select_for_update().get(pk=obj.pk)
        before = _snapshot(locked, fields)
        yield locked
        locked.save()
        record(
            acting_user=acting_user,
            action=action,
            summary=summary,
            obj=locked,
            agency_id=locked.agency_id,
            before=before,
            after=_snapshot(locked, fields),
        )
    obj.refresh_from_db()


def _check_fields(agency: Agency, data: dict[str, Any]) -> None:
    category = data["category"]
    _require(isinstance(category, Category) and category.agency_id == agency.pk, "分类不属于本机关的目录")
    _require(bool(str(data.get("title", "")).strip()), "请填写标题")
    if data.get("attribute") == v.Attribute.WITHHELD:
        # 条例 第三十六条第（三）项: a refusal states its ground; so does a 不予公开 attribute.
        _require(bool(str(data.get("withheld_ground", "")).strip()), "不予公开的须写明理由（法律依据）")
    if data.get("valid_from") and data.get("valid_until"):
        _require(data["valid_until"] >= data["valid_from"], "有效期至不能早于生效日期")
    _require(data["made_on"] >= data["written_on"], "形成或变更日期不能早于成文日期")


# -- the catalogue ----------------------------------------------------------------------------


def do_create_item(agency: Agency, data: dict[str, Any], *, acting_user: Any) -> Item:
    """Register a draft item and give it its 索引号 (by the agency's scheme, unique)."""
    _keeper(acting_user, agency.pk)
    data = {k: data[k] for k in ITEM_FIELDS if k in data}
    data.setdefault("made_on", data.get("written_on"))
    data.setdefault("publisher", agency.name)
    _require(data.get("written_on") is not None, "请填写成文日期")
    _check_fields(agency, data)
    with transaction.atomic():
        setup = catalogue.setup_for(agency)
        year = data["written_on"].year
        serial = catalogue.next_serial(agency, year)
        index_number = catalogue.format_index(
            setup.index_pattern,
            prefix=setup.index_prefix,
            category=data["category"].code,
            year=year,
            serial=serial,
        )
        _require(
            not Item.objects.filter(index_number=index_number).exists(), f"索引号 {index_number} 已被使用"
        )
        item = Item.objects.create(
            agency=agency,
            year=year,
            serial=serial,
            index_number=index_number,
            due_on=catalogue.publish_due(agency, data["made_on"]),
            created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
            **data,
        )
        record(
            acting_user=acting_user,
            action="disclosure.item.create",
            summary=f"登记公开事项 {index_number}",
            obj=item,
            agency_id=agency.pk,
            after=_snapshot(item),
        )
    return item


def do_update_item(item: Item, data: dict[str, Any], *, acting_user: Any) -> None:
    """Edit a draft. The scan must be run again afterwards."""
    _keeper(acting_user, item.agency_id)
    with _changing(item, acting_user=acting_user, action="disclosure.item.update", summary="修改草稿") as it:
        _require(it.status == v.Status.DRAFT, "只有草稿可以修改；已发布的请先“更正”")
        for name in ITEM_FIELDS:
            if name in data:
                setattr(it, name, data[name])
        _check_fields(it.agency, {n: getattr(it, n) for n in ITEM_FIELDS})
        it.due_on = catalogue.publish_due(it.agency, it.made_on)
        it.scanned_at = None


def do_add_attachment(item: Item, upload: UploadedFile, *, acting_user: Any) -> Attachment:
    """Attach a file to a draft and read its text (for the scan and the search index)."""
    _keeper(acting_user, item.agency_id)
    with _changing(
        item, acting_user=acting_user, action="disclosure.item.attach", summary=f"添加附件 {upload.name}"
    ) as it:
        _require(it.status == v.Status.DRAFT, "只有草稿可以添加附件")
        att = Attachment.objects.create(
            item=it, file=upload, name=(upload.name or "")[:200], size=upload.size or 0
        )
        att.text = load_document(Path(att.file.path)).text
        att.save(update_fields=["text"])
        it.scanned_at = None
    return att


# -- the sensitive-information scan (条例 第十五条、第三十七条) -----------------------------------


def _texts(item: Item) -> list[tuple[Attachment | None, str]]:
    return [(None, item.body), *((a, a.text) for a in item.attachments.all())]


def do_scan_item(item: Item, *, acting_user: Any) -> list[ScanFinding]:
    """Scan body and attachments with Gongkai's detector; return the findings still open.

    A finding justified earlier (same kind and text, same place) stays justified."""
    _keeper(acting_user, item.agency_id)
    with _changing(
        item, acting_user=acting_user, action="disclosure.item.scan", summary="敏感信息检查"
    ) as it:
        _require(it.status == v.Status.DRAFT, "只有草稿需要检查")
        justified = {
            (f.attachment_id, f.kind, f.text): f for f in it.findings.filter(state=v.FindingState.JUSTIFIED)
        }
        it.findings.filter(state=v.FindingState.OPEN).delete()
        for attachment, text in _texts(it):
            for found in detect(text):
                key = (attachment.pk if attachment else None, str(found.kind), found.text[:200])
                if key in justified:
                    continue
                ScanFinding.objects.create(
                    item=it,
                    attachment=attachment,
                    kind=str(found.kind),
                    text=found.text[:200],
                    start=found.start,
                    end=found.end,
                )
        it.scanned_at = timezone.now()
    return list(item.findings.filter(state=v.FindingState.OPEN))


def do_redact_item(item: Item, *, acting_user: Any, policy: Policy | None = None) -> int:
    """Remove the open findings with the redaction tools (body and attachments), then scan again.

    Returns how many were removed. The removed findings stay on record as REMOVED."""
    _keeper(acting_user, item.agency_id)
    policy = policy or Policy()
    removed = 0
    with transaction.atomic():
        with _changing(
            item, acting_user=acting_user, action="disclosure.item.redact", summary="删除敏感信息"
        ) as it:
            _require(it.status == v.Status.DRAFT, "只有草稿可以处理")
            open_ = list(it.findings.filter(state=v.FindingState.OPEN))
            _require(bool(open_), "没有待处理的敏感信息")
            body_findings = [
                f
                for f in detect(it.body)
                if any(o.attachment_id is None and o.start == f.start for o in open_)
            ]
            it.body = apply_to_text(it.body, plan(body_findings, policy))
            for att in {o.attachment for o in open_ if o.attachment is not None}:
                document = load_document(Path(att.file.path))
                redact_document(document, policy)
                document.save(Path(att.file.path))
                att.text = load_document(Path(att.file.path)).text
                att.save(update_fields=["text"])
            now = timezone.now()
            for finding in open_:
                finding.state = v.FindingState.REMOVED
                finding.resolved_by = acting_user
                finding.resolved_at = now
                finding.save()
                removed += 1
            it.scanned_at = None
        do_scan_item(item, acting_user=acting_user)
    return removed


def do_justify_finding(finding: ScanFinding, reason: str, *, acting_user: Any) -> None:
    """Keep a finding on purpose (e.g. a company's public credit code), with the reason."""
    _keeper(acting_user, finding.item.agency_id)
    _require(bool(reason.strip()), "保留须说明理由")
    with _changing(
        finding.item,
        acting_user=acting_user,
        action="disclosure.finding.justify",
        summary=f"保留{finding.kind_label}：{reason.strip()[:100]}",
    ) as it:
        _require(it.status == v.Status.DRAFT, "只有草稿可以处理")
        f = ScanFinding.objects.select_for_update().get(pk=finding.pk, item=it)
        _require(f.state == v.FindingState.OPEN, "该项已处理")
        f.state = v.FindingState.JUSTIFIED
        f.justification = reason.strip()[:300]
        f.resolved_by = acting_user
        f.resolved_at = timezone.now()
        f.save()


# -- review and publishing ----------------------------------------------------------------------


def do_submit_item(item: Item, *, acting_user: Any) -> None:
    """Send a scanned, clean draft into the agency's review chain."""
    _keeper(acting_user, item.agency_id)
    with _changing(item, acting_user=acting_user, action="disclosure.item.submit", summary="提交审核") as it:
        _require(it.status == v.Status.DRAFT, "只有草稿可以提交审核")
        _require(it.attribute != v.Attribute.WITHHELD, "不予公开的信息不发布")
        _require(it.scanned_at is not None, "提交前须进行敏感信息检查")
        _require(
            not it.findings.filter(state=v.FindingState.OPEN).exists(),
            "还有未处理的敏感信息：请删除或说明理由",
        )
        it.status = v.Status.IN_REVIEW
        it.review_round += 1
        it.review_step = 0


def current_step(item: Item) -> dict[str, Any] | None:
    if item.status != v.Status.IN_REVIEW:
        return None
    chain = catalogue.setup_for(item.agency).review_chain
    return chain[item.review_step] if item.review_step < len(chain) else None


def do_review_item(
    item: Item, conclusion: str, opinion: str = "", *, acting_user: Any, at: datetime | None = None
) -> None:
    """Take the waiting step of the chain: approve (go on) or return to the clerk."""
    conclusion = v.Conclusion.of(conclusion)
    step = current_step(item)
    _require(step is not None, "该事项不在审核中")
    assert step is not None
    if not permissions.can_take_step(acting_user, item.agency_id, str(step["role"])):
        raise PermissionDenied
    if conclusion == v.Conclusion.RETURN:
        _require(bool(opinion.strip()), "退回须写明意见")
    summary = f"{step['label']}：{conclusion.label}"
    with _changing(item, acting_user=acting_user, action="disclosure.item.review", summary=summary) as it:
        _require(it.status == v.Status.IN_REVIEW and current_step(it) == step, "审核环节已变化，请刷新")
        ReviewRecord.objects.create(
            item=it,
            round=it.review_round,
            step=it.review_step,
            label=step["label"],
            secrecy=bool(step["secrecy"]),
            conclusion=conclusion,
            opinion=opinion.strip()[:500],
            by=acting_user,
            at=at or timezone.now(),
        )
        if conclusion == v.Conclusion.RETURN:
            it.status = v.Status.DRAFT
            it.review_step = 0
        else:
            it.review_step += 1
            if it.review_step >= len(catalogue.setup_for(it.agency).review_chain):
                it.status = v.Status.APPROVED


def do_publish_item(item: Item, on: date, *, acting_user: Any, note: str = "") -> ItemVersion:
    """Publish an approved item on the portal: a new, never-changed version, and a publication."""
    _keeper(acting_user, item.agency_id)
    with _changing(item, acting_user=acting_user, action="disclosure.item.publish", summary="发布") as it:
        _require(it.status == v.Status.APPROVED, "须经审核流程全部同意后才能发布")
        _require(on >= it.written_on, "发布日期不能早于成文日期")
        number = it.versions.count() + 1
        version = ItemVersion.objects.create(
            item=it,
            number=number,
            title=it.title,
            doc_number=it.doc_number,
            body=it.body,
            published_on=on,
            note=note or ("首次发布" if number == 1 else "更正后发布"),
            by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        )
        it.current_version = version
        it.status = v.Status.PUBLISHED
        if it.published_on is None:
            it.published_on = on
        Publication.objects.create(
            item=it, agency_id=it.agency_id, channel=v.Channel.PORTAL, on=on, note=version.note
        )
        indexing.index_item(it)
        # The ledger lines this item fulfils count the publication (a correction republished
        # later is a publication too; one in a period already fulfilled moves nothing).
        for line in LedgerEntry.objects.select_for_update().filter(items=it).order_by("pk"):
            _fulfil(line, on)
    return version


def do_record_publication(
    item: Item, channel: str, on: date, note: str = "", *, acting_user: Any
) -> Publication:
    """Record that a published item also went out on another channel (微信公众号, 公告栏, ...)."""
    _keeper(acting_user, item.agency_id)
    channel = v.Channel.of(channel)
    with _changing(
        item, acting_user=acting_user, action="disclosure.item.channel", summary=f"通过{channel.label}发布"
    ) as it:
        _require(it.status == v.Status.PUBLISHED, "只有已发布的信息可以登记其他渠道")
        _require(channel != v.Channel.PORTAL, "网站发布由“发布”操作登记")
        _require(it.published_on is not None and on >= it.published_on, "渠道发布日期不能早于首次发布日期")
        return Publication.objects.create(
            item=it, agency_id=it.agency_id, channel=channel, on=on, note=note[:200]
        )


def do_withdraw_item(item: Item, reason: str, on: date, *, acting_user: Any) -> None:
    """Take a published item off the portal; its versions and publications stay on record."""
    _keeper(acting_user, item.agency_id)
    _require(bool(reason.strip()), "撤回须写明理由")
    with _changing(
        item,
        acting_user=acting_user,
        action="disclosure.item.withdraw",
        summary=f"撤回：{reason.strip()[:100]}",
    ) as it:
        _require(it.status == v.Status.PUBLISHED, "只有已发布的信息可以撤回")
        Withdrawal.objects.create(item=it, on=on, reason=reason.strip()[:300], by=acting_user)
        it.status = v.Status.WITHDRAWN
        indexing.unindex_item(it)


def do_start_correction(item: Item, on: date, *, acting_user: Any) -> None:
    """Open a published (or withdrawn) item for correction: back to draft, the published version
    stays on the portal until the corrected one is published. The change restarts the
    第二十六条 clock from ``on``."""
    _keeper(acting_user, item.agency_id)
    with _changing(item, acting_user=acting_user, action="disclosure.item.correct", summary="开始更正") as it:
        _require(it.status in (v.Status.PUBLISHED, v.Status.WITHDRAWN), "只有已发布或已撤回的信息可以更正")
        _require(on >= it.made_on, "变更日期不能早于原形成日期")
        it.status = v.Status.DRAFT
        it.made_on = on
        it.due_on = catalogue.publish_due(it.agency, on)
        it.scanned_at = None


# -- 规章 and 行政规范性文件: their life --------------------------------------------------------


def do_record_life_event(item: Item, kind: str, on: date, document: str, *, acting_user: Any) -> LifeEvent:
    """Record that a 规章/行政规范性文件 was amended or abolished on ``on`` by ``document``."""
    _keeper(acting_user, item.agency_id)
    kind = v.LifeEventKind.of(kind)
    _require(bool(document.strip()), "请填写修改或废止所依据的文件")
    with _changing(
        item,
        acting_user=acting_user,
        action=f"disclosure.item.{kind.value}",
        summary=f"{kind.label}（{document.strip()[:80]}）",
    ) as it:
        _require(it.doc_type in v.COUNTED_TYPES, "只有规章和行政规范性文件登记修改、废止")
        _require(on >= it.written_on, "日期不能早于成文日期")
        _require(not it.life_events.filter(kind=v.LifeEventKind.ABOLISHED).exists(), "该文件已废止")
        if kind == v.LifeEventKind.ABOLISHED:
            it.valid_until = on
        return LifeEvent.objects.create(item=it, kind=kind, on=on, document=document.strip()[:200])


# -- yearly figures and the ledger --------------------------------------------------------------


def do_set_figure(agency: Agency, year: int, kind: str, value: Decimal | None, *, acting_user: Any) -> None:
    """Enter a yearly figure (it replaces the count from decision lists); None removes it."""
    _keeper(acting_user, agency.pk)
    kind = v.DecisionKind.of(kind)
    _require(value is None or value >= 0, "数值不能为负")
    with transaction.atomic():
        old = YearFigure.objects.filter(agency=agency, year=year, kind=kind).first()
        before = {"value": str(old.value)} if old else None
        if value is None:
            YearFigure.objects.filter(agency=agency, year=year, kind=kind).delete()
        else:
            YearFigure.objects.update_or_create(
                agency=agency, year=year, kind=kind, defaults={"value": value}
            )
        record(
            acting_user=acting_user,
            action="disclosure.figure.set",
            summary=f"{year}年{kind.label}：{value}",
            obj=agency,
            agency_id=agency.pk,
            before=before,
            after={"value": None if value is None else str(value)},
        )


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months, clamped to the month's end (stdlib has no month arithmetic;
    one function is not worth a dependency)."""
    import calendar as cal

    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, cal.monthrange(year, month)[1]))


def do_add_ledger_entry(agency: Agency, data: dict[str, Any], *, acting_user: Any) -> LedgerEntry:
    _keeper(acting_user, agency.pk)
    _require(bool(str(data.get("title", "")).strip()), "请填写公开事项")
    _require(bool(str(data.get("responsible_unit", "")).strip()), "请填写责任科室")
    frequency = v.Frequency.of(data["frequency"])
    category = data.get("category")
    _require(category is None or category.agency_id == agency.pk, "分类不属于本机关的目录")
    with transaction.atomic():
        entry = LedgerEntry.objects.create(
            agency=agency,
            title=data["title"].strip(),
            category=category,
            responsible_unit=data["responsible_unit"].strip(),
            frequency=frequency,
            next_due=data.get("next_due"),
        )
        record(
            acting_user=acting_user,
            action="disclosure.ledger.add",
            summary=f"台账新增：{entry.title}",
            obj=entry,
            agency_id=agency.pk,
        )
    return entry


def _due_step(day: date, months: int) -> date:
    """``add_months``, but a due date at a month's end stays at month ends (每季度末: 3-31, 6-30,
    9-30, 12-31), where plain clamping would drift to the 30th or the 28th."""
    import calendar as cal

    if day.day == cal.monthrange(day.year, day.month)[1]:
        after = add_months(day.replace(day=1), months)
        return after.replace(day=cal.monthrange(after.year, after.month)[1])
    return add_months(day, months)


def next_due_after(next_due: date | None, frequency: str, on: date) -> date | None:
    """The next due date of a ledger line whose information was published on ``on``.

    A publication fulfils the period it falls in: the one ending on ``next_due`` (or, published
    late, the overdue one), so the due date moves past ``on`` by whole periods. A publication in a
    period already fulfilled (a second one, or an older item linked afterwards) moves nothing. 一次性
    lines are then done (None); 动态更新 lines have no schedule and keep their date.
    """
    months = v.FREQUENCY_MONTHS.get(v.Frequency.of(frequency))
    if months is None:
        return None if frequency == v.Frequency.ONCE else next_due
    if next_due is None:
        return _due_step(on, months)
    if on <= _due_step(next_due, -months):
        return next_due
    due = _due_step(next_due, months)
    while due <= on:
        due = _due_step(due, months)
    return due


def _fulfil(locked: LedgerEntry, on: date) -> None:
    """Record a publication on ``on`` against the (row-locked) ledger line."""
    locked.next_due = next_due_after(locked.next_due, locked.frequency, on)
    if locked.last_done is None or on > locked.last_done:
        locked.last_done = on
    locked.save(update_fields=["next_due", "last_done"])


def do_complete_ledger_entry(entry: LedgerEntry, on: date, *, acting_user: Any) -> None:
    """Mark the entry published on ``on`` (on a channel with no catalogue item: a notice board,
    a meeting) and move its next due date on by its frequency."""
    _keeper(acting_user, entry.agency_id)
    with transaction.atomic():
        locked = LedgerEntry.objects.select_for_update().get(pk=entry.pk)
        before = {"next_due": locked.next_due.isoformat() if locked.next_due else None}
        _fulfil(locked, on)
        record(
            acting_user=acting_user,
            action="disclosure.ledger.done",
            summary=f"台账完成：{locked.title}",
            obj=locked,
            agency_id=locked.agency_id,
            before=before,
            after={"next_due": locked.next_due.isoformat() if locked.next_due else None},
        )
    entry.refresh_from_db()


def do_link_ledger_item(entry: LedgerEntry, item: Item, *, acting_user: Any) -> None:
    """Mark ``item`` as fulfilling the ledger line. If it is already published, the line counts
    it at once (the date of its current published version); otherwise publishing it will."""
    _keeper(acting_user, entry.agency_id)
    _require(item.agency_id == entry.agency_id, "该信息不属于本机关")
    _require(item.attribute == v.Attribute.ACTIVE, "只有主动公开的信息可以履行台账事项")
    _require(item.status != v.Status.WITHDRAWN, "已撤回的信息不能履行台账事项")
    with transaction.atomic():
        locked = LedgerEntry.objects.select_for_update().get(pk=entry.pk)
        _require(not locked.items.filter(pk=item.pk).exists(), "该信息已关联到此台账事项")
        before = {"next_due": _iso(locked.next_due), "last_done": _iso(locked.last_done)}
        locked.items.add(item)
        if item.status == v.Status.PUBLISHED and item.current_version is not None:
            _fulfil(locked, item.current_version.published_on)
        record(
            acting_user=acting_user,
            action="disclosure.ledger.link",
            summary=f"台账关联：{locked.title} ← {item.index_number} {item.title}",
            obj=locked,
            agency_id=locked.agency_id,
            before=before,
            after={"next_due": _iso(locked.next_due), "last_done": _iso(locked.last_done), "item": item.pk},
        )
    entry.refresh_from_db()


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


# -- the catalogue tree and the review chain (an agency's own staff keep them) ------------------


def _heading_name(name: str) -> str:
    name = name.strip()
    _require(bool(name), "请填写分类名称")
    _require(len(name) <= 60, "分类名称不能超过60个字")
    return name


def _parent_of(agency: Agency, parent: Category | None) -> None:
    if parent is not None:
        _require(parent.agency_id == agency.pk, "上级分类不属于本机关的目录")
        _require(parent.active, "上级分类已停用")


def do_add_category(
    agency: Agency, name: str, parent: Category | None = None, *, acting_user: Any
) -> Category:
    """A new heading, last among its siblings; its code extends the parent's (01 → 0105)."""
    _keeper(acting_user, agency.pk)
    name = _heading_name(name)
    _parent_of(agency, parent)
    with transaction.atomic():
        siblings = Category.objects.select_for_update().filter(agency=agency, parent=parent)
        _require(not siblings.filter(name=name).exists(), f"同级已有分类“{name}”")
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
        record(
            acting_user=acting_user,
            action="disclosure.category.add",
            summary=f"目录新增分类：{category}",
            obj=category,
            agency_id=agency.pk,
        )
    return category


CATEGORY_AUDITED = ("name", "parent_id", "active")


@contextmanager
def _changing_category(
    category: Category, *, acting_user: Any, action: str, summary: str
) -> Iterator[Category]:
    """Check the keeper, then change the heading like an item (locked, audited before/after)."""
    _keeper(acting_user, category.agency_id)
    with _changing(
        category, acting_user=acting_user, action=action, summary=summary, fields=CATEGORY_AUDITED
    ) as locked:
        yield locked


def do_rename_category(category: Category, name: str, *, acting_user: Any) -> None:
    name = _heading_name(name)
    summary = f"目录分类改名：{category.name} → {name}"
    with _changing_category(
        category, acting_user=acting_user, action="disclosure.category.rename", summary=summary
    ) as c:
        clash = Category.objects.filter(agency_id=c.agency_id, parent_id=c.parent_id, name=name).exclude(
            pk=c.pk
        )
        _require(not clash.exists(), f"同级已有分类“{name}”")
        c.name = name


def do_move_category(category: Category, parent: Category | None, *, acting_user: Any) -> None:
    """Put the heading under ``parent`` (None: top level). Its items stay filed under it."""
    summary = f"目录分类移动：{category.name} → {parent.name if parent else '顶层'}"
    with _changing_category(
        category, acting_user=acting_user, action="disclosure.category.move", summary=summary
    ) as c:
        _parent_of(c.agency, parent)
        node = parent
        while node is not None:
            # A heading cannot go under itself or one of its own subheadings (the tree would loop).
            _require(node.pk != c.pk, "不能移到自身或其下级分类之下")
            node = node.parent
        clash = Category.objects.filter(agency_id=c.agency_id, parent=parent, name=c.name).exclude(pk=c.pk)
        _require(not clash.exists(), f"目标位置已有同名分类“{c.name}”")
        c.parent = parent
        c.position = Category.objects.filter(agency_id=c.agency_id, parent=parent).count() + 1


def do_deactivate_category(category: Category, *, acting_user: Any) -> None:
    """Stop filing new items under the heading. Items already there keep it (their 索引号 and the
    portal's catalogue stay valid); active subheadings must be moved or deactivated first."""
    summary = f"目录分类停用：{category}"
    with _changing_category(
        category, acting_user=acting_user, action="disclosure.category.deactivate", summary=summary
    ) as c:
        _require(c.active, "该分类已停用")
        _require(not c.children.filter(active=True).exists(), "请先停用或移走其下级分类")
        c.active = False
        # The portal's cached pages still list the heading: drop them.
        indexing.catalogue_changed()


def do_set_review_chain(agency: Agency, chain: object, *, acting_user: Any) -> None:
    """Replace the agency's review chain (ordered steps, each with its role; 保密审查 must remain)."""
    _keeper(acting_user, agency.pk)
    steps = catalogue.validate_chain(chain)
    with transaction.atomic():
        setup = catalogue.setup_for(agency)
        setup = type(setup).objects.select_for_update().get(pk=setup.pk)
        # An item in review is at a step number of the old chain: renumbering under it would skip
        # or repeat a step, so the chain changes only when nothing is waiting in it.
        _require(
            not Item.objects.filter(agency=agency, status=v.Status.IN_REVIEW).exists(),
            "有信息正在审核中，待审核完成或退回后再修改审核流程",
        )
        before = setup.review_chain
        setup.review_chain = steps
        setup.save(update_fields=["review_chain"])
        record(
            acting_user=acting_user,
            action="disclosure.chain.set",
            summary="审核流程：" + " → ".join(str(s["label"]) for s in steps),
            obj=setup,
            agency_id=agency.pk,
            before={"review_chain": before},
            after={"review_chain": steps},
        )
