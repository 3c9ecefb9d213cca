"""The cache of public portal pages: one generation counter that every change of what is public
bumps, and the decorator that serves anonymous readers from it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

LARGE_TEXT_COOKIE = "gk_large_text"
#: Seconds a rendered public page is reused for anonymous readers. Publishing, withdrawing and a
#: new guide bump the generation (``bump``): with a shared cache (REDIS_URL, production) every
#: process sees the change at once; with the per-process cache of the demo, within this time.
PAGE_TTL = 30
GENERATION_KEY = "portal:generation"


def bump() -> None:
    """Invalidate every cached public page (called by the actions that change what is public)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def public_changed() -> None:
    """Cached public pages are stale: drop them now, and again when the transaction commits
    (a reader between the two could have cached the page as it was before the commit)."""
    bump()
    transaction.on_commit(bump)


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve anonymous GETs from the cache: rendering a page costs several queries and a
    template, and the portal must answer hundreds of readers a second on two cores."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "GET" or request.user.is_authenticated or len(messages.get_messages(request)):
            return view(request, *args, **kwargs)
        large = request.COOKIES.get(LARGE_TEXT_COOKIE) == "1"
        digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"portal:page:{cache.get(GENERATION_KEY, 0)}:{int(large)}:{digest}"
        hit = cache.get(key)
        if hit is not None:
            status, content_type, content = hit
            return HttpResponse(content, status=status, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code in (200, 404, 410) and not response.cookies:
            cache.set(key, (response.status_code, response["Content-Type"], response.content), PAGE_TTL)
        return response

    return wrapper


def render_page(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    """Render a public page, in large text if the reader chose it."""
    context["large_text"] = request.COOKIES.get(LARGE_TEXT_COOKIE) == "1"
    return render(request, template, context, status=status)
