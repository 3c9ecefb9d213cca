"""Issue 15 point 13: application attachments are checked by content -- each must parse as the
type its name claims (gongkai.filetypes), not only start with the right bytes."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from filesamples import real_docx, real_image, real_pdf
from gongkai import filetypes
from gongkai.web.applications.models import Application
from webtesting import APPLICANT

pytestmark = pytest.mark.django_db


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


FAKES = {
    "header-only.pdf": b"%PDF-1.4 ...",
    "truncated.pdf": real_pdf()[:200],
    "header-only.png": b"\x89PNG\r\n\x1a\n....",
    "truncated.png": real_image("PNG")[:60],
    "png-named.jpg": real_image("PNG"),
    "header-only.jpg": b"\xff\xd8\xff\xe0" + b"\0" * 40,
    "any-zip.docx": _zip({"readme.txt": b"not a document"}),
    "broken-xml.docx": _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document"}),
    "bomb.docx": _zip(
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<a>" + b" " * (30 * 2**20) + b"</a>"}
    ),
    "latin1.txt": "申请".encode("gbk"),
}


@pytest.mark.parametrize("name", sorted(FAKES))
def test_a_file_that_only_looks_like_its_type_is_refused(name: str) -> None:
    with pytest.raises(filetypes.FileContentError, match=f"附件“{name}”"):
        filetypes.check_content(name, "." + name.rsplit(".", 1)[1], FAKES[name])


def test_a_huge_picture_is_refused_before_it_is_decoded() -> None:
    big = real_image("PNG", (8000, 7000))
    with pytest.raises(filetypes.FileContentError, match="图片过大"):
        filetypes.check_content("scan.png", ".png", big)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("id.pdf", real_pdf()),
        ("photo.png", real_image("PNG")),
        ("photo.jpg", real_image("JPEG")),
        ("photo.jpeg", real_image("JPEG")),
        ("more.docx", real_docx()),
        ("note.txt", "补充说明".encode()),
    ],
)
def test_real_files_are_accepted(name: str, content: bytes) -> None:
    filetypes.check_content(name, "." + name.rsplit(".", 1)[1], content)


def _form(agency: Any) -> dict[str, Any]:
    from gongkai.web.applications import submission_keys

    # The public form files once per one-time key (issue 17, point 4).
    return {**APPLICANT, "agency": agency.pk, "submission_key": submission_keys.new_key()}


def test_the_intake_form_refuses_a_fake_pdf_with_a_chinese_message(client: Any, agencies: Any) -> None:
    upload = SimpleUploadedFile("id.pdf", FAKES["header-only.pdf"])
    page = client.post("/apply/", {**_form(agencies["science"]), "attachments": [upload]})
    assert not Application.objects.exists()
    errors = " ".join(page.context["form"].errors["attachments"])
    assert "附件“id.pdf”" in errors


def test_the_intake_form_accepts_a_real_pdf(client: Any, agencies: Any) -> None:
    upload = SimpleUploadedFile("id.pdf", real_pdf())
    client.post("/apply/", {**_form(agencies["science"]), "attachments": [upload]})
    assert Application.objects.get().attachments.get().original_name == "id.pdf"
