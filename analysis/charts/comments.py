"""Charts of the reader-reactions chapter: the themes of the comments, and the camps readers name
against those the reporting names."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.charts.common import LEGEND, camp_scale, finish, wrapped_axis

DOCUMENT_COLOURS = ["#E69F00", "#0072B2", "#009E73", "#CC79A7", "#4D4D4D", "#D55E00"]


def comment_themes(table: pd.DataFrame) -> alt.TopLevelMixin:
    """Comments per theme, by document (a comment may count under several themes)."""
    totals = table.groupby("theme_name")["n_comments"].sum().sort_values(ascending=False)
    description = "Bar chart of reader comments by theme: " + "; ".join(
        f"{name} {int(n)}" for name, n in totals.items()) + ". A comment can carry several themes."
    documents = list(dict.fromkeys(table["document"]))
    axis, row = wrapped_axis(table["theme_name"])
    chart = alt.Chart(table).mark_bar().encode(
        x=alt.X("n_comments:Q", title="Comments", axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("theme_name:N", title=None, sort="-x", axis=axis),
        color=alt.Color("document:N", title="Under the article", legend=LEGEND,
                        scale=alt.Scale(domain=documents, range=DOCUMENT_COLOURS[:len(documents)])),
        tooltip=[alt.Tooltip("theme_name:N", title="Theme"), alt.Tooltip("document:N", title="Under"),
                 alt.Tooltip("n_comments:Q", title="Comments")],
    )
    return finish(chart, "What the commenters argue", description, row * table["theme_name"].nunique())


def camps_in_comments_and_reporting(table: pd.DataFrame) -> alt.TopLevelMixin:
    """Share of actor mentions by camp: the comments against the reporting above them."""
    description = "Grouped bars: share of actor mentions by camp in the reader comments and in the reporting of the " \
                  "same two documents. " + "; ".join(
                      f"{r.where}, {r.camp_label}: {r.share:.0%}" for r in table.itertuples(index=False)) + "."
    camps = dict(zip(table["camp"], table["camp_label"], strict=True))
    chart = alt.Chart(table).mark_bar().encode(
        x=alt.X("share:Q", title="Share of actor mentions", axis=alt.Axis(format="%")),
        y=alt.Y("where:N", title=None),
        yOffset=alt.YOffset("camp_label:N"),
        color=alt.Color("camp_label:N", title="Camp", scale=camp_scale(table["camp"], camps), legend=LEGEND),
        tooltip=[alt.Tooltip("where:N", title="Where"), alt.Tooltip("camp_label:N", title="Camp"),
                 alt.Tooltip("n_mentions:Q", title="Mentions"), alt.Tooltip("share:Q", title="Share", format=".0%")],
    )
    return finish(chart, "Whom the commenters name, against the reporting", description,
                  24 * len(table) + 40)
