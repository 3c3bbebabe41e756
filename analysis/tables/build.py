"""The tidy tables exported for every corpus: one DataFrame per table of :mod:`analysis.tables.schema`.

Builders are pure: they take the loaded corpus and/or its paragraphs and return
a new DataFrame with a fixed column order and a stable row order, so the same
corpus always gives byte-identical CSV files and notebook outputs.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.corpus.load import Document
from analysis.corpus.paragraphs import Paragraph
from analysis.extract.codebook import Codebook
from analysis.tables.schema import columns, conform

DOCUMENT_COLUMNS = columns("documents")
PARAGRAPH_COLUMNS = columns("paragraphs")


def paragraphs(paras: list[Paragraph]) -> pd.DataFrame:
    """One row per paragraph, in document then position order."""
    return conform("paragraphs", [vars(p) | {"n_chars": len(p.text)} for p in paras])


def records(name: str, items: list) -> pd.DataFrame:
    """A table of the contract ``name`` from extraction records (flat dataclasses), in the given order."""
    return conform(name, [vars(item) for item in items])  # vars, not asdict: no deep copies of flat records


def actors(codebook: Codebook) -> pd.DataFrame:
    """One row per codebook actor, aliases joined by ``|``, in codebook order."""
    by_actor: dict[str, list[str]] = {}
    for alias in codebook.aliases:
        if alias.actor_id:
            by_actor.setdefault(alias.actor_id, []).append(alias.text)
    return conform("actors", [
        {"actor_id": a["actor_id"], "name": a["name"], "type": a["type"], "camp": a.get("camp"),
         "aliases": "|".join(dict.fromkeys(by_actor.get(a["actor_id"], [])))}
        for a in codebook.actors.values()
    ])


def documents(docs: Sequence[Document], paras: pd.DataFrame) -> pd.DataFrame:
    """One row per document of ``docs``: metadata, date bounds and paragraph counts by segment."""
    counts = paras.pivot_table(index="doc_id", columns="segment", values="para_id", aggfunc="size", fill_value=0)
    rows = []
    for doc in docs:
        source, bounds = doc.source, doc.source.date_range
        seg = counts.loc[doc.id] if doc.id in counts.index else pd.Series(dtype="int64")
        rows.append({
            "doc_id": doc.id, "title": source.title, "outlet": source.outlet,
            "published": source.published, "date_precision": source.date_precision,
            "n_paragraphs": int(seg.sum()), "n_body_paragraphs": int(seg.get("body", 0)),
            "n_comments": int(seg.get("comment", 0)),
            "date_earliest": bounds[0].isoformat() if bounds else None,
            "date_latest": bounds[1].isoformat() if bounds else None,
            "date_confidence": source.meta.get("date_confidence"),
            "url": source.meta.get("url"), "file": source.file, "sha256": source.meta.get("sha256"),
        })
    return conform("documents", rows)
