"""Every export engine writes the same bytes, and a bad document stops each one cleanly.

The engines (this process, local worker processes, a Dask LocalCluster) run the
same per-batch function; only where it runs differs. Batches are made small here
(BATCH = 7) so the seeds and a 60-document synthetic corpus span several batches
and the workers really do return results out of order.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from analysis import config
from analysis.corpus.load import load_corpus
from analysis.errors import CorpusError
from analysis.tables import export
from analysis.tables.engines import DaskEngine, ProcessEngine, SerialEngine, make_engine
from analysis.tables.export import TABLES, build_tables, export_tables
from benchmarks.generate import generate
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    return generate(tmp_path_factory.mktemp("synthetic"), 60, seed=7)


@pytest.fixture(scope="module")
def engines():
    """One engine of each kind, started once: a LocalCluster takes seconds to start."""
    started = {"serial": SerialEngine(), "processes": ProcessEngine(2), "dask": DaskEngine(workers=2)}
    yield started
    for engine in started.values():
        engine.close()


def _export_all(corpus_root: Path, out: Path, engines: dict, fmt: str) -> dict[str, dict[str, bytes]]:
    written = {}
    for name, engine in engines.items():
        export_tables(load_corpus(corpus_root, read_texts=False), out / name, fmt, engine=engine)
        written[name] = {table: (out / name / f"{table}.{fmt}").read_bytes() for table in TABLES}
    return written


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
@pytest.mark.parametrize("which", ["seeds", "synthetic"])
def test_every_engine_writes_byte_identical_tables(which, fmt, synthetic, engines, tmp_path, monkeypatch):
    monkeypatch.setattr(export, "BATCH", 7)
    root = config.DATA_DIR if which == "seeds" else synthetic
    written = _export_all(root, tmp_path, engines, fmt)
    assert written["processes"] == written["serial"]
    assert written["dask"] == written["serial"]
    if fmt == "csv":  # and they are the real tables, not three identical empty files
        whole = build_tables(load_corpus(root))
        assert written["serial"]["documents"].count(b"\n") == (5 if which == "seeds" else 60) + 1
        assert written["serial"]["requests"].count(b"\n") - 1 == len(whole["requests"]) >= 14


def _corpus_with_a_bad_document(root: Path, synthetic: Path) -> Path:
    """The synthetic corpus with document 40 given a segmentation hint that matches nothing."""
    shutil.copytree(synthetic, root)
    data = yaml.safe_load((root / "sources.yml").read_text(encoding="utf-8"))
    data["documents"][40]["segmentation"] = {"standfirst": "This line is not in the text"}
    (root / "sources.yml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return root


@pytest.mark.parametrize("engine_name", ["serial", "processes", "dask"])
def test_a_bad_document_half_way_stops_the_export_and_keeps_the_old_tables(
        engine_name, engines, synthetic, tmp_path, monkeypatch):
    monkeypatch.setattr(export, "BATCH", 7)
    out = tmp_path / "tables"
    export_tables(load_corpus(config.DATA_DIR), out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    bad = _corpus_with_a_bad_document(tmp_path / "bad", synthetic)
    with pytest.raises(CorpusError) as error:  # raised on a worker, rebuilt intact here
        export_tables(load_corpus(bad, read_texts=False), out, engine=engines[engine_name])
    assert "entry 'gen-000040'" in error.value.message
    assert "segmentation hint 'standfirst'" in error.value.message
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no staging folder, no half tables


def test_a_text_file_spoilt_after_validation_is_refused_when_reached(synthetic, tmp_path):
    """With lazy reading, a bad file is found when its batch is read, and nothing is written."""
    root = shutil.copytree(synthetic, tmp_path / "corpus")
    (root / "raw" / "gen-000050.txt").write_bytes("Caf\xe9\n".encode("latin-1"))
    corpus = load_corpus(root, read_texts=False)  # presence only: passes
    with pytest.raises(CorpusError, match="gen-000050.txt.*not valid UTF-8"):
        export_tables(corpus, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_cli_dask_engine_matches_the_default(tmp_path):
    default = run_cli("export", "--out", str(tmp_path / "default"))
    dask = run_cli("export", "--engine", "dask", "--jobs", "2", "--out", str(tmp_path / "dask"))
    assert default.returncode == 0 and dask.returncode == 0, dask.stderr
    for table in TABLES:
        assert (tmp_path / "dask" / f"{table}.csv").read_bytes() == (tmp_path / "default" / f"{table}.csv").read_bytes()


@pytest.mark.parametrize("args, message", [
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler is for --engine dask"),
    (["--engine", "dask", "--scheduler", "not-an-address"], "cannot reach the Dask scheduler at 'not-an-address'"),
    (["--jobs", "0"], "'0' is not a whole number of at least 1"),
])
def test_cli_engine_options_are_checked(args, message, tmp_path):
    result = run_cli("export", "--out", str(tmp_path / "out"), *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert message in result.stderr.strip().splitlines()[-1]


def test_make_engine_uses_one_process_when_asked():
    assert isinstance(make_engine("local", jobs=1), SerialEngine)
    with pytest.raises(ValueError, match="--engine dask"):
        make_engine("local", scheduler="tcp://127.0.0.1:8786")


def test_workers_running_other_code_are_refused():
    from analysis.tables.engines import EngineError, check_same_code, package_digest

    here = package_digest()
    check_same_code(here, {"tcp://10.0.0.5:4001": here})
    with pytest.raises(EngineError, match=r"worker at tcp://10\.0\.0\.6:4001 runs different analysis code"):
        check_same_code(here, {"tcp://10.0.0.5:4001": here, "tcp://10.0.0.6:4001": "0" * 64})
    with pytest.raises(EngineError, match="has no workers"):
        check_same_code(here, {})


def test_a_worker_process_that_dies_is_reported_in_one_line():
    import os

    from analysis.tables.engines import EngineError

    engine = ProcessEngine(1)
    try:
        with pytest.raises(EngineError, match="a worker process died"):
            list(engine.map_ordered(os._exit, [3]))
    finally:
        engine.close()


def test_dask_engine_without_distributed_says_what_to_install(monkeypatch):
    import sys

    from analysis.tables.engines import EngineError

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    with pytest.raises(EngineError, match=r"pip install 'dask\[distributed\]'"):
        DaskEngine()
