from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _prune(sender: Any, using: str = "default", **kwargs: Any) -> None:
    from gongkai.web.portal import search

    search.prune(using)


class PortalConfig(AppConfig):
    name = "gongkai.web.portal"
    label = "portal"
    verbose_name = "政府信息公开门户"

    def ready(self) -> None:
        # ``flush`` (tests, ``gongkai manage flush``) empties the tables Django knows and then
        # sends post_migrate: the index tables it does not know are pruned to match.
        post_migrate.connect(_prune, sender=self)
