"""Charts of the corpus chapter: when the documents were published and what they are made of."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.chapters.corpus import PART_ORDER
from analysis.charts.common import LABEL_LIMIT, LEGEND, finish, present, year_axis

PRECISION_ORDER = ["day", "month", "year", "unknown"]
PRECISION_COLOURS = dict(zip(PRECISION_ORDER, ["#0072B2", "#E69F00", "#CC79A7", "#4D4D4D"], strict=True))
PART_COLOURS = dict(zip(PART_ORDER, ["#0072B2", "#56B4E9", "#E69F00", "#C8C8C8"], strict=True))


def document_timeline(table: pd.DataFrame) -> alt.TopLevelMixin:
    """Each document on a time axis: a bar over the dates the evidence allows, a dot at the earliest date."""
    n_exact = int((table["date_precision"] == "day").sum())
    description = (
        f"Timeline of {len(table)} documents, " + "; ".join(f"{r.document} ({r.dates})" for r in table.itertuples())
        + f". {n_exact} are dated to the day; for the others the bar spans the range of possible publication dates."
    )
    precisions = present(PRECISION_ORDER, table["date_precision"])
    scale, axis = year_axis(table["date_earliest"].min(), table["date_latest"].max())
    base = alt.Chart(table).encode(
        y=alt.Y("document:N", title=None, sort=alt.SortField("date_earliest"), axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        color=alt.Color("date_precision:N", title="Date known to the", legend=LEGEND,
                        scale=alt.Scale(domain=precisions, range=[PRECISION_COLOURS[p] for p in precisions])),
        tooltip=[alt.Tooltip("document:N", title="Document"), alt.Tooltip("title:N", title="Title"),
                 alt.Tooltip("dates:N", title="Published"), alt.Tooltip("date_confidence:N", title="Confidence")],
    )
    span = base.mark_rule(strokeWidth=8, opacity=0.6).encode(
        x=alt.X("date_earliest:T", title="Publication date", scale=scale, axis=axis), x2="date_latest:T")
    point = base.mark_point(filled=True, size=90).encode(x="date_earliest:T", shape=alt.Shape(
        "date_precision:N", title="Date known to the", legend=LEGEND, scale=alt.Scale(domain=precisions)))
    return finish(span + point, "When the documents were published", description, 36 * max(len(table), 1))


def document_composition(table: pd.DataFrame) -> alt.TopLevelMixin:
    """What each document is made of: characters of article text, captions, reader comments and chrome."""
    totals = table.groupby("part")["n_chars"].sum()
    description = (
        "Stacked bars of characters per document by part of the page. Across the corpus: "
        + ", ".join(f"{part} {int(n):,} characters" for part, n in totals.items()) + "."
    )
    parts = present(PART_ORDER, table["part"])
    chart = alt.Chart(table).mark_bar().encode(
        x=alt.X("n_chars:Q", title="Characters", stack="zero", axis=alt.Axis(format="~s")),
        y=alt.Y("document:N", title=None, sort=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        color=alt.Color("part:N", title="Part of the page", legend=LEGEND,
                        scale=alt.Scale(domain=parts, range=[PART_COLOURS[p] for p in parts])),
        order=alt.Order("part:N"),  # PART_ORDER is alphabetical, so stacks follow the legend
        tooltip=[alt.Tooltip("document:N", title="Document"), alt.Tooltip("part:N", title="Part"),
                 alt.Tooltip("n_chars:Q", title="Characters", format=","),
                 alt.Tooltip("share:Q", title="Share of document", format=".0%")],
    )
    return finish(chart, "What each document is made of", description, 36 * table["document"].nunique())
