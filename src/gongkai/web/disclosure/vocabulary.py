"""The closed vocabularies of proactive disclosure (主动公开), with their Chinese labels."""

from __future__ import annotations

from gongkai.web.choices import Choices


class Attribute(Choices):
    """公开属性 of an item (条例 第十九条、第二十七条、第十四条至第十六条)."""

    ACTIVE = "active", "主动公开"
    ON_REQUEST = "on_request", "依申请公开"
    WITHHELD = "withheld", "不予公开"


class DocType(Choices):
    """Document types that table 2 counts (条例 第二十条第（一）项) and everything else."""

    REGULATION = "regulation", "规章"
    NORMATIVE = "normative", "行政规范性文件"
    OTHER = "other", "其他文件"


#: The doc types with a life (issued, amended, abolished) counted in table 2, and their keys in
#: gongkai.report.model.Table2.
COUNTED_TYPES = {DocType.REGULATION: "regulations", DocType.NORMATIVE: "normative_documents"}


class Status(Choices):
    DRAFT = "draft", "草稿"
    IN_REVIEW = "in_review", "审核中"
    APPROVED = "approved", "已审批待发布"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤回"


class LifeEventKind(Choices):
    AMENDED = "amended", "修改"
    ABOLISHED = "abolished", "废止"


class Conclusion(Choices):
    APPROVE = "approve", "同意"
    RETURN = "return", "退回修改"


class FindingState(Choices):
    OPEN = "open", "待处理"
    REMOVED = "removed", "已删除"
    JUSTIFIED = "justified", "说明理由后保留"


class PublicationChannel(Choices):
    """Where an item was published (条例 第二十三条、第二十四条) -- not how an application came in
    (applications.vocabulary) nor how a reply was delivered (replies.vocabulary)."""

    PORTAL = "portal", "政府网站"
    WECHAT = "wechat", "微信公众号"
    NOTICE_BOARD = "notice_board", "公告栏"
    DOCUMENT = "document", "政府公报/文件"
    HOTLINE = "hotline", "热线电话"


class DecisionKind(Choices):
    """The decisions counted in table 2 (条例 第二十条第（五）、（六）、（八）项)."""

    LICENSING = "licensing", "行政许可"
    PENALTY = "penalty", "行政处罚"
    COERCION = "coercion", "行政强制"
    FEE = "fee", "行政事业性收费"


class Frequency(Choices):
    """How often a ledger entry (一本账) must be published."""

    ONCE = "once", "一次性"
    MONTHLY = "monthly", "每月"
    QUARTERLY = "quarterly", "每季度"
    HALF_YEARLY = "half_yearly", "每半年"
    YEARLY = "yearly", "每年"
    AS_NEEDED = "as_needed", "动态更新"


#: Months between two publications of a ledger entry.
FREQUENCY_MONTHS: dict[str, int] = {
    Frequency.MONTHLY: 1,
    Frequency.QUARTERLY: 3,
    Frequency.HALF_YEARLY: 6,
    Frequency.YEARLY: 12,
}

#: The common headings of the 基层政务公开标准目录 (国务院办公厅《关于全面推进基层政务公开标准化规范化
#: 工作的指导意见》, 国办发〔2019〕54号, and the 26 领域 standard catalogues): (code, name, children).
STANDARD_HEADINGS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("01", "机构职能", ("机构设置", "领导信息", "内设机构")),
    ("02", "政策文件", ("规章", "行政规范性文件", "其他文件", "政策解读")),
    ("03", "规划计划", ("发展规划", "年度计划")),
    ("04", "财政资金", ("预算决算", "专项资金", "政府采购")),
    ("05", "行政许可", ("办事指南", "许可结果")),
    ("06", "行政处罚", ("处罚依据", "处罚结果")),
    ("07", "行政强制", ()),
    ("08", "行政事业性收费", ()),
    ("09", "重大建设项目", ()),
    ("10", "公共服务", ()),
    ("11", "人事信息", ()),
    ("12", "政府信息公开年度报告", ()),
)
