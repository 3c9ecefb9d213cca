"""URL configuration of the Gongkai web system."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpRequest
from django.urls import include, path

from gongkai.web.accounts.permissions import can_use_django_admin
from gongkai.web.applications import views as application_views


def _admin_allowed(request: HttpRequest) -> bool:
    """Django admin for platform superusers only (not every ``is_staff`` account, not an agency's
    系统管理员: issue 15 point 2)."""
    return bool(request.user.is_active and request.user.is_staff and can_use_django_admin(request.user))


admin.site.has_permission = _admin_allowed
admin.site.site_header = "Gongkai 系统管理"
admin.site.site_title = "Gongkai 系统管理"

#: Each app's pages, mounted under its prefix; the app's route names live in the namespace named
#: after it ("applications:detail").
_APPS = (
    ("calendar/", "workdays"),
    ("", "applications"),
    # Proactive disclosure (staff) and the public portal (issue 7).
    ("", "disclosure"),
    ("", "portal"),
    # Issue 6: letter templates, replies and delivery, the REST API.
    ("", "letters"),
    ("", "replies"),
    ("", "api"),
    # Issue 8: reconsideration and litigation, annual reports, the supervisor's view.
    ("", "appeals"),
    ("", "annual"),
    ("", "oversight"),
)

urlpatterns = [
    path("", application_views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    *(path(prefix, include((f"gongkai.web.{app}.urls", app))) for prefix, app in _APPS),
]

# Issue 17: the error pages in Chinese, in the site's look, with a way back (gongkai.web.errors).
handler400 = "gongkai.web.errors.bad_request"
handler403 = "gongkai.web.errors.permission_denied"
handler404 = "gongkai.web.errors.page_not_found"
handler500 = "gongkai.web.errors.server_error"
