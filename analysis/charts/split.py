"""Charts of the Haftar–GNA chapter: the co-mention network and the camps each document names."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.charts.common import LEGEND, NARROW, camp_scale, document_axis, finish


def comention_network(nodes: pd.DataFrame, edges: pd.DataFrame) -> alt.TopLevelMixin:
    """Actors on a circle grouped by camp; a line for each pair named in the same paragraph.

    The circle is drawn taller than wide, so the labels of neighbouring actors near the top and
    bottom stand apart; labels sit outside the circle, left or right by side.
    """
    strongest = edges.sort_values(["n_paragraphs", "source"], ascending=[False, True]).head(3)
    description = (f"Network of {len(nodes)} actors named in several paragraphs of the reporting, joined by "
                   f"{len(edges)} lines when named in the same paragraph. Strongest pairs: " + "; ".join(
                       f"{r.source} and {r.target} ({r.n_paragraphs})" for r in strongest.itertuples()) + ".")
    x_scale, y_scale = alt.Scale(domain=[-2.4, 2.4]), alt.Scale(domain=[-1.15, 1.15])
    x = alt.X("x:Q", axis=None, scale=x_scale)
    y = alt.Y("y:Q", axis=None, scale=y_scale)
    camps = dict(zip(nodes["camp"], nodes["camp_label"], strict=True))
    lines = alt.Chart(edges).mark_rule(opacity=0.3, color="#4D4D4D").encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q",
        strokeWidth=alt.StrokeWidth("n_paragraphs:Q", title="Shared paragraphs", scale=alt.Scale(range=[0.5, 5]),
                                    legend=None),
        tooltip=[alt.Tooltip("source:N", title="Actor"), alt.Tooltip("target:N", title="Named with"),
                 alt.Tooltip("n_paragraphs:Q", title="Shared paragraphs")],
    )
    points = alt.Chart(nodes).mark_circle(opacity=0.95, stroke="#ffffff", strokeWidth=1).encode(
        x=x, y=y, size=alt.Size("n_paragraphs:Q", title="Paragraphs naming the actor", legend=None,
                                scale=alt.Scale(range=[40, 400])),
        color=alt.Color("camp_label:N", title="Camp", scale=camp_scale(nodes["camp"], camps), legend=LEGEND),
        tooltip=[alt.Tooltip("actor:N", title="Actor"), alt.Tooltip("camp_label:N", title="Camp"),
                 alt.Tooltip("n_paragraphs:Q", title="Paragraphs")],
    )
    # On a phone a label has some 90 px: it shows the short label (surname, acronym); the tooltip names in full.
    text = alt.ExprRef(f"{NARROW} ? datum.short : datum.label")
    labels = [alt.Chart(nodes).transform_filter(alt.datum.align == side).mark_text(
        fontSize=10, align=side, baseline="middle", limit=alt.ExprRef(f"{NARROW} ? 90 : 180"), text=text).encode(
            x=alt.X("label_x:Q", axis=None, scale=x_scale), y=alt.Y("label_y:Q", axis=None, scale=y_scale))
        for side in ("left", "right")]
    return finish(alt.layer(lines, points, *labels), "Who is named with whom", description,
                  max(24 * len(nodes), 260))


def camps_by_document(table: pd.DataFrame) -> alt.TopLevelMixin:
    """Share of each document's actor mentions by camp."""
    description = "Stacked bars: share of each document's mentions of actors, by camp. " + "; ".join(
        f"{doc}: " + ", ".join(f"{r.camp_label} {r.share:.0%}" for r in group.sort_values("share", ascending=False)
                               .head(2).itertuples()) for doc, group in table.groupby("document", sort=False)) + "."
    camps = dict(zip(table["camp"], table["camp_label"], strict=True))
    chart = alt.Chart(table).mark_bar().encode(
        x=alt.X("share:Q", title="Share of actor mentions", stack="normalize", axis=alt.Axis(format="%")),
        y=alt.Y("document:N", title=None, sort=None, axis=document_axis()),
        color=alt.Color("camp_label:N", title="Camp", scale=camp_scale(table["camp"], camps), legend=LEGEND),
        order=alt.Order("camp:N"),
        tooltip=[alt.Tooltip("document:N", title="Document"), alt.Tooltip("camp_label:N", title="Camp"),
                 alt.Tooltip("n_mentions:Q", title="Mentions"), alt.Tooltip("share:Q", title="Share", format=".0%")],
    )
    return finish(chart, "Which camps each document names", description, 32 * table["document"].nunique())
