from django.urls import path

from gongkai.web.replies import views

app_name = "replies"

_CASE = "work/cases/<int:pk>/reply/"

urlpatterns = [
    path(f"{_CASE}save/", views.save_draft, name="save"),
    path(f"{_CASE}submit/", views.submit, name="submit"),
    path(f"{_CASE}return/", views.return_for_changes, name="return"),
    path(f"{_CASE}approve/", views.approve, name="approve"),
    path(f"{_CASE}issue/", views.issue, name="issue"),
    path(f"{_CASE}delivery/", views.record_delivery, name="delivery"),
    path(f"{_CASE}delivery/<int:did>/receipt/", views.download_receipt, name="receipt"),
    path(f"{_CASE}attachments/", views.add_attachment, name="add_attachment"),
    path(f"{_CASE}attachments/<int:aid>/", views.download_attachment, name="attachment"),
    path(f"{_CASE}attachments/<int:aid>/redact/", views.redact_attachment, name="redact_attachment"),
    path(f"{_CASE}attachments/<int:aid>/justify/", views.justify_attachment, name="justify_attachment"),
    path(f"{_CASE}letters/<int:lid>.<str:fmt>", views.download_letter, name="letter"),
]
