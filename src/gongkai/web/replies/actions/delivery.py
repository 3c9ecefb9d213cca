"""Recording 送达 with its proof (receipt, tracking number or sending log); the case closes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.core.files.uploadedfile import UploadedFile

from gongkai.web.accounts.models import User
from gongkai.web.actions_base import require, require_permission, top_level
from gongkai.web.applications import events as case_events
from gongkai.web.applications.actions import deliver_reply
from gongkai.web.applications.actions.common import finish, snapshot
from gongkai.web.applications.models import Application
from gongkai.web.replies import permissions
from gongkai.web.replies import vocabulary as rv
from gongkai.web.replies.actions.common import locked
from gongkai.web.replies.models import Delivery, IssuedLetter
from gongkai.workflow.cases import CaseState

#: Postal tracking numbers: EMS/China Post international form (EA123456789CN) or the domestic
#: 10-30 letters and digits of the couriers.
_TRACKING = re.compile(r"^(?:[A-Z]{2}\d{9}[A-Z]{2}|[A-Z0-9]{10,30})$")


@dataclass(frozen=True)
class DeliveryProof:
    method: str
    delivered_on: date
    receipt: UploadedFile | None = None
    tracking_number: str = ""
    log: str = ""


def check_delivery_proof(proof: DeliveryProof, *, issued_on: date, today: date) -> list[str]:
    """What is wrong with a delivery record, in Chinese (empty when it may be recorded)."""
    problems = []
    try:
        method = rv.ServiceMethod.of(proof.method)
    except ValueError:
        return [f"未知的送达方式“{proof.method}”"]
    if proof.delivered_on < issued_on:
        problems.append(f"送达日期不能早于出具日期（{issued_on.isoformat()}）。")
    if proof.delivered_on > today:
        problems.append("送达日期不能晚于今天。")
    needed = rv.PROOF_BY_METHOD[method]
    if needed == "receipt" and proof.receipt is None:
        problems.append(f"{method.label}须上传申请人签收的回执（扫描件或照片）。")
    if needed == "tracking_number":
        number = proof.tracking_number.strip().upper().replace(" ", "")
        if not number:
            problems.append("邮寄送达须填写邮件单号。")
        elif not _TRACKING.match(number):
            problems.append("邮件单号格式不正确（应为10至30位字母或数字，如 EA123456789CN）。")
    if needed == "log":
        log = proof.log.strip()
        if not log:
            problems.append(f"{method.label}送达须填写发送记录（发送时间、接收地址或账号）。")
        elif method is rv.ServiceMethod.EMAIL and not re.search(r"[^@\s]+@[^@\s]+\.[^@\s]+", log):
            problems.append("电子邮件发送记录须包含接收邮箱地址。")
    return problems


@top_level(case_events.Event.DELIVERED)
def do_record_delivery(app: Application, proof: DeliveryProof, *, today: date, acting_user: User) -> Delivery:
    """Record 送达 with its proof; the case is closed (已办结)."""
    app = locked(app)
    require_permission(permissions.can_draft(acting_user, app))
    require(app.status == CaseState.ISSUED, "答复出具后才能登记送达。")
    letter = IssuedLetter.objects.filter(application=app).order_by("-issued_on", "-pk").first()
    require(letter is not None, "没有已出具的答复书。")
    assert letter is not None
    problems = check_delivery_proof(proof, issued_on=letter.issued_on, today=today)
    require(not problems, "；".join(problems))
    method = rv.ServiceMethod.of(proof.method)
    before = snapshot(app)
    delivery = Delivery(
        application=app,
        method=method.value,
        delivered_on=proof.delivered_on,
        tracking_number=proof.tracking_number.strip().upper().replace(" ", ""),
        log=proof.log.strip(),
        recorded_by=acting_user,
    )
    if rv.PROOF_BY_METHOD[method] == "receipt" and proof.receipt is not None:
        delivery.receipt.save(proof.receipt.name or "receipt", proof.receipt, save=False)
    delivery.save()
    detail = delivery.tracking_number or ("签收回执" if delivery.receipt else "发送记录")
    summary = deliver_reply(
        app, delivered_on=proof.delivered_on, acting_user=acting_user, note=f"{method.label}（{detail}）"
    )
    finish(app, before, acting_user=acting_user, summary=summary)
    return delivery
