"""Staff login brute-force protection (issue 15 point 6), by django-axes -- an established library
(MIT) rather than hand-written counters: it counts failures per username in the database (or in
the Redis cache when REDIS_URL is set), so counters survive a restart and are shared by every
worker process, and it refuses the login form while locked.

Here: the audit row of a lockout and the Chinese page shown while locked. Failures are counted
per username (settings.AXES_LOCKOUT_PARAMETERS): an attacker who changes address is still
stopped; the price, a locked account for the cool-off period, is the usual one for staff logins.
"""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.web.accounts import events
from gongkai.web.accounts.models import User
from gongkai.web.audit.record import record

#: Shown on the login page while the account is locked.
LOCKED_MESSAGE = "登录失败次数过多，该账号已暂时锁定，请{minutes}分钟后再试，或联系系统管理员解锁。"


def cool_off_minutes() -> int:
    return max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))


def locked_out(request: HttpRequest, original_response: Any = None, credentials: Any = None) -> HttpResponse:
    """The login page with the Chinese reason, HTTP 429 (settings.AXES_LOCKOUT_CALLABLE)."""
    context = {
        "form": AuthenticationForm(request),
        "locked_message": LOCKED_MESSAGE.format(minutes=cool_off_minutes()),
        "next": request.POST.get("next", "") if request.method == "POST" else request.GET.get("next", ""),
    }
    return render(request, "registration/login.html", context, status=429)


@receiver(user_locked_out)
def audit_lockout(sender: Any, request: HttpRequest, username: str | None, ip_address: str, **_: Any) -> None:
    """One audit row per refused attempt of a locked account (not a user step: no actor)."""
    name = (username or "")[:150]
    user = User.objects.filter(username=name).first() or User(username=name)
    with transaction.atomic():
        record(
            acting_user=None,
            action=events.LOGIN_LOCKED,
            summary=f"账号“{name}”登录失败次数过多，已锁定{cool_off_minutes()}分钟（来源 {ip_address}）",
            obj=user,
            agency_id=None,
            after={"username": name, "ip_address": ip_address},
            actor_label="登录保护",
        )
