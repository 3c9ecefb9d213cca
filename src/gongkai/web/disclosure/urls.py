from django.urls import path

from gongkai.web.disclosure import views

app_name = "disclosure"

urlpatterns = [
    path("work/disclosure/", views.index, name="index"),
    path("work/disclosure/new/", views.create, name="create"),
    path("work/disclosure/items/<int:pk>/", views.item, name="item"),
    path("work/disclosure/items/<int:pk>/<str:verb>/", views.act, name="act"),
    path("work/disclosure/ledger/", views.ledger, name="ledger"),
    path("work/disclosure/table2/", views.table2, name="table2"),
    path("work/disclosure/setup/", views.setup, name="setup"),
]
