"""No file in ``src/`` outside generated migrations is longer than 500 lines (issue 12): a file
one cannot hold in one's head is split along the sections it already has."""

from __future__ import annotations

from pathlib import Path

import gongkai

SRC = Path(gongkai.__file__).resolve().parent.parent
MAX_LINES = 500
#: Files a command writes, as Django writes migrations: nobody edits them, so their length is the
#: generator's. Each names its generator.
GENERATED = {
    "gongkai/web/demo/schema.sql": "make demo-schema (the migrated empty database, from the migrations)",
}


def too_long(root: Path, limit: int = MAX_LINES) -> list[str]:
    """``path: N lines`` for every text file under ``root`` (not migrations) over ``limit``."""
    offenders = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if not path.is_file() or "migrations" in rel.parts or "__pycache__" in rel.parts:
            continue
        if any(part.endswith(".egg-info") for part in rel.parts) or rel.as_posix() in GENERATED:
            continue
        try:
            lines = path.read_text(encoding="utf-8").count("\n")
        except UnicodeDecodeError:
            continue  # fonts, images: not code
        if lines > limit:
            offenders.append(f"{rel}: {lines} lines")
    return offenders


def test_no_source_file_is_longer_than_500_lines() -> None:
    assert (SRC / "gongkai" / "deadlines.py").is_file(), "the scan must see the sources"
    offenders = too_long(SRC)
    assert offenders == [], f"files over {MAX_LINES} lines:\n" + "\n".join(offenders)


def test_the_scan_skips_migrations_and_binary_files(tmp_path: Path) -> None:
    (tmp_path / "app" / "migrations").mkdir(parents=True)
    (tmp_path / "app" / "migrations" / "0001_initial.py").write_text("x = 1\n" * 900, encoding="utf-8")
    (tmp_path / "app" / "big.py").write_text("x = 1\n" * 501, encoding="utf-8")
    (tmp_path / "app" / "ok.py").write_text("x = 1\n" * 500, encoding="utf-8")
    (tmp_path / "app" / "font.ttf").write_bytes(b"\xff\xfe\x00" * 2000)
    assert too_long(tmp_path) == ["app/big.py: 501 lines"]


def test_every_generated_exemption_is_a_generated_file() -> None:
    for rel in GENERATED:
        first_line = (SRC / rel).read_text(encoding="utf-8").partition("\n")[0]
        assert "regenerate:" in first_line, f"{rel} does not say how it is generated"
