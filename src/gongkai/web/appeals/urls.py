"""The appeals app's pages; gongkai.web.urls mounts them in the namespace "appeals"."""

from gongkai.web.appeals import views
from gongkai.web.routes import routes

urlpatterns = routes(
    "work/appeals/",
    {
        "": views.index,
        "new/": views.register,
        "<int:pk>/": views.detail,
        "<int:pk>/result/": (views.record_result, "result"),
    },
)
