"""``gongkai manage create_api_token --agency 机关 --name 接入系统名称 [--read-only | --submit-only]``

Creates a token for a system (a provincial platform forwarding applications...) and prints it
once; only its SHA-256 is kept. Revoke with ``gongkai manage revoke_api_token PREFIX``.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.errors import GongkaiError
from gongkai.web.accounts.models import Agency
from gongkai.web.api import actions


class Command(BaseCommand):
    help = "为接入系统创建接口令牌（令牌只显示一次）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--agency", required=True, help="所属机关的名称或编号（令牌可用于该机关及其下级机关）"
        )
        parser.add_argument("--name", required=True, help="接入系统名称，如“省政务服务平台”")
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--read-only", action="store_true", help="只能查询办理情况")
        scope.add_argument("--submit-only", action="store_true", help="只能提交申请")

    def handle(self, *args: Any, **options: Any) -> None:
        ref = options["agency"].strip()
        agency = Agency.objects.filter(pk=int(ref)).first() if ref.isdigit() and len(ref) < 19 else None
        agency = agency or Agency.objects.filter(name=ref).first()
        if agency is None:
            raise CommandError(f"找不到机关“{ref}”。")
        try:
            issued = actions.do_create_api_token(
                agency,
                name=options["name"],
                may_submit=not options["read_only"],
                may_read=not options["submit_only"],
                acting_user=None,
            )
        except GongkaiError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"已为“{issued.token.name}”（{agency}）创建接口令牌，前缀 {issued.token.prefix}。")
        self.stdout.write("令牌只显示这一次，请妥善保存：")
        self.stdout.write(issued.key)
