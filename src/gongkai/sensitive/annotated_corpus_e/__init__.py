"""Volume E of the annotated corpus (issue 14): unseen long documents in running prose.

Volumes A–D have been seen by the detector's engineers, and each was fitted to after its first
measurement. Volume E is the next unseen measurement, written by a helper who did not read the
detector, its tests or the other volumes' documents, and who did not run the detector on it.

Its method differs from A–D's in what the documents are: **long documents in running prose, as
agencies write them**, where personal data sits inside sentences rather than in lists, tables or
labelled fields:

- 询问笔录 / 调查笔录 (问：…答：…, the parties' own words), verbatim 会议记录, 座谈会纪要,
  听证会记录, 村民代表会议记录 and 调解会记录 with speakers;
- 行政复议决定书, 民事/刑事判决书, 行政裁定书, 人民调解协议书, 公告送达 with party paragraphs and
  narrative facts;
- 事故调查报告 (责任认定 in prose), 纪检监察通报, 情况说明, 流调报告, 火灾调查报告;
- 先进事迹材料, 表彰通报, 新闻稿, 工作简报; 信访/依申请公开答复书 quoting the applicant;
- 入户调查记录, 走访记录, 工作日志, 征收入户评估说明 and 协商会谈记录, 送达回证 with notes;
- 任前公示, 任免通知, 考察预告; 出国（境）报告, 出入境笔录, 侨务/台务说明; and others.

Hard cases of real prose are in it: names that are also words (高峰, 金鑫, 江山, 白雪), partial later
mentions (老张, 王局长, 张护士长: not labelled, by the policy), masked names (张某: decoys), people
named in many places, numbers and addresses inside sentences, agencies' seats beside dwellings.

The prose was written by hand as frames; a throw-away script (not committed) drew the values from
published distributions (surnames by census share, given names by sex and generation, minority
names where the place is, 56 real county-level divisions in all 31 provinces with their GB/T 2260
codes, towns, area codes and plate prefixes) with valid check characters, filled the frames,
checked that each document parses, and wrote the genre files once. Nothing is generated at run time.

The annotation format, ``parse`` and the labelling policy are volume A's
(``gongkai.sensitive.annotated_corpus``), imported, not copied. docs/sensitive-corpora.md
("Volume E") describes the method, the counts and the limits.
"""

from __future__ import annotations

from gongkai.sensitive.annotated_corpus import AnnotatedCase, parse_files

# Volume E's genre files (``{name}.txt`` beside this module, one document after each
# ``=== genre ===`` line), in the volume's order.
GENRES = ("interviews", "meetings", "rulings", "reports", "honours", "replies", "visits", "travel",
          "enterprise", "traffic", "online", "personnel", "investigations", "households", "notarial")


def annotated_cases_e() -> list[AnnotatedCase]:
    """Every document of volume E, parsed (fixed: the same list on every call)."""
    return parse_files(__name__, GENRES, "e.")
