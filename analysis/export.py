"""Build every table of a corpus and write them to disk, byte-identical for the same corpus.

CSV files are UTF-8 with a header row, ``\\n`` line endings and the row order
the extraction guarantees (document order, then position in the text); empty
cells mean "none". Parquet files hold the same tables with the same columns.
Every table is validated against :mod:`analysis.schema` before it is written.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import tables
from analysis.codebook import Codebook, codebook_path, load_codebook
from analysis.corpus import Corpus
from analysis.extract import extract_document
from analysis.schema import TABLES, validate

FORMATS = ("csv", "parquet")
EXTRACTED = ("paragraphs", "mentions", "quotes", "requests", "date_mentions", "themes")
_FIELDS = {"paragraphs": "paragraphs", "mentions": "mentions", "quotes": "quotes", "requests": "requests",
           "date_mentions": "dates", "themes": "themes"}


def build_tables(corpus: Corpus, codebook: Codebook | None = None) -> dict[str, pd.DataFrame]:
    """All exported tables for ``corpus``, keyed by file stem, validated."""
    codebook = codebook or load_codebook(codebook_path(corpus.root))
    collected: dict[str, list] = {name: [] for name in EXTRACTED}
    for doc in corpus.documents:
        extraction = extract_document(doc, codebook)
        for name in EXTRACTED:
            collected[name].extend(getattr(extraction, _FIELDS[name]))
    built = {name: tables.records(name, items) for name, items in collected.items() if name != "paragraphs"}
    built["paragraphs"] = tables.paragraphs(collected["paragraphs"])
    result = {"documents": tables.documents(corpus, built["paragraphs"]), "actors": tables.actors(codebook), **built}
    result = {name: result[name] for name in TABLES}
    validate(result)
    return result


def write_table(table: pd.DataFrame, path: Path) -> None:
    """Write one table as deterministic UTF-8 CSV or Parquet, by the file's suffix."""
    if path.suffix == ".parquet":
        table.to_parquet(path, index=False, engine="pyarrow", compression="zstd")
    else:
        table.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def export_tables(corpus: Corpus, out_dir: Path, fmt: str = "csv") -> list[Path]:
    """Write every table of ``corpus`` into ``out_dir`` (created if needed); return the paths."""
    built = build_tables(corpus)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in built.items():
        path = out_dir / f"{name}.{fmt}"
        write_table(table, path)
        written.append(path)
    return written
