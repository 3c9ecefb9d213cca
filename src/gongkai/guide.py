"""What a 政府信息公开指南 must contain, and which of it a guide's text does not state.

Legal basis:

- 条例 第十二条第二款：“政府信息公开指南包括政府信息的分类、编排体系、获取方式和政府信息公开工作机构
  的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式等内容。”
- how to apply (条例 第二十七条至第二十九条: the application, its form and content) is the
  指南's "获取方式" for information not published proactively; the guide names the procedure;
- 条例 第五十一条：“公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向
  上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。”
  -- the guide tells the public where to complain or report.

The check reads words, as a person skimming the guide would: each element has the expressions by
which guides state it (any one suffices). It finds what is plainly missing; whether what is there is
right (the real fax number) stays for the person publishing it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ARTICLE_12_2 = "条例 第十二条第二款"
ARTICLE_27_29 = "条例 第二十七条至第二十九条"
ARTICLE_51 = "条例 第五十一条"


@dataclass(frozen=True, slots=True)
class GuideElement:
    """One element a guide must state: its Chinese name, the article asking for it, and the
    expressions by which a guide states it."""

    name: str
    basis: str
    pattern: re.Pattern[str]


GUIDE_ELEMENTS: tuple[GuideElement, ...] = (
    GuideElement("政府信息的分类", ARTICLE_12_2, re.compile(r"分类|类别")),
    GuideElement("编排体系", ARTICLE_12_2, re.compile(r"编排|排列|索引号")),
    GuideElement("获取方式", ARTICLE_12_2, re.compile(r"获取|查阅|公开形式|公开方式")),
    GuideElement(
        "政府信息公开工作机构的名称", ARTICLE_12_2, re.compile(r"工作机构|受理机构|机构名称|承办机构")
    ),
    GuideElement("办公地址", ARTICLE_12_2, re.compile(r"办公地址|地址|办公地点")),
    GuideElement("办公时间", ARTICLE_12_2, re.compile(r"办公时间|工作时间|受理时间")),
    GuideElement("联系电话", ARTICLE_12_2, re.compile(r"电话")),
    GuideElement("传真号码", ARTICLE_12_2, re.compile(r"传真")),
    GuideElement(
        "互联网联系方式",
        ARTICLE_12_2,
        re.compile(r"互联网联系方式|网址|电子邮箱|电子邮件|https?://|www\.|[\w.-]+@[\w-]+\.[\w.]+"),
    ),
    GuideElement(
        "依申请公开的申请程序", ARTICLE_27_29, re.compile(r"申请(?:程序|方式|流程|表)|提出申请|如何申请")
    ),
    GuideElement("投诉、举报的途径", ARTICLE_51, re.compile(r"投诉|举报")),
)


def missing_guide_elements(text: str) -> list[GuideElement]:
    """The required elements (GUIDE_ELEMENTS) that ``text`` does not state, in their order."""
    return [element for element in GUIDE_ELEMENTS if not element.pattern.search(text or "")]


def missing_message(missing: list[GuideElement]) -> str:
    """What a refusal to publish says (Chinese): each missing element with its article."""
    by_basis: dict[str, list[str]] = {}
    for element in missing:
        by_basis.setdefault(element.basis, []).append(element.name)
    parts = [f"{'、'.join(names)}（{basis}）" for basis, names in by_basis.items()]
    return "政府信息公开指南缺少：" + "；".join(parts) + "。补充完整后才能发布"
