"""Agencies (行政机关) as a tree, users, and who works where in which role."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models

from gongkai.agencies import AgencyKind
from gongkai.web.accounts.kinds import KIND_CHOICES, proposed_kind
from gongkai.web.choices import Choices
from gongkai.web.model_fields import Model, optional_reference
from gongkai.workflow.cases import ROLE_LABELS
from gongkai.workflow.cases import Role as WorkflowRole


class Role(Choices):
    """The domain's roles (gongkai.workflow.cases.Role) minus the periodic jobs' SYSTEM role:
    经办人 registers and handles, 审核人 reviews replies, 机构负责人 approves extensions
    (条例 第三十三条第二款), 公开办 supervises the agencies under it, 系统管理员 configures."""

    CLERK = WorkflowRole.CLERK.value, ROLE_LABELS[WorkflowRole.CLERK]
    REVIEWER = WorkflowRole.REVIEWER.value, ROLE_LABELS[WorkflowRole.REVIEWER]
    HEAD = WorkflowRole.HEAD.value, ROLE_LABELS[WorkflowRole.HEAD]
    SUPERVISOR = WorkflowRole.SUPERVISOR.value, ROLE_LABELS[WorkflowRole.SUPERVISOR]
    ADMIN = WorkflowRole.ADMIN.value, ROLE_LABELS[WorkflowRole.ADMIN]


class Agency(Model):
    """An administrative agency. ``parent`` is the body that supervises its disclosure work."""

    name = models.CharField("机构名称", max_length=100, unique=True)
    short_name = models.CharField(
        "简称", max_length=20, help_text="用于登记编号，如“平科”。", blank=True, default=""
    )
    parent = optional_reference("self", "上级（监督）机构", related_name="children")
    address = models.CharField("地址", max_length=200, blank=True, default="")
    phone = models.CharField("联系电话", max_length=50, blank=True, default="")
    accepts_online = models.BooleanField("接受网上申请", default=True)
    #: What kind of body it is (条例 第四十九条、第五十条第（四）项); changed only by
    #: accounts.actions.do_set_agency_kind once the agency exists.
    kind = models.CharField("机关类别", max_length=10, choices=KIND_CHOICES, blank=True, default="")
    #: Shown while the kind is only a fallback the name did not tell ("" once it is known).
    kind_note = models.CharField("机关类别说明", max_length=300, blank=True, default="")

    class Meta:
        verbose_name = "行政机关"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A new agency without a kind gets the name's proposal, as the migration gave existing ones.
        if not self.kind:
            self.kind, self.kind_note = proposed_kind(self.name)
        super().save(*args, **kwargs)

    @property
    def agency_kind(self) -> AgencyKind:
        return AgencyKind(self.kind) if self.kind else AgencyKind(proposed_kind(self.name)[0])

    @property
    def number_prefix(self) -> str:
        return self.short_name or self.name[:4]

    def subtree_ids(self) -> set[int]:
        """This agency and every agency below it (one query per level; trees are shallow)."""
        ids = {self.pk}
        frontier = [self.pk]
        while frontier:
            frontier = list(Agency.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
            frontier = [pk for pk in frontier if pk not in ids]
            ids.update(frontier)
        return ids


class User(Model, AbstractUser):
    """A staff member. The public do not log in: they follow a case with its number and query code."""

    full_name = models.CharField("姓名", max_length=50, blank=True, default="")

    class Meta:
        verbose_name = "用户"

    def __str__(self) -> str:
        return self.full_name or self.username


class Membership(Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships", verbose_name="用户")
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="memberships", verbose_name="机构"
    )
    role = models.CharField("角色", max_length=20, choices=Role.choices())

    class Meta:
        verbose_name = "任职"
        constraints = [models.UniqueConstraint(fields=["user", "agency", "role"], name="membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} · {self.agency} · {self.get_role_display()}"
