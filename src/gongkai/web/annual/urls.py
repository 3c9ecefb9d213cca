from django.urls import path

from gongkai.web.annual import drilldown, views

app_name = "annual"

urlpatterns: list = [
    path("work/annual/", views.index, name="index"),
    path("work/annual/generate/", views.generate, name="generate"),
    path("work/annual/<int:agency_pk>/<int:year>/", views.year, name="year"),
    path("work/annual/<int:agency_pk>/<int:year>/do/<str:verb>/", views.act, name="act"),
    path("work/annual/files/<int:pk>/", views.download, name="download"),
    path("work/annual/<int:agency_pk>/<int:year>/cell/<str:path>/", drilldown.cell, name="cell"),
]
