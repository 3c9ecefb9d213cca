"""Volume D of the annotated corpus (issue 14): unseen documents by another writer and another method.

Volumes A, B and C have been seen by the detector's engineers. Volume D is a new measurement on text
they have not seen, written by a helper who did not read the detector, its tests or the other
volumes' documents, and who did not run the detector on it. Its method differs from A–C's:

- **Values drawn from published distributions** by a throw-away script (not committed): surnames
  by their 2020 census / 公安部 shares (compound surnames kept rare), given names by generation and
  sex, minority names where the place is (Uyghur names with ``·``, Tibetan, Mongolian, Yi, Dai,
  Korean, Zhuang, Hui), 63 county-level divisions in all 31 provinces with their GB/T 2260 codes,
  real 乡镇/街道, area codes and plate prefixes, and each region's way of writing an address.
  Check characters (GB 11643, Luhn, GB 11714 inside GB 32100) are computed, birth dates fit the
  person, and first-generation 15-digit numbers go to older people.
- **Genres not emphasised before**: 政府信息公开申请表 and 答复书 quoting the applicant, 行政复议决定书,
  民事判决书摘录, 征收补偿协议公示, 门诊慢特病认定名单, 退役军人优待证发放名单, 人大代表建议答复,
  12345热线工单, 村级财务公开, 招生录取 and 学籍异动公示, 高龄津贴发放表, 个体工商户登记公告,
  拍卖 and 公证公告, 遗失声明, 信用修复公示, 安全生产约谈纪要, 执法人员证件公示 and 政务新闻稿.
- **Mixed layouts**: prose, Markdown pipe tables, tab-separated rows, space-separated columns,
  numbered lists, key：value forms, whole documents on one line, full-width digits in some values.

The committed text of the genre files (``requests.txt`` ... beside this module) is literal (nothing
is generated at run time). The annotation format, ``parse``
and the labelling policy are volume A's (``gongkai.sensitive.annotated_corpus``), imported, not
copied. docs/sensitive-corpora.md ("Volume D") describes the method and the counts.
"""

from __future__ import annotations

from gongkai.sensitive.annotated_corpus import AnnotatedCase, parse_files

# Volume D's genre files (``{name}.txt`` beside this module, one document after each
# ``=== genre ===`` line), in the volume's order.
GENRES = ("requests", "reviews", "land", "welfare", "deputies", "hotline", "schools", "registers", "notices")


def annotated_cases_d() -> list[AnnotatedCase]:
    """Every document of volume D, parsed (fixed: the same list on every call)."""
    return parse_files(__name__, GENRES, "d.")
