from django.urls import path

from gongkai.web.applications import notices, procedure_views, public_views, views

app_name = "applications"

_CASE = "work/cases/<int:pk>/"

urlpatterns = [
    path("apply/", public_views.apply, name="apply"),
    path("apply/received/<str:key>/", public_views.submitted, name="submitted"),
    path("track/", public_views.track, name="track"),
    path("track/letter/", public_views.track_letter, name="track_letter"),
    path("receipt/<int:pk>.<str:fmt>", public_views.receipt_download, name="receipt"),
    path("work/", views.queue, name="queue"),
    path("work/register/", views.register, name="register"),
    path(_CASE, views.detail, name="detail"),
    path(f"{_CASE}assign/", views.assign, name="assign"),
    path(f"{_CASE}correction/", views.request_correction, name="request_correction"),
    path(f"{_CASE}correction/received/", views.receive_correction, name="receive_correction"),
    path(f"{_CASE}extension/", views.request_extension, name="request_extension"),
    path(f"{_CASE}extension/approve/", views.approve_extension, name="approve_extension"),
    path(f"{_CASE}extension/refuse/", views.refuse_extension, name="refuse_extension"),
    path(f"{_CASE}extension/withdraw/", views.withdraw_extension, name="withdraw_extension"),
    path(f"{_CASE}consultation/", views.start_consultation, name="start_consultation"),
    path(f"{_CASE}consultation/end/", views.end_consultation, name="end_consultation"),
    # Issue 6: third-party consultation (第三十二条) and the fee notice (第四十二条).
    path(f"{_CASE}third-party/", notices.start_third_party_consultation, name="third_party"),
    path(f"{_CASE}third-party/answer/", notices.record_third_party_answer, name="third_party_answer"),
    path(f"{_CASE}third-party/decision/", notices.decide_after_consultation, name="third_party_decision"),
    path(f"{_CASE}fee/", notices.send_fee_notice, name="fee_notice"),
    path(f"{_CASE}fee/paid/", notices.receive_fee, name="fee_paid"),
    # Issue 16: a lapsed period goes to the clerk, who records a 正当理由 or confirms the lapse
    # (条例 第三十条); the 第三十五条 request for reasons, the answer and the later reply date.
    path(f"{_CASE}lapse/refer/", procedure_views.refer_lapse, name="refer_lapse"),
    path(f"{_CASE}lapse/excuse/", procedure_views.record_good_cause, name="lapse_excuse"),
    path(f"{_CASE}lapse/confirm/", procedure_views.confirm_lapse, name="lapse_confirm"),
    path(f"{_CASE}reasons/", procedure_views.request_reasons, name="reasons_request"),
    path(f"{_CASE}reasons/answer/", procedure_views.record_reasons_answer, name="reasons_answer"),
    path(f"{_CASE}reasons/later-date/", procedure_views.set_later_date, name="later_date"),
]
