"""Per-address rate limiting on Django's cache (Redis in production, local memory otherwise)."""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client unless a trusted proxy rewrites it,
    # so trusting it would let anyone reset their own limit.
    return request.META.get("REMOTE_ADDR", "unknown")


def hit(request: HttpRequest, scope: str, limit: int, window_seconds: int) -> bool:
    """Count one request; ``False`` once the address exceeded ``limit`` in the current window."""
    key = f"gongkai:rl:{scope}:{client_address(request)}"
    cache.add(key, 0, timeout=window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window_seconds)
        count = 1
    return count <= limit
