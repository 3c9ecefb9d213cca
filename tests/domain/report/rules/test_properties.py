"""Properties over generated reports (hypothesis): balanced reports pass, one changed cell is caught."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.report.model import AnnualReport
from gongkai.report.rules import RULES, Severity, check
from strategies import arbitrary_reports, balanced_reports, consecutive_reports

ERROR_RULES = {r.id for r in RULES if r.severity is Severity.ERROR}
_settings = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(balanced_reports())
def test_every_balanced_report_passes_every_error_rule(report: AnnualReport) -> None:
    assert [f for f in check(report) if f.severity is Severity.ERROR] == []


@_settings
@given(balanced_reports())
def test_a_generated_report_whose_narrative_restates_its_tables_has_no_warnings(report: AnnualReport) -> None:
    # The only expected warning: a report for 2021 or later drawn in the 2019 trial format.
    warnings = [f.rule for f in check(report) if f.severity is Severity.WARNING]
    assert set(warnings) <= {"TEMPLATE-2019-LAYOUT"}


@_settings
@given(consecutive_reports())
def test_consecutive_balanced_reports_pass_the_cross_year_rules(
    pair: tuple[AnnualReport, AnnualReport],
) -> None:
    previous, current = pair
    found = check(current, previous)
    assert [f for f in found if f.severity is Severity.ERROR] == []
    assert [f for f in found if f.rule.startswith("XYEAR")] == []


@_settings
@given(balanced_reports(), st.data())
def test_changing_any_single_cell_of_table_3_or_4_is_caught_by_an_error_rule(
    report: AnnualReport, data: st.DataObject
) -> None:
    # Only cells the report has: an absent row (the 2019 single row in a 2021 report) has no cells.
    present = [(p, v) for p, v in report.cells() if p.startswith(("table3.", "table4.")) and v is not None]
    path, old = data.draw(st.sampled_from(present), label="cell")
    new = data.draw(st.integers(min_value=-3, max_value=10**6).filter(lambda v: v != old), label="value")
    found = check(report.with_cell(path, new))
    caught = [f for f in found if f.severity is Severity.ERROR and path in f.cells]
    assert caught, (path, old, new)
    assert {f.rule for f in caught} <= ERROR_RULES | {"SEC6-FEE"}


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arbitrary_reports(), st.none() | arbitrary_reports())
def test_check_never_crashes_and_always_gives_well_formed_findings(
    report: AnnualReport, previous: AnnualReport | None
) -> None:
    found = check(report, previous)
    for f in found:
        data = f.to_dict()
        assert data["rule"] and data["severity"] in ("error", "warning", "info") and data["message"]
        assert all(isinstance(c, str) for c in data["cells"])
    assert found == sorted(found, key=lambda f: f.sort_key())
