"""The one way the web layer declares a closed vocabulary: ``Choices``, a StrEnum whose members
carry their Chinese ``label`` and which gives a Django field or form its ``choices()``.

A member is declared by its label alone, ``RESIDENT_ID = "居民身份证"``: the value stored is the
member's name in lower case (``"resident_id"``, as StrEnum's ``auto()`` makes it), so that it is not
written twice. A member whose value comes from elsewhere (the domain's) gives ``(value, label)``.

Not Django's TextChoices: without django-stubs mypy sees TextChoices members as plain tuples, so
comparisons, ``.label`` and passing a member where a ``str`` is expected would not type-check.
"""

from __future__ import annotations

from enum import EnumType, StrEnum, nonmember
from typing import Any, Self


class _LabelledMembers(EnumType):
    """Turns each member declared by its label into ``(name in lower case, label)`` before the
    enum is built; ``(value, label)`` pairs are left as they are."""

    def __new__(metacls, cls: str, bases: tuple[type, ...], classdict: Any, **kwds: Any) -> Any:
        # _member_names: the names the enum's own class dict recognised as members, in order.
        for name in classdict._member_names:
            declared = classdict[name]
            if isinstance(declared, str):
                # dict's own setter: the enum dict refuses to see a member's name assigned twice.
                dict.__setitem__(classdict, name, (name.lower(), declared))
        return super().__new__(metacls, cls, bases, classdict, **kwds)


class Choices(StrEnum, metaclass=_LabelledMembers):
    """A StrEnum with a Chinese ``label`` per member, usable as a Django field's choices::

        class Answer(Choices):
            AGREE = "同意公开"

        models.CharField(choices=Answer.choices());  Answer.of("agree").label == "同意公开"
    """

    label: str
    #: Django templates call callables; an enum class must be left alone (as TextChoices does).
    do_not_call_in_templates = nonmember(True)

    def __new__(cls, value: str, label: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def of(cls, value: str) -> Self:
        """The member whose value is ``value`` (``cls(value)``, spelled so that mypy follows)."""
        for member in cls:
            if member.value == value:
                return member
        raise ValueError(f"{value!r} is not a valid {cls.__name__}")

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]

    @classmethod
    def labels(cls) -> dict[str, str]:
        """Value -> label (members are str, so a member looks its label up too)."""
        return {m.value: m.label for m in cls}
