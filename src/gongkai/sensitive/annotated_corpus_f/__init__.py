"""Volume F of the annotated corpus (issue 14): unseen whole documents, each composed on its own.

Volumes A–E have each been measured once unseen and then fitted to. Volume F is the next unseen
measurement, written by a helper who did not read the detector, its tests or the other volumes'
documents, and who did not run the detector on it.

Its method differs from A–E's: A/B were short hand-written documents, mostly lists; C templates
put through simulated conversion noise; D drawn values in templated genres and layouts; E 64 prose
frames filled by a script. **Every document of F was composed by hand, one by one, as a whole
published document** (no frame reused, no script writing text), mixing what real ones mix: a
header block (文号, 案号, 索引号), a prose body, a list or table where the genre has one, a closing
and signature block. People are named in full and then referred to as writers do (该同志, 其,
surname + post: not labelled, by the policy). The genres are ones A–E did not list: 限制消费令,
开庭公告, 悬赏通告, 协查通报, 寻亲公告, 认领启事, 执业医师/药师注册公告, 林权流转公示, 见义勇为确认
公示, 烈士褒扬, 独生子女父母奖励, 计生特扶, 欠税公告, 社会组织登记公告 and others.

A throw-away script (not committed) drew the values (surnames by 2020 census share, given names by
sex and generation, minority names where the place is, GB/T 2260 codes in all 31 provinces, GB 11643
identity numbers of both generations, Luhn bank cards on real issuer prefixes, GB 32100 credit codes,
real area codes and plate prefixes); the writer placed them in the text by hand. Nothing is
generated at run time.

The annotation format, ``parse_files`` and the labelling policy are volume A's
(``gongkai.sensitive.annotated_corpus``), imported, not copied. docs/sensitive-corpora.md
("Volume F") describes the method, the counts and the limits.
"""

from __future__ import annotations

from gongkai.sensitive.annotated_corpus import AnnotatedCase, parse_files

# Volume F's genre files (``{name}.txt`` beside this module, one document after each
# ``=== genre ===`` line), in the volume's order.
GENRES = ("enforcement", "declarations", "police", "reunion", "medical", "forestry", "honours",
          "family", "taxes", "societies", "inspections", "compensation", "titles", "veterans",
          "transport", "funds", "civic", "migrants")


def annotated_cases_f() -> list[AnnotatedCase]:
    """Every document of volume F, parsed (fixed: the same list on every call)."""
    return parse_files(__name__, GENRES, "f.")
