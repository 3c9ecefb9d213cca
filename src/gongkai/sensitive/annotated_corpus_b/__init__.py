"""Volume B of the hand-written annotated corpus (issue 14): written independently of the detector.

Written by someone who has not read the detector, its recognizers, its lexicon or volume A's
documents, so that the detector's authors cannot have fitted it. The annotation format, its parser
and the labelling policy are volume A's (``gongkai.sensitive.annotated_corpus``): ``parse`` is
imported from there, not copied. What differs is the ground: the documents are set in northern,
western and southern China (北京、河北、山西、内蒙古、吉林、黑龙江、山东、河南、广东、广西、重庆、
四川、贵州、云南、陕西、新疆 and the 兵团), with those places' region codes, area codes, street and
village naming (胡同、里、屯、嘎查、寨、大队、连), minority names, and genres volume A does not
centre on (高龄津贴、两项补贴、危房改造、种粮补贴、优待证、征兵、公租房、户籍注销、欠薪查处、
催告书、征收评估、调解协议、法律援助、事故认定、工伤认定、仲裁裁决、复议受理、信访告知、选举公告 ...).

Check characters (GB 11643, Luhn, GB 32100) were computed once by a throw-away script; the text
of the genre files (``welfare.txt`` ... beside this module, one document after each ``=== genre ===``
line) is literal.
"""

from __future__ import annotations

from gongkai.sensitive.annotated_corpus import AnnotatedCase, parse_files

# Volume B's genre files (``{name}.txt`` beside this module), in the volume's order.
GENRES = ("welfare", "housing", "agriculture", "veterans", "education", "household", "labour", "enforcement",
          "disputes", "traffic", "requests", "foreigners", "elections")


def annotated_cases_b() -> list[AnnotatedCase]:
    """Every document of volume B, parsed (fixed: the same list on every call)."""
    return parse_files(__name__, GENRES, "b.")
