"""Volume C of the annotated corpus (issue 14): personal data as it reaches a reader after conversion.

Volumes A and B are clean documents written by hand. Volume C is written the way agencies'
documents actually arrive in front of a reader of published material or of applications: as text
extracted from PDFs (columns aligned by spaces, lines wrapped in the middle of a sentence, a name or
an address broken across a line end, page footers and form feeds between table rows), as text
copied from web pages (cells run together with tabs or single spaces, one cell per line, or the
whole page on one line), as Excel sheets saved as CSV (``="..."`` and tab-prefixed numbers), as
OCR'd scans (confusions such as 己/已, 曰/日, 入/人 and stray spaces in the surrounding words, never
in a labelled value), as Word forms with 【】 and underlined blanks, and as WeChat/SMS notices.

It was written by someone who did not read the detector, its tests or the other corpora, and who did
not run the detector on it. The annotation format, its parser and the labelling policy are volume
A's (``gongkai.sensitive.annotated_corpus``): ``parse`` is imported, not copied. The values (check
characters, region codes, birth dates) were produced once by a throw-away script; the committed text
of the genre files (``welfare.txt`` ... beside this module, one document after each ``=== genre ===``
line, tabs and form feeds as they are) is literal. docs/sensitive-corpora.md ("Volume C") describes the method and the counts.
"""

from __future__ import annotations

from gongkai.sensitive.annotated_corpus import AnnotatedCase, parse_files

# Volume C's genre files (``{name}.txt`` beside this module), in the volume's order.
GENRES = ("welfare", "land", "enforcement", "requests", "courts", "personnel", "meetings", "messages",
          "registers", "notices", "payments")


def annotated_cases_c() -> list[AnnotatedCase]:
    """Every document of volume C, parsed (fixed: the same list on every call)."""
    return parse_files(__name__, GENRES, "c.")
