"""Charts of the Haftar–GNA chapter: the co-mention network and the camps each document names."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.charts.common import BOTTOM_LEGEND, CAMP_SCALE, WIDTH


def comention_network(nodes: pd.DataFrame, edges: pd.DataFrame) -> alt.LayerChart:
    """Actors on a circle grouped by camp; a line for each pair named in the same paragraph."""
    strongest = edges.sort_values(["n_paragraphs", "source"], ascending=[False, True]).head(3)
    description = (f"Network of {len(nodes)} actors named in several paragraphs of the reporting, joined by "
                   f"{len(edges)} lines when named in the same paragraph. Strongest pairs: " + "; ".join(
                       f"{r.source} and {r.target} ({r.n_paragraphs})" for r in strongest.itertuples()) + ".")
    x_scale, y_scale = alt.Scale(domain=[-1.9, 1.9]), alt.Scale(domain=[-1.25, 1.25])
    x = alt.X("x:Q", axis=None, scale=x_scale)
    y = alt.Y("y:Q", axis=None, scale=y_scale)
    lines = alt.Chart(edges).mark_rule(opacity=0.35).encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q",
        strokeWidth=alt.StrokeWidth("n_paragraphs:Q", title="Shared paragraphs", scale=alt.Scale(range=[0.5, 5])),
        tooltip=[alt.Tooltip("source:N", title="Actor"), alt.Tooltip("target:N", title="Named with"),
                 alt.Tooltip("n_paragraphs:Q", title="Shared paragraphs")],
    )
    points = alt.Chart(nodes).mark_circle(opacity=0.9).encode(
        x=x, y=y, size=alt.Size("n_paragraphs:Q", title="Paragraphs naming the actor"),
        color=alt.Color("camp:N", title="Camp", scale=CAMP_SCALE, legend=BOTTOM_LEGEND),
        tooltip=[alt.Tooltip("actor:N", title="Actor"), alt.Tooltip("camp:N", title="Camp"),
                 alt.Tooltip("n_paragraphs:Q", title="Paragraphs")],
    )
    left = alt.Chart(nodes[nodes["align"] == "left"]).mark_text(fontSize=10, align="left", baseline="middle")
    right = alt.Chart(nodes[nodes["align"] == "right"]).mark_text(fontSize=10, align="right", baseline="middle")
    labels = [part.encode(x=alt.X("label_x:Q", axis=None, scale=x_scale),
                          y=alt.Y("label_y:Q", axis=None, scale=y_scale), text="actor:N") for part in (left, right)]
    return alt.layer(lines, points, *labels).properties(
        title="Who is named with whom", width=WIDTH + 60, height=WIDTH - 40, description=description
    ).configure_view(stroke=None)


def camps_by_document(table: pd.DataFrame) -> alt.Chart:
    """Share of each document's actor mentions by camp."""
    description = "Stacked bars: share of each document's mentions of actors, by camp. " + "; ".join(
        f"{doc}: " + ", ".join(f"{r.camp} {r.share:.0%}" for r in group.sort_values("share", ascending=False)
                               .head(2).itertuples()) for doc, group in table.groupby("doc_id")) + "."
    return alt.Chart(table).mark_bar().encode(
        x=alt.X("share:Q", title="Share of actor mentions", stack="normalize", axis=alt.Axis(format="%")),
        y=alt.Y("doc_id:N", title="Document"),
        color=alt.Color("camp:N", title="Camp", scale=CAMP_SCALE, legend=BOTTOM_LEGEND),
        order=alt.Order("camp:N"),
        tooltip=[alt.Tooltip("doc_id:N", title="Document"), alt.Tooltip("camp:N", title="Camp"),
                 alt.Tooltip("n_mentions:Q", title="Mentions"), alt.Tooltip("share:Q", title="Share", format=".0%")],
    ).properties(title="Which camps each document names", width=WIDTH, height=30 * table["doc_id"].nunique(),
                 description=description)
