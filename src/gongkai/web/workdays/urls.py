"""The workdays app's pages; gongkai.web.urls mounts them in the namespace "workdays"."""

from gongkai.web.routes import routes
from gongkai.web.workdays import notices, views

urlpatterns = routes(
    "",
    {
        "": (views.schedule_list, "list"),
        "new/": (views.schedule_edit, "new"),
        "notice/": (notices.enter_notice, "notice"),
        "<int:pk>/": (views.schedule_edit, "edit"),
    },
)
