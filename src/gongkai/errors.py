"""Errors that reach users. Every message is plain Chinese; the CLI prints it and exits 2."""

from __future__ import annotations


class GongkaiError(Exception):
    """An error a user can act on: a file that cannot be read, bad input, an unknown year...

    ``message`` is shown to the user as is (Simplified Chinese). ``detail`` is optional
    technical context (a path inside a JSON document, a byte offset) shown after it.
    """

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message if detail is None else f"{message}（{detail}）")
        self.message = message
        self.detail = detail


class ReportFormatError(GongkaiError):
    """A file that cannot be read as an annual report (exit status 2 for `gongkai report ...`)."""


class JsonShapeError(ReportFormatError):
    """A JSON report whose shape breaks report-json.md; ``path`` names the offending value."""

    def __init__(self, path: str, expected: str, got: str, expected_zh: str) -> None:
        # The English half is stable for scripts and tests; the Chinese half is for clerks.
        super().__init__(f"{path}: expected {expected}, got {got}（{path} 应为{expected_zh}）")
        self.path = path
        self.expected = expected
        self.got = got
