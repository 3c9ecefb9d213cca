"""Names in running prose, third round (issue 14, piifixe3), each reason with sentences of its own
(none from the volumes): a post or a form of address written after the name, predicates of a
narrative after a clause-opening name, colon labels that end in 长/生/户, a name told after 叫,
surnames of the Hui and of Yanbian's Koreans, and what is no name (a surname and a post, a cue
that makes a word with the next character)."""

from __future__ import annotations

from gongkai.sensitive import Kind, detect


def _names(text: str) -> list[str]:
    return [f.text for f in detect(text) if f.kind == Kind.PERSON_NAME]


def _assert_found(text: str, expected: tuple[str, ...]) -> None:
    names = _names(text)
    for name in expected:
        assert name in names, (name, names)


def test_a_post_after_the_name_ends_it() -> None:
    # 书 and 镇 start many other words (申请书, every town): the scan finds 书记/镇长 by 记/长.
    text = "会上，宋明辉书记通报了进展。这件事请邵建华镇长牵头，下周再议。"
    _assert_found(text, ("宋明辉", "邵建华"))


def test_a_form_of_address_or_a_post_after_a_clause_opening_name() -> None:
    text = "昨天，黎志强师傅修好了水泵。会上，贺晓峰主任介绍了情况。"
    _assert_found(text, ("黎志强", "贺晓峰"))


def test_what_a_person_does_in_a_narrative_ends_a_clause_opening_name() -> None:
    text = (
        "清晨五点，屈国栋起床喂牲口。材料由工作人员骆文静起草。"
        "下午，钱志远说：家里的水管冻裂了。当晚，孔丽萍打来电话。"
        "陆建军住城东区。随后，余秀芳笑着说不要紧。会上，龚建波出价最高。"
    )
    _assert_found(text, ("屈国栋", "骆文静", "钱志远", "孔丽萍", "陆建军", "余秀芳", "龚建波"))


def test_a_surname_and_a_post_or_a_form_of_address_is_no_name() -> None:
    text = "先请高镇长说说情况。后来，王师傅说这台机器修不好了。"
    assert _names(text) == []


def test_a_one_character_cue_that_makes_a_word_with_the_next_character_is_no_cue() -> None:
    # 及时, 同时, 经常, 对方: 时/常/方 are surnames, 发/明 given names' characters.
    text = "物业未及时发现燃气泄漏。同时发现两处隐患。对方明确表示不同意。"
    assert _names(text) == []


def test_colon_labels_ending_in_zhang_sheng_or_hu_introduce_a_name() -> None:
    text = "副组长：韩立伟\n学生：邹雨萱，高一（3）班\n随访医生：彭秀英\n第二户：屈明亮，住东坪村"
    _assert_found(text, ("韩立伟", "邹雨萱", "彭秀英", "屈明亮"))


def test_a_name_told_after_jiao_ending_a_clause() -> None:
    _assert_found("她说有一个儿子叫葛振华，在外地打工。", ("葛振华",))


def test_hui_and_korean_surnames_are_surnames() -> None:
    text = "被告人玄明哲，男，汉族。申请人妥建军，男。当事人拜文华、执法人员纳丽到场。"
    _assert_found(text, ("玄明哲", "妥建军", "拜文华", "纳丽"))
    # Their words are still no names.
    assert _names("对来访群众妥善处理，上门拜访纳税人，讲解玄机。") == []


def test_a_dai_name_right_after_a_role_word_is_a_name() -> None:
    # No Han surname: a prefix (岩 a man, 玉 a woman, 波 a father) and a syllable, after a role word.
    text = "护林员岩坎巡山时发现火情。独居老人玉旺腿脚不便。第二户：波罕，住曼景村。"
    _assert_found(text, ("岩坎", "玉旺", "波罕"))
    # Words of the same characters, and a village named after a person, are not names.
    assert _names("施工员岩土工程师到场。调查员玉米地里查看。管理员岩罕寨驻点。") == []
