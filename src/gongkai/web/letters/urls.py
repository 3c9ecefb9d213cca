"""The letters app's pages; gongkai.web.urls mounts them in the namespace "letters"."""

from gongkai.web.letters import views
from gongkai.web.routes import routes

urlpatterns = routes(
    "work/",
    {
        "letters/": views.index,
        "letters/<int:agency_id>/<str:kind>/": views.edit,
        "cases/<int:pk>/letters/<int:lid>.<str:fmt>": views.case_letter,
    },
)
