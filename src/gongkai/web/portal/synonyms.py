"""Words readers use for the same thing, as data for the portal's search (issue 17).

Each group lists the forms of one thing -- the full name, the common short names. A query term
that contains one form also looks for the others (规范性文件 → 行政规范性文件, 政府信息公开年报 →
政府信息公开工作年度报告). Add a group here when readers are found to miss items with a word.
"""

from __future__ import annotations

SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("行政规范性文件", "规范性文件"),
    ("政府规章", "规章"),
    ("政府信息公开工作年度报告", "政府信息公开年度报告", "政府信息公开年报"),
    ("年度报告", "年报"),
    ("政府信息公开指南", "公开指南"),
    ("政府信息公开申请", "依申请公开"),
)


def alternatives(term: str) -> tuple[str, ...]:
    """``term`` and its other forms, none containing another (a phrase search for a word also
    finds it inside a longer one, so the longer form would add nothing): ``年报`` gives
    ``(年报, 年度报告)``, ``规范性文件`` only itself."""
    found = {term}
    for group in SYNONYMS:
        for form in group:
            if form in term:
                found.update(term.replace(form, other) for other in group if other != form)
    kept = [t for t in found if not any(o != t and o in t for o in found)]
    return tuple(sorted(kept, key=lambda t: (t != term, len(t), t)))
