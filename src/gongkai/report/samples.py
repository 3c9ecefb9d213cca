"""Balanced reports built from random records, for the demo, tests and benchmarks.

A report made here is balanced by construction, the way Gongkai's own reports are: it draws
individual applications (each with an applicant type and either an outcome or "still open") and
counts them, so every total is a count of the same records and every 勾稽关系 holds. Nothing here
is real data; the demo labels what it builds as generated.
"""

from __future__ import annotations

import random
from collections import Counter
from decimal import Decimal

from gongkai.agencies import kind_from_name
from gongkai.report.model import (
    OTHER_SINGLE_KEY,
    OTHER_SPLIT_KEYS,
    STANDARD_SECTION_TITLES,
    TABLE3_APPLICANT_KEYS,
    AnnualReport,
    ApplicantCounts,
    CaseResults,
    DocumentCounts,
    RowKind,
    Section,
    Table2,
    Table3,
    Table4,
    Template,
    table3_rows_for,
)

#: How often each applicant type appears in generated applications (natural persons dominate).
_APPLICANT_WEIGHTS = (80, 8, 1, 1, 6, 4)


def _counts(tally: Counter[str]) -> ApplicantCounts:
    return ApplicantCounts.from_applicants(**{k: tally[k] for k in TABLE3_APPLICANT_KEYS})


def balanced_table3(
    rng: random.Random,
    template: Template = Template.Y2021,
    *,
    new: int = 50,
    carried: int = 3,
    open_share: float = 0.05,
) -> Table3:
    """Table 3 from ``new + carried`` generated applications: each closed with an outcome or still open."""
    outcome_keys = [r.key for r in table3_rows_for(template) if r.kind is RowKind.OUTCOME]
    # Outcomes are skewed towards 予以公开 and 本机关不掌握, as in published reports.
    weights = [30 if k == "granted" else 15 if k == "unable_nodata" else 1 for k in outcome_keys]
    tallies: dict[str, Counter[str]] = {
        key: Counter() for key in [*outcome_keys, "new", "carried", "carry_next"]
    }
    for intake, count in (("new", new), ("carried", carried)):
        for _ in range(count):
            applicant = rng.choices(TABLE3_APPLICANT_KEYS, _APPLICANT_WEIGHTS)[0]
            tallies[intake][applicant] += 1
            if rng.random() < open_share:
                tallies["carry_next"][applicant] += 1
            else:
                tallies[rng.choices(outcome_keys, weights)[0]][applicant] += 1
    rows = {key: _counts(tally) for key, tally in tallies.items()}
    total: Counter[str] = Counter()
    for key in outcome_keys:
        total.update(tallies[key])
    rows["total"] = _counts(total)
    if template is Template.Y2019:
        rows.update({k: ApplicantCounts() for k in OTHER_SPLIT_KEYS if k in rows})
    else:
        rows.pop(OTHER_SINGLE_KEY, None)
    return Table3(rows)


def balanced_table4(rng: random.Random, scale: int = 3) -> Table4:
    def group() -> CaseResults:
        return CaseResults.of(*(rng.randint(0, scale) for _ in range(4)))

    return Table4(group(), group(), group())


def random_table2(rng: random.Random) -> Table2:
    def documents() -> DocumentCounts:
        issued, abolished = rng.randint(0, 5), rng.randint(0, 3)
        return DocumentCounts(issued, abolished, rng.randint(abolished, 40))

    return Table2(
        regulations=documents(),
        normative_documents=documents(),
        licensing=rng.randint(0, 5000),
        penalty=rng.randint(0, 3000),
        coercion=rng.randint(0, 200),
        fees_10k_yuan=Decimal(rng.randint(0, 99999)) / 100,
    )


def balanced_report(
    seed: int | None = None,
    *,
    agency: str = "示例市示例局",
    year: int = 2023,
    template: Template = Template.Y2021,
    new: int | None = None,
) -> AnnualReport:
    """A whole generated report whose tables balance and whose narrative restates its figures."""
    rng = random.Random(seed)
    table3 = balanced_table3(
        rng, template, new=rng.randint(0, 120) if new is None else new, carried=rng.randint(0, 6)
    )
    table4 = balanced_table4(rng)
    return narrated_report(agency, year, template, random_table2(rng), table3, table4)


def narrated_report(
    agency: str, year: int, template: Template, table2: Table2, table3: Table3, table4: Table4
) -> AnnualReport:
    """A generated report of these tables, with the narrative that restates their figures."""
    return AnnualReport(
        agency=agency,
        year=year,
        template=template,
        table2=table2,
        table3=table3,
        table4=table4,
        sections=generated_sections(agency, year, table2, table3, table4),
        meta={"generated": True},
    )


#: What a 人民政府's report adds under 监督保障 (条例 第五十条第（四）项).
_GOVERNMENT_RESULTS = (
    "监督保障方面，将政府信息公开工作纳入年度绩效考核，开展社会评议，"
    "本年度未发生政府信息公开工作责任追究情况。"
)


def _is_government(agency: str) -> bool:
    kind = kind_from_name(agency).kind
    return kind is not None and kind.is_peoples_government


def generated_sections(
    agency: str, year: int, table2: Table2, table3: Table3, table4: Table4
) -> tuple[Section, ...]:
    """The six narrative sections, restating the tables' own figures (so text and tables agree)."""
    new = table3.cell("new", "total")
    carried = table3.cell("carried", "total")
    done = table3.cell("total", "total")
    carry_next = table3.cell("carry_next", "total")
    recon = table4.reconsideration.total
    litigation = (table4.litigation_direct.total or 0) + (table4.litigation_after_reconsideration.total or 0)
    docs = table2.normative_documents
    fee_rows = table3.cell("other_overdue_fee", "total")
    texts = {
        "一": (
            f"{year}年，{agency}认真贯彻落实《中华人民共和国政府信息公开条例》，"
            "围绕主动公开、依申请公开、政府信息管理、平台建设和监督保障等方面扎实推进政府信息公开工作。"
            + (_GOVERNMENT_RESULTS if _is_government(agency) else "")
        ),
        "二": (
            f"{year}年，本机关制发行政规范性文件{docs.issued}件，废止{docs.abolished}件，"
            f"现行有效{docs.in_force}件。具体情况见下表。"
        ),
        "三": (
            f"{year}年，本机关新收政府信息公开申请{new}件，上年结转{carried}件，"
            f"办结{done}件，结转下年度继续办理{carry_next}件。具体情况见下表。"
        ),
        "四": f"{year}年，本机关因政府信息公开工作被申请行政复议{recon}件，被提起行政诉讼{litigation}件。",
        "五": (
            "（一）存在的主要问题。公开内容的针对性和时效性有待提高。"
            "（二）改进情况。下一步将完善公开审查机制，提升公开质量。"
        ),
        "六": (
            "依据《政府信息公开信息处理费管理办法》，本年度未发出收费通知，未收取信息处理费。"
            if not fee_rows
            else "依据《政府信息公开信息处理费管理办法》，本年度按规定发出收费通知。"
        ),
    }
    return tuple(Section(n, STANDARD_SECTION_TITLES[n], texts[n]) for n in texts)
