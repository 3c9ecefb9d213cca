"""Files given to the applicant with the reply: scanned for others' personal data on upload,
redacted (gongkai.sensitive) or kept with the reviewer's written reason."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile

from gongkai.sensitive import documents as sensitive_documents
from gongkai.sensitive.policy import DEFAULT_KIND_POLICIES, mask
from gongkai.web.accounts.models import User
from gongkai.web.actions_base import require, require_permission, top_level
from gongkai.web.applications.models import Application
from gongkai.web.replies import events, permissions
from gongkai.web.replies.actions.common import (
    ATTACHABLE_STATES,
    JUSTIFIABLE_STATES,
    audit_step,
    current_reply,
    locked,
)
from gongkai.web.replies.models import Reply, ReplyAttachment


def _scan(path: Path) -> tuple[list[dict[str, str]], list[str]]:
    """Findings of gongkai.sensitive as stored: kind, label, where, and the text masked."""
    document = sensitive_documents.load_document(path)
    findings = [
        {
            "kind": str(f.kind),
            "label": f.kind.label,
            "where": document.location(f.start),
            "shown": mask(f.kind, f.text, DEFAULT_KIND_POLICIES[f.kind]),
        }
        for f in sensitive_documents.scan_document(document)
    ]
    return findings, list(document.warnings)


def store_scanned(reply: Reply, name: str, content: bytes, *, acting_user: User) -> ReplyAttachment:
    suffix = Path(name).suffix.lower()[:10]
    with tempfile.TemporaryDirectory(prefix="gongkai-reply-") as tmp:
        path = Path(tmp) / f"file{suffix}"
        path.write_bytes(content)
        findings, warnings = _scan(path)
    attachment = ReplyAttachment(
        reply=reply,
        original_name=name[:200],
        size=len(content),
        findings=findings,
        scan_warnings=warnings,
        uploaded_by=acting_user,
    )
    attachment.file.save(Path(name).name or "attachment", ContentFile(content), save=False)
    attachment.save()
    return attachment


def editable_reply(app: Application, acting_user: User) -> Reply:
    require_permission(permissions.can_draft(acting_user, app))
    require(app.status in ATTACHABLE_STATES, "只有在答复起草或退回修改时才能更改附件。")
    return current_reply(app)


@top_level(events.ATTACHMENT_ADDED)
def do_add_reply_attachment(app: Application, upload: UploadedFile, *, acting_user: User) -> ReplyAttachment:
    """Attach a file for the applicant; it is scanned for others' personal data at once."""
    app = locked(app)
    reply = editable_reply(app, acting_user)
    attachment = store_scanned(reply, upload.name or "attachment", upload.read(), acting_user=acting_user)
    found = f"，发现{len(attachment.findings)}处个人信息" if attachment.findings else "，未发现个人信息"
    audit_step(
        app,
        events.ATTACHMENT_ADDED,
        f"添加答复附件“{attachment.original_name}”{found}",
        acting_user=acting_user,
    )
    return attachment


@top_level(events.ATTACHMENT_REDACTED)
def do_redact_reply_attachment(attachment: ReplyAttachment, *, acting_user: User) -> ReplyAttachment:
    """Make a cleaned copy with gongkai.sensitive (default policy) that replaces the file."""
    app = locked(attachment.reply.application)
    reply = editable_reply(app, acting_user)
    attachment = ReplyAttachment.objects.select_for_update().get(pk=attachment.pk, reply=reply)
    require(attachment.active, "该附件已被脱敏后的文件替换。")
    suffix = Path(attachment.original_name).suffix.lower()[:10]
    with tempfile.TemporaryDirectory(prefix="gongkai-redact-") as tmp:
        source, target = Path(tmp) / f"in{suffix}", Path(tmp) / f"out{suffix}"
        with attachment.file.open("rb") as handle:
            source.write_bytes(handle.read())
        report = sensitive_documents.redact_file(source, target)
        cleaned = target.read_bytes()
    stem, dot, ext = attachment.original_name.rpartition(".")
    name = f"{stem}（已脱敏）.{ext}" if dot else f"{attachment.original_name}（已脱敏）"
    copy = store_scanned(reply, name, cleaned, acting_user=acting_user)
    attachment.replaced_by = copy
    attachment.save(update_fields=["replaced_by"])
    audit_step(
        app,
        events.ATTACHMENT_REDACTED,
        f"附件“{attachment.original_name}”已脱敏（删除或遮盖{len(report.removals)}处），以“{copy.original_name}”替换",
        acting_user=acting_user,
    )
    return copy


@top_level(events.ATTACHMENT_JUSTIFIED)
def do_justify_reply_attachment(
    attachment: ReplyAttachment, *, text: str, acting_user: User
) -> ReplyAttachment:
    """The reviewer keeps the findings with a written reason (e.g. the applicant's own data)."""
    app = locked(attachment.reply.application)
    require_permission(permissions.can_review(acting_user, app))
    require(app.status in JUSTIFIABLE_STATES, "答复审核通过或出具后不能再说明保留理由。")
    attachment = ReplyAttachment.objects.select_for_update().get(pk=attachment.pk)
    require(attachment.unresolved, "该附件没有待处理的检测结果。")
    require(bool(text.strip()), "请说明保留这些信息的理由。")
    attachment.justification = text.strip()
    attachment.justified_by = acting_user
    attachment.save(update_fields=["justification", "justified_by"])
    audit_step(
        app,
        events.ATTACHMENT_JUSTIFIED,
        f"审核人说明附件“{attachment.original_name}”保留个人信息的理由：{attachment.justification}",
        acting_user=acting_user,
    )
    return attachment
