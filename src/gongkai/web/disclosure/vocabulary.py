"""The closed vocabularies of proactive disclosure (主动公开), with their Chinese labels."""

from __future__ import annotations

from gongkai.report.model import FEES_LABEL, TABLE2_DECISION_ROWS, TABLE2_DOCUMENT_ROWS
from gongkai.web.choices import Choices


class Attribute(Choices):
    """公开属性 of an item (条例 第十九条、第二十七条、第十四条至第十六条)."""

    ACTIVE = "主动公开"
    ON_REQUEST = "依申请公开"
    WITHHELD = "不予公开"


#: Table 2's rows of documents, by key: the label each is printed with.
_DOCUMENT_ROW_LABELS = dict(TABLE2_DOCUMENT_ROWS)


class DocType(Choices):
    """Document types that table 2 counts (条例 第二十条第（一）项), labelled as their rows there
    (COUNTED_TYPES), and everything else."""

    REGULATION = _DOCUMENT_ROW_LABELS["regulations"]
    NORMATIVE = _DOCUMENT_ROW_LABELS["normative_documents"]
    OTHER = "其他文件"


#: The doc types with a life (issued, amended, abolished) counted in table 2, and their keys in
#: gongkai.report.model.Table2.
COUNTED_TYPES = {DocType.REGULATION: "regulations", DocType.NORMATIVE: "normative_documents"}


class Status(Choices):
    DRAFT = "草稿"
    IN_REVIEW = "审核中"
    APPROVED = "已审批待发布"
    PUBLISHED = "已发布"
    WITHDRAWN = "已撤回"


class LifeEventKind(Choices):
    AMENDED = "修改"
    ABOLISHED = "废止"


class Conclusion(Choices):
    APPROVE = "同意"
    RETURN = "退回修改"


class FindingState(Choices):
    OPEN = "待处理"
    REMOVED = "已删除"
    JUSTIFIED = "说明理由后保留"


class PublicationChannel(Choices):
    """Where an item was published (条例 第二十三条、第二十四条) -- not how an application came in
    (applications.vocabulary) nor how a reply was delivered (replies.vocabulary)."""

    PORTAL = "政府网站"
    WECHAT = "微信公众号"
    NOTICE_BOARD = "公告栏"
    DOCUMENT = "政府公报/文件"
    HOTLINE = "热线电话"


#: Table 2's single-number rows of decisions, by key: the label each is printed with.
_DECISION_ROW_LABELS = {key: label for key, label, *_ in TABLE2_DECISION_ROWS}


class DecisionKind(Choices):
    """The decisions counted in table 2 (条例 第二十条第（五）、（六）、（八）项): stored under the key
    of their row in the report (gongkai.report.model.TABLE2_DECISION_ROWS) and shown with its
    label; the fees' row is a sum of money (FEES_LABEL)."""

    LICENSING = _DECISION_ROW_LABELS["licensing"]
    PENALTY = _DECISION_ROW_LABELS["penalty"]
    COERCION = _DECISION_ROW_LABELS["coercion"]
    FEE = FEES_LABEL


class Frequency(Choices):
    """How often a ledger entry (一本账) must be published."""

    ONCE = "一次性"
    MONTHLY = "每月"
    QUARTERLY = "每季度"
    HALF_YEARLY = "每半年"
    YEARLY = "每年"
    AS_NEEDED = "动态更新"


#: Months between two publications of a ledger entry.
FREQUENCY_MONTHS: dict[str, int] = {
    Frequency.MONTHLY: 1,
    Frequency.QUARTERLY: 3,
    Frequency.HALF_YEARLY: 6,
    Frequency.YEARLY: 12,
}

#: The common headings of the 基层政务公开标准目录 (国务院办公厅《关于全面推进基层政务公开标准化规范化
#: 工作的指导意见》, 国办发〔2019〕54号, and the 26 领域 standard catalogues): (code, name, children);
#: every item of 条例 第二十条 has its heading (ARTICLE_20_HEADINGS). Codes are never reused: an
#: agency seeded earlier gets the headings added later (13-17) by seeding again.
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
    ("13", "统计信息", ()),
    ("14", "应急管理", ("应急预案", "预警信息", "应对情况")),
    ("15", "监督检查", ("环境保护", "公共卫生", "安全生产", "食品药品", "产品质量")),
    ("16", "民生保障", ("扶贫", "教育", "医疗", "社会保障", "促进就业")),
    ("17", "其他法定主动公开信息", ()),
)

#: The heading (code in STANDARD_HEADINGS) under which each item of 条例 第二十条 is published.
#: Legal basis: 条例 第二十条（一）至（十五）, quoted from the 条例's text; the test of the catalogue
#: compares every item of that article with this table.
ARTICLE_20_HEADINGS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("（一）", "行政法规、规章和规范性文件", ("02",)),
    ("（二）", "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名", ("01",)),
    ("（三）", "国民经济和社会发展规划、专项规划、区域规划及相关政策", ("03",)),
    ("（四）", "国民经济和社会发展统计信息", ("13",)),
    ("（五）", "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果", ("05", "10")),
    (
        "（六）",
        "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
        ("06", "07"),
    ),
    ("（七）", "财政预算、决算信息", ("0401",)),
    ("（八）", "行政事业性收费项目及其依据、标准", ("08",)),
    ("（九）", "政府集中采购项目的目录、标准及实施情况", ("0403",)),
    ("（十）", "重大建设项目的批准和实施情况", ("09",)),
    ("（十一）", "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况", ("16",)),
    ("（十二）", "突发公共事件的应急预案、预警信息及应对情况", ("14",)),
    ("（十三）", "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况", ("15",)),
    ("（十四）", "公务员招考的职位、名额、报考条件等事项以及录用结果", ("11",)),
    ("（十五）", "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息", ("17",)),
)
