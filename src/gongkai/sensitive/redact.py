"""Redaction of text: takes findings and a policy, returns the new text and what was removed.

Documents (HTML, DOCX, PDF) keep their text in pieces (text nodes, runs, glyphs); ``splice`` applies
replacements made on the joined text back to the pieces, so a name split across two runs is
removed from both and the formatting of each run stays.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from gongkai.errors import GongkaiError
from gongkai.sensitive.model import Finding, Kind, fields_to_json
from gongkai.sensitive.policy import Policy


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` (a finding) by ``replacement``."""

    finding: Finding
    replacement: str

    @property
    def start(self) -> int:
        return self.finding.start

    @property
    def end(self) -> int:
        return self.finding.end


@dataclass(frozen=True, slots=True)
class Removal:
    """One entry of the removal report: what was removed, what replaced it, and where."""

    kind: Kind
    text: str
    replacement: str
    location: str
    start: int
    end: int

    def to_json(self) -> dict[str, object]:
        return fields_to_json(self)


def plan(findings: Sequence[Finding], policy: Policy) -> list[Edit]:
    """The edits ``policy`` asks for (kinds it keeps are left out), sorted by position."""
    edits = []
    for finding in sorted(findings, key=lambda f: f.start):
        replacement = policy.replacement(finding.kind, finding.text)
        if replacement is not None:
            edits.append(Edit(finding, replacement))
    return edits


def apply_to_text(text: str, edits: Sequence[Edit]) -> str:
    pieces: list[str] = []
    position = 0
    for edit in edits:
        pieces.append(text[position : edit.start])
        pieces.append(edit.replacement)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


class LineLocator:
    """Maps an offset of a plain text to "第 N 行"."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)

    def __call__(self, offset: int) -> str:
        return f"第{self.line(offset)}行"


def splice(segments: Sequence[str], editable: Sequence[bool], edits: Sequence[Edit]) -> list[str]:
    """Apply ``edits`` (offsets into ``"".join(segments)``) to the segments themselves.

    The replacement goes into the first editable segment the edit touches; the edit's characters
    are deleted from every editable segment it covers. Characters of non-editable segments (a tab,
    a paragraph break) stay. An edit that touches no editable segment cannot be carried out, which
    is an error rather than a silent leak.
    """
    starts: list[int] = []
    position = 0
    for segment in segments:
        starts.append(position)
        position += len(segment)
    # Per segment: (local start, local end, inserted text), collected then applied back to front.
    ops: dict[int, list[tuple[int, int, str]]] = {}
    for edit in edits:
        first = bisect.bisect_right(starts, edit.start) - 1
        inserted = False
        i = max(first, 0)
        while i < len(segments) and starts[i] < edit.end:
            seg_start, seg_end = starts[i], starts[i] + len(segments[i])
            lo, hi = max(edit.start, seg_start) - seg_start, min(edit.end, seg_end) - seg_start
            if editable[i] and hi > lo:
                ops.setdefault(i, []).append((lo, hi, "" if inserted else edit.replacement))
                inserted = True
            i += 1
        if not inserted:
            raise GongkaiError(
                "无法在文档中删除此处内容", detail=f"{edit.finding.kind.label}“{edit.finding.text}”"
            )
    result = list(segments)
    for i, changes in ops.items():
        text = result[i]
        for lo, hi, new in sorted(changes, reverse=True):
            text = text[:lo] + new + text[hi:]
        result[i] = text
    return result
