"""The detector's findings on every labelled corpus, for speed work that must not change them.

A speed change to ``gongkai.sensitive`` is only a speed change if every finding stays the same.
This tool writes the findings (kind, start, end, score) of every document of every corpus to a
JSON file, or compares the current code's findings with such a file:

    .venv/bin/python bench/sensitive_fingerprint.py --write /tmp/before.json
    ... change the code ...
    .venv/bin/python bench/sensitive_fingerprint.py --compare /tmp/before.json

``--compare`` prints each document that differs (up to 20) and exits 1 if any does.

``--passes N`` instead runs ``detect`` N times over ``generate(20231, 400)`` (the bench's corpus)
and nothing else: the driver for a deterministic instruction count, per pass = (count at 3 passes
− count at 1 pass) / 2 under ``PYTHONHASHSEED=0 valgrind --tool=cachegrind``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from gongkai.sensitive import detect
from gongkai.sensitive.annotated_volumes import VOLUMES, corpus_name
from gongkai.sensitive.corpus import generate
from gongkai.sensitive.holdout_corpus import holdout_cases
from gongkai.sensitive.independent_corpus import documents as independent_documents
from gongkai.sensitive.published import generate as generate_published

# Every corpus the detector is measured on, as a list of texts.
CORPORA: dict[str, Callable[[], list[str]]] = {
    "generated": lambda: [d.text for d in generate(20231, 400)],
    "published": lambda: [d.text for d in generate_published(20231, 400)],
    "independent": lambda: [d.text for d in independent_documents()],
    "holdout": lambda: [c.document.text for c in holdout_cases(20261207)],
    **{
        corpus_name(letter): (lambda load=load: [c.document.text for c in load()])
        for letter, load in VOLUMES.items()
    },
}


def fingerprint() -> dict[str, list[list[tuple[str, int, int, float]]]]:
    return {
        name: [[(f.kind.value, f.start, f.end, f.score) for f in detect(text)] for text in texts()]
        for name, texts in CORPORA.items()
    }


def compare(
    before: dict[str, list[list[list[object]]]], after: dict[str, list[list[tuple[str, int, int, float]]]]
) -> int:
    differing = 0
    for name, documents in after.items():
        for index, findings in enumerate(documents):
            old = [tuple(f) for f in before.get(name, [[]] * len(documents))[index]]
            if old != findings:
                differing += 1
                if differing <= 20:
                    lost, new = sorted(set(old) - set(findings)), sorted(set(findings) - set(old))
                    print(f"{name}[{index}]: lost {lost[:5]} new {new[:5]}")
    total = sum(len(documents) for documents in after.values())
    print(f"{differing} of {total} documents differ")
    return differing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", metavar="FILE")
    mode.add_argument("--compare", metavar="FILE")
    mode.add_argument("--passes", type=int)
    args = parser.parse_args()
    if args.passes is not None:
        texts = CORPORA["generated"]()
        for _ in range(args.passes):
            for text in texts:
                detect(text)
        return
    if args.write:
        with open(args.write, "w", encoding="utf-8") as out:
            json.dump(fingerprint(), out)
        return
    with open(args.compare, encoding="utf-8") as saved:
        before = json.load(saved)
    sys.exit(1 if compare(before, fingerprint()) else 0)


if __name__ == "__main__":
    main()
