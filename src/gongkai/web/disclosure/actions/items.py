"""The catalogue items: register, edit, attach, publish (and on other channels), withdraw,
更正 (amendment), and the life of 规章 and 行政规范性文件."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import UploadedFile

from gongkai.sensitive.documents import load_document
from gongkai.web.accounts.models import Agency
from gongkai.web.actions_base import require, top_level
from gongkai.web.disclosure import catalogue, events
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.actions.common import (
    ITEM_FIELDS,
    audit,
    changing,
    check_fields,
    keeper,
    snapshot,
    take,
    user_or_none,
)
from gongkai.web.disclosure.actions.ledger import fulfil
from gongkai.web.disclosure.models import (
    Attachment,
    Item,
    ItemVersion,
    LedgerEntry,
    LifeEvent,
    Publication,
    Withdrawal,
)
from gongkai.web.disclosure.transitions import Step
from gongkai.web.portal import indexing


@top_level(events.ITEM_CREATED)
def do_create_item(agency: Agency, data: dict[str, Any], *, acting_user: Any) -> Item:
    """Register a draft item and give it its 索引号 (by the agency's scheme, unique)."""
    keeper(acting_user, agency.pk)
    data = {k: data[k] for k in ITEM_FIELDS if k in data}
    data.setdefault("made_on", data.get("written_on"))
    data.setdefault("publisher", agency.name)
    require(data.get("written_on") is not None, "请填写成文日期")
    check_fields(agency, data)
    setup = catalogue.ensure_setup(agency)
    year = data["written_on"].year
    serial = catalogue.next_serial(agency, year)
    index_number = catalogue.format_index(
        setup.index_pattern,
        prefix=setup.index_prefix,
        category=data["category"].code,
        year=year,
        serial=serial,
    )
    require(not Item.objects.filter(index_number=index_number).exists(), f"索引号 {index_number} 已被使用")
    item = Item.objects.create(
        agency=agency,
        year=year,
        serial=serial,
        index_number=index_number,
        due_on=catalogue.publish_due(agency, data["made_on"]),
        created_by=user_or_none(acting_user),
        **data,
    )
    audit(
        item,
        f"登记公开事项 {index_number}",
        acting_user,
        after=snapshot(item),
    )
    return item


@top_level(events.ITEM_UPDATED)
def do_update_item(item: Item, data: dict[str, Any], *, acting_user: Any) -> None:
    """Edit a draft. The scan must be run again afterwards."""
    keeper(acting_user, item.agency_id)
    with changing(item, acting_user=acting_user, summary="修改草稿") as it:
        take(it, Step.EDIT)
        for name in ITEM_FIELDS:
            if name in data:
                setattr(it, name, data[name])
        check_fields(it.agency, {n: getattr(it, n) for n in ITEM_FIELDS})
        it.due_on = catalogue.publish_due(it.agency, it.made_on)
        it.scanned_at = None


@top_level(events.ATTACHMENT_ADDED)
def do_add_attachment(item: Item, upload: UploadedFile, *, acting_user: Any) -> Attachment:
    """Attach a file to a draft and read its text (for the scan and the search index)."""
    keeper(acting_user, item.agency_id)
    with changing(item, acting_user=acting_user, summary=f"添加附件 {upload.name}") as it:
        take(it, Step.ATTACH)
        att = Attachment.objects.create(
            item=it, file=upload, name=(upload.name or "")[:200], size=upload.size or 0
        )
        att.text = load_document(Path(att.file.path)).text
        att.save(update_fields=["text"])
        it.scanned_at = None
    return att


@top_level(events.ITEM_PUBLISHED)
def do_publish_item(item: Item, on: date, *, acting_user: Any, note: str = "") -> ItemVersion:
    """Publish an approved item on the portal: a new, never-changed version, and a publication."""
    keeper(acting_user, item.agency_id)
    with changing(item, acting_user=acting_user, summary="发布") as it:
        take(it, Step.PUBLISH)
        require(on >= it.written_on, "发布日期不能早于成文日期")
        number = it.versions.count() + 1
        version = ItemVersion.objects.create(
            item=it,
            number=number,
            title=it.title,
            summary=it.summary,
            doc_number=it.doc_number,
            body=it.body,
            published_on=on,
            note=note or ("首次发布" if number == 1 else "更正后发布"),
            by=user_or_none(acting_user),
        )
        version.attachments.set(Attachment.of_draft(it))
        it.current_version = version
        if it.published_on is None:
            it.published_on = on
        Publication.objects.create(
            item=it, agency_id=it.agency_id, channel=v.PublicationChannel.PORTAL, on=on, note=version.note
        )
        indexing.index_item(it)
        # The ledger lines this item fulfils count the publication (an amended item republished
        # later is a publication too; one in a period already fulfilled moves nothing).
        for line in LedgerEntry.objects.select_for_update().filter(items=it).order_by("pk"):
            fulfil(line, on)
    return version


@top_level(events.CHANNEL_RECORDED)
def do_record_publication(
    item: Item, channel: str, on: date, note: str = "", *, acting_user: Any
) -> Publication:
    """Record that a published item also went out on another channel (微信公众号, 公告栏, ...)."""
    keeper(acting_user, item.agency_id)
    channel = v.PublicationChannel.of(channel)
    with changing(item, acting_user=acting_user, summary=f"通过{channel.label}发布") as it:
        take(it, Step.RECORD_CHANNEL)
        require(channel != v.PublicationChannel.PORTAL, "网站发布由“发布”操作登记")
        require(it.published_on is not None and on >= it.published_on, "渠道发布日期不能早于首次发布日期")
        return Publication.objects.create(
            item=it, agency_id=it.agency_id, channel=channel, on=on, note=note[:200]
        )


@top_level(events.ITEM_WITHDRAWN)
def do_withdraw_item(item: Item, reason: str, on: date, *, acting_user: Any) -> None:
    """Take a published item off the portal; its versions and publications stay on record."""
    keeper(acting_user, item.agency_id)
    require(bool(reason.strip()), "撤回须写明理由")
    with changing(item, acting_user=acting_user, summary=f"撤回：{reason.strip()[:100]}") as it:
        take(it, Step.WITHDRAW)
        Withdrawal.objects.create(item=it, on=on, reason=reason.strip()[:300], by=acting_user)
        indexing.unindex_item(it)


@top_level(events.AMENDMENT_STARTED)
def do_start_amendment(item: Item, on: date, *, acting_user: Any) -> None:
    """Open a published (or withdrawn) item for 更正 (amendment): back to draft, the published
    version stays on the portal until the amended one is published. The change restarts the
    第二十六条 clock from ``on``."""
    keeper(acting_user, item.agency_id)
    with changing(item, acting_user=acting_user, summary="开始更正") as it:
        take(it, Step.AMEND)
        require(on >= it.made_on, "变更日期不能早于原形成日期")
        it.made_on = on
        it.due_on = catalogue.publish_due(it.agency, on)
        it.scanned_at = None


@top_level(events.LIFE_EVENT)
def do_record_life_event(item: Item, kind: str, on: date, document: str, *, acting_user: Any) -> LifeEvent:
    """Record that a 规章/行政规范性文件 was amended or abolished on ``on`` by ``document``."""
    keeper(acting_user, item.agency_id)
    kind = v.LifeEventKind.of(kind)
    require(bool(document.strip()), "请填写修改或废止所依据的文件")
    with changing(
        item,
        acting_user=acting_user,
        summary=f"{kind.label}（{document.strip()[:80]}）",
        event=events.life_event(kind.value),
    ) as it:
        require(it.doc_type in v.COUNTED_TYPES, "只有规章和行政规范性文件登记修改、废止")
        require(on >= it.written_on, "日期不能早于成文日期")
        require(not it.life_events.filter(kind=v.LifeEventKind.ABOLISHED).exists(), "该文件已废止")
        if kind == v.LifeEventKind.ABOLISHED:
            it.valid_until = on
        return LifeEvent.objects.create(item=it, kind=kind, on=on, document=document.strip()[:200])
