"""Model permissions for platform superusers: every permission Django admin asks for.

Roles, not Django's permission tables, say who may do what in Gongkai (accounts.permissions);
this backend lets platform superusers through Django admin, whose ModelAdmins still refuse changes to
read-only models (audit trail, applications).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from gongkai.web.accounts.permissions import can_use_django_admin


class RoleBackend(ModelBackend):
    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return can_use_django_admin(user_obj) or super().has_perm(user_obj, perm, obj)

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return can_use_django_admin(user_obj) or super().has_module_perms(user_obj, app_label)
