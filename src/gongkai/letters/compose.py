"""Templates in, letters out: :func:`validate_template`, :func:`missing_elements`, :func:`compose`.

A template is plain text (see :mod:`gongkai.letters.engine` for the placeholder syntax). Lines
that begin with one of these markers are the letter's frame, everything else is the body, one
paragraph per non-empty line::

    文头：{{机关名称}}
    标题：政府信息公开申请答复书
    文号：{{文号}}
    主送：{{申请人}}：
    本机关于{{收到申请日期}}收到您……          <- body paragraphs
    署名：{{机关名称}}
    日期：{{成文日期}}

Two checks stand between a template and an issued letter: :func:`validate_template` (when an
agency saves a template: every element the kind can require has its placeholder and the
regulation's words) and :func:`compose` (when a letter is made: every element these facts
require was actually written -- not dropped by an ``{% if %}`` and not empty).
"""

from __future__ import annotations

from importlib import resources

from gongkai.calendar import UnknownCalendarYear, WorkingCalendar
from gongkai.deadlines import EXTENSION_MAX_WORKING_DAYS
from gongkai.letters import engine
from gongkai.letters.elements import (
    ELEMENT_PHRASES,
    element_fields,
    possible_elements,
    required_elements,
    satisfied_by_facts,
)
from gongkai.letters.fields import field_values, template_fields
from gongkai.letters.model import Letter, LetterError, LetterFacts, LetterKind, Paragraph
from gongkai.workflow.letter_elements import LETTER_ELEMENT_LABELS, LetterElement

#: Frame markers (Chinese full-width colon) and the Letter attribute each one fills.
MARKERS: dict[str, str] = {
    "文头：": "letterhead",
    "标题：": "title",
    "文号：": "document_number",
    "主送：": "addressee",
    "署名：": "signature",
    "日期：": "date",
}

#: Kinds sharing one default text: the seven 不予公开 outcomes under 第十四条至第十六条 differ only
#: in the situation and basis, which are fields.
_TEMPLATE_FILE: dict[LetterKind, str] = {
    k: "deny" for k in LetterKind if k.value.startswith("deny_") and k is not LetterKind.DENY_QUERY
}


def default_template(kind: LetterKind) -> str:
    """The packaged default template text for ``kind`` (src/gongkai/letters/templates/)."""
    kind = LetterKind(kind)
    name = _TEMPLATE_FILE.get(kind, kind.value)
    return resources.files("gongkai.letters").joinpath("templates", f"{name}.txt").read_text("utf-8")


def _parse(kind: LetterKind, text: str) -> tuple[engine.Node, ...]:
    specs = {spec.name: spec for spec in template_fields(kind)}

    def check(name: str, as_value: bool) -> str | None:
        spec = specs.get(name)
        if spec is None:
            return f"“{kind.label}”模板中没有字段“{name}”（可用字段：{'、'.join(specs)}）"
        if spec.flag and as_value:
            return f"“{name}”是判断条件，只能用在 {{% if {name} %}} 中"
        return None

    try:
        return engine.parse(text, check)
    except engine.TemplateSyntaxError as err:
        raise LetterError(err.message) from err


def _labels(elements: list[LetterElement]) -> str:
    return "、".join(dict.fromkeys(LETTER_ELEMENT_LABELS[e] for e in elements))


def validate_template(kind: LetterKind, text: str) -> None:
    """Refuse a template that cannot be parsed, uses an unknown field, or drops a required element.

    An element is dropped when one of its placeholders or one of the regulation's words for it
    (``ELEMENT_PHRASES``) appears nowhere in the template.
    """
    kind = LetterKind(kind)
    nodes = _parse(kind, text)
    used = engine.values_used(nodes)
    wording = engine.literal_text(nodes)
    if not any(line.strip().startswith("标题：") for line in wording.splitlines()):
        raise LetterError("模板缺少“标题：”行（例如“标题：政府信息公开申请答复书”）")
    dropped = [
        e
        for e in possible_elements(kind)
        if not all(name in used for name in element_fields(kind, e))
        or not all(phrase in wording for phrase in ELEMENT_PHRASES.get(e, ()))
    ]
    if dropped:
        raise LetterError(f"模板缺少必备内容：{_labels(dropped)}")


def _check_extension(facts: LetterFacts, calendar: WorkingCalendar | None) -> None:
    """The extension a 延期答复告知书 states must be one the law allows.

    Legal basis: 条例 第三十三条第二款 -- 延长的期限最长不得超过20个工作日
    (:data:`gongkai.deadlines.EXTENSION_MAX_WORKING_DAYS`). The days given must lie within it, and
    the ordinary due date (``reply_due``) must be given: the new date may not lie more working days
    after it than the extension allows, counted on ``calendar`` (the official one by default).
    Days the clock stands still after the ordinary due date (第三十三条第三款) are not in the
    facts; the web issues the letter when the head approves, before such a pause can begin.
    """
    days = facts.extension_days
    if days is not None and not 1 <= days <= EXTENSION_MAX_WORKING_DAYS:
        raise LetterError(
            f"延长答复期限最长不得超过{EXTENSION_MAX_WORKING_DAYS}个工作日（条例第三十三条第二款），"
            f"现为{days}个工作日"
        )
    if facts.new_due is None:
        return
    if facts.reply_due is None:
        # Without the date being extended the limit cannot be checked: such a letter is refused,
        # never issued unchecked (issue 16 point 8).
        raise LetterError("延期答复告知书须给出原答复期限，以核对延长的期限（条例第三十三条第二款）")
    if facts.new_due <= facts.reply_due:
        raise LetterError(
            f"延期后答复期限（{facts.new_due:%Y-%m-%d}）须晚于原答复期限（{facts.reply_due:%Y-%m-%d}）"
        )
    allowed = EXTENSION_MAX_WORKING_DAYS if days is None else days
    try:
        added = (calendar or WorkingCalendar.official()).working_days_between(facts.reply_due, facts.new_due)
    except UnknownCalendarYear as missing:
        raise LetterError(f"无法核对延长的期限：{missing.message}") from missing
    if added > allowed:
        raise LetterError(
            f"延期后答复期限（{facts.new_due:%Y-%m-%d}）比原答复期限（{facts.reply_due:%Y-%m-%d}）"
            f"晚{added}个工作日，超过延长的{allowed}个工作日（条例第三十三条第二款）"
        )


def _check_facts(kind: LetterKind, facts: LetterFacts, calendar: WorkingCalendar | None = None) -> None:
    """Values that are present but not allowed (the law's limits), as Chinese errors."""
    issued = facts.issued_on
    if kind is LetterKind.EXTENSION:
        _check_extension(facts, calendar)
    if kind is LetterKind.FEE_NOTICE and facts.fee_amount is not None and facts.fee_amount <= 0:
        raise LetterError("收费通知书的收费金额须大于0元")
    for label, due in (
        ("补正期限", facts.correction_due if kind is LetterKind.CORRECTION else None),
        ("延期后答复期限", facts.new_due if kind is LetterKind.EXTENSION else None),
        (
            "第三方提出意见的期限",
            facts.consultation_due if kind is LetterKind.THIRD_PARTY_CONSULTATION else None,
        ),
        ("缴费期限", facts.payment_due if kind is LetterKind.FEE_NOTICE else None),
    ):
        if due is not None and issued is not None and due <= issued:
            raise LetterError(f"{label}（{due:%Y-%m-%d}）须晚于成文日期（{issued:%Y-%m-%d}）")


def missing_elements(
    kind: LetterKind, facts: LetterFacts, *, calendar: WorkingCalendar | None = None
) -> tuple[LetterElement, ...]:
    """The required elements these facts cannot supply; empty means the letter may be issued
    (with a valid template). Raises :class:`LetterError` for facts that contradict the law
    (``calendar``, the official one by default, counts working days for those checks)."""
    kind = LetterKind(kind)
    _check_facts(kind, facts, calendar)
    values = field_values(kind, facts)
    return tuple(e for e in required_elements(kind, facts) if not satisfied_by_facts(kind, e, values, facts))


def compose(
    kind: LetterKind,
    facts: LetterFacts,
    template: str | None = None,
    *,
    calendar: WorkingCalendar | None = None,
) -> Letter:
    """Make the letter; :class:`LetterError` names every required element that is missing."""
    kind = LetterKind(kind)
    missing = list(missing_elements(kind, facts, calendar=calendar))
    text = default_template(kind) if template is None else template
    nodes = _parse(kind, text)
    values = field_values(kind, facts)
    rendered = engine.render(nodes, values)
    wording = "".join(c.text for c in rendered.chunks if c.literal)
    for element in required_elements(kind, facts):
        if element in missing:
            continue
        if element is LetterElement.RESPONSIBLE_AGENCY and facts.responsible_agency_undetermined:
            continue
        fields_written = all(name in rendered.emitted for name in element_fields(kind, element))
        words_present = all(p in wording for p in ELEMENT_PHRASES.get(element, ()))
        if not (fields_written and words_present):
            missing.append(element)
    if missing:
        raise LetterError(f"“{kind.label}”缺少必备内容，不能出具：{_labels(missing)}")

    frame = dict.fromkeys(MARKERS.values(), "")  # the Letter attributes the markers fill
    paragraphs: list[Paragraph] = []
    for line in engine.lines(rendered.chunks):
        stripped = line.text.strip()
        if not stripped:
            continue
        marker = next((m for m in MARKERS if stripped.startswith(m)), None) if line.starts_literal else None
        if marker is None:
            paragraphs.append(Paragraph(stripped))
        else:
            frame[MARKERS[marker]] = stripped.removeprefix(marker).strip()
    return Letter(kind=kind, paragraphs=tuple(paragraphs), attachments=facts.attachments, **frame)


def letter_text(letter: Letter) -> str:
    """The whole letter as plain text, in reading order (previews, scanning, tests)."""
    head = [letter.letterhead, letter.title, letter.document_number, letter.addressee]
    body = [p.text for p in letter.paragraphs]
    tail = [*letter.attachment_lines, letter.signature, letter.date]
    return "\n".join(part for part in (*head, *body, *tail) if part) + "\n"
