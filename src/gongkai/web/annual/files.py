"""Serving a frozen file of a published report version (staff pages and the public portal)."""

from __future__ import annotations

from urllib.parse import quote

from django.http import HttpResponse

from gongkai.web.annual.models import PublishedFile

CONTENT_TYPES = {
    "json": "application/json; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


def file_response(f: PublishedFile, *, inline: bool = False) -> HttpResponse:
    """The file's bytes as they were frozen, with its name and SHA-256 in the headers."""
    response = HttpResponse(bytes(f.content), content_type=CONTENT_TYPES[f.fmt])
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(f.filename)}"
    response["X-Content-SHA256"] = f.sha256
    return response
