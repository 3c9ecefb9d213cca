"""The workdays app's pages; gongkai.web.urls mounts them in the namespace "workdays".

Written out with ``path()``: no route here is named after its view (one view serves new/ and edit).
"""

from django.urls import path

from gongkai.web.workdays import notices, views

urlpatterns = [
    path("", views.schedule_list, name="list"),
    path("new/", views.schedule_edit, name="new"),
    path("notice/", notices.enter_notice, name="notice"),
    path("<int:pk>/", views.schedule_edit, name="edit"),
]
