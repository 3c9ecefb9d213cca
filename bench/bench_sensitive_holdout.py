"""The detector on a held-out corpus, for the record: the generated one
(``gongkai.sensitive.holdout_corpus``, the default) or the hand-written annotated one
(``gongkai.sensitive.annotated_corpus``, fixed text: the seed does not apply), or its volume B
(``gongkai.sensitive.annotated_corpus_b``, written independently of the detector: issue 14), or its
volume C (``gongkai.sensitive.annotated_corpus_c``: documents as they look after conversion from PDF,
web pages, spreadsheets, scans, forms and messages), or volume D (``gongkai.sensitive.annotated_corpus_d``:
unseen documents by another writer and method, values drawn from published distributions in all 31
provinces, genres and layouts not emphasised before), or volume E (``gongkai.sensitive.annotated_corpus_e``:
unseen long documents in running prose, personal data inside sentences), or volume F
(``gongkai.sensitive.annotated_corpus_f``: unseen whole documents, each composed on its own), or
the generated and published-style corpora of the other benches (``corpus.generate(20231, 250)``,
``published.generate(14, 400)``, no decoys).

Run: ``.venv/bin/python bench/bench_sensitive_holdout.py
[--corpus holdout|annotated|annotated_b|annotated_c|annotated_d|annotated_e|annotated_f|generated|published]
[--thorough] [seed]``. ``--thorough``: the thorough mode (``model_names.detect_thorough``, LAC on
windows; needs ``pip install 'gongkai[nlp]'``), the model loaded before the timing.
Prints per-kind precision, recall
and F1 (IoU >= 0.5 on the same kind, ``labelled.evaluate``), the decoys flagged (a finding of any
kind overlapping a decoy span), and up to 10 misses and false positives per kind with context.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict

from gongkai.sensitive import Kind, corpus, detect, published
from gongkai.sensitive.annotated_volumes import VOLUMES, corpus_name
from gongkai.sensitive.holdout_corpus import HoldoutCase, holdout_cases
from gongkai.sensitive.labelled import DecoyedDocument, LabelledDocument, evaluate
from gongkai.sensitive.model_names import detect_thorough

EXAMPLES = 10


def _context(text: str, start: int, end: int) -> str:
    before, after = text[max(0, start - 12) : start], text[end : end + 8]
    return (before + "【" + text[start:end] + "】" + after).replace("\n", "⏎")


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _without_decoys(documents: list[LabelledDocument]) -> list[HoldoutCase]:
    return [DecoyedDocument(document, ()) for document in documents]


def main() -> None:
    parser = argparse.ArgumentParser(description="The detector on a held-out labelled corpus.")
    volumes = {corpus_name(letter): load for letter, load in VOLUMES.items()}
    generated = ("generated", "published")
    parser.add_argument("--corpus", default="holdout", choices=("holdout", *volumes, *generated))
    parser.add_argument("--thorough", action="store_true", help="the thorough mode (LAC on windows)")
    parser.add_argument("seed", nargs="?", type=int, default=20261207, help="holdout corpus only")
    args = parser.parse_args()
    seed = args.seed
    corpora = {"holdout": lambda: holdout_cases(seed), **volumes,
               "generated": lambda: _without_decoys(corpus.generate(20231, 250)),
               "published": lambda: _without_decoys(published.generate(14, 400))}
    cases: list[HoldoutCase] = corpora[args.corpus]()
    documents = [case.document for case in cases]
    run = detect_thorough if args.thorough else detect
    run("预热：张三在北京工作。")  # the model loads on first use: outside the timing
    started, cpu = time.perf_counter(), time.process_time()
    by_text = {doc.text: run(doc.text) for doc in documents}
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    result = evaluate(documents, by_text.__getitem__)
    chars = sum(len(doc.text) for doc in documents)
    source = {"holdout": f"held-out corpus: seed {seed}", "annotated": "annotated corpus",
              "annotated_b": "annotated corpus, volume B",
              "annotated_c": "annotated corpus, volume C",
              "annotated_d": "annotated corpus, volume D",
              "annotated_e": "annotated corpus, volume E",
              "annotated_f": "annotated corpus, volume F", "generated": "generated corpus: seed 20231",
              "published": "published-style corpus: seed 14"}[args.corpus]
    print(f"{source}, {len(documents)} documents, {chars} characters, "
          f"{sum(len(d.entities) for d in documents)} entities, {sum(len(c.decoys) for c in cases)} decoys; "
          f"{'thorough' if args.thorough else 'detect'} {elapsed:.2f} s, {chars / cpu:,.0f} chars per CPU s")
    print(f"{'kind':16} {'gold':>5} {'tp':>5} {'fp':>4} {'fn':>4} {'exact':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for kind in Kind:
        c = result.by_kind[kind]
        print(f"{kind.value:16} {c.tp + c.fn:5} {c.tp:5} {c.fp:4} {c.fn:4} {c.exact:5} "
              f"{c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}")
    total = result.total()
    print(f"{'all':16} {total.tp + total.fn:5} {total.tp:5} {total.fp:4} {total.fn:4} {total.exact:5} "
          f"{total.precision:6.3f} {total.recall:6.3f} {total.f1:6.3f}")

    flagged: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    flagged_examples: list[str] = []
    misses: defaultdict[str, list[str]] = defaultdict(list)
    false_positives: defaultdict[str, list[str]] = defaultdict(list)
    for case in cases:
        text, found = case.document.text, by_text[case.document.text]
        for decoy in case.decoys:
            totals[decoy.what] += 1
            hits = [f for f in found if _overlap(f.start, f.end, decoy.start, decoy.end)]
            if hits:
                flagged[decoy.what] += 1
                if len(flagged_examples) < 3 * EXAMPLES:
                    flagged_examples.append(f"{decoy.what}: {_context(text, decoy.start, decoy.end)} as "
                                            + ", ".join(f"{h.kind.value}「{h.text}」" for h in hits))
        gold = {(e.kind, e.start, e.end) for e in case.document.entities}
        exact = {(f.kind, f.start, f.end) for f in found}
        for entity in case.document.entities:
            span = (entity.start, entity.end)
            near = [f for f in found if f.kind == entity.kind and _overlap(f.start, f.end, *span)]
            if not near:
                misses[entity.kind.value].append(_context(text, entity.start, entity.end))
            elif (entity.kind, entity.start, entity.end) not in exact:
                example = f"gold「{entity.text}」found「{near[0].text}」"
                misses[entity.kind.value + " (span differs)"].append(example)
        for f in found:
            if not any(k == f.kind and _overlap(f.start, f.end, s, e) for k, s, e in gold):
                false_positives[f.kind.value].append(_context(text, f.start, f.end))
    print("\ndecoys flagged:", sum(flagged.values()), "of", sum(totals.values()))
    for what in sorted(totals):
        print(f"  {what}: {flagged[what]} / {totals[what]}")
    for line in flagged_examples:
        print("   ", line)
    tables = (("misses (no overlapping finding of the kind)", misses), ("false positives", false_positives))
    for title, table in tables:
        print(f"\n{title}:")
        for name in sorted(table):
            print(f"  {name} ({len(table[name])}):")
            for example in table[name][:EXAMPLES]:
                print("    ", example)


if __name__ == "__main__":
    main()
