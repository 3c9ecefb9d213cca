"""The disclosure app's pages; gongkai.web.urls mounts them in the namespace "disclosure"."""

from gongkai.web.disclosure import views
from gongkai.web.routes import routes

urlpatterns = routes(
    "work/disclosure/",
    {
        "": views.index,
        "new/": views.create,
        "items/<int:pk>/": views.item,
        "items/<int:pk>/<str:verb>/": views.act,
        "ledger/": views.ledger,
        "table2/": views.table2,
        "setup/": views.setup,
    },
)
