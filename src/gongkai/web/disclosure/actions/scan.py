"""The sensitive-information scan before publishing (条例 第十五条、第三十七条): scan, remove what
was found with the redaction tools, or keep a finding with its reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile

from gongkai.sensitive.documents import load_document, redact_document
from gongkai.sensitive.model_names import lac_tagger, registry_for
from gongkai.sensitive.policy import Policy
from gongkai.sensitive.redact import apply_to_text, plan
from gongkai.sensitive.registry import Registry
from gongkai.web.actions_base import domain_refusal, require, top_level
from gongkai.web.clock import now
from gongkai.web.disclosure import events
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.actions.common import changing, keeper, take
from gongkai.web.disclosure.models import Attachment, Item, ScanFinding
from gongkai.web.disclosure.transitions import Step


def _texts(item: Item) -> list[tuple[Attachment | None, str]]:
    return [(None, item.body), *((a, a.text) for a in Attachment.of_draft(item))]


def _draft_copy(att: Attachment, item: Item) -> Attachment:
    """``att`` itself while only the draft has it; a copy that replaces it in the draft once a
    published version has it: the published file is never changed (issue 15 point 1)."""
    if not att.versions.exists():
        return att
    with att.file.open("rb") as handle:
        content = ContentFile(handle.read(), name=Path(att.file.name).name)
    copy = Attachment.objects.create(item=item, file=content, name=att.name, size=att.size, text=att.text)
    att.replaced_by = copy
    att.save(update_fields=["replaced_by"])
    return copy


def _registry() -> Registry:
    """The rules alone, or with the model's names too when ``GONGKAI_SENSITIVE_THOROUGH`` says so:
    read at each scan, and the same for the redaction, so what a scan found is what is removed.
    A missing model refuses the step with its message (how to install it), before any change."""
    thorough: bool = settings.GONGKAI_SENSITIVE_THOROUGH
    if thorough:
        with domain_refusal():
            lac_tagger()
    return registry_for(thorough)


def scan(it: Item) -> None:
    """Scan the (locked) item's body and attachments; a finding justified earlier (same kind and
    text, same place) stays justified. Writes no audit row: the step that calls it does."""
    registry = _registry()
    justified = {
        (f.attachment_id, f.kind, f.text): f for f in it.findings.filter(state=v.FindingState.JUSTIFIED)
    }
    it.findings.filter(state=v.FindingState.OPEN).delete()
    for attachment, text in _texts(it):
        for found in registry.analyze(text):
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
    it.scanned_at = now()


@top_level(events.ITEM_SCANNED)
def do_scan_item(item: Item, *, acting_user: Any) -> list[ScanFinding]:
    """Scan body and attachments with Gongkai's detector; return the findings still open."""
    keeper(acting_user, item.agency_id)
    with changing(item, acting_user=acting_user, summary="敏感信息检查") as it:
        take(it, Step.SCAN)
        scan(it)
    return list(item.findings.filter(state=v.FindingState.OPEN))


@top_level(events.ITEM_REDACTED)
def do_redact_item(item: Item, *, acting_user: Any, policy: Policy | None = None) -> int:
    """Remove the open findings with the redaction tools (body and attachments), then scan again.

    Returns how many were removed. The removed findings stay on record as REMOVED."""
    keeper(acting_user, item.agency_id)
    policy = policy or Policy()
    with changing(item, acting_user=acting_user, summary="删除敏感信息") as it:
        take(it, Step.REDACT)
        registry = _registry()
        open_ = list(it.findings.filter(state=v.FindingState.OPEN))
        require(bool(open_), "没有待处理的敏感信息")
        body_findings = [
            f
            for f in registry.analyze(it.body)
            if any(o.attachment_id is None and o.start == f.start for o in open_)
        ]
        it.body = apply_to_text(it.body, plan(body_findings, policy))
        for published in {o.attachment for o in open_ if o.attachment is not None}:
            att = _draft_copy(published, it)
            document = load_document(Path(att.file.path))
            redact_document(document, policy, registry)
            document.save(Path(att.file.path))
            att.text = load_document(Path(att.file.path)).text
            att.save(update_fields=["text"])
        at = now()
        for finding in open_:
            finding.state = v.FindingState.REMOVED
            finding.resolved_by = acting_user
            finding.resolved_at = at
            finding.save()
        scan(it)
    return len(open_)


@top_level(events.FINDING_JUSTIFIED)
def do_justify_finding(finding: ScanFinding, reason: str, *, acting_user: Any) -> None:
    """Keep a finding on purpose (e.g. a company's public credit code), with the reason."""
    keeper(acting_user, finding.item.agency_id)
    require(bool(reason.strip()), "保留须说明理由")
    summary = f"保留{finding.kind_label}：{reason.strip()[:100]}"
    with changing(finding.item, acting_user=acting_user, summary=summary) as it:
        take(it, Step.JUSTIFY)
        f = ScanFinding.objects.select_for_update().get(pk=finding.pk, item=it)
        require(f.state == v.FindingState.OPEN, "该项已处理")
        f.state = v.FindingState.JUSTIFIED
        f.justification = reason.strip()[:300]
        f.resolved_by = acting_user
        f.resolved_at = now()
        f.save()
