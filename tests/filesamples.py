"""Small real files of each attachment type, built in memory (for the upload tests)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping


def zip_bytes(files: Mapping[str, str | bytes]) -> bytes:
    """A zip archive holding ``files`` (member name → content)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def real_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, "ID copy")
    page.save()
    return out.getvalue()


def real_image(fmt: str, size: tuple[int, int] = (40, 30)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format=fmt)
    return out.getvalue()


def real_docx() -> bytes:
    from docx import Document

    out = io.BytesIO()
    document = Document()
    document.add_paragraph("补充材料")
    document.save(out)
    return out.getvalue()


def docx_text(body: bytes) -> str:
    """The paragraphs of a DOCX, one a line."""
    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(body)).paragraphs)
