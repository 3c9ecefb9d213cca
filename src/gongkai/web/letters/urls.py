from gongkai.web.letters import views
from gongkai.web.routes import routes

app_name = "letters"

urlpatterns = routes(
    "work/",
    {
        "letters/": views.index,
        "letters/<int:agency_id>/<str:kind>/": views.edit,
        "cases/<int:pk>/letters/<int:lid>.<str:fmt>": views.case_letter,
    },
)
