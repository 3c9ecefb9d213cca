"""The applications app's pages; gongkai.web.urls mounts them in the namespace "applications"."""

from gongkai.web.applications import notices, procedure_views, public_views, views
from gongkai.web.routes import routes

urlpatterns = [
    *routes(
        "",
        {
            "apply/": public_views.apply,
            "apply/received/<str:key>/": public_views.submitted,
            "track/": public_views.track,
            "track/letter/": public_views.track_letter,
            "receipt/<int:pk>.<str:fmt>": (public_views.receipt_download, "receipt"),
            "work/": views.queue,
            "work/register/": views.register,
        },
    ),
    *routes(
        "work/cases/<int:pk>/",
        {
            "": views.detail,
            "assign/": (views.assign, "assign"),
            "correction/": (views.request_correction, "request_correction"),
            "correction/received/": (views.receive_correction, "receive_correction"),
            "extension/": (views.request_extension, "request_extension"),
            "extension/approve/": (views.approve_extension, "approve_extension"),
            "extension/refuse/": (views.refuse_extension, "refuse_extension"),
            "extension/withdraw/": (views.withdraw_extension, "withdraw_extension"),
            "consultation/": (views.start_consultation, "start_consultation"),
            "consultation/end/": (views.end_consultation, "end_consultation"),
            # Issue 6: third-party consultation (第三十二条) and the fee notice (第四十二条).
            "third-party/": (notices.start_third_party_consultation, "third_party"),
            "third-party/answer/": (notices.record_third_party_answer, "third_party_answer"),
            "third-party/decision/": (notices.decide_after_consultation, "third_party_decision"),
            "fee/": (notices.send_fee_notice, "fee_notice"),
            "fee/paid/": (notices.receive_fee, "fee_paid"),
            # Issue 16: a lapsed period goes to the clerk, who records a 正当理由 or confirms the
            # lapse (条例 第三十条); the 第三十五条 request for reasons, the answer and the later
            # reply date.
            "lapse/refer/": (procedure_views.refer_lapse, "refer_lapse"),
            "lapse/excuse/": (procedure_views.record_good_cause, "lapse_excuse"),
            "lapse/confirm/": (procedure_views.confirm_lapse, "lapse_confirm"),
            "reasons/": (procedure_views.request_reasons, "reasons_request"),
            "reasons/answer/": (procedure_views.record_reasons_answer, "reasons_answer"),
            "reasons/later-date/": (procedure_views.set_later_date, "later_date"),
        },
    ),
]
