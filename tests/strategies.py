"""Hypothesis strategies for annual reports, for any test suite (``from strategies import ...``).

- ``balanced_reports()``: a report counted from individual application records, so every 勾稽关系
  holds by construction, with the narrative of ``gongkai.report.samples.generated_sections``
  restating its figures;
- ``consecutive_reports()``: (previous, current) of one agency where the cross-year relations hold
  (this year's 上年结转 are last year's open applications; 现行有效 carries over);
- ``arbitrary_reports()``: anything the model can hold -- blank and negative cells, odd years,
  random narrative text mixing the words the rules look for -- for "never crashes" properties.

Strategies draw records rather than seeds, so Hypothesis shrinks a failure to a small report.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import strategies as st

from gongkai.report import model
from gongkai.report.samples import narrated_report

AGENCIES = ("示例市示例局", "平湖市科学技术局", "淮安市洪泽区人民政府")

#: One application: (applicant column, "new" or "carried", outcome row key or None = still open).
Record = tuple[str, str, str | None]


def _outcome_keys(template: model.Template) -> list[str]:
    return [r.key for r in model.table3_rows_for(template) if r.kind is model.RowKind.OUTCOME]


def records(
    template: model.Template, *, intake: str | None = None, max_size: int = 60
) -> st.SearchStrategy[list[Record]]:
    """Applications of one year; ``intake`` fixes "new" or "carried" for all of them."""
    intakes = st.just(intake) if intake is not None else st.sampled_from(("new", "carried"))
    return st.lists(
        st.tuples(
            st.sampled_from(model.TABLE3_APPLICANT_KEYS),
            intakes,
            st.none() | st.sampled_from(_outcome_keys(template)),
        ),
        max_size=max_size,
    )


def table3_from_records(template: model.Template, applications: list[Record]) -> model.Table3:
    """Count the records into table 3: every row of the template, 总计 column and row by construction."""
    tallies: dict[str, Counter[str]] = {r.key: Counter() for r in model.table3_rows_for(template)}
    for applicant, intake, outcome in applications:
        tallies[intake][applicant] += 1
        tallies[outcome if outcome is not None else "carry_next"][applicant] += 1
        if outcome is not None:
            tallies["total"][applicant] += 1
    return model.Table3(
        {
            key: model.ApplicantCounts.from_applicants(**{a: tally[a] for a in model.TABLE3_APPLICANT_KEYS})
            for key, tally in tallies.items()
        }
    )


_small = st.integers(min_value=0, max_value=60)
case_results = st.builds(model.CaseResults.of, _small, _small, _small, _small)
table4s = st.builds(model.Table4, case_results, case_results, case_results)


@st.composite
def document_counts(draw: st.DrawFn, in_force_before: int | None = None) -> model.DocumentCounts:
    """规章/规范性文件 counts; with ``in_force_before`` the year-end count follows from last year's."""
    issued = draw(st.integers(0, 30))
    if in_force_before is None:
        abolished = draw(st.integers(0, 30))
        return model.DocumentCounts(issued, abolished, draw(st.integers(0, 500)))
    abolished = draw(st.integers(0, in_force_before + issued))
    return model.DocumentCounts(issued, abolished, in_force_before + issued - abolished)


@st.composite
def table2s(draw: st.DrawFn, previous: model.Table2 | None = None) -> model.Table2:
    def docs(key: str) -> model.DocumentCounts:
        before = previous.documents(key).in_force if previous is not None else None
        return draw(document_counts(before))

    counts = st.integers(0, 10**6)
    return model.Table2(
        regulations=docs("regulations"),
        normative_documents=docs("normative_documents"),
        licensing=draw(counts),
        penalty=draw(counts),
        coercion=draw(counts),
        fees_10k_yuan=draw(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False)),
    )


@st.composite
def balanced_reports(
    draw: st.DrawFn,
    templates: st.SearchStrategy[model.Template] | None = None,
    years: st.SearchStrategy[int] | None = None,
) -> model.AnnualReport:
    """A balanced report; by default of either template and any year from 2019 to 2030."""
    template = draw(templates if templates is not None else st.sampled_from(model.Template))
    year = draw(years if years is not None else st.integers(2019, 2030))
    table3 = table3_from_records(template, draw(records(template)))
    return narrated_report(
        draw(st.sampled_from(AGENCIES)), year, template, draw(table2s()), table3, draw(table4s)
    )


@st.composite
def consecutive_reports(draw: st.DrawFn) -> tuple[model.AnnualReport, model.AnnualReport]:
    """(previous, current): one agency, consecutive years, the 2021 format; cross-year relations hold."""
    template = model.Template.Y2021
    previous = draw(balanced_reports(st.just(template), st.integers(2021, 2029)))
    # This year's 上年结转 are exactly last year's still-open applications, with some outcome now.
    open_last_year = previous.table3.row("carry_next")
    carried: list[Record] = []
    for applicant in model.TABLE3_APPLICANT_KEYS:
        for _ in range(open_last_year[applicant] or 0):
            carried.append((applicant, "carried", draw(st.none() | st.sampled_from(_outcome_keys(template)))))
    applications = carried + draw(records(template, intake="new"))
    table3 = table3_from_records(template, applications)
    assert previous.agency is not None and previous.year is not None
    current = narrated_report(
        previous.agency,
        previous.year + 1,
        template,
        draw(table2s(previous.table2)),
        table3,
        draw(table4s),
    )
    return previous, current


# ---------------------------------------------------------------------------------------------
# Anything at all, for "never crashes".
# ---------------------------------------------------------------------------------------------

_maybe_count = st.none() | st.integers(min_value=-5, max_value=10**6)
_WORDS = (
    "新收", "受理", "申请", "上年结转", "办结", "答复", "顺延到下年度", "结转下年度", "行政复议", "行政诉讼",
    "制发", "废止", "现行有效", "规章", "规范性文件", "件", "年", "2023年", "2024年", "十七", "两", "０",
    "3,119",
    "（一）", "（1）", "（二）", "1、", "2.", "一、", "\n", "。", "；", "，", "《", "》", "未发出收费通知",
    "信息处理费", "将", "较",
)  # fmt: skip
narrative_text = st.lists(st.sampled_from(_WORDS) | st.text(max_size=5), max_size=40).map("".join)


@st.composite
def arbitrary_reports(draw: st.DrawFn) -> model.AnnualReport:
    row_keys = draw(st.sets(st.sampled_from(model.TABLE3_ROW_KEYS)))
    rows = {
        key: model.ApplicantCounts(**{c: draw(_maybe_count) for c in model.TABLE3_COLUMN_KEYS})
        for key in row_keys
    }
    groups = [model.CaseResults(*(draw(_maybe_count) for _ in range(5))) for _ in range(3)]
    docs = {
        key: model.DocumentCounts(draw(_maybe_count), draw(_maybe_count), draw(_maybe_count))
        for key, _ in model.TABLE2_DOCUMENT_ROWS
    }
    fees = draw(st.none() | st.decimals(allow_nan=True, allow_infinity=True))
    table2 = model.Table2(
        **docs, licensing=draw(_maybe_count), penalty=draw(_maybe_count), fees_10k_yuan=fees
    )
    numbers = draw(st.lists(st.sampled_from((*model.SECTION_NUMBERS, "七")), max_size=8))
    titles = st.sampled_from(
        (*model.STANDARD_SECTION_TITLES.values(), "", "1、 总体情况", "存在的主要问题及改进措施")
    )
    sections = draw(
        st.none()
        | st.just(
            tuple(
                model.Section(n, draw(titles | st.text(max_size=10)), draw(narrative_text)) for n in numbers
            )
        )
    )
    return model.AnnualReport(
        agency=draw(st.none() | st.sampled_from(AGENCIES)),
        year=draw(st.none() | st.integers(1990, 2100)),
        template=draw(st.sampled_from(model.Template)),
        table2=table2,
        table3=model.Table3(rows),
        table4=model.Table4(*groups),
        sections=sections,
    )
