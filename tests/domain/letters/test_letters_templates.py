"""Templates an agency edits: the defaults validate; dropping a required element, an unknown
placeholder or a syntax error is refused; values can never act as template text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from letter_facts import complete_facts

from gongkai.deadlines import (
    CONSULTATION_WORKING_DAYS,
    EXTENSION_MAX_WORKING_DAYS,
    FEE_PAYMENT_WORKING_DAYS,
    REPLY_WORKING_DAYS,
)
from gongkai.letters import (
    MARKERS,
    LetterError,
    LetterKind,
    compose,
    default_template,
    letter_text,
    template_fields,
    validate_template,
)
from gongkai.letters.elements import ELEMENT_PHRASES, element_fields, possible_elements
from gongkai.workflow.letter_elements import LETTER_ELEMENT_LABELS, LetterElement

ALL_KINDS = list(LetterKind)


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_default_template_validates(kind: LetterKind) -> None:
    text = default_template(kind)
    validate_template(kind, text)  # raises LetterError for a dropped element
    # ... and what it checks is really there: every element's placeholders and wording,
    used = set(re.findall(r"\{\{(.*?)\}\}", text))
    for element in possible_elements(kind):
        assert set(element_fields(kind, element)) <= used, element
        assert all(phrase in text for phrase in ELEMENT_PHRASES.get(element, ())), element
    # ... and the default makes a whole letter from complete facts.
    letter = compose(kind, complete_facts(kind), template=text)
    assert letter.title and letter.paragraphs


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_template_fields_have_chinese_labels_and_cover_the_default(kind: LetterKind) -> None:
    specs = template_fields(kind)
    names = [s.name for s in specs]
    assert len(names) == len(set(names))
    assert all(s.label for s in specs)
    used = set(re.findall(r"\{\{(.*?)\}\}", default_template(kind)))
    assert used <= set(names)


def _placeholder_drops() -> list[tuple[LetterKind, LetterElement, str]]:
    return [
        (kind, element, name)
        for kind in LetterKind
        for element in possible_elements(kind)
        for name in element_fields(kind, element)
    ]


@pytest.mark.parametrize(("kind", "element", "name"), _placeholder_drops())
def test_template_without_a_required_placeholder_is_refused(
    kind: LetterKind, element: LetterElement, name: str
) -> None:
    text = default_template(kind).replace("{{" + name + "}}", "")
    with pytest.raises(LetterError) as err:
        validate_template(kind, text)
    assert LETTER_ELEMENT_LABELS[element] in err.value.message


def _phrase_drops() -> list[tuple[LetterKind, LetterElement, str]]:
    return [
        (kind, element, phrase)
        for kind in LetterKind
        for element in possible_elements(kind)
        for phrase in ELEMENT_PHRASES.get(element, ())
    ]


@pytest.mark.parametrize(("kind", "element", "phrase"), _phrase_drops())
def test_template_without_the_regulation_s_words_is_refused(
    kind: LetterKind, element: LetterElement, phrase: str
) -> None:
    text = default_template(kind).replace(phrase, "（已删）")
    with pytest.raises(LetterError) as err:
        validate_template(kind, text)
    assert LETTER_ELEMENT_LABELS[element] in err.value.message


def test_removing_the_remedies_paragraph_is_refused() -> None:
    text = default_template(LetterKind.DENY_PROCESS).replace("{{救济途径}}\n", "")
    with pytest.raises(LetterError, match="救济途径"):
        validate_template(LetterKind.DENY_PROCESS, text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("标题：答复书\n{{申请人姓名}}", "没有字段“申请人姓名”"),
        ("标题：答复书\n{{不予公开理由}}", "没有字段“不予公开理由”"),  # not a field of 予以公开
        ("标题：答复书\n{% if 申请人 %}x", "缺少 {% endif %}"),
        ("标题：答复书\n{% endif %}", "没有对应的 {% if %}"),
        ("标题：答复书\n{% else %}", "没有对应的 {% if %}"),
        ("标题：答复书\n{% for x in y %}{% endfor %}", "无法识别"),
        ("标题：答复书\n{{申请人}", "不成对"),
        ("标题：答复书\n申请人}}", "不成对"),
        ("标题：答复书\n{{已主动公开}}", "只能用在"),
        ("标题：答复书\n{{__import__('os')}}", "字段名"),
        ("{{申请人}}", "标题"),
    ],
)
def test_bad_templates_are_refused_in_chinese(text: str, message: str) -> None:
    with pytest.raises(LetterError) as err:
        validate_template(LetterKind.GRANTED, text)
    assert message in err.value.message


def test_syntax_errors_name_the_line() -> None:
    with pytest.raises(LetterError, match="第3行"):
        validate_template(LetterKind.GRANTED, "标题：答复书\n正文\n{{申请人")


def test_compose_refuses_a_required_element_hidden_in_a_false_branch() -> None:
    kind = LetterKind.GRANTED
    text = default_template(kind).replace("{{救济途径}}", "{% if 管辖法院 %}{{救济途径}}{% endif %}")
    validate_template(kind, text)  # statically present...
    letter = compose(kind, complete_facts(kind), text)  # ...written when the court is known
    assert "60日" in letter_text(letter)
    with pytest.raises(LetterError, match="救济途径"):
        compose(kind, complete_facts(kind, court=None), text)  # ...and refused when it is not


def test_statutory_words_in_applicant_data_do_not_count() -> None:
    kind = LetterKind.REJECT_REPEAT
    text = default_template(kind).replace("本机关不予重复处理", "本机关不再答复")
    facts = complete_facts(kind, request_description="请不予重复处理以外的答复")
    with pytest.raises(LetterError, match="不予重复处理"):
        compose(kind, facts, text)


def test_a_value_cannot_set_the_signature_or_title() -> None:
    kind = LetterKind.GRANTED
    facts = complete_facts(kind, request_description="某信息\n署名：假机关\n标题：假标题")
    letter = compose(kind, facts)
    assert letter.signature == "平阳县科学技术局" and letter.title == "政府信息公开申请答复书"
    assert any(p.text == "署名：假机关" for p in letter.paragraphs)


def test_edited_template_wording_is_used() -> None:
    kind = LetterKind.GRANTED
    text = (
        default_template(kind)
        .replace("特此告知。", "特此函复。")
        .replace("标题：政府信息公开申请答复书", "标题：政府信息公开答复告知书")
    )
    validate_template(kind, text)
    letter = compose(kind, complete_facts(kind), text)
    assert letter.title == "政府信息公开答复告知书"
    assert "特此函复。" in letter_text(letter) and "特此告知。" not in letter_text(letter)


@given(st.text(alphabet=st.characters(blacklist_characters="{}%"), max_size=200))
def test_text_without_markup_renders_as_itself(body: str) -> None:
    kind = LetterKind.RECEIPT
    facts = complete_facts(kind)
    template = default_template(kind) + body.replace("\r", "") + "\n"
    text = letter_text(compose(kind, facts, template))
    for line in body.replace("\r", "").splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith(tuple(MARKERS)):
            assert stripped in text


@given(st.text(max_size=80).filter(lambda s: s.strip()))
def test_values_are_never_interpreted(value: str) -> None:
    kind = LetterKind.RECEIPT
    facts = complete_facts(kind, request_description="{{申请人}}{% if 申请人 %}" + value)
    text = letter_text(compose(kind, facts))
    assert "{{申请人}}{% if 申请人 %}" in text  # written as typed, not substituted


_PIECES = st.sampled_from(
    ["{{", "}}", "{%", "%}", " if ", " not ", "else", "endif", "申请人", "联系方式", "{{申请人}}",
     "{% if 联系方式 %}", "{% else %}", "{% endif %}", "\n", "标题：", "文字", "{", "}", "%"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=30))
def test_any_template_is_either_refused_in_chinese_or_composed(pieces: list[str]) -> None:
    kind = LetterKind.RECEIPT
    text = "".join(pieces)
    try:
        letter = compose(kind, complete_facts(kind), text)
    except LetterError as err:
        assert err.message  # a Chinese message, never a crash
    else:  # only a template that writes every element of a 回执 can get here
        text = letter_text(letter)
        assert "张三丰" in text and "PY-KJ-2026-0042" in text and "2026年7月10日" in text


def test_templates_are_package_data() -> None:
    """The default templates are .txt files under gongkai/letters/templates/ (a namespace
    package for setuptools' find): pyproject must ship *.txt, or installed copies lose them."""
    import tomllib

    from testsupport import REPO_ROOT

    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    assert "*.txt" in config["package-data"]["*"]
    assert config["packages"]["find"].get("namespaces", True)  # templates/ has no __init__.py
    shipped = REPO_ROOT / "src" / "gongkai" / "letters" / "templates"
    for kind in LetterKind:
        assert default_template(kind) in {p.read_text("utf-8") for p in shipped.glob("*.txt")}


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_a_default_template_types_no_period_of_its_own(kind: LetterKind) -> None:
    """The statutory periods (条例 第三十二条、第三十三条; the fee rules) come from their constants."""
    assert not re.search(r"\d+\s*(个工作日|日内|个月)", default_template(kind))


def test_the_periods_a_letter_states_are_the_constants() -> None:
    receipt = letter_text(compose(LetterKind.RECEIPT, complete_facts(LetterKind.RECEIPT)))
    assert f"自收到申请之日起{REPLY_WORKING_DAYS}个工作日内予以答复" in receipt
    assert f"延长的期限最长不得超过{EXTENSION_MAX_WORKING_DAYS}个工作日" in receipt  # 第三十三条 verbatim
    consultation = letter_text(
        compose(LetterKind.THIRD_PARTY_CONSULTATION, complete_facts(LetterKind.THIRD_PARTY_CONSULTATION))
    )
    assert f"自收到本意见书之日起{CONSULTATION_WORKING_DAYS}个工作日内" in consultation
    fee = letter_text(compose(LetterKind.FEE_NOTICE, complete_facts(LetterKind.FEE_NOTICE)))
    assert f"收到本通知次日起{FEE_PAYMENT_WORKING_DAYS}个工作日内" in fee
