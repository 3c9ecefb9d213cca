from django.urls import path

from gongkai.web.letters import views

app_name = "letters"

urlpatterns = [
    path("work/letters/", views.index, name="index"),
    path("work/letters/<int:agency_id>/<str:kind>/", views.edit, name="edit"),
    path("work/cases/<int:pk>/letters/<int:lid>.<str:fmt>", views.case_letter, name="case_letter"),
]
