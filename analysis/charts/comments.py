"""Charts of the reader-reactions chapter."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.charts.common import BOTTOM_LEGEND, CAMP_SCALE, WIDTH


def comment_themes(table: pd.DataFrame) -> alt.Chart:
    """Comments per theme, by document (a comment may count under several themes)."""
    totals = table.groupby("theme_name")["n_comments"].sum().sort_values(ascending=False)
    description = "Bar chart of reader comments by theme: " + "; ".join(
        f"{name} {int(n)}" for name, n in totals.items()) + ". A comment can carry several themes."
    return alt.Chart(table).mark_bar().encode(
        x=alt.X("n_comments:Q", title="Comments", axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("theme_name:N", title="Theme", sort="-x"),
        color=alt.Color("doc_id:N", title="Document", scale=alt.Scale(range=["#d95f02", "#1b6ca8"]),
                        legend=BOTTOM_LEGEND),
        tooltip=[alt.Tooltip("theme_name:N", title="Theme"), alt.Tooltip("doc_id:N", title="Document"),
                 alt.Tooltip("n_comments:Q", title="Comments")],
    ).properties(title="What the commenters argue", width=WIDTH - 160, height=30 * table["theme_name"].nunique(),
                 description=description)


def camps_in_comments_and_reporting(table: pd.DataFrame) -> alt.Chart:
    """Share of actor mentions by camp: the comments against the reporting above them."""
    description = "Grouped bars: share of actor mentions by camp in the reader comments and in the reporting of the " \
                  "same two documents. " + "; ".join(
                      f"{r.where}, {r.camp}: {r.share:.0%}" for r in table.itertuples(index=False)) + "."
    return alt.Chart(table).mark_bar().encode(
        x=alt.X("share:Q", title="Share of actor mentions", axis=alt.Axis(format="%")),
        y=alt.Y("where:N", title=None),
        yOffset=alt.YOffset("camp:N"),
        color=alt.Color("camp:N", title="Camp", scale=CAMP_SCALE, legend=BOTTOM_LEGEND),
        tooltip=[alt.Tooltip("where:N", title="Where"), alt.Tooltip("camp:N", title="Camp"),
                 alt.Tooltip("n_mentions:Q", title="Mentions"), alt.Tooltip("share:Q", title="Share", format=".0%")],
    ).properties(title="Whom the commenters name, against the reporting", width=WIDTH - 80, height=260,
                 description=description)
