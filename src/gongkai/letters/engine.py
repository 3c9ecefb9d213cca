"""A tiny, safe template language for letters that agencies edit in a web form.

Why hand-written: the domain core must not import Django, Jinja2 is not a dependency, and an
agency's template must never be able to run code -- this engine only substitutes values and
keeps or drops text, nothing else. ``string.Template`` is not enough: letters need optional
passages (e.g. the 获取方式 sentence only when information is provided).

Syntax (documented for users in docs/glossary.md, 文书模板)::

    {{申请人}}                       the value of a field (Chinese name, see template_fields)
    {% if 字段 %}…{% endif %}        the text only when the field has a value (or the flag is set)
    {% if 字段 %}…{% else %}…{% endif %}
    {% if not 字段 %}…{% endif %}    the text only when the field is empty

Blocks may nest. Anything else between ``{{ }}`` or ``{% %}``, a stray ``{{``/``}}``/``{%``/``%}``,
an unknown field, or an unclosed block is a :class:`TemplateSyntaxError` in Chinese with its line.

Rendering returns *chunks* that remember whether their text came from the template or from a
value, so that structural markers (``标题：`` at the start of a line) and the statutory phrases a
letter must contain are only ever recognised in the agency's own template text, never in data
an applicant typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from gongkai.errors import GongkaiError

_TOKEN = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}", re.DOTALL)
_STRAY = ("{{", "}}", "{%", "%}")
_NAME = re.compile(r"^[\w（）()·]+$")


class TemplateSyntaxError(GongkaiError):
    """A template that cannot be parsed; the message names the line."""


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of the letter's text: the template's own wording (``literal``) or a field's value.
    The parsed template holds its wording as literal chunks, which render as they are."""

    text: str
    literal: bool


@dataclass(frozen=True, slots=True)
class Var:
    name: str
    line: int


@dataclass(frozen=True, slots=True)
class If:
    name: str
    negate: bool
    line: int
    then: tuple[Node, ...]
    otherwise: tuple[Node, ...]


#: The parsed template: its wording (literal chunks), ``{{field}}`` and ``{% if %}`` blocks.
Node = Chunk | Var | If


@dataclass(slots=True)
class Rendered:
    chunks: list[Chunk] = field(default_factory=list)
    #: Fields whose non-empty value was written into the letter.
    emitted: set[str] = field(default_factory=set)


#: Checks a field name: returns an error message (Chinese) or None. ``as_value`` is True for
#: ``{{name}}`` and False for ``{% if name %}``.
NameCheck = Callable[[str, bool], str | None]


def _line_of(source: str, pos: int) -> int:
    return source.count("\n", 0, pos) + 1


def _check_literal(source: str, start: int, text: str) -> None:
    for stray in _STRAY:
        at = text.find(stray)
        if at >= 0:
            line = _line_of(source, start + at)
            raise TemplateSyntaxError(f"模板第{line}行有不成对的“{stray}”（占位符写作 {{{{字段名}}}}）")


def parse(source: str, check: NameCheck) -> tuple[Node, ...]:
    """Parse ``source`` into nodes; every field name is passed through ``check``."""
    # Each open block: (its If header parts, nodes of the then-branch, nodes of the else-branch or None).
    stack: list[tuple[str, bool, int, list[Node], list[Node] | None]] = []
    top: list[Node] = []

    def current() -> list[Node]:
        if not stack:
            return top
        _, _, _, then, otherwise = stack[-1]
        return then if otherwise is None else otherwise

    def checked(name: str, line: int, as_value: bool) -> str:
        if not _NAME.match(name):
            raise TemplateSyntaxError(f"模板第{line}行的字段名“{name}”无效")
        problem = check(name, as_value)
        if problem is not None:
            raise TemplateSyntaxError(f"模板第{line}行：{problem}")
        return name

    pos = 0
    for match in _TOKEN.finditer(source):
        literal = source[pos : match.start()]
        _check_literal(source, pos, literal)
        if literal:
            current().append(Chunk(literal, literal=True))
        pos = match.end()
        line = _line_of(source, match.start())
        var, tag = match.group(1), match.group(2)
        if var is not None:
            current().append(Var(checked(var.strip(), line, True), line))
            continue
        words = tag.split()
        if len(words) in (2, 3) and words[0] == "if" and (len(words) == 2 or words[1] == "not"):
            name = checked(words[-1], line, False)
            stack.append((name, len(words) == 3, line, [], None))
        elif words == ["else"]:
            if not stack or stack[-1][4] is not None:
                raise TemplateSyntaxError(f"模板第{line}行的 {{% else %}} 没有对应的 {{% if %}}")
            name, negate, start, then, _ = stack.pop()
            stack.append((name, negate, start, then, []))
        elif words == ["endif"]:
            if not stack:
                raise TemplateSyntaxError(f"模板第{line}行的 {{% endif %}} 没有对应的 {{% if %}}")
            name, negate, start, then, otherwise = stack.pop()
            current().append(If(name, negate, start, tuple(then), tuple(otherwise or ())))
        else:
            raise TemplateSyntaxError(
                f"模板第{line}行的“{{%{tag}%}}”无法识别（只支持 if 字段、if not 字段、else、endif）"
            )
    rest = source[pos:]
    _check_literal(source, pos, rest)
    if rest:
        current().append(Chunk(rest, literal=True))
    if stack:
        raise TemplateSyntaxError(f"模板第{stack[-1][2]}行的 {{% if {stack[-1][0]} %}} 缺少 {{% endif %}}")
    return tuple(top)


def names_used(nodes: tuple[Node, ...]) -> set[str]:
    """Every field named anywhere (values and conditions)."""
    return _fields_in(nodes, conditions=True)


def values_used(nodes: tuple[Node, ...]) -> set[str]:
    """Fields whose value is written somewhere (``{{name}}``, in any branch)."""
    return _fields_in(nodes, conditions=False)


def _fields_in(nodes: tuple[Node, ...], *, conditions: bool) -> set[str]:
    """The fields written as values in ``nodes`` and their branches, with those tested by an
    ``{% if %}`` when ``conditions``."""
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, Var):
            found.add(node.name)
        elif isinstance(node, If):
            if conditions:
                found.add(node.name)
            for branch in (node.then, node.otherwise):
                found |= _fields_in(branch, conditions=conditions)
    return found


def literal_text(nodes: tuple[Node, ...]) -> str:
    """All of the template's own wording, in every branch (for static phrase checks)."""
    parts: list[str] = []
    for node in nodes:
        if isinstance(node, Chunk):
            parts.append(node.text)
        elif isinstance(node, If):
            parts.append(literal_text(node.then))
            parts.append(literal_text(node.otherwise))
    return "\n".join(parts)


def render(
    nodes: tuple[Node, ...], values: Mapping[str, str | bool], out: Rendered | None = None
) -> Rendered:
    """Substitute values; a missing or empty value renders as nothing (the letter check catches it)."""
    out = Rendered() if out is None else out
    for node in nodes:
        if isinstance(node, Chunk):
            out.chunks.append(node)
        elif isinstance(node, Var):
            value = values.get(node.name, "")
            text = value if isinstance(value, str) else ""
            if text:
                out.chunks.append(Chunk(text, literal=False))
                out.emitted.add(node.name)
        else:
            truthy = bool(values.get(node.name))
            render(node.then if truthy != node.negate else node.otherwise, values, out)
    return out


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    #: The line begins with template wording (so it may carry a structural marker such as 标题：).
    starts_literal: bool


def lines(chunks: list[Chunk]) -> list[Line]:
    """Split rendered chunks into lines; a newline inside a value also starts a new line."""
    result: list[Line] = []
    text: list[str] = []
    starts_literal: bool | None = None
    for chunk in chunks:
        pieces = chunk.text.split("\n")
        for i, piece in enumerate(pieces):
            if i > 0:
                result.append(Line("".join(text), bool(starts_literal)))
                text, starts_literal = [], None
            if piece.strip() and starts_literal is None:
                starts_literal = chunk.literal
            text.append(piece)
    result.append(Line("".join(text), bool(starts_literal)))
    return result
