"""An agency's catalogue setup: the seeded tree, the 索引号 scheme, and 第二十六条 due dates.

Reading functions here never write; the writing ones (``ensure_setup``, ``seed_catalogue``,
``next_serial``) run only inside the disclosure actions, whose audit row records the step."""

from __future__ import annotations

from datetime import date

from gongkai.deadlines import publication_due
from gongkai.errors import GongkaiError
from gongkai.web import memo
from gongkai.web.accounts.models import Agency
from gongkai.web.disclosure import vocabulary as v
from gongkai.web.disclosure.models import Category, DisclosureSetup, IndexCounter
from gongkai.web.workdays.calendars import calendar_for

KNOWN_ROLES = {"clerk", "reviewer", "head", "supervisor", "admin"}


def _default_prefix(agency_id: int) -> str:
    return f"{agency_id:09d}"


def setup_for(agency: Agency | int) -> DisclosureSetup:
    """The setup of the agency (or the agency with this id), read only: its saved one, or (none
    saved yet) the defaults, unsaved (prefix = a number derived from the agency). Kept inside
    ``memo.memoising()`` (the demo build's review steps ask thousands of times) until a setup is
    saved; callers must not change it without saving it."""
    agency_id = agency if isinstance(agency, int) else agency.pk
    return memo.remembered(
        ("setup_for", agency_id), lambda: _read_setup(agency_id), depends_on=(DisclosureSetup,)
    )


def _read_setup(agency_id: int) -> DisclosureSetup:
    saved = DisclosureSetup.objects.filter(agency_id=agency_id).first()
    return saved or DisclosureSetup(agency_id=agency_id, index_prefix=_default_prefix(agency_id))


def ensure_setup(agency: Agency) -> DisclosureSetup:
    """The agency's setup, saved with the defaults at first use (inside an action)."""
    setup, _ = DisclosureSetup.objects.get_or_create(
        agency=agency, defaults={"index_prefix": _default_prefix(agency.pk)}
    )
    return setup


def seed_catalogue(agency: Agency) -> list[Category]:
    """Create the standard headings (vocabulary.STANDARD_HEADINGS) that the agency lacks
    (inside an action: actions.do_seed_catalogue)."""
    made = []
    for position, (code, name, children) in enumerate(v.STANDARD_HEADINGS):
        parent, created = Category.objects.get_or_create(
            agency=agency, code=code, defaults={"name": name, "position": position}
        )
        if created:
            made.append(parent)
        for i, child in enumerate(children, start=1):
            node, created = Category.objects.get_or_create(
                agency=agency,
                code=f"{code}{i:02d}",
                defaults={"name": child, "parent": parent, "position": i},
            )
            if created:
                made.append(node)
    return made


def standard_codes() -> dict[str, str]:
    """Every standard heading's code and name (children as "上级 / 名称")."""
    out = {}
    for code, name, children in v.STANDARD_HEADINGS:
        out[code] = name
        out.update({f"{code}{i:02d}": f"{name} / {child}" for i, child in enumerate(children, start=1)})
    return out


def missing_headings(agency: Agency) -> list[str]:
    """The standard headings (条例 第二十条) the agency's catalogue lacks, by name; seeding adds
    them (a heading it renamed or deactivated is not missing: its code is there)."""
    have = set(Category.objects.filter(agency=agency).values_list("code", flat=True))
    return [name for code, name in standard_codes().items() if code not in have]


def top_heading(category: Category) -> Category:
    node = category
    while node.parent_id is not None and node.parent is not None:
        node = node.parent
    return node


def format_index(pattern: str, *, prefix: str, category: str, year: int, serial: int) -> str:
    """The 索引号 by the agency's pattern; a bad pattern is a clear error, not a crash."""
    try:
        text = pattern.format(prefix=prefix, category=category, year=year, serial=serial)
    except (KeyError, IndexError, ValueError) as exc:
        raise GongkaiError(
            "索引号格式有误", detail=f"{pattern}：只能使用 {{prefix}} {{category}} {{year}} {{serial}}"
        ) from exc
    if not text.strip() or "{" in text:
        raise GongkaiError("索引号格式有误", detail=pattern)
    return text


def validate_chain(chain: object) -> list[dict[str, object]]:
    """A review chain is a non-empty list of steps {label, role, secrecy}."""
    if not isinstance(chain, list) or not chain:
        raise GongkaiError("审核流程至少需要一个环节")
    out = []
    for i, step in enumerate(chain, start=1):
        if not isinstance(step, dict) or not str(step.get("label", "")).strip():
            raise GongkaiError(f"审核流程第{i}个环节缺少名称")
        if step.get("role") not in KNOWN_ROLES:
            raise GongkaiError(f"审核流程第{i}个环节的角色无效：{step.get('role')}")
        out.append(
            {"label": str(step["label"]).strip(), "role": step["role"], "secrecy": bool(step.get("secrecy"))}
        )
    if not any(s["secrecy"] for s in out):
        # 保密审查 before publishing is required (《中华人民共和国保守国家秘密法》, 条例 第十七条).
        raise GongkaiError("审核流程必须包含保密审查环节")
    return out


def next_serial(agency: Agency, year: int) -> int:
    """The next 索引号 serial (row-locked: call inside a transaction)."""
    IndexCounter.objects.get_or_create(agency=agency, year=year)  # created unlocked, then locked
    return IndexCounter.take_next(agency.pk, year)


def publish_due(agency: Agency, made_on: date) -> date | None:
    """The last day to publish information made or changed on ``made_on``, by the agency's
    calendar (gongkai.deadlines.publication_due: 条例 第二十六条).

    None for history older than the working calendar (documents of earlier years registered
    into the catalogue now): no deadline can be computed, and none is running any more. A
    missing *recent* year is the administrator's to enter, so that error is raised.
    """
    calendar = calendar_for(agency)
    known = calendar.known_years
    if known and made_on.year < known[0]:
        return None
    return publication_due(made_on, calendar)
