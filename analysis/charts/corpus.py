"""Charts of the corpus chapter: when the documents were published and what they are made of."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.charts.common import BOTTOM_LEGEND, WIDTH
from analysis.tables import PART_ORDER

PRECISION_ORDER = ["day", "month", "year", "unknown"]
PRECISION_COLOURS = ["#1b6ca8", "#d95f02", "#7570b3", "#666666"]
PART_COLOURS = ["#1b6ca8", "#7fb3d5", "#d95f02", "#999999"]



def document_timeline(table: pd.DataFrame) -> alt.LayerChart:
    """Each document on a time axis: a bar over the dates the evidence allows, a dot at the stated date."""
    n_exact = int((table["date_precision"] == "day").sum())
    description = (
        f"Timeline of {len(table)} documents from {table['date_earliest'].min()} to "
        f"{table['date_latest'].max()}. {n_exact} are dated to the day; for the others the bar "
        "spans the range of possible publication dates."
    )
    base = alt.Chart(table).encode(
        y=alt.Y("label:N", title="Document", sort=alt.SortField("date_earliest")),
        color=alt.Color("date_precision:N", title="Date precision", legend=BOTTOM_LEGEND,
                        scale=alt.Scale(domain=PRECISION_ORDER, range=PRECISION_COLOURS)),
        tooltip=[
            alt.Tooltip("doc_id:N", title="Document"), alt.Tooltip("title:N", title="Title"),
            alt.Tooltip("published:N", title="Published (as recorded)"),
            alt.Tooltip("date_earliest:N", title="Earliest"), alt.Tooltip("date_latest:N", title="Latest"),
            alt.Tooltip("date_confidence:N", title="Confidence"),
        ],
    )
    span = base.mark_rule(strokeWidth=8, opacity=0.6).encode(
        x=alt.X("date_earliest:T", title="Publication date"), x2="date_latest:T"
    )
    point = base.mark_point(filled=True, size=90).encode(x="date_earliest:T", shape=alt.Shape(
        "date_precision:N", title="Date precision", legend=BOTTOM_LEGEND, scale=alt.Scale(domain=PRECISION_ORDER)))
    return (span + point).properties(
        title="When the documents were published", width=WIDTH, height=34 * max(len(table), 1),
        description=description,
    )


def document_composition(table: pd.DataFrame) -> alt.Chart:
    """What each document is made of: characters of article text, captions, reader comments and chrome."""
    totals = table.groupby("part")["n_chars"].sum()
    description = (
        "Stacked bars of characters per document by part of the page. Across the corpus: "
        + ", ".join(f"{part} {int(n):,} characters" for part, n in totals.items()) + "."
    )
    return alt.Chart(table).mark_bar().encode(
        x=alt.X("n_chars:Q", title="Characters", stack="zero"),
        y=alt.Y("doc_id:N", title="Document", sort=None),
        color=alt.Color("part:N", title="Part of the page", legend=BOTTOM_LEGEND,
                        scale=alt.Scale(domain=PART_ORDER, range=PART_COLOURS)),
        order=alt.Order("part:N"),  # PART_ORDER is alphabetical, so stacks follow the legend
        tooltip=[alt.Tooltip("doc_id:N", title="Document"), alt.Tooltip("part:N", title="Part"),
                 alt.Tooltip("n_chars:Q", title="Characters", format=","),
                 alt.Tooltip("share:Q", title="Share of document", format=".0%")],
    ).properties(title="What each document is made of", width=WIDTH, height=34 * table["doc_id"].nunique(),
                 description=description)
