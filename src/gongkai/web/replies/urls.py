"""The replies app's pages; gongkai.web.urls mounts them in the namespace "replies"."""

from gongkai.web.replies import views
from gongkai.web.routes import routes

urlpatterns = routes(
    "work/cases/<int:pk>/reply/",
    {
        "save/": (views.save_draft, "save"),
        "submit/": (views.submit, "submit"),
        "return/": (views.return_for_changes, "return"),
        "approve/": (views.approve, "approve"),
        "issue/": (views.issue, "issue"),
        "delivery/": (views.record_delivery, "delivery"),
        "delivery/<int:did>/receipt/": (views.download_receipt, "receipt"),
        "attachments/": views.add_attachment,
        "attachments/<int:aid>/": (views.download_attachment, "attachment"),
        "attachments/<int:aid>/redact/": views.redact_attachment,
        "attachments/<int:aid>/justify/": views.justify_attachment,
        "letters/<int:lid>.<str:fmt>": (views.download_letter, "letter"),
    },
)
