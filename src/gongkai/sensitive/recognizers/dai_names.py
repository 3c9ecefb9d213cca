"""Dai names of Xishuangbanna and Dehong (岩温, 岩罕, 玉香, 玉罕叫), read where a person is
certain to be named: after a person word, in a list after one, at a numbered item's head.

A Dai name has no surname: 岩 (a man) or 玉 (a woman) and one or two syllables of a small set
(温 罕 应 坎 帕 光 香 …), as listed in the transcription tables of Yunnan's Dai names. Written alone,
岩温 is also "rock temperature" and 玉光 a Han name, so the reading is only offered to
``apposed_names`` (which requires a person word, a list or a notice's item before it and an edge
after it) through ``or_dai``, not to the table or running-text rules.
"""

from __future__ import annotations

from collections.abc import Callable

# Syllables after 岩/玉 (one or two of them): the common ones of Xishuangbanna's and Dehong's Dai
# names (岩温, 岩罕, 岩应, 岩坎, 岩帕, 岩香, 岩庄, 岩扁, 玉南, 玉喃, 玉罕叫, 玉应香 …).
_SYLLABLES = frozenset("温罕应坎帕光香庄扁丙保龙恩拉三依胆甩旺康捧坦波真罗尖叫燕洪糯论宰章嫩南喃腊儿")
PREFIXES = frozenset("岩玉")


def is_dai_name(name: str) -> bool:
    """Whether ``name`` is 岩 or 玉 and one or two Dai syllables."""
    return 2 <= len(name) <= 3 and name[0] in PREFIXES and _SYLLABLES.issuperset(name[1:])


def or_dai(is_name: Callable[[str], bool], norm: str) -> Callable[[str], bool]:
    """``is_name`` widened to Dai names, for the readings after a person word, where ``norm``
    holds a man's name (岩…): one more call per reading costs ~1.5 M instructions a pass over the
    bench corpus, so texts without 岩 (most, and those naming Dai women only) keep ``is_name``."""
    if "岩" not in norm:
        return is_name

    def is_name_or_dai(name: str) -> bool:
        return is_name(name) or is_dai_name(name)

    return is_name_or_dai
