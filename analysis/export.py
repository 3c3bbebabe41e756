"""Build every table of a corpus and write them to disk, byte-identical for the same corpus.

CSV files are UTF-8 with a header row, ``\\n`` line endings and the row order
the extraction guarantees (document order, then position in the text); empty
cells mean "none". Parquet files hold the same tables with the same columns.
Every table is validated against :mod:`analysis.schema` before it is written.

:func:`export_tables` streams: it extracts, validates and appends a batch of
documents at a time, so memory stays bounded however large the corpus (ids embed the
document id, so keys stay unique across documents). :func:`build_tables` keeps
everything in memory for the chapters, which need whole tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis import tables
from analysis.codebook import Codebook, codebook_path, load_codebook
from analysis.corpus import Corpus, Document
from analysis.extract import extract_document
from analysis.schema import TABLES, columns, validate

FORMATS = ("csv", "parquet")
EXTRACTED = ("paragraphs", "mentions", "quotes", "requests", "date_mentions", "themes")
_FIELDS = {"paragraphs": "paragraphs", "mentions": "mentions", "quotes": "quotes", "requests": "requests",
           "date_mentions": "dates", "themes": "themes"}


def build_tables(corpus: Corpus, codebook: Codebook | None = None) -> dict[str, pd.DataFrame]:
    """All exported tables for ``corpus``, keyed by file stem, validated."""
    codebook = codebook or load_codebook(codebook_path(corpus.root))
    whole = batch_tables(corpus, corpus.documents, codebook)
    result = {name: tables.actors(codebook) if name == "actors" else whole[name] for name in TABLES}
    validate(result)
    return result


BATCH = 250  # documents per chunk: memory stays bounded, pandas' per-table overhead is amortised


def batch_tables(corpus: Corpus, docs: tuple[Document, ...], codebook: Codebook) -> dict[str, pd.DataFrame]:
    """The rows a batch of documents contributes to every table but ``actors``."""
    collected: dict[str, list] = {name: [] for name in EXTRACTED}
    for doc in docs:
        extraction = extract_document(doc, codebook)
        for name in EXTRACTED:
            collected[name].extend(getattr(extraction, _FIELDS[name]))
    chunk = {name: tables.records(name, items) for name, items in collected.items() if name != "paragraphs"}
    chunk["paragraphs"] = tables.paragraphs(collected["paragraphs"])
    chunk["documents"] = tables.documents(Corpus(corpus.root, docs), chunk["paragraphs"])
    return chunk


def iter_document_tables(corpus: Corpus, codebook: Codebook) -> Iterator[dict[str, pd.DataFrame]]:
    """The tables' rows, :data:`BATCH` documents at a time in corpus order, each chunk validated."""
    actors, batch = tables.actors(codebook), BATCH
    for start in range(0, len(corpus.documents), batch):
        chunk = batch_tables(corpus, corpus.documents[start:start + batch], codebook)
        validate({**chunk, "actors": actors})
        yield chunk


def arrow_schema(name: str) -> pa.Schema:
    """The Parquet schema of a table, from the contract (so every chunk has the same one)."""
    return pa.schema([(column, pa.int64() if kind == "int" else pa.string()) for column, kind, _, _ in TABLES[name]])


def write_table(table: pd.DataFrame, path: Path) -> None:
    """Write one table as deterministic UTF-8 CSV or Parquet, by the file's suffix."""
    if path.suffix == ".parquet":
        table.to_parquet(path, index=False, engine="pyarrow", compression="zstd")
    else:
        table.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def export_tables(corpus: Corpus, out_dir: Path, fmt: str = "csv") -> list[Path]:
    """Write every table of ``corpus`` into ``out_dir``, a batch of documents at a time; return the paths."""
    codebook = load_codebook(codebook_path(corpus.root))
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {name: out_dir / f"{name}.{fmt}" for name in TABLES}
    write_table(tables.actors(codebook), paths["actors"])
    streamed = [name for name in TABLES if name != "actors"]
    if fmt == "parquet":
        writers = {n: pq.ParquetWriter(paths[n], arrow_schema(n), compression="zstd") for n in streamed}
        try:
            for chunk in iter_document_tables(corpus, codebook):
                for name in streamed:
                    writers[name].write_table(pa.Table.from_pandas(chunk[name], schema=arrow_schema(name),
                                                                   preserve_index=False))
        finally:
            for writer in writers.values():
                writer.close()
    else:
        handles = {n: paths[n].open("w", encoding="utf-8", newline="") for n in streamed}
        try:
            for name in streamed:
                handles[name].write(",".join(columns(name)) + "\n")
            for chunk in iter_document_tables(corpus, codebook):
                for name in streamed:
                    chunk[name].to_csv(handles[name], index=False, header=False, lineterminator="\n")
        finally:
            for handle in handles.values():
                handle.close()
    return list(paths.values())
