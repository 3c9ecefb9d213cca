"""The disclosure catalogue (政府信息公开目录) and everything around publishing an item.

Status, due dates and the current published version are columns written only by ``actions.py``.
A published version (``ItemVersion``) is never edited: an amendment (更正) makes a new one, a withdrawal
marks the item withdrawn, and the versions stay (the portal shows the current version only).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.web.counters import YearlyCounter
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.model_fields import Model, optional_reference

DEFAULT_INDEX_PATTERN = "{prefix}/{year}-{serial:05d}"


def default_review_chain() -> list[dict[str, object]]:
    """经办 → 科室负责人 → 保密审查 → 分管领导 (the agency may change it)."""
    return [
        {"label": "科室负责人审核", "role": "reviewer", "secrecy": False},
        {"label": "保密审查", "role": "reviewer", "secrecy": True},
        {"label": "分管领导审批", "role": "head", "secrecy": False},
    ]


class DisclosureSetup(Model):
    """An agency's settings: its 索引号 scheme and its review chain."""

    agency = models.OneToOneField(
        "accounts.Agency", on_delete=models.PROTECT, related_name="disclosure_setup", verbose_name="机构"
    )
    index_prefix = models.CharField("索引号前缀", max_length=40, help_text="通常为机构代码，如 002482631")
    index_pattern = models.CharField(
        "索引号格式",
        max_length=80,
        default=DEFAULT_INDEX_PATTERN,
        help_text="可用 {prefix} {category} {year} {serial}，如 {prefix}/{year}-{serial:05d}",
    )
    #: [{"label": "科室负责人审核", "role": "reviewer", "secrecy": false}, ...]
    review_chain = models.JSONField("审核流程", default=default_review_chain)
    #: Whether one person may take several steps of the chain for one item (科室负责人审核 and
    #: 保密审查 ...). Off by default: the steps are separate checks (issue 17); an agency with
    #: one reviewer turns it on through ``do_set_review_separation`` (机构负责人, audited).
    one_person_several_steps = models.BooleanField("允许同一人完成多个审核环节", default=False)

    class Meta:
        verbose_name = "主动公开设置"

    def __str__(self) -> str:
        return f"{self.agency} 主动公开设置"


class IndexCounter(YearlyCounter):
    """The last 索引号 serial used by an agency in a year (locked while numbering)."""

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="index_counter_agency_year")]


class Category(Model):
    """A heading of an agency's catalogue tree."""

    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="categories", verbose_name="机构"
    )
    parent = optional_reference("self", "上级", related_name="children")
    code = models.CharField("编码", max_length=20)
    name = models.CharField("名称", max_length=60)
    position = models.PositiveSmallIntegerField("排序", default=0)
    #: A deactivated heading takes no new items; the items already filed under it keep it.
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "目录分类"
        ordering = ["agency_id", "code"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="category_agency_code")]

    def __str__(self) -> str:
        return f"{self.parent.name} / {self.name}" if self.parent_id and self.parent else self.name


class Item(Model):
    """One piece of government information in the catalogue (the working copy)."""

    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="disclosure_items", verbose_name="机构"
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="items", verbose_name="分类"
    )
    year = models.PositiveSmallIntegerField("索引年度")
    serial = models.PositiveIntegerField("索引序号")
    index_number = models.CharField("索引号", max_length=80, unique=True)
    title = models.CharField("标题", max_length=300)
    #: 内容概述: the 政府信息公开目录 lists each item's 索引、名称、内容概述、生成日期 (条例 第十二条第三款).
    summary = models.TextField("内容概述", blank=True, default="", max_length=500)
    publisher = models.CharField("发布机构", max_length=100)
    doc_number = models.CharField("文号", max_length=80, blank=True, default="")
    doc_type = models.CharField(
        "文件类型", max_length=20, choices=v.DocType.choices(), default=v.DocType.OTHER
    )
    written_on = models.DateField("成文日期")
    #: The day the information was made or last changed: 条例 第二十六条 counts from it.
    made_on = models.DateField("形成或变更日期")
    due_on = models.DateField("应公开日期", null=True, blank=True)
    published_on = models.DateField("发布日期", null=True, blank=True)
    attribute = models.CharField(
        "公开属性", max_length=20, choices=v.Attribute.choices(), default=v.Attribute.ACTIVE
    )
    withheld_ground = models.CharField("不予公开理由", max_length=200, blank=True, default="")
    valid_from = models.DateField("生效日期", null=True, blank=True)
    valid_until = models.DateField("有效期至", null=True, blank=True)
    body = models.TextField("正文", blank=True, default="")
    status = models.CharField("状态", max_length=20, choices=v.Status.choices(), default=v.Status.DRAFT)
    #: Index into the agency's review chain of the step now waiting (while IN_REVIEW).
    review_step = models.PositiveSmallIntegerField(default=0)
    review_round = models.PositiveSmallIntegerField(default=0)
    #: When the text and attachments were last scanned; None = changed since, scan again.
    scanned_at = models.DateTimeField(null=True, blank=True)
    current_version = optional_reference("ItemVersion")
    created_by = optional_reference(settings.AUTH_USER_MODEL)

    class Meta:
        verbose_name = "公开事项"
        ordering = ["-written_on", "-pk"]
        indexes = [
            models.Index(fields=["agency", "doc_type", "written_on"], name="item_life_idx"),
            models.Index(fields=["agency", "status", "due_on"], name="item_due_idx"),
        ]
        constraints = [models.UniqueConstraint(fields=["agency", "year", "serial"], name="item_serial")]

    def __str__(self) -> str:
        return f"{self.index_number} {self.title}"


class Attachment(Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="disclosure/%Y/")
    name = models.CharField("文件名", max_length=200)
    size = models.PositiveIntegerField(default=0)
    #: The text read out of the file (for the sensitive scan and the search index).
    text = models.TextField(blank=True, default="")
    #: The redacted copy that replaces this file in later drafts: a file published with a version
    #: is never changed in place (issue 15 point 1), its redaction is a new file.
    replaced_by = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replaces"
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def of_draft(item: Item) -> models.QuerySet[Attachment]:
        """The item's files as they stand in its draft (none replaced by a redacted copy)."""
        return item.attachments.filter(replaced_by__isnull=True)


class ScanFinding(Model):
    """Sensitive information found in an item's text or attachment before submission."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="findings")
    attachment = models.ForeignKey(
        Attachment, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField("类型", max_length=30)
    text = models.CharField("内容", max_length=200)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    state = models.CharField(max_length=20, choices=v.FindingState.choices(), default=v.FindingState.OPEN)
    justification = models.CharField("保留理由", max_length=300, blank=True, default="")
    resolved_by = optional_reference(settings.AUTH_USER_MODEL)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    @property
    def kind_label(self) -> str:
        from gongkai.sensitive import Kind

        try:
            return Kind(self.kind).label
        except ValueError:
            return self.kind


class ReviewRecord(Model):
    """One step of the review chain: who, when, the conclusion (保密审查 is a step like any)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="reviews")
    round = models.PositiveSmallIntegerField("轮次")
    step = models.PositiveSmallIntegerField("步骤")
    label = models.CharField("环节", max_length=40)
    secrecy = models.BooleanField("保密审查", default=False)
    conclusion = models.CharField("结论", max_length=20, choices=v.Conclusion.choices())
    opinion = models.CharField("意见", max_length=500, blank=True, default="")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("时间")

    class Meta:
        ordering = ["at", "pk"]


class ItemVersion(Model):
    """A published version: written once, never changed."""

    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField("版本")
    title = models.CharField("标题", max_length=300)
    summary = models.TextField("内容概述", blank=True, default="")
    doc_number = models.CharField("文号", max_length=80, blank=True, default="")
    body = models.TextField("正文", blank=True, default="")
    published_on = models.DateField("发布日期")
    note = models.CharField("说明", max_length=300, blank=True, default="")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    #: The files published with this version (fixed when it is published): the portal serves
    #: these only, never a file attached to a later draft before its scan and review (issue 15).
    attachments = models.ManyToManyField(Attachment, related_name="versions", blank=True)

    class Meta:
        ordering = ["item_id", "number"]
        constraints = [models.UniqueConstraint(fields=["item", "number"], name="version_number")]


class Withdrawal(Model):
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="withdrawals")
    on = models.DateField("撤回日期")
    reason = models.CharField("撤回理由", max_length=300)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")


class LifeEvent(Model):
    """规章/行政规范性文件 amended or abolished (with the deciding document)."""

    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="life_events")
    kind = models.CharField(max_length=20, choices=v.LifeEventKind.choices())
    on = models.DateField("日期")
    document = models.CharField("依据文件", max_length=200)

    class Meta:
        ordering = ["on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item"], condition=models.Q(kind="abolished"), name="abolished_once"
            )
        ]


class Publication(Model):
    """A publication of an item on one channel (the portal's is written by publishing)."""

    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="publications")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    channel = models.CharField("渠道", max_length=20, choices=v.PublicationChannel.choices())
    on = models.DateField("发布日期")
    note = models.CharField("说明", max_length=200, blank=True, default="")

    class Meta:
        indexes = [models.Index(fields=["agency", "on"], name="publication_agency_on")]


class Decision(Model):
    """One 行政许可/处罚/强制 decision or 收费 record (entered or imported from a list)."""

    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("类型", max_length=20, choices=v.DecisionKind.choices())
    decided_on = models.DateField("决定日期")
    number = models.CharField("决定书文号", max_length=100)
    #: Yuan (收费 only).
    amount = models.DecimalField("金额（元）", max_digits=14, decimal_places=2, null=True, blank=True)
    batch = models.CharField("导入批次", max_length=100, blank=True, default="")

    class Meta:
        indexes = [models.Index(fields=["agency", "kind", "decided_on"], name="decision_idx")]
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind", "number"], name="decision_number_unique")
        ]


class YearFigure(Model):
    """A yearly figure entered directly; it replaces the count from the decision lists."""

    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    kind = models.CharField("类型", max_length=20, choices=v.DecisionKind.choices())
    #: Decisions for licensing/penalty/coercion; 万元 for fees.
    value = models.DecimalField("数值", max_digits=14, decimal_places=4)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year", "kind"], name="figure_unique")]


class LedgerEntry(Model):
    """One line of the ledger (政务公开工作"一本账"): what must be published, by whom, how often."""

    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("公开事项", max_length=200)
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    responsible_unit = models.CharField("责任科室", max_length=60)
    frequency = models.CharField("公开频次", max_length=20, choices=v.Frequency.choices())
    next_due = models.DateField("下次应公开日期", null=True, blank=True)
    last_done = models.DateField("最近公开日期", null=True, blank=True)
    #: The catalogue items that fulfil this line: publishing one (or linking one already published)
    #: moves ``last_done`` and ``next_due`` on (actions.do_link_ledger_item, do_publish_item).
    items = models.ManyToManyField(Item, blank=True, related_name="ledger_entries", verbose_name="履行信息")

    class Meta:
        verbose_name = "公开事项台账"
        ordering = ["next_due", "pk"]
