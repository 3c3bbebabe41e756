"""The benchmark tooling: a seeded generator, and a README summary that matches the recorded results.

The benchmarks themselves run on demand (``make bench``, ``make bench-build``),
never here: timings in a test would make it flaky and measure nothing useful.
"""

from __future__ import annotations

import json

from benchmarks import run
from benchmarks.generate import generate


def test_generator_is_seeded(tmp_path):
    a, b, c = (generate(tmp_path / name, 12, seed=seed) for name, seed in (("a", 3), ("b", 3), ("c", 4)))
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert len(files) == 13  # 12 texts and sources.yml
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
    assert any((a / f).read_bytes() != (c / f).read_bytes() for f in files)


def test_readme_summary_matches_the_recorded_results():
    run.report_main(check=True)  # raises SystemExit naming the fix when stale


def test_recorded_results_cover_what_the_issue_asks():
    exports = [json.loads(p.read_text()) for p in run.RESULTS.glob("export-*.json")]
    sizes = {(r["n_docs"], r["engine"]) for r in exports}
    assert {(1_000, "local"), (10_000, "local"), (100_000, "local"), (10_000, "dask")} <= sizes
    for r in exports:
        assert r["paragraph_rows"] > 15 * r["n_docs"]  # the corpus really was exported
        assert r["seconds"] > 0 and r["peak_rss_mb"] > 0 and r["cpus"] >= 1
    # issue 15: the 10,000-document export is measured beside the single-pass floor, in the same runs
    export = json.loads((run.RESULTS / "export-10000-local-2.json").read_text())
    assert len(export["runs_seconds"]) == len(export["floor_runs_seconds"]) == 3
    assert export["seconds"] == sorted(export["runs_seconds"])[1]  # the median
    assert export["floor_seconds"] == sorted(export["floor_runs_seconds"])[1]
    assert abs(export["ratio_to_floor"] - export["seconds"] / export["floor_seconds"]) < 0.01
    build = json.loads((run.RESULTS / "build.json").read_text())
    assert build["one_chapter_executed"] == ["embargo"]  # only the edited chapter re-ran
    assert build["warm_executed"] == []
