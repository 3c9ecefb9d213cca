from django.urls import path

from gongkai.web.workdays import notices, views

app_name = "workdays"

urlpatterns = [
    path("", views.schedule_list, name="list"),
    path("new/", views.schedule_edit, name="new"),
    path("notice/", notices.enter_notice, name="notice"),
    path("<int:pk>/", views.schedule_edit, name="edit"),
]
