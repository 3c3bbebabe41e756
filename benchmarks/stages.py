"""Seconds per extraction stage over a corpus, in one process and without a profiler.

Profilers inflate many small calls; this times each stage with a clock instead.
It imports only modules that existed before the profiling work, so it can also
measure an older checkout (that is how ``results/baseline/stages-1000.json`` was made):

    git worktree add /tmp/base 9a42c2d
    cd /tmp/base && PYTHONPATH=/tmp/base python /path/to/benchmarks/stages.py CORPUS_DIR --out FILE

Normally run through ``python -m benchmarks.run stages 1000``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import time
from pathlib import Path

STAGES = ("load", "segment", "mentions", "quotes", "requests", "dates", "themes")


def measure_stages(corpus_dir: Path) -> dict:
    """Seconds spent in each stage (corpus loading, then the extractors document by document)."""
    from analysis.corpus.load import load_corpus
    from analysis.corpus.segment import segment_document
    from analysis.extract.codebook import codebook_path, load_codebook
    from analysis.extract.dates import extract_dates
    from analysis.extract.mentions import extract_mentions
    from analysis.extract.quotes import extract_quotes
    from analysis.extract.requests import extract_requests
    from analysis.extract.themes import extract_themes

    seconds = dict.fromkeys(STAGES, 0.0)

    def timed(stage: str, fn, *args):
        start = time.perf_counter()
        result = fn(*args)
        seconds[stage] += time.perf_counter() - start
        return result

    corpus = timed("load", load_corpus, corpus_dir)
    codebook = load_codebook(codebook_path(corpus.root))
    for doc in corpus.documents:
        paragraphs, bounds = timed("segment", segment_document, doc), doc.source.date_range
        mentions = timed("mentions", extract_mentions, paragraphs, codebook, bounds)
        quotes = timed("quotes", extract_quotes, paragraphs, mentions, codebook)
        timed("requests", extract_requests, paragraphs, mentions, quotes, codebook)
        timed("dates", extract_dates, paragraphs, bounds)
        timed("themes", extract_themes, paragraphs, codebook)
    return {"seconds": {stage: round(value, 2) for stage, value in seconds.items()},
            "total": round(sum(seconds.values()), 2)}


def measure_median(corpus_dir: Path, repeat: int = 3) -> dict:
    """:func:`measure_stages` ``repeat`` times; the median of each stage (runs on a shared VM vary by ~20%)."""
    runs = [measure_stages(corpus_dir) for _ in range(repeat)]
    seconds = {stage: statistics.median(run["seconds"][stage] for run in runs) for stage in STAGES}
    return {"seconds": seconds, "total": round(sum(seconds.values()), 2),
            "totals_of_runs": [run["total"] for run in runs]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    import analysis

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=Path(analysis.__file__).parent,
                            capture_output=True, text=True).stdout.strip()
    n_docs = sum(1 for _ in (args.corpus / "raw").glob("*.txt"))
    figures = {"n_docs": n_docs, **measure_median(args.corpus), "commit": commit}
    args.out.write_text(json.dumps(figures, indent=2) + "\n")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
