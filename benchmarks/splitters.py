"""Our sentence splitter against pySBD (a maintained rule-based splitter): boundaries, extraction, speed.

Issue 14 asked whether a maintained splitter serves better than our regex. This
measures it, on demand (pySBD is not a dependency of the book):

    .venv/bin/python -m pip install pysbd && .venv/bin/python -m benchmarks.splitters

For each splitter: how often it agrees with the other on the seeds' paragraphs,
the request and quotation scores on the seeds' gold files, the challenge and
held-out sets, and the time to split every paragraph of the seeds 20 times.
Results go to ``benchmarks/results/splitters.json``.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable

from analysis.corpus.load import load_corpus
from analysis.corpus.segment import segment_corpus
from analysis.extract import sentences
from benchmarks.run import RESULTS

Splitter = Callable[[str], tuple[sentences.Sentence, ...]]


def pysbd_split() -> Splitter:
    """pySBD's English rules, with character offsets, as our :class:`~analysis.extract.sentences.Sentence`."""
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def split(text: str) -> tuple[sentences.Sentence, ...]:
        found = []
        for span in segmenter.segment(text):
            start, end = span.start, span.end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                found.append(sentences.Sentence(start, end, text[start:end]))
        return tuple(found)
    return split


def _stops_from(split: Splitter) -> Callable[[str], tuple[int, ...]]:
    def stops(text: str) -> tuple[int, ...]:
        ends = []
        for s in split(text):
            mark = re.search(r"[.!?][”\"’')\]]*$", s.text)
            if mark:
                ends.append(s.start + mark.start())
        return tuple(ends)
    return stops


def scores(split: Splitter) -> dict[str, float]:
    """Extraction scores with ``split`` in place of our splitter (every extractor reads sentences from it)."""
    from analysis.chapters import evaluate
    from analysis.extract.codebook import load_codebook
    from analysis.tables.export import build_tables

    original = sentences.split, sentences.stops
    sentences.split, sentences.stops = split, _stops_from(split)  # type: ignore[assignment]
    try:
        built = build_tables(load_corpus(), load_codebook())
        figures = {**evaluate.evaluate_quotes(built["quotes"]), **evaluate.evaluate_requests(built["requests"])}
        sets, _, _ = evaluate.accuracy()
    finally:
        sentences.split, sentences.stops = original
    out = {k: v for k, v in figures.items() if isinstance(v, float)}
    for row in sets.itertuples(index=False):
        out[f"{row.set} precision"], out[f"{row.set} recall"] = float(row.precision), float(row.recall)
    return out


def main() -> None:
    paragraphs = [p.text for p in segment_corpus(load_corpus().documents) if p.segment == "body"]
    ours, theirs = sentences.split.__wrapped__, pysbd_split()  # type: ignore[attr-defined]
    same = sum(1 for t in paragraphs if [(s.start, s.end) for s in ours(t)] == [(s.start, s.end) for s in theirs(t)])
    differ = [(t, [s.text for s in ours(t)], [s.text for s in theirs(t)]) for t in paragraphs
              if [(s.start, s.end) for s in ours(t)] != [(s.start, s.end) for s in theirs(t)]]
    result: dict[str, object] = {"body paragraphs": len(paragraphs), "same boundaries": same,
                                 "examples where they differ": [{"ours": o, "pysbd": p} for _, o, p in differ[:8]]}
    for name, split in (("ours", ours), ("pysbd", theirs)):
        started = time.perf_counter()
        for _ in range(20):
            for text in paragraphs:
                split(text)
        result[f"{name} seconds, 20 passes"] = round(time.perf_counter() - started, 3)
        result[f"{name} scores"] = scores(split)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "splitters.json").write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "examples where they differ"}, indent=1))


if __name__ == "__main__":
    main()
