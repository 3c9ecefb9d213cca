from django.urls import path

from gongkai.web.oversight import views

app_name = "oversight"

_YEAR = "work/oversight/<int:year>/"
_JOB = "work/oversight/jobs/<int:pk>/"
_UPLOAD = "work/oversight/uploads/<int:pk>/"

urlpatterns = [
    path("work/oversight/", views.index, name="index"),
    path(_YEAR, views.year, name="year"),
    path(f"{_YEAR}combined/", views.combined, name="combined"),
    path(f"{_YEAR}export.xlsx", views.export, name="export"),
    path(f"{_YEAR}upload/", views.upload, name="upload"),
    path(_JOB, views.job, name="job"),
    path(f"{_JOB}progress.json", views.progress, name="progress"),
    path(_UPLOAD, views.upload_detail, name="upload_detail"),
    path(f"{_UPLOAD}assign/", views.assign, name="assign"),
    path(f"{_UPLOAD}recheck/", views.recheck, name="recheck"),
    path(f"{_UPLOAD}confirm/", views.confirm, name="confirm"),
    path(f"{_UPLOAD}delete/", views.delete_upload, name="delete_upload"),
    path("work/oversight/reports/<int:pk>/", views.report, name="report"),
]
