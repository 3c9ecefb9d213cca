from django.urls import path

from gongkai.web.appeals import views

app_name = "appeals"

urlpatterns = [
    path("work/appeals/", views.index, name="index"),
    path("work/appeals/new/", views.register, name="register"),
    path("work/appeals/<int:pk>/", views.detail, name="detail"),
    path("work/appeals/<int:pk>/result/", views.record_result, name="result"),
]
