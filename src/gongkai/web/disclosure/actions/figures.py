"""Table 2's yearly figures: entered directly, or counted from imported lists of decisions."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from gongkai.errors import GongkaiError
from gongkai.web.accounts.models import Agency
from gongkai.web.actions_base import require, top_level
from gongkai.web.disclosure import events, imports
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.actions.common import audit, keeper
from gongkai.web.disclosure.models import Decision, YearFigure


@top_level(events.FIGURE_SET)
def do_set_figure(agency: Agency, year: int, kind: str, value: Decimal | None, *, acting_user: Any) -> None:
    """Enter a yearly figure (it replaces the count from decision lists); None removes it."""
    keeper(acting_user, agency.pk)
    kind = v.DecisionKind.of(kind)
    require(value is None or value >= 0, "数值不能为负")
    old = YearFigure.objects.filter(agency=agency, year=year, kind=kind).first()
    before = {"value": str(old.value)} if old else None
    if value is None:
        YearFigure.objects.filter(agency=agency, year=year, kind=kind).delete()
    else:
        YearFigure.objects.update_or_create(agency=agency, year=year, kind=kind, defaults={"value": value})
    audit(
        agency,
        f"{year}年{kind.label}：{value}",
        acting_user,
        before=before,
        after={"value": None if value is None else str(value)},
    )


@top_level(events.DECISIONS_IMPORTED)
def do_import_decisions(agency: Agency, kind: str, name: str, data: bytes, *, acting_user: Any) -> int:
    """Import a list of decisions (imports.parse checks every row); returns how many were added.

    All or nothing: raises imports.ImportRejected with every bad row, a number already imported
    among them. That check runs inside the transaction, with the agency's row locked, so two
    imports of the same list at once cannot both pass it."""
    keeper(acting_user, agency.pk)
    kind = v.DecisionKind.of(kind)
    good, errors = imports.parse(imports.read_rows(name, data), kind)
    Agency.objects.select_for_update().get(pk=agency.pk)  # one import per agency at a time
    existing = set(
        Decision.objects.filter(agency=agency, kind=kind, number__in=[g[1] for g in good]).values_list(
            "number", flat=True
        )
    )
    errors += [imports.RowError(line, f"决定书文号 {n} 已导入过") for line, n, _, _ in good if n in existing]
    if errors:
        raise imports.ImportRejected(sorted(errors, key=lambda e: e.row))
    if not good:
        raise GongkaiError("文件中没有数据行")
    Decision.objects.bulk_create(
        Decision(agency=agency, kind=kind, number=n, decided_on=d, amount=a, batch=name[:100])
        for _, n, d, a in good
    )
    audit(
        agency,
        f"导入{kind.label}{len(good)}条（{name[:60]}）",
        acting_user,
        after={"kind": kind.value, "rows": len(good), "file": name[:100]},
    )
    return len(good)
