"""Names written right before 本人 or 夫妇 in running prose (issue 14,
piifixe2 round), with examples of its own: the word after tells that a name precedes, the text
before it where the name opens."""

from __future__ import annotations

from gongkai.sensitive import Kind, detect


def _names(text: str) -> list[str]:
    return [f.text for f in detect(text) if f.kind == Kind.PERSON_NAME]


def test_a_name_before_ben_ren_or_fu_fu_is_a_name() -> None:
    text = "补助款已转给欧阳春燕本人。\n邵桂芝本人未到场。第二户：许国强、蒋玉兰夫妇。"
    names = _names(text)
    for name in ("欧阳春燕", "邵桂芝", "许国强", "蒋玉兰"):
        assert name in names, (name, names)


def test_words_before_ben_ren_that_open_no_name_are_not_names() -> None:
    # A role (申请人本人), a pronoun (但其本人, 但 being a surname) and words that end in a name's
    # characters but open no name (证明本人, 老夫妇) are no names.
    text = "申请人本人签收。但其本人未参与。经查证明本人确系户主。一对老夫妇来访。"
    assert _names(text) == []
