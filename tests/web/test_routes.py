"""The route table helper (gongkai.web.routes): names, order, and views that must be named."""

from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from gongkai.web.applications.case_views import case_action
from gongkai.web.applications.views import home
from gongkai.web.routes import routes


def page(request: HttpRequest) -> HttpResponse:
    return HttpResponse("")


def test_rows_become_paths_named_after_their_views_in_order() -> None:
    built = routes("work/x/", {"": page, "<int:pk>/": (page, "detail")})
    assert [(str(p.pattern), p.name, p.callback) for p in built] == [
        ("work/x/", "page", page),
        ("work/x/<int:pk>/", "detail", page),
    ]


def test_a_factory_made_view_must_be_named() -> None:
    made = case_action(lambda *a, **k: None, "好。")
    with pytest.raises(ValueError, match="work/x/act/"):
        routes("work/x/", {"act/": made})
    assert routes("work/x/", {"act/": (made, "act")})[0].name == "act"
    assert routes("", {"": home})[0].name == "home"


def test_the_apps_routes_keep_their_names() -> None:
    assert reverse("applications:assign", args=[3]) == "/work/cases/3/assign/"
    assert reverse("replies:submit", args=[3]) == "/work/cases/3/reply/submit/"
    assert reverse("workdays:edit", args=[2]) == "/calendar/2/"
    assert reverse("appeals:result", args=[5]) == "/work/appeals/5/result/"
