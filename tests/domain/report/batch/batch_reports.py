"""Report files for the batch tests: balanced reports of consecutive years, and a mixed folder.

Not a conftest.py: a second module named ``conftest`` would shadow tests/conftest.py for the
other test folders that import ``require`` from it. Test modules declare the fixture with
``mixed_folder_fixture = pytest.fixture(name="mixed_folder")(make_mixed_folder)``.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from gongkai.report import jsonio
from gongkai.report.model import AnnualReport, CellSource, DocumentCounts, Table2, Template
from gongkai.report.samples import balanced_table3, balanced_table4, generated_sections, random_table2

AGENCY_A = "示例市（测试）交通运输局"
AGENCY_B = "示例市教育局"


def pair_report(
    agency: str, year: int, *, carried: int, open_share: float, seed: int, table2: Table2 | None = None
) -> AnnualReport:
    """A balanced report whose 上年结转 is ``carried`` applications and which keeps ``open_share`` open."""
    rng = random.Random(seed)
    table3 = balanced_table3(rng, Template.Y2021, new=40, carried=carried, open_share=open_share)
    table2, table4 = table2 or random_table2(rng), balanced_table4(rng)
    sections = generated_sections(agency, year, table2, table3, table4)
    return AnnualReport(agency, year, Template.Y2021, table2, table3, table4, sections)


def following_year(previous: AnnualReport, *, seed: int) -> AnnualReport:
    """The next year's report of the same agency, consistent with ``previous`` (nothing carried over).

    ``previous`` must carry nothing to the next year; 现行有效 continues from last year's count.
    """
    assert previous.agency is not None and previous.year is not None
    docs = {}
    for key in ("regulations", "normative_documents"):
        last = previous.table2.documents(key)
        assert last.in_force is not None
        docs[key] = DocumentCounts(issued=2, abolished=1, in_force=last.in_force + 1)
    table2 = replace(previous.table2, **docs)
    return pair_report(
        previous.agency, previous.year + 1, carried=0, open_share=0.0, seed=seed, table2=table2
    )


def write_json(path: Path, report: AnnualReport) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(jsonio.dumps(report), encoding="utf-8")
    return path


def make_mixed_folder(tmp_path: Path) -> Path:
    """Good reports, one with a wrong cell, broken files, and files a batch must ignore."""
    root = tmp_path / "reports"
    last_year = pair_report(AGENCY_A, 2022, carried=2, open_share=0.0, seed=1)
    write_json(root / "a" / "2022.json", last_year)
    write_json(root / "a" / "2023.json", following_year(last_year, seed=2))
    wrong = pair_report(AGENCY_B, 2023, carried=1, open_share=0.0, seed=3)
    # The wrong cell as a reader would leave it: with the raw text it came from.
    source = CellSource(raw="9 99", page=2, line=14)
    wrong = replace(wrong.with_cell("table3.new.natural", 999), provenance={"table3.new.natural": source})
    write_json(root / "b" / "2023.json", wrong)
    broken = root / "broken"
    broken.mkdir()
    (broken / "random.pdf").write_bytes(random.Random(4).randbytes(2000))
    (broken / "empty.txt").write_bytes(b"")
    (broken / "corrupt.docx").write_bytes(b"PK\x03\x04" + random.Random(5).randbytes(500))
    (broken / "cut.json").write_text(jsonio.dumps(last_year)[:300], encoding="utf-8")
    # Not reports, or not to be read: other types, hidden folders, Office lock files.
    (root / "list.csv").write_text("机构\n甲\n", encoding="utf-8")
    write_json(root / ".trash" / "old.json", last_year)
    write_json(root / "a" / "~$2023.json", last_year)
    return root
