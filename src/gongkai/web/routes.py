"""An app's pages declared as a table: one helper builds the routes under a prefix.

Each row maps the rest of the path to its view; the route is named after the view function unless
the row gives ``(view, name)``. The result is the list of ``path()`` calls written out in full.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.urls import URLPattern, path

View = Callable[..., Any]


def routes(prefix: str, table: Mapping[str, View | tuple[View, str]]) -> list[URLPattern]:
    """``path(prefix + rest, view, name=...)`` for each row of ``table``, in its order.

    A view made by a factory (``case_action``, ``as_view()``: its function is defined in another
    function) or an instance has no name of its own to give the route: its row must name it.
    """
    patterns = []
    for rest, row in table.items():
        if isinstance(row, tuple):
            view, name = row
        elif "<locals>" in getattr(row, "__qualname__", "<locals>"):
            raise ValueError(f"the route {prefix + rest!r} needs a name: its view has none of its own")
        else:
            view, name = row, row.__name__
        patterns.append(path(prefix + rest, view, name=name))
    return patterns
