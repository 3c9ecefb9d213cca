"""``gongkai manage revoke_api_token PREFIX``: revoke a token (its system account is closed too)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.errors import GongkaiError
from gongkai.web.api import actions
from gongkai.web.api.models import ApiToken


class Command(BaseCommand):
    help = "吊销接口令牌"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("prefix", help="令牌前缀（gk_<前缀>_... 中间的一段）")

    def handle(self, *args: Any, **options: Any) -> None:
        token = ApiToken.objects.filter(prefix=options["prefix"]).first()
        if token is None:
            raise CommandError(f"找不到前缀为“{options['prefix']}”的令牌。")
        try:
            actions.do_revoke_api_token(token, acting_user=None)
        except GongkaiError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"已吊销“{token.name}”的接口令牌。")
