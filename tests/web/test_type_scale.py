"""Issue 17 point 7: no text size in px in the site's style sheets and templates -- a px size
ignores the reader's browser text size and the portal's 大字模式 (both scale the root, rem)."""

from __future__ import annotations

import re
from pathlib import Path

import gongkai.web

WEB = Path(gongkai.web.__file__).parent
PX_FONT = re.compile(r"font(?:-size)?\s*:[^;}\"]*\d(?:\.\d+)?px")


def test_no_px_font_sizes() -> None:
    files = [*WEB.rglob("*.css"), *WEB.rglob("*.html")]
    assert any(f.name == "site.css" for f in files)
    offenders = [
        f"{f.relative_to(WEB)}: {m.group(0)}" for f in files for m in PX_FONT.finditer(f.read_text("utf-8"))
    ]
    assert not offenders, offenders
