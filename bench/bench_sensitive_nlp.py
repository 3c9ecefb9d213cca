"""Established Chinese NLP as a signal for names and places (issue 14): measured, not adopted.

Run: ``.venv/bin/pip install jieba cpca`` then ``.venv/bin/python bench/bench_sensitive_nlp.py``.
Neither package is a dependency of Gongkai (see bench/RESULTS.md for why); this script keeps the
measurement reproducible. Both corpora, the detector alone and with each signal:

- jieba's part-of-speech tags: ``nr`` tokens as names, ``ns`` tokens as places, over whole texts;
- ``ours + jieba nr``: jieba's names added where the detector found nothing;
- ``ours + jieba on uncued cells``: jieba run only on the spans that need it (a surname and one or
  two characters standing alone in a cell or list item, not already found), kept if tagged ``nr``;
- cpca on the gold addresses (does it find the county?) and on non-addresses (does it refuse?).
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Sequence

from gongkai.sensitive import Finding, Kind, corpus, detect, published
from gongkai.sensitive.labelled import LabelledDocument, evaluate
from gongkai.sensitive.recognizers import _SURNAME, CJK

try:
    import cpca
    import jieba
    import jieba.posseg as pseg
except ImportError:  # pragma: no cover - a measurement script, not part of the product
    sys.exit("needs jieba and cpca: .venv/bin/pip install jieba cpca")

jieba.setLogLevel(60)
_CELL = re.compile(
    rf"(?:(?<=[ \t|、，,；;\n])|^)(?P<name>{_SURNAME}[{CJK}]{{1,2}})(?=$|[ \t|、，,；;\n：:（(])", re.M
)


def _tagged(text: str, tag: str, kind: Kind) -> list[Finding]:
    found, position = [], 0
    for word, flag in pseg.cut(text):
        if flag == tag and (kind != Kind.PERSON_NAME or 2 <= len(word) <= 4):
            found.append(Finding(kind, position, position + len(word), word, 0.6, f"jieba {tag}"))
        position += len(word)
    return found


def jieba_names(text: str) -> list[Finding]:
    return _tagged(text, "nr", Kind.PERSON_NAME)


def jieba_places(text: str) -> list[Finding]:
    return _tagged(text, "ns", Kind.ADDRESS)


def _free(finding: Finding, taken: Sequence[Finding]) -> bool:
    return all(finding.end <= f.start or finding.start >= f.end for f in taken)


def ours_and_jieba(text: str) -> list[Finding]:
    ours = detect(text)
    return sorted(ours + [f for f in jieba_names(text) if _free(f, ours)], key=lambda f: f.start)


def ours_and_jieba_on_cells(text: str) -> list[Finding]:
    ours = detect(text)
    extra = []
    for match in _CELL.finditer(text):
        start, end = match.span("name")
        candidate = Finding(Kind.PERSON_NAME, start, end, match["name"], 0.6, "jieba nr cell")
        if _free(candidate, ours):
            words = pseg.lcut(match["name"])
            if len(words) == 1 and words[0].flag == "nr":
                extra.append(candidate)
    return sorted(ours + extra, key=lambda f: f.start)


def _row(
    corpus_name: str, label: str, documents: list[LabelledDocument], run: Callable[[str], list[Finding]]
) -> str:
    chars = sum(len(d.text) for d in documents)
    start = time.process_time()
    for document in documents:
        run(document.text)
    seconds = time.process_time() - start
    result = evaluate(documents, run)
    names, addresses, total = result.by_kind[Kind.PERSON_NAME], result.by_kind[Kind.ADDRESS], result.total()
    return (
        f"| {corpus_name} | {label} | {chars / seconds:,.0f} | {names.precision:.3f} | {names.recall:.3f} | "
        f"{addresses.precision:.3f} | {addresses.recall:.3f} | {total.precision:.3f} | {total.recall:.3f} | "
        f"{total.f1:.3f} |"
    )


def main() -> int:
    corpora = {"generated": corpus.generate(20231, 250), "published": published.generate(14, 400)}
    pseg.lcut("预热")  # jieba loads its dictionary on first use: outside the timings
    print(
        "| corpus | detector | chars per CPU s | names P | names R | addresses P | addresses R | P | R | F1 |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    runs: dict[str, Callable[[str], list[Finding]]] = {
        "Gongkai": detect,
        "jieba nr only": jieba_names,
        "jieba ns only": jieba_places,
        "Gongkai + jieba nr": ours_and_jieba,
        "Gongkai + jieba on uncued cells": ours_and_jieba_on_cells,
    }
    for name, documents in corpora.items():
        for label, run in runs.items():
            print(_row(name, label, documents, run))
    print("\ncpca on the gold addresses (county found) and on non-addresses (wrongly parsed):")
    for name, documents in corpora.items():
        addresses = [e.text for d in documents for e in d.entities if e.kind == Kind.ADDRESS]
        start = time.process_time()
        table = cpca.transform(addresses)
        seconds = time.process_time() - start
        found = (table["区"].notna() & (table["区"] != "")).mean()
        rate = len(addresses) / seconds
        print(f"  {name}: {len(addresses)} addresses, county found {found:.3f}, {rate:,.0f} per s")
    others = ["平湖市人民政府办公室关于印发通知的函", "新埭镇泖口村村民委员会", "会议听取了关于项目的汇报"]
    parsed = cpca.transform(others)
    print("  non-addresses parsed as an address:", int(parsed["区"].notna().sum()), "of", len(others))
    return 0


if __name__ == "__main__":
    sys.exit(main())
