from gongkai.web.routes import routes
from gongkai.web.workdays import notices, views

app_name = "workdays"

urlpatterns = routes(
    "",
    {
        "": (views.schedule_list, "list"),
        "new/": (views.schedule_edit, "new"),
        "notice/": (notices.enter_notice, "notice"),
        "<int:pk>/": (views.schedule_edit, "edit"),
    },
)
