"""The tidy tables exported for every corpus: one DataFrame per table of :mod:`analysis.tables.schema`.

Builders are pure: they take the loaded corpus and/or its paragraphs and return
rows (tuples in the contract's column order) or a DataFrame of them, with a
stable row order, so the same corpus always gives byte-identical CSV files and
notebook outputs. The export writes the rows as they are (no DataFrame per
batch); the chapters get DataFrames.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pandas as pd

from analysis.corpus.load import Document
from analysis.corpus.paragraphs import Paragraph
from analysis.extract.codebook import Codebook
from analysis.tables.schema import columns, conform

DOCUMENT_COLUMNS = columns("documents")
PARAGRAPH_COLUMNS = columns("paragraphs")


def paragraph_rows(paras: list[Paragraph]) -> list[tuple]:
    """One row (a tuple in the contract's column order) per paragraph, in document then position order."""
    return [tuple({**vars(p), "n_chars": len(p.text)}.get(c) for c in PARAGRAPH_COLUMNS) for p in paras]


def record_rows(name: str, items: list) -> list[tuple]:
    """Rows of the contract ``name`` from extraction records (flat dataclasses), in the given order.

    A contract column the record lacks is empty. ``vars``, not ``asdict``: no deep copies of flat records.
    """
    names = columns(name)
    return [tuple(vars(item).get(c) for c in names) for item in items]


def paragraphs(paras: list[Paragraph]) -> pd.DataFrame:
    """The paragraphs table of :func:`paragraph_rows`."""
    return conform("paragraphs", paragraph_rows(paras))


def records(name: str, items: list) -> pd.DataFrame:
    """The table ``name`` of :func:`record_rows`."""
    return conform(name, record_rows(name, items))


def actor_rows(codebook: Codebook) -> list[tuple]:
    """One row per codebook actor, aliases joined by ``|``, in codebook order."""
    by_actor: dict[str, list[str]] = {}
    for alias in codebook.aliases:
        if alias.actor_id:
            by_actor.setdefault(alias.actor_id, []).append(alias.text)
    return [(a["actor_id"], a["name"], a["type"], a.get("camp"),
             "|".join(dict.fromkeys(by_actor.get(a["actor_id"], [])))) for a in codebook.actors.values()]


def actors(codebook: Codebook) -> pd.DataFrame:
    """The actors table of :func:`actor_rows`."""
    return conform("actors", actor_rows(codebook))


def document_rows(docs: Sequence[Document], paras: list[Paragraph]) -> list[tuple]:
    """One row per document of ``docs``: metadata, date bounds and paragraph counts by segment."""
    counts: dict[str, Counter[str]] = {}
    for para in paras:
        counts.setdefault(para.doc_id, Counter())[para.segment] += 1
    rows = []
    for doc in docs:
        source, bounds = doc.source, doc.source.date_range
        seg = counts.get(doc.id, Counter())
        row = {
            "doc_id": doc.id, "title": source.title, "outlet": source.outlet,
            "published": source.published, "date_precision": source.date_precision,
            "n_paragraphs": sum(seg.values()), "n_body_paragraphs": seg["body"], "n_comments": seg["comment"],
            "date_earliest": bounds[0].isoformat() if bounds else None,
            "date_latest": bounds[1].isoformat() if bounds else None,
            "date_confidence": source.meta.get("date_confidence"),
            "url": source.meta.get("url"), "file": source.file, "sha256": source.meta.get("sha256"),
        }
        rows.append(tuple(row[c] for c in DOCUMENT_COLUMNS))
    return rows


def documents(docs: Sequence[Document], paras: list[Paragraph]) -> pd.DataFrame:
    """The documents table of :func:`document_rows`."""
    return conform("documents", document_rows(docs, paras))
