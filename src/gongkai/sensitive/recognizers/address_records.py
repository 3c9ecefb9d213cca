"""Whether an address is an organisation's by the layout around it (see ``address_context``).

Besides the words right before an address, its place in a document can say it is an office's or
a company's seat, which is published by law and is not a natural person's data:
- a contact block signed by an agency: a line "地址：…" (or "联系人：…；地址：…") with the agency's
  name as the next line after it (blank lines between) or the line right before it;
- an entity's record with its officer named before the address: "…公司，法定代表人X，地址…",
  "…门诊部，负责人X，地址…" (a 个体工商户 has a 经营者, not a 法定代表人 or 负责人, and the
  labelling policy keeps its 经营场所 personal);
- a record laid out one field a line: "统一社会信用代码：52…⏎住所：…" or "法定代表人：X⏎地址：…"
  (the code an agency's or a social organisation's, see ``_in_organisation_record``).
"""

from __future__ import annotations

import re

from gongkai.sensitive.checksums import uscc_is_valid

# A line that is only an agency's or an organisation's name (a signature): 4-43 characters with
# no punctuation or space, ending in one of these (tested with ``endswith``, not an expression:
# this runs for every address after a contact label).
_ORGANISATION_SUFFIXES = (
    *("局", "法院", "检察院", "委员会", "政府", "办公室", "办事处", "大队", "支队", "中心"),
    *("所", "站", "处", "馆", "院", "公司", "协会", "学会"),
)
_NOT_IN_A_NAME_LINE = frozenset("：:，,。；; \t\u3000")
# The neutral labels of a contact line (at its start, or after a "；" or a space), longest first.
_CONTACT_LABELS = ("联系地址", "通讯地址", "地址")
_CONTACT_SEPARATORS = frozenset("；; \t\u3000")
# The labels of a record's field line ("住所：…" as the whole of the words before the address).
_FIELD_LABELS = frozenset(("地址", "住所", "住所地", "注册地址"))
# An officer then the neutral label of the entity's seat ("法定代表人X，身份证号…，地址").
_OFFICER_THEN_SEAT = re.compile(
    r"(?:法定代表人|负责人)[：:]?[^，,。；;：:\s]{2,10}[，,]"
    r"(?:身份证号码?[：:]?[0-9Xx]{15,18}[，,])?(?:地址|住所地?)[：:]?$"
)
# A unified social credit code: with a letter in its organisation code and a valid check
# character, so that an ID number is not one.
CREDIT_CODE = re.compile(r"(?<![0-9A-Z])[1-9ANY][0-9A-Z]\d{6}(?=[0-9]{0,8}[A-Z])[0-9A-Z]{10}(?![0-9A-Z])")
_HEAD_REACH = 56
# The last two characters of the labels the rules read (地址, 住所, 住所地; not 住址, a person's).
_LABEL_ENDS = frozenset(("地址", "住所", "所地"))


def organisation_by_layout(norm: str, start: int, end: int) -> bool:
    """Whether ``norm[start:end]``, an address, is an organisation's by its place (see above)."""
    # Every rule reads a label right before the address (地址, 住所, 住所地, a colon after them).
    label_end = start - 1 if norm[start - 1 : start] in ("：", ":") else start
    if norm[label_end - 2 : label_end] not in _LABEL_ENDS:
        return False
    line_start = norm.rfind("\n", 0, start) + 1
    # The words a rule reads are the last ones of the line before the address (a long line is
    # not searched whole for each address).
    head = norm[max(line_start, start - _HEAD_REACH) : start].strip(" \t\u3000")
    if ("法定代表人" in head or "负责人" in head) and _OFFICER_THEN_SEAT.search(head):
        return True
    label = head.rstrip("：:")
    if label.endswith("地址") and _contact_label(label) and _signed_by_organisation(norm, line_start, end):
        return True
    at_line_start = start - line_start <= _HEAD_REACH
    return at_line_start and label in _FIELD_LABELS and _in_organisation_record(norm, line_start)


def _contact_label(label: str) -> bool:
    """Whether the words before an address end in a contact line's neutral label."""
    for word in _CONTACT_LABELS:
        if label.endswith(word):
            return label[-len(word) - 1 : -len(word)] in _CONTACT_SEPARATORS or len(label) == len(word)
    return False


def _organisation_line(line: str) -> bool:
    line = line.strip(" \t\u3000")
    return (
        4 <= len(line) <= 43
        and line.endswith(_ORGANISATION_SUFFIXES)
        and _NOT_IN_A_NAME_LINE.isdisjoint(line)
    )


def _signed_by_organisation(norm: str, line_start: int, end: int) -> bool:
    """The organisation's name on the next non-blank line after the address's, or on the line
    right before it."""
    line_end = norm.find("\n", end)
    if line_end != -1:
        following = norm[line_end + 1 : line_end + 120].lstrip(" \t\u3000\n").split("\n", 1)[0]
        if _organisation_line(following):
            return True
    if line_start < 2:
        return False
    return _organisation_line(norm[norm.rfind("\n", 0, line_start - 1) + 1 : line_start - 1])


def _in_organisation_record(norm: str, line_start: int) -> bool:
    """One of the two lines before holds an organisation's credit code or its officer."""
    lines_start = line_start
    for _ in range(2):
        if lines_start < 2:
            break
        lines_start = norm.rfind("\n", 0, lines_start - 1) + 1
    record = norm[lines_start:line_start]
    if "法定代表人" in record or "负责人" in record:
        return True
    # Only an agency's (1…) or a social organisation's (5…: 社会团体, 民办非企业单位, 基金会) code:
    # the generated corpus labels a company's 住所 under its code as personal (a small firm's seat
    # is often its owner's home), against the labelling policy of the annotated volumes; the
    # company's form is left as it was.
    codes = CREDIT_CODE.finditer(record)
    return any(code[0][0] in "15" and uscc_is_valid(code[0]) for code in codes)


def organisation_code_in(text: str) -> bool:
    """Whether ``text`` holds a valid credit code of an organisation: a 个体工商户's (category 92,
    GB 32100 表 1) does not count, its keeper trades as a person, often from home."""
    return any(not code[0].startswith("92") and uscc_is_valid(code[0]) for code in CREDIT_CODE.finditer(text))
