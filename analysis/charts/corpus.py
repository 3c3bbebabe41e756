"""Charts of the corpus chapter: when the documents were published and what they are made of."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.chapters.corpus import PART_ORDER
from analysis.charts.common import LEGEND, document_axis, finish, present, year_axis

DATED_ORDER = ["to the day", "to a range of days"]
DATED_COLOURS = {"to the day": "#0072B2", "to a range of days": "#E69F00"}
DATED_SHAPES = {"to the day": "circle", "to a range of days": "diamond"}
PART_COLOURS = dict(zip(PART_ORDER, ["#0072B2", "#56B4E9", "#E69F00", "#C8C8C8"], strict=True))


def document_timeline(table: pd.DataFrame) -> alt.TopLevelMixin:
    """Each document on a time axis at its earliest possible date, marked by whether it is dated to the day.

    A range of a week or a month is a pixel or two wide on a seven-year axis, so it is not drawn as a bar
    (which would promise what the eye cannot see): the tooltip and the corpus table give it.
    """
    n_exact = int((table["dated"] == "to the day").sum())
    description = (
        f"Timeline of {len(table)} documents, " + "; ".join(
            r.document if r.dated == "to the day" else f"{r.document} ({r.dates})" for r in table.itertuples())
        + f". {n_exact} are dated to the day; the others are placed at the earliest date their range allows."
    )
    dated = present(DATED_ORDER, table["dated"])
    scale, axis = year_axis(table["date_earliest"].min(), table["date_latest"].max())
    chart = alt.Chart(table).mark_point(filled=True, size=110, opacity=0.9).encode(
        x=alt.X("date_earliest:T", title="Publication date", scale=scale, axis=axis),
        y=alt.Y("document:N", title=None, sort=alt.SortField("date_earliest"), axis=document_axis()),
        color=alt.Color("dated:N", title="Dated", legend=LEGEND,
                        scale=alt.Scale(domain=dated, range=[DATED_COLOURS[d] for d in dated])),
        shape=alt.Shape("dated:N", title="Dated", legend=LEGEND,
                        scale=alt.Scale(domain=dated, range=[DATED_SHAPES[d] for d in dated])),
        tooltip=[alt.Tooltip("document:N", title="Document"), alt.Tooltip("title:N", title="Title"),
                 alt.Tooltip("dates:N", title="Published"), alt.Tooltip("date_confidence:N", title="Confidence")],
    )
    return finish(chart, "When the documents were published", description, 36 * max(len(table), 1))


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
        y=alt.Y("document:N", title=None, sort=None, axis=document_axis()),
        color=alt.Color("part:N", title="Part of the page", legend=LEGEND,
                        scale=alt.Scale(domain=parts, range=[PART_COLOURS[p] for p in parts])),
        order=alt.Order("part:N"),  # PART_ORDER is alphabetical, so stacks follow the legend
        tooltip=[alt.Tooltip("document:N", title="Document"), alt.Tooltip("part:N", title="Part"),
                 alt.Tooltip("n_chars:Q", title="Characters", format=","),
                 alt.Tooltip("share:Q", title="Share of document", format=".0%")],
    )
    return finish(chart, "What each document is made of", description, 36 * table["document"].nunique())
