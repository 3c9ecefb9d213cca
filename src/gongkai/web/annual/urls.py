from gongkai.web.annual import drilldown, views
from gongkai.web.routes import routes

app_name = "annual"

_REPORT = "<int:agency_pk>/<int:year>/"

urlpatterns = routes(
    "work/annual/",
    {
        "": views.index,
        "generate/": views.generate,
        _REPORT: views.year,
        f"{_REPORT}do/<str:verb>/": views.act,
        "files/<int:pk>/": views.download,
        f"{_REPORT}cell/<str:path>/": drilldown.cell,
    },
)
