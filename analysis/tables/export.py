"""Build every table of a corpus and write them to disk, byte-identical for the same corpus.

CSV files are UTF-8 with a header row, ``\\n`` line endings and the row order
the extraction guarantees (document order, then position in the text); empty
cells mean "none". Parquet files hold the same tables with the same columns.
Every table is validated against :mod:`analysis.tables.schema` before it is written.

:func:`export_tables` streams: it reads, extracts, validates and appends a batch
of documents at a time, so memory stays bounded however large the corpus (ids
embed the document id, so keys stay unique across batches). The batches can run
on several processes or a Dask cluster (:mod:`analysis.tables.engines`); results are
written in corpus order, so the files are the same bytes whichever engine ran.
:func:`build_tables` keeps everything in memory for the chapters, which need
whole tables.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.corpus.load import Corpus, Document
from analysis.extract.codebook import Codebook, codebook_path, load_codebook
from analysis.extract.pipeline import extract_document
from analysis.tables import build
from analysis.tables.engines import Engine, SerialEngine
from analysis.tables.schema import TABLES, columns, conform, validate, validate_rows

FORMATS = ("csv", "parquet")
EXTRACTED = ("paragraphs", "mentions", "quotes", "requests", "date_mentions", "themes", "unresolved_actors")
_FIELDS = {"paragraphs": "paragraphs", "mentions": "mentions", "quotes": "quotes", "requests": "requests",
           "date_mentions": "dates", "themes": "themes", "unresolved_actors": "provisional"}


def build_tables(corpus: Corpus, codebook: Codebook | None = None) -> dict[str, pd.DataFrame]:
    """All exported tables for ``corpus``, keyed by file stem, validated."""
    codebook = codebook or load_codebook(codebook_path(corpus.root))
    whole = batch_tables(corpus.documents, codebook)
    result = {name: build.actors(codebook) if name == "actors" else whole[name] for name in TABLES}
    validate(result)
    return result


BATCH = 250  # documents per chunk: memory stays bounded, pandas' per-table overhead is amortised
STREAMED = tuple(name for name in TABLES if name != "actors")


def batch_rows(docs: Sequence[Document], codebook: Codebook) -> dict[str, list[tuple]]:
    """The rows a batch of documents contributes to every table but ``actors``."""
    collected: dict[str, list] = {name: [] for name in EXTRACTED}
    for doc in docs:
        extraction = extract_document(doc, codebook)
        for name in EXTRACTED:
            collected[name].extend(getattr(extraction, _FIELDS[name]))
    rows = {name: build.record_rows(name, items) for name, items in collected.items() if name != "paragraphs"}
    rows["paragraphs"] = build.paragraph_rows(collected["paragraphs"])
    rows["documents"] = build.document_rows(docs, collected["paragraphs"])
    return rows


def batch_tables(docs: Sequence[Document], codebook: Codebook) -> dict[str, pd.DataFrame]:
    """:func:`batch_rows` as DataFrames with the contract's types (for the chapters, which need whole tables)."""
    return {name: conform(name, rows) for name, rows in batch_rows(docs, codebook).items()}


def batch_output(docs: Sequence[Document], codebook: Codebook, fmt: str) -> dict[str, str | pa.Table]:
    """Extract, validate and encode one batch: the unit of work every engine runs.

    CSV comes back as text without a header, Parquet as an Arrow table with the
    contract's schema, so the process writing the files only appends them. The
    rows go straight to the csv module (the writer pandas' ``to_csv`` uses, with
    the same settings, so the bytes are the same) or to Arrow: no DataFrame per batch.
    """
    rows = batch_rows(docs, codebook)
    if "actors rows" not in codebook.memo:
        codebook.memo["actors rows"] = build.actor_rows(codebook)
    validate_rows({**rows, "actors": codebook.memo["actors rows"]})
    if fmt == "parquet":
        return {name: _arrow(name, rows[name]) for name in STREAMED}
    return {name: _csv(rows[name]) for name in STREAMED}


def _csv(rows: list[tuple]) -> str:
    """CSV text of ``rows`` as ``DataFrame.to_csv(index=False, header=False, lineterminator="\\n")`` writes it:
    minimal quoting, empty cells for None, True and False for booleans."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(rows)
    return buffer.getvalue()


def _arrow(name: str, rows: list[tuple]) -> pa.Table:
    schema = arrow_schema(name)
    columns_ = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    return pa.Table.from_arrays([pa.array(list(values), type=field.type) for values, field in
                                 zip(columns_, schema, strict=True)], schema=schema)


def iter_batches(corpus: Corpus, size: int | None = None) -> Iterator[tuple[Document, ...]]:
    """The corpus's documents in order, ``size`` (default :data:`BATCH`) at a time, texts read lazily."""
    size = size or BATCH
    batch: list[Document] = []
    for doc in corpus.iter_documents():
        batch.append(doc)
        if len(batch) == size:
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)


def arrow_schema(name: str) -> pa.Schema:
    """The Parquet schema of a table, from the contract (so every chunk has the same one)."""
    kinds = {"int": pa.int64(), "bool": pa.bool_(), "str": pa.string()}
    return pa.schema([(column, kinds[kind]) for column, kind, _, _ in TABLES[name]])


def write_table(table: pd.DataFrame, path: Path) -> None:
    """Write one table as deterministic UTF-8 CSV or Parquet, by the file's suffix."""
    if path.suffix == ".parquet":
        table.to_parquet(path, index=False, engine="pyarrow", compression="zstd")
    else:
        table.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def export_tables(corpus: Corpus, out_dir: Path, fmt: str = "csv", engine: Engine | None = None) -> list[Path]:
    """Write every table of ``corpus`` into ``out_dir``; return the paths.

    Batches are extracted by ``engine`` (default: this process) and appended in
    corpus order into a staging folder inside ``out_dir``; the files replace the
    old ones only when every batch has succeeded, so a document refused half-way
    through a large corpus leaves no half-written tables behind.
    """
    codebook = load_codebook(codebook_path(corpus.root))
    engine = engine or SerialEngine()
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=out_dir))
    try:
        staged = {name: staging / f"{name}.{fmt}" for name in TABLES}
        write_table(build.actors(codebook), staged["actors"])
        outputs = engine.map_ordered(batch_output, iter_batches(corpus), codebook, fmt)
        if fmt == "parquet":
            _append_parquet(outputs, staged)
        else:
            _append_csv(outputs, staged)
        for path in staged.values():
            os.replace(path, out_dir / path.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out_dir / path.name for path in staged.values()]


def _append_csv(outputs: Iterator[dict[str, str | pa.Table]], staged: dict[str, Path]) -> None:
    handles = {n: staged[n].open("w", encoding="utf-8", newline="") for n in STREAMED}
    try:
        for name in STREAMED:
            handles[name].write(",".join(columns(name)) + "\n")
        for output in outputs:
            for name in STREAMED:
                handles[name].write(output[name])
    finally:
        for handle in handles.values():
            handle.close()


def _append_parquet(outputs: Iterator[dict[str, str | pa.Table]], staged: dict[str, Path]) -> None:
    writers = {n: pq.ParquetWriter(staged[n], arrow_schema(n), compression="zstd") for n in STREAMED}
    try:
        for output in outputs:
            for name in STREAMED:
                writers[name].write_table(output[name])
    finally:
        for writer in writers.values():
            writer.close()
