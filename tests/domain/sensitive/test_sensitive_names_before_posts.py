"""Names written right before a post, a form of address, 本人 or 夫妇 in running prose (issue 14,
piifixe2 round), with examples of its own: the word after tells that a name precedes, the text
before it where the name opens."""

from __future__ import annotations

from gongkai.sensitive import Kind, detect


def _names(text: str) -> list[str]:
    return [f.text for f in detect(text) if f.kind == Kind.PERSON_NAME]


def test_a_name_before_a_post_is_a_name() -> None:
    text = "会上，韩志远书记通报了进度，接着请周立平镇长讲话。散会后，杜明辉主任留下整理材料。"
    names = _names(text)
    for name in ("韩志远", "周立平", "杜明辉"):
        assert name in names, (name, names)


def test_a_name_before_ben_ren_or_fu_fu_is_a_name() -> None:
    text = "补助款已转给欧阳春燕本人。\n邵桂芝本人未到场。第二户：许国强、蒋玉兰夫妇。"
    names = _names(text)
    for name in ("欧阳春燕", "邵桂芝", "许国强", "蒋玉兰"):
        assert name in names, (name, names)


def test_words_before_a_post_that_open_no_name_are_not_names() -> None:
    # The post's own words (镇党委书记, 副镇长), a role (申请人本人) and a pronoun (但其本人,
    # 但 being a surname) are no names; nor is a name's tail inside a longer word.
    text = "镇党委书记和副镇长到场。申请人本人签收。但其本人未参与。该村党支部书记未到会。"
    assert _names(text) == []
