"""The oversight app's pages; gongkai.web.urls mounts them in the namespace "oversight"."""

from gongkai.web.oversight import views
from gongkai.web.routes import routes

_YEAR = "<int:year>/"
_JOB = "jobs/<int:pk>/"
_UPLOAD = "uploads/<int:pk>/"

urlpatterns = routes(
    "work/oversight/",
    {
        "": views.index,
        _YEAR: views.year,
        f"{_YEAR}combined/": views.combined,
        f"{_YEAR}export.xlsx": views.export,
        f"{_YEAR}upload/": views.upload,
        _JOB: views.job,
        f"{_JOB}progress.json": views.progress,
        _UPLOAD: views.upload_detail,
        f"{_UPLOAD}assign/": views.assign,
        f"{_UPLOAD}recheck/": views.recheck,
        f"{_UPLOAD}confirm/": views.confirm,
        f"{_UPLOAD}delete/": views.delete_upload,
        "reports/<int:pk>/": views.report,
    },
)
