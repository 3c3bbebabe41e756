"""Write the tidy tables to disk, byte-identical for the same corpus.

CSV files are UTF-8 with a header row, ``\\n`` line endings and the row order
the table builders guarantee; nothing depends on the clock or the machine.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import tables
from analysis.corpus import Corpus
from analysis.segment import segment_corpus


def build_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """All exported tables for ``corpus``, keyed by file stem."""
    paras = tables.paragraphs(segment_corpus(corpus.documents))
    return {"documents": tables.documents(corpus, paras), "paragraphs": paras}


def write_csv(table: pd.DataFrame, path: Path) -> None:
    """Write one table as deterministic UTF-8 CSV."""
    table.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def export_tables(corpus: Corpus, out_dir: Path) -> list[Path]:
    """Write every table of ``corpus`` into ``out_dir`` (created if needed); return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in build_tables(corpus).items():
        path = out_dir / f"{name}.csv"
        write_csv(table, path)
        written.append(path)
    return written
