"""An agency's kind (gongkai.agencies.AgencyKind) as the web stores it: the proposal for a new or
existing agency, and the note shown while nobody has set a kind the name does not tell.

Legal basis: 条例 第四十九条 (who publishes the annual report by when), 第五十条第（四）项 (what a
government's report also contains); the kinds and the reading of names are the domain core's.
"""

from __future__ import annotations

from gongkai.agencies import AgencyKind, kind_from_name

#: The field's choices: the value stored, the description shown.
KIND_CHOICES = [(k.value, f"{k.value}（{k.description}）") for k in AgencyKind]


def proposed_kind(name: str) -> tuple[str, str]:
    """(kind value, note) for an agency called ``name``: ``kind_from_name``'s proposal, or 其他 with
    a note asking the administrator to set it when the name does not tell."""
    proposal = kind_from_name(name)
    if proposal.kind is None:
        reason = proposal.reason.rstrip("。")
        note = f"{reason}；暂按“其他”处理（年度报告不作逾期判断），请系统管理员设置机关类别。"
        return AgencyKind.OTHER.value, note
    return proposal.kind.value, ""
