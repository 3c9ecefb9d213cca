"""第三十二条 in the demo: a third party consulted, and the agency discloses anyway (issue 6)."""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone

from gongkai.web.accounts.models import User
from gongkai.web.applications import actions
from gongkai.web.applications.models import ThirdPartyConsultation
from gongkai.web.audit.record import replaying
from gongkai.web.demo.people import reconsideration_body
from gongkai.web.demo.replay import Replay


def consult_third_party(rp: Replay, sent: date, today: date, clerk: User, *, answered: bool) -> bool:
    """Consult a company about its information: written letter (征求第三方意见书), its answer
    (不同意公开), and the decision to disclose for the public interest with the written notice
    to the third party (告知书). ``answered``: the answer is in (else the case stays 征求第三方意见中).
    Returns whether the agency has decided, so that the reply (予以公开) can follow."""
    party = actions.ThirdParty(
        name="示例市恒达建设有限公司",
        contact="0573-85016688",
        address="示例市东湖大道88号",
        information="该公司参与本单位政府采购项目的中标金额及合同主要条款",
        letter_received_on=rp.workday(sent, 1),
    )
    rp.at(
        sent,
        actions.do_start_consultation,
        kind="third_party",
        sent_on=sent,
        note="涉及第三方商业信息，书面征求意见",
        third_party=party,
        acting_user=clerk,
    )
    answered_on = rp.workday(sent, 6)
    if not answered or answered_on > today:
        return False
    rp.at(
        answered_on,
        actions.do_end_consultation,
        ended_on=answered_on,
        answer="disagree",
        reason="合同金额属于本公司商业秘密",
        acting_user=clerk,
    )
    notice = rp.workday(answered_on, 2)
    if notice > today:
        return False
    consultation = ThirdPartyConsultation.objects.get(application=rp.app)
    with replaying(timezone.make_aware(datetime.combine(notice, time(10, 30)))):
        actions.do_decide_after_consultation(
            rp.app,
            consultation=consultation,
            decision="disclose",
            reason="中标金额和合同主要条款属于政府采购应当公开的信息，不公开会对公共利益造成重大影响",
            notice_sent_on=notice,
            reconsideration_body=reconsideration_body(rp.app.agency),
            acting_user=clerk,
        )
    return True
