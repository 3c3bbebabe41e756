"""The raw corpus is exactly what was received: checksums in two places agree with the bytes."""

from __future__ import annotations

import hashlib

from analysis import config
from analysis.corpus.manifest import load_sources

RAW = config.DATA_DIR / "raw"


def _sha256sums() -> dict[str, str]:
    lines = (RAW / "SHA256SUMS").read_text().splitlines()
    return {name: digest for digest, name in (line.split() for line in lines)}


def test_every_raw_file_matches_sha256sums():
    sums = _sha256sums()
    on_disk = sorted(p.name for p in RAW.glob("*.txt"))
    assert sorted(sums) == on_disk == [
        "000_fed4c97f6caf2c7a.txt", "001_e2e9831a3a63a66f.txt", "002_128e5a7f25d53b1f.txt",
        "003_5afe783fc28d7d4b.txt", "004_d4fe8bf4671f7d50.txt",
    ]
    for name, digest in sums.items():
        assert hashlib.sha256((RAW / name).read_bytes()).hexdigest() == digest, name


def test_sources_yml_records_the_same_checksums():
    sums = _sha256sums()
    sources = load_sources(config.DATA_DIR / "sources.yml")
    assert {s.file.removeprefix("raw/"): s.meta["sha256"] for s in sources} == sums


def test_raw_files_keep_their_quirks():
    """Copies are byte-for-byte: the garbled dateline and the Cyrillic С survive."""
    sputnik = (RAW / "000_fed4c97f6caf2c7a.txt").read_text(encoding="utf-8")
    assert sputnik.startswith("18:55 GMT +324 March 2017\n")
    assert "• \u0421omment" in sputnik
    assert (RAW / "002_128e5a7f25d53b1f.txt").stat().st_size == 6088


def test_provenance_readme_names_every_file():
    readme = (RAW / "README.md").read_text(encoding="utf-8")
    for name in _sha256sums():
        assert name in readme
