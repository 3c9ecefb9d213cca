"""The date of receipt of an application (收到申请之日), by the channel it came through.

Legal basis: 条例 第三十一条. The statutory clock (:mod:`gongkai.deadlines`) counts its working
days from this date::

    from gongkai.receipt import Channel, date_of_receipt, needs_confirmation

    received = date_of_receipt(Channel.POST_SIGNED, signed_for_on=date(2026, 3, 2))
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from gongkai.deadlines import DeadlineError


class Channel(StrEnum):
    """How an application reached the agency."""

    IN_PERSON = "in_person"
    POST_SIGNED = "post_signed"
    POST_UNSIGNED = "post_unsigned"
    ONLINE = "online"
    EMAIL = "email"
    FAX = "fax"


class ReceiptEvidence(StrEnum):
    """Which date fixes the date of receipt for a channel."""

    SUBMITTED = "submitted_on"  # 提交之日
    SIGNED_FOR = "signed_for_on"  # 行政机关签收之日
    CONFIRMED = "confirmed_on"  # 与申请人（双方）确认之日


@dataclass(frozen=True, slots=True)
class ChannelRule:
    label: str
    evidence: ReceiptEvidence
    #: What the clerk must enter, in Chinese (also the error message when it is missing).
    evidence_label: str
    legal_basis: str


CHANNEL_RULES: Mapping[Channel, ChannelRule] = MappingProxyType(
    {
        Channel.IN_PERSON: ChannelRule(
            "当面提交",
            ReceiptEvidence.SUBMITTED,
            "提交之日",
            "条例第三十一条第（一）项：以提交之日为收到申请之日",
        ),
        Channel.POST_SIGNED: ChannelRule(
            "邮寄（需签收）",
            ReceiptEvidence.SIGNED_FOR,
            "行政机关签收之日",
            "条例第三十一条第（二）项：以行政机关签收之日为收到申请之日",
        ),
        Channel.POST_UNSIGNED: ChannelRule(
            "平常信函等无需签收的邮寄",
            ReceiptEvidence.CONFIRMED,
            "与申请人确认之日",
            "条例第三十一条第（二）项：应当于收到申请的当日与申请人确认，确认之日为收到申请之日",
        ),
        Channel.ONLINE: ChannelRule(
            "互联网渠道（网上申请）",
            ReceiptEvidence.CONFIRMED,
            "双方确认之日",
            "条例第三十一条第（三）项：以双方确认之日为收到申请之日",
        ),
        # E-mail is an 互联网渠道 in the sense of 第三十一条第（三）项 [推定: the article names
        # only 互联网渠道 and 传真; e-mail is grouped with the former].
        Channel.EMAIL: ChannelRule(
            "电子邮件",
            ReceiptEvidence.CONFIRMED,
            "双方确认之日",
            "条例第三十一条第（三）项（电子邮件属互联网渠道）：以双方确认之日为收到申请之日",
        ),
        Channel.FAX: ChannelRule(
            "传真",
            ReceiptEvidence.CONFIRMED,
            "双方确认之日",
            "条例第三十一条第（三）项：以双方确认之日为收到申请之日",
        ),
    }
)


def needs_confirmation(channel: Channel) -> bool:
    """Whether the date of receipt of ``channel`` is a second date (signing or confirmation)
    rather than the day the application was handed in.

    Legal basis: 条例 第三十一条 -- only 当面提交 (第（一）项) counts the day of submission; a
    letter counts from its signing or confirmation (第（二）项), the internet and fax from the
    confirmation by both sides (第（三）项).
    """
    return CHANNEL_RULES[channel].evidence is not ReceiptEvidence.SUBMITTED


def date_of_receipt(
    channel: Channel,
    *,
    submitted_on: date | None = None,
    signed_for_on: date | None = None,
    confirmed_on: date | None = None,
) -> date:
    """The date of receipt (收到申请之日) of an application that came in through ``channel``.

    Legal basis: 条例 第三十一条 (see :data:`CHANNEL_RULES` for the item per channel). Only the
    date the article names counts: for a signed-for letter the signing date, not the postmark.
    """
    rule = CHANNEL_RULES[channel]
    given = {
        ReceiptEvidence.SUBMITTED: submitted_on,
        ReceiptEvidence.SIGNED_FOR: signed_for_on,
        ReceiptEvidence.CONFIRMED: confirmed_on,
    }[rule.evidence]
    if given is None:
        raise DeadlineError(f"{rule.label}的申请须填写{rule.evidence_label}（{rule.legal_basis}）")
    return given
