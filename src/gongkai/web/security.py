"""Site-wide protections configured in settings (issue 15): Content-Security-Policy, masking of
personal data in the server's logs, and a cap on request bodies checked while they stream.

Content-Security-Policy: a small middleware rather than django-csp. The policy is one fixed
header for every response (no per-view policies, no nonces: the templates have no inline
``<script>`` blocks), Django 6's built-in CSP is out of reach (the project pins Django < 6), and
django-csp 4 changed its whole configuration format between majors -- a dependency to follow for
what is one header here. The two inline event handlers the templates use are allowed by their
SHA-256 (CSP Level 3 ``'unsafe-hashes'``) instead of allowing inline script at all; a test checks
that every ``on...=`` attribute in the templates is listed in ``INLINE_HANDLERS``. Styles allow
``'unsafe-inline'`` (``style=`` attributes and ``<style>`` blocks in the portal): CSS cannot run
script, and scripts, objects, frames, base URLs and form targets stay locked to the site.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest, HttpResponse

from gongkai.sensitive import Kind, detect

#: The inline event handlers of the templates, allowed by hash (see the module docstring).
INLINE_HANDLERS = (
    "this.form.submit()",
    "return confirm('发布后该版本不可修改，确认发布？')",
)


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-hashes' " + " ".join(_hash(h) for h in INLINE_HANDLERS),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    """Adds the Content-Security-Policy header to every response that has none."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response


# --- Logs -----------------------------------------------------------------------------------------

_LOGGED_KINDS = (Kind.ID_CARD, Kind.MOBILE_PHONE, Kind.LANDLINE_PHONE, Kind.BANK_CARD)


def mask_log_line(line: str) -> str:
    """The line with ID, phone and bank-card numbers masked, query strings decoded first.

    gongkai.sensitive finds what it recognises (checksummed ID numbers, mobile and landline
    numbers, bank cards); the narrow shape patterns of the applications app then mask any
    18-character ID-shaped or mobile-shaped run left, checksum or not -- guesses at a real
    number (the search oracle of issue 15) must not be kept in clear either."""
    from gongkai.web.applications.masking import mask_text

    text = unquote(line) if "%" in line else line
    findings = detect(text, kinds=_LOGGED_KINDS, threshold=0.0)
    for finding in reversed(findings):
        value = finding.text
        keep = 3 if len(value) < 15 else 6
        masked = value[:keep] + "*" * max(0, len(value) - keep - 4) + value[-4:]
        text = text[: finding.start] + masked + text[finding.end :]
    return mask_text(text)


class MaskPersonalDataFilter(logging.Filter):
    """Masks personal numbers in every record (request lines of the server's access log too)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_log_line(message)
        if masked != message:
            record.msg = masked
            record.args = None
        return True


# --- Uploads --------------------------------------------------------------------------------------


class CappedUploadHandler(FileUploadHandler):
    """Stops a multipart upload as soon as one file or the whole body passes its cap, while the body
    streams in -- before the file is written anywhere (the memory and temporary-file handlers after
    this one never see the rest). The view finds the reason in ``request.upload_refused``.

    Django's own DATA_UPLOAD_MAX_MEMORY_SIZE bounds only the non-file fields, and
    FILE_UPLOAD_MAX_MEMORY_SIZE only decides memory versus temporary file; neither refuses a big file.
    """

    def __init__(self, request: Any = None) -> None:
        super().__init__(request)
        from django.conf import settings

        self.max_file: int = settings.GONGKAI_UPLOAD_FILE_MAX_BYTES
        self.max_request: int = settings.GONGKAI_UPLOAD_REQUEST_MAX_BYTES
        self.received = 0
        self.content_length = 0

    def _refuse(self, message: str) -> None:
        if self.request is not None:
            self.request.upload_refused = message
        # connection_reset=False: Django reads the rest of the body and discards it unstored, so the
        # browser gets the page with the error rather than a reset connection.
        raise StopUpload(connection_reset=False)

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: Any = None
    ) -> None:
        # Django calls this outside its StopUpload handling: the declared length is acted on at the
        # first file instead (new_file), before any of its bytes are kept.
        self.content_length = content_length or 0

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        if (self.content_length or 0) > self.max_request:
            self._refuse(f"上传内容过大（超过 {self.max_request // 1024 // 1024} MB），未保存，请分批上传")

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if start + len(raw_data) > self.max_file:
            self._refuse(
                f"文件“{self.file_name}”过大（超过 {self.max_file // 1024 // 1024} MB 的上限），未保存"
            )
        if self.received > self.max_request:
            self._refuse(f"上传内容过大（超过 {self.max_request // 1024 // 1024} MB），未保存，请分批上传")
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None
