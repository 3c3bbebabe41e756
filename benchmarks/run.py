"""Measure export throughput and peak memory on synthetic corpora (run on demand, not in make test).

    python -m benchmarks.run 100 1000 [10000 ...]

For each size: generate the corpus (seeded, cached under _build/bench/), run
``python -m analysis export`` in a fresh process, and record wall time, peak
resident memory of that process and documents per second in
``benchmarks/results/export-<n>.json``.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

from analysis import config
from benchmarks.generate import generate

RESULTS = Path(__file__).parent / "results"
CACHE = config.REPO_ROOT / "_build" / "bench"


def measure_export(n_docs: int) -> dict:
    """Export a synthetic corpus of ``n_docs`` documents in a child process; return the figures."""
    corpus = CACHE / f"corpus-{n_docs}"
    if not (corpus / "sources.yml").is_file():
        generate(corpus, n_docs)
    out = CACHE / f"out-{n_docs}"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "analysis", "export", "--corpus", str(corpus), "--out", str(out)],
                   check=True, capture_output=True)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    rows = sum(1 for _ in (out / "paragraphs.csv").open(encoding="utf-8")) - 1
    return {"n_docs": n_docs, "seconds": round(seconds, 2), "docs_per_second": round(n_docs / seconds, 1),
            "peak_rss_mb": round(max(peak_kb, before) / 1024, 1), "paragraph_rows": rows,
            "python": platform.python_version(), "cpus": os.cpu_count()}


def main(sizes: list[int]) -> None:
    RESULTS.mkdir(exist_ok=True)
    for n_docs in sizes:
        figures = measure_export(n_docs)
        (RESULTS / f"export-{n_docs}.json").write_text(json.dumps(figures, indent=2) + "\n")
        print(f"{n_docs:>7} docs: {figures['seconds']:>8.1f} s, {figures['docs_per_second']:>7.1f} docs/s, "
              f"peak {figures['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000])
