"""The agency's review chain (经办 → 审核 → 保密审查 → 审批): submitting a scanned draft and taking
the waiting step."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from gongkai.web.actions_base import require, require_permission, top_level
from gongkai.web.clock import now
from gongkai.web.disclosure import catalogue, events, permissions
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.actions.common import changing, keeper, take
from gongkai.web.disclosure.models import Item, ReviewRecord
from gongkai.web.disclosure.transitions import Step


@top_level(events.ITEM_SUBMITTED)
def do_submit_item(item: Item, *, acting_user: Any) -> None:
    """Send a scanned, clean draft into the agency's review chain."""
    keeper(acting_user, item.agency_id)
    with changing(item, acting_user=acting_user, summary="提交审核") as it:
        take(it, Step.SUBMIT)
        require(it.attribute != v.Attribute.WITHHELD, "不予公开的信息不发布")
        require(it.scanned_at is not None, "提交前须进行敏感信息检查")
        require(
            not it.findings.filter(state=v.FindingState.OPEN).exists(),
            "还有未处理的敏感信息：请删除或说明理由",
        )
        it.review_round += 1
        it.review_step = 0


def current_step(item: Item) -> dict[str, Any] | None:
    """The step of the review chain now waiting, or None (not in review)."""
    if item.status != v.Status.IN_REVIEW:
        return None
    chain = catalogue.setup_for(item.agency_id).review_chain
    return chain[item.review_step] if item.review_step < len(chain) else None


@top_level(events.ITEM_REVIEWED)
def do_review_item(
    item: Item, conclusion: str, opinion: str = "", *, acting_user: Any, at: datetime | None = None
) -> None:
    """Take the waiting step of the chain: approve (go on) or return to the clerk."""
    conclusion = v.Conclusion.of(conclusion)
    step = current_step(item)
    require(step is not None, "该事项不在审核中")
    assert step is not None
    require_permission(permissions.can_take_step(acting_user, item.agency_id, str(step["role"])))
    if conclusion == v.Conclusion.RETURN:
        require(bool(opinion.strip()), "退回须写明意见")
    summary = f"{step['label']}：{conclusion.label}"
    with changing(item, acting_user=acting_user, summary=summary) as it:
        require(current_step(it) == step, "审核环节已变化，请刷新")
        if conclusion != v.Conclusion.RETURN:
            _require_another_person(it, str(step["label"]), acting_user)
        ReviewRecord.objects.create(
            item=it,
            round=it.review_round,
            step=it.review_step,
            label=step["label"],
            secrecy=bool(step["secrecy"]),
            conclusion=conclusion,
            opinion=opinion.strip()[:500],
            by=acting_user,
            at=at or now(),
        )
        if conclusion == v.Conclusion.RETURN:
            take(it, Step.RETURN)
            it.review_step = 0
        else:
            last = it.review_step + 1 >= len(catalogue.setup_for(it.agency_id).review_chain)
            take(it, Step.APPROVE_LAST if last else Step.APPROVE)
            it.review_step += 1


def _require_another_person(item: Item, label: str, user: Any) -> None:
    """Each step of the chain is a separate check: who approved an earlier step of this round
    does not approve another (科室负责人审核 and 保密审查 by one person), unless the agency allows
    it (``DisclosureSetup.one_person_several_steps``). Returning an item is always possible."""
    if catalogue.setup_for(item.agency_id).one_person_several_steps:
        return
    earlier = (
        ReviewRecord.objects.filter(item=item, round=item.review_round, by=user)
        .values_list("label", flat=True)
        .first()
    )
    require(
        earlier is None,
        f"您已完成本事项的“{earlier}”，“{label}”须由另一人完成（本机关未允许同一人完成多个审核环节）",
    )
