from gongkai.web.appeals import views
from gongkai.web.routes import routes

app_name = "appeals"

urlpatterns = routes(
    "work/appeals/",
    {
        "": views.index,
        "new/": views.register,
        "<int:pk>/": views.detail,
        "<int:pk>/result/": (views.record_result, "result"),
    },
)
