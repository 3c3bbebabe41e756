"""Measure the export and the book build (run on demand, never in ``make test``).

    python -m benchmarks.run export 1000 10000 [--engine local|dask] [--jobs N]
    python -m benchmarks.run profile 1000          # pyinstrument report of a one-process export
    python -m benchmarks.run stages 1000           # seconds per extraction stage, one process
    python -m benchmarks.run build                 # cold, warm no-op, one-chapter edit, make test
    python -m benchmarks.run report [--check]      # the README's summary table, from the JSON files

Every figure is written to ``benchmarks/results/*.json`` with the machine it was
measured on; ``report`` rewrites the table between the ``benchmarks`` markers in
the README from those files (and ``--check``, used by the tests, fails when the
README is stale). Synthetic corpora are generated (seeded) and cached under
``_build/bench/``. Export runs happen in a fresh child process; peak memory is
the largest *sum* of resident memory over that process and all its workers,
sampled every 50 ms, so a parallel run is not flattered by splitting its memory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

from analysis import config
from analysis.tables.engines import ENGINES, available_cpus
from benchmarks.generate import generate
from benchmarks.stages import STAGES, measure_median

RESULTS = Path(__file__).parent / "results"
BASELINE = RESULTS / "baseline"
CACHE = config.REPO_ROOT / "_build" / "bench"
README = config.REPO_ROOT / "README.md"
MARKERS = ("<!-- benchmarks:start -->", "<!-- benchmarks:end -->")
EDITED_CHAPTER = "book/embargo.ipynb"
SELF_TEST = "tests/test_benchmarks.py::test_recorded_results_cover_what_the_issue_asks"


def machine() -> dict:
    """What the figures were measured on."""
    return {"python": platform.python_version(), "cpus": available_cpus(), "machine": platform.machine(),
            "commit": _git("rev-parse", "--short", "HEAD"), "date": dt.date.today().isoformat()}


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=config.REPO_ROOT, capture_output=True, text=True).stdout.strip()


def run_measured(cmd: list[str], cwd: Path | None = None, env: dict | None = None,
                 check: bool = True) -> tuple[float, float, str]:
    """Run ``cmd``; return (wall seconds, peak summed RSS of it and its descendants in MB, output).

    With ``check`` a failing command stops the benchmark; without, its output is
    returned for the caller to record (``make test`` reports its own failures).
    """
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak, done = [0], threading.Event()

    def sample() -> None:
        root = psutil.Process(proc.pid)
        while not done.wait(0.05):
            try:
                procs = [root, *root.children(recursive=True)]
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                peak[0] = max(peak[0], total)
            except psutil.Error:
                return

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode and check:
        raise SystemExit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n{output[-3000:]}")
    return seconds, peak[0] / 2**20, output


def corpus_of(n_docs: int) -> Path:
    """The seeded synthetic corpus of ``n_docs`` documents (generated once, then reused)."""
    corpus = CACHE / f"corpus-{n_docs}"
    if not any((corpus / name).is_file() for name in ("sources.yml", "sources.jsonl")):
        generate(corpus, n_docs)
    return corpus


FLOOR = Path(__file__).parent / "export_floor.py"
REPEAT = 3  # runs of each figure; the median is reported (a shared VM varies by ~20% from run to run)


def measure_floor(corpus: Path) -> float:
    """Seconds of the single-pass floor over ``corpus`` (benchmarks/export_floor.py), in a child process."""
    codebook = config.REPO_ROOT / "data" / "codebook.yml"
    seconds, _, _ = run_measured([sys.executable, str(FLOOR), str(corpus), str(codebook)])
    return seconds


def measure_export(n_docs: int, engine: str, jobs: int | None, repeat: int = REPEAT) -> dict:
    """Export a synthetic corpus in a child process ``repeat`` times, each beside a run of the floor; the medians.

    The floor runs right before each export on the same machine, so their ratio holds however fast the machine.
    """
    corpus, out = corpus_of(n_docs), CACHE / f"out-{n_docs}-{engine}"
    cmd = [sys.executable, "-m", "analysis", "export", "--corpus", str(corpus), "--out", str(out), "--engine", engine]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    floors, runs, peaks = [], [], []
    for _ in range(repeat):
        floors.append(measure_floor(corpus))
        seconds, peak_mb, _ = run_measured(cmd)
        runs.append(seconds)
        peaks.append(peak_mb)
    seconds, floor = statistics.median(runs), statistics.median(floors)
    rows = sum(1 for _ in (out / "paragraphs.csv").open(encoding="utf-8")) - 1
    return {"n_docs": n_docs, "engine": engine, "jobs": jobs or available_cpus(), "seconds": round(seconds, 2),
            "runs_seconds": [round(r, 2) for r in runs], "floor_seconds": round(floor, 2),
            "floor_runs_seconds": [round(f, 2) for f in floors], "ratio_to_floor": round(seconds / floor, 2),
            "docs_per_second": round(n_docs / seconds, 1), "peak_rss_mb": round(max(peaks), 1),
            "paragraph_rows": rows, "corpus_mb": round(_size(corpus) / 2**20, 1), **machine()}


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def export_main(sizes: list[int], engine: str, jobs: int | None, repeat: int = REPEAT) -> None:
    RESULTS.mkdir(exist_ok=True)
    for n_docs in sizes:
        figures = measure_export(n_docs, engine, jobs, repeat)
        name = f"export-{n_docs}-{engine}-{figures['jobs']}.json"
        (RESULTS / name).write_text(json.dumps(figures, indent=2) + "\n")
        print(f"{n_docs:>7} docs, {engine} x{figures['jobs']}: {figures['seconds']:>7.1f} s "
              f"(median of {len(figures['runs_seconds'])}), floor {figures['floor_seconds']:.1f} s, "
              f"ratio {figures['ratio_to_floor']:.2f}, {figures['docs_per_second']:>6.1f} docs/s, "
              f"peak {figures['peak_rss_mb']:.0f} MB -> {name}")


def profile_main(n_docs: int) -> None:
    """A pyinstrument report of a one-process export, for finding what dominates."""
    out = RESULTS / f"profile-export-{n_docs}.txt"
    cmd = [sys.executable, "-m", "pyinstrument", "--show-all", "-o", str(out), "-m", "analysis", "export",
           "--corpus", str(corpus_of(n_docs)), "--out", str(CACHE / f"out-{n_docs}-profile"), "--jobs", "1"]
    run_measured(cmd)
    print(f"wrote {out}")


def build_main() -> None:
    """Time the book in a fresh clone of HEAD: cold build, warm no-op, one edited chapter, make test."""
    clone = CACHE / "clone"
    shutil.rmtree(clone, ignore_errors=True)
    subprocess.run(["git", "clone", "--quiet", str(config.REPO_ROOT), str(clone)], check=True)
    # Share this checkout's environment; touching the stamp tells make it is current.
    (clone / ".venv").symlink_to(config.REPO_ROOT / ".venv")
    (config.REPO_ROOT / ".venv" / ".installed").touch()
    env = {**os.environ, "PYTHONPATH": str(clone)}  # the clone's package, not the editable install's
    make = ["make", "--no-print-directory"]
    figures: dict = {"chapter_edited": EDITED_CHAPTER, **machine()}
    figures["cold_html_seconds"], _, log = run_measured([*make, "html"], cwd=clone, env=env)
    figures["cold_executed"] = _executed(log)
    figures["warm_noop_seconds"], _, log = run_measured([*make, "html"], cwd=clone, env=env)
    figures["warm_executed"] = _executed(log)
    _edit_code_cell(clone / EDITED_CHAPTER)
    figures["one_chapter_seconds"], _, log = run_measured([*make, "html"], cwd=clone, env=env)
    figures["one_chapter_executed"] = _executed(log)
    subprocess.run(["git", "checkout", "--quiet", "--", EDITED_CHAPTER], cwd=clone, check=True)
    figures["make_test_seconds"], _, log = run_measured([*make, "test"], cwd=clone, env=env, check=False)
    figures["make_test_summary"] = (re.findall(r"=+ ((?:\d+ \w+, )*\d+ passed[^=]*?) =+", log) or ["?"])[-1]
    figures["make_test_failed"] = re.findall(r"^FAILED (\S+)", log, re.MULTILINE)
    (CACHE / "make-test.log").write_text(log, encoding="utf-8")
    figures["warm_noop_percent_of_cold"] = round(100 * figures["warm_noop_seconds"] / figures["cold_html_seconds"], 1)
    for key in list(figures):
        if key.endswith("_seconds"):
            figures[key] = round(figures[key], 1)
    (RESULTS / "build.json").write_text(json.dumps(figures, indent=2) + "\n")
    print(json.dumps(figures, indent=2))


def _executed(log: str) -> list[str]:
    """The chapters a build executed, from myst-nb's log lines."""
    return sorted({name for line in log.splitlines() if "Executing notebook using" in line
                   for name in re.findall(r"([\w-]+)\.ipynb", line)})


def _edit_code_cell(path: Path) -> None:
    """A neutral edit to the chapter's first code cell: a comment line, so its outputs stay the same."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    cell = next(c for c in notebook["cells"] if c["cell_type"] == "code")
    source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
    cell["source"] = source + "\n# edited by benchmarks/run.py build"
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def report() -> str:
    """The README's benchmark tables, from the JSON results."""
    lines = ["| documents | engine | time | floor (one pass) | × floor | docs/s | peak memory (all processes) |",
             "|---|---|---|---|---|---|---|"]
    for path in sorted(RESULTS.glob("export-*.json"), key=lambda p: _order(json.loads(p.read_text()))):
        r = json.loads(path.read_text())
        floor = (f"{r['floor_seconds']:,.1f} s | {r['ratio_to_floor']:.2f}" if "floor_seconds" in r
                 else "not measured | –")
        runs = f" (median of {len(r['runs_seconds'])})" if len(r.get("runs_seconds", [])) > 1 else ""
        lines.append(f"| {r['n_docs']:,} | {r['engine']} × {r['jobs']} | {r['seconds']:,.1f} s{runs} | {floor} | "
                     f"{r['docs_per_second']:,.0f} | {r['peak_rss_mb']:,.0f} MB |")
    for path in sorted(BASELINE.glob("export-*.json"), key=lambda p: json.loads(p.read_text())["n_docs"]):
        r = json.loads(path.read_text())
        lines.append(f"| {r['n_docs']:,} | {r.get('label', 'before profiling (9a42c2d), one process')} | "
                     f"{r['seconds']:,.1f} s | {r.get('floor_seconds', '–')} | {r.get('ratio_to_floor', '–')} | "
                     f"{r['docs_per_second']:,.0f} | {r['peak_rss_mb']:,.0f} MB |")
    after, before = RESULTS / "stages-1000.json", BASELINE / "stages-1000.json"
    if after.is_file() and before.is_file():
        a, b = json.loads(after.read_text()), json.loads(before.read_text())
        lines += ["", f"| stage, 1,000 documents, one process | before ({b['commit']}) | after ({a['commit']}) |",
                  "|---|---|---|"]
        lines += [f"| {stage} | {b['seconds'][stage]} s | {a['seconds'][stage]} s |" for stage in STAGES]
        lines.append(f"| all (median of each stage over 3 runs; run totals {b['totals_of_runs']} and "
                     f"{a['totals_of_runs']}) | {b['total']} s | {a['total']} s |")
    build = RESULTS / "build.json"
    if build.is_file():
        b = json.loads(build.read_text())
        lines += ["", "| book build (fresh clone) | time | chapters executed |", "|---|---|---|",
                  f"| cold `make html` | {b['cold_html_seconds']} s | {len(b['cold_executed'])} |",
                  f"| warm no-op `make html` | {b['warm_noop_seconds']} s "
                  f"({b['warm_noop_percent_of_cold']}% of cold) | {len(b['warm_executed'])} |",
                  f"| after editing a code cell of `{b['chapter_edited']}` | {b['one_chapter_seconds']} s | "
                  f"{', '.join(b['one_chapter_executed']) or 'none'} |",
                  f"| `make test` (both builds, PDF, every test) | {b['make_test_seconds']} s | "
                  f"{b['make_test_summary']} |"]
        if b.get("make_test_failed"):
            lines += ["", "Failed in that run: " + ", ".join(f"`{t}`" for t in b["make_test_failed"]) + "."]
        if b.get("make_test_failed") == [SELF_TEST]:
            lines[-1] += (" That test reads this results file, which the clone being measured cannot have yet;"
                          " it passes once the file is committed.")
    first = json.loads(next(RESULTS.glob("*.json")).read_text()) if any(RESULTS.glob("*.json")) else {}
    where = f"Measured on {first.get('cpus', '?')} cores, Python {first.get('python', '?')}" if first else ""
    return "\n".join([where, "", *lines]) if where else "\n".join(lines)


def _order(r: dict) -> tuple:
    return (r["n_docs"], ENGINES.index(r["engine"]), r["jobs"])


def report_main(check: bool) -> None:
    text = README.read_text(encoding="utf-8")
    start, end = (text.index(marker) for marker in MARKERS)
    updated = text[:start + len(MARKERS[0])] + "\n" + report() + "\n" + text[end:]
    if check:
        if updated != text:
            raise SystemExit("README's benchmark table is stale: run python -m benchmarks.run report")
        return
    README.write_text(updated, encoding="utf-8")
    print("updated the README's benchmark table")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    export = sub.add_parser("export", help="export throughput and peak memory on synthetic corpora")
    export.add_argument("sizes", type=int, nargs="*", default=[1000, 10000])
    export.add_argument("--engine", choices=ENGINES, default="local")
    export.add_argument("--jobs", type=int)
    export.add_argument("--repeat", type=int, default=REPEAT, help="runs of each figure; the median is kept")
    profile = sub.add_parser("profile", help="pyinstrument report of a one-process export")
    profile.add_argument("size", type=int, nargs="?", default=1000)
    stages = sub.add_parser("stages", help="seconds per extraction stage, one process")
    stages.add_argument("size", type=int, nargs="?", default=1000)
    stages.add_argument("--out", type=Path, help="JSON file to write (default: results/stages-<size>.json)")
    sub.add_parser("build", help="cold, warm, one-chapter and make test times in a fresh clone")
    rep = sub.add_parser("report", help="rewrite the README's benchmark table from the results")
    rep.add_argument("--check", action="store_true", help="fail if the README is stale instead")
    args = parser.parse_args(argv)
    if args.command == "export":
        export_main(args.sizes, args.engine, args.jobs, args.repeat)
    elif args.command == "profile":
        profile_main(args.size)
    elif args.command == "stages":
        figures = {"n_docs": args.size, **measure_median(corpus_of(args.size)), **machine()}
        out = args.out or RESULTS / f"stages-{args.size}.json"
        out.write_text(json.dumps(figures, indent=2) + "\n")
        print(json.dumps(figures["seconds"]), f"total {figures['total']} s -> {out}")
    elif args.command == "build":
        build_main()
    else:
        report_main(args.check)


if __name__ == "__main__":
    main()
