"""The domain core never imports Django: it must stay usable from the CLI and in batch jobs."""

from __future__ import annotations

import ast
from pathlib import Path

import gongkai

PACKAGE_ROOT = Path(gongkai.__file__).resolve().parent
WEB_LAYER = PACKAGE_ROOT / "web"
FORBIDDEN_ROOTS = {"django", "rest_framework", "drf_spectacular"}


def _imported_roots(source: Path) -> set[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_domain_core_never_imports_django() -> None:
    offenders = []
    core_files = [p for p in PACKAGE_ROOT.rglob("*.py") if WEB_LAYER not in p.parents]
    assert len(core_files) > 5, "the scan must actually see the domain modules"
    for source in core_files:
        bad = _imported_roots(source) & FORBIDDEN_ROOTS
        if bad:
            offenders.append(f"{source.relative_to(PACKAGE_ROOT)}: {sorted(bad)}")
    assert offenders == []


def test_the_scan_detects_a_django_import(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text("from django.db import models\nimport os\n", encoding="utf-8")
    assert _imported_roots(sample) == {"django", "os"}
