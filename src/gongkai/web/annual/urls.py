"""The annual app's pages; gongkai.web.urls mounts them in the namespace "annual"."""

from gongkai.web.annual import drilldown, views
from gongkai.web.routes import routes

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
