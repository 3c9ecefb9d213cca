from django.urls import path

from gongkai.web.oversight import views

app_name = "oversight"

urlpatterns = [
    path("work/oversight/", views.index, name="index"),
    path("work/oversight/<int:year>/", views.year, name="year"),
    path("work/oversight/<int:year>/combined/", views.combined, name="combined"),
    path("work/oversight/<int:year>/export.xlsx", views.export, name="export"),
    path("work/oversight/<int:year>/upload/", views.upload, name="upload"),
    path("work/oversight/jobs/<int:pk>/", views.job, name="job"),
    path("work/oversight/jobs/<int:pk>/progress.json", views.progress, name="progress"),
    path("work/oversight/uploads/<int:pk>/", views.upload_detail, name="upload_detail"),
    path("work/oversight/uploads/<int:pk>/assign/", views.assign, name="assign"),
    path("work/oversight/uploads/<int:pk>/recheck/", views.recheck, name="recheck"),
    path("work/oversight/uploads/<int:pk>/confirm/", views.confirm, name="confirm"),
    path("work/oversight/uploads/<int:pk>/delete/", views.delete_upload, name="delete_upload"),
    path("work/oversight/reports/<int:pk>/", views.report, name="report"),
]
