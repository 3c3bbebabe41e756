"""The exported tables, byte for byte, against digests recorded before the package was restructured (issue 14).

A refactoring must not change a single byte of any table, on the seeds or on
the 1,000-document synthetic corpus, whichever manifest form the corpus uses.
When extraction is changed on purpose, record the new digests with
``python -m tests.test_table_digests`` and say why in the commit.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from analysis import config
from benchmarks.generate import generate
from tests.conftest import run_cli

DIGESTS = config.REPO_ROOT / "tests" / "fixtures" / "table-digests.json"


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.csv"))}


def export(corpus: Path | None, out: Path) -> dict[str, str]:
    args = ["export", "--out", str(out), "--jobs", "2"] + (["--corpus", str(corpus)] if corpus else [])
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    return digests(out)


@pytest.fixture(scope="module")
def recorded() -> dict[str, dict[str, str]]:
    return json.loads(DIGESTS.read_text(encoding="utf-8"))


def test_the_seeds_export_the_recorded_bytes(tmp_path, recorded):
    assert export(None, tmp_path / "out") == recorded["seeds"]


@pytest.mark.parametrize("manifest", ["yml", "jsonl"])
def test_the_synthetic_corpus_exports_the_recorded_bytes(tmp_path, recorded, manifest):
    corpus = generate(tmp_path / "corpus", 1000, seed=0, manifest=manifest)
    assert export(corpus, tmp_path / "out") == recorded["synthetic-1000-seed-0"]


def record() -> None:  # pragma: no cover - run by hand after an intended change
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        data = {"recorded from": sys.argv[1] if len(sys.argv) > 1 else "a deliberate change",
                "seeds": export(None, Path(tmp) / "seeds"),
                "synthetic-1000-seed-0": export(generate(Path(tmp) / "corpus", 1000, seed=0), Path(tmp) / "syn")}
    DIGESTS.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    record()
