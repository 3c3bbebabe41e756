"""Charts of the invitations chapter: the requests in time, and who asked for what."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.charts.common import BOTTOM_LEGEND, CAMP_SCALE, WIDTH

TYPE_ORDER = ["counterterrorism_cooperation", "military_intervention", "arms_supply", "embargo_lifting",
              "training_or_advisers", "diplomatic_support", "economic_support", "other"]


def requests_timeline(events: pd.DataFrame) -> alt.LayerChart:
    """Each request (event) as a mark at its date, coloured by the requester's camp, evidence in the tooltip."""
    table = events.rename(columns={"requester_camp": "camp"})[
        ["event_id", "date", "date_latest", "requester", "camp", "addressee", "request_type", "channel",
         "date_basis", "evidence", "para_id"]]
    description = (
        f"Timeline of {len(table)} requests from {table['date'].min()} to {table['date_latest'].max()}, one mark "
        f"per request, by requester; colour shows the requester's camp. Requesters: "
        + ", ".join(dict.fromkeys(table["requester"])) + "."
    )
    base = alt.Chart(table).encode(
        y=alt.Y("requester:N", title="Requester", sort=alt.EncodingSortField("date", op="min")),
        color=alt.Color("camp:N", title="Requester's camp", scale=CAMP_SCALE, legend=BOTTOM_LEGEND),
        tooltip=[alt.Tooltip("date:N", title="Date"), alt.Tooltip("date_basis:N", title="Date from"),
                 alt.Tooltip("requester:N", title="Requester"), alt.Tooltip("addressee:N", title="Addressee"),
                 alt.Tooltip("request_type:N", title="Request"), alt.Tooltip("channel:N", title="Channel"),
                 alt.Tooltip("evidence:N", title="Evidence"), alt.Tooltip("para_id:N", title="Paragraph")],
    )
    span = base.mark_rule(strokeWidth=6, opacity=0.5).encode(x=alt.X("date:T", title="Date"), x2="date_latest:T")
    marks = base.mark_point(filled=True, size=110, opacity=0.85).encode(
        x="date:T", shape=alt.Shape("request_type:N", title="Request", scale=alt.Scale(domain=TYPE_ORDER),
                                    legend=alt.Legend(orient="bottom", columns=2)))
    return (span + marks).properties(title="Who asked, and when", width=WIDTH,
                                     height=28 * table["requester"].nunique(), description=description)


def requests_matrix(matrix: pd.DataFrame) -> alt.LayerChart:
    """Requester × request type: how many requests of each kind each actor made."""
    table = matrix.rename(columns={"requester_camp": "camp"})
    top = table.sort_values("n_requests", ascending=False).iloc[0] if len(table) else None
    description = (
        f"Matrix of {int(table['n_requests'].sum())} requests by {table['requester'].nunique()} requesters and "
        f"{table['request_type'].nunique()} request types"
        + (f"; the largest cell is {top['requester']}, {top['request_type']} ({int(top['n_requests'])})." if top
           is not None else ".")
    )
    base = alt.Chart(table).encode(
        x=alt.X("request_type:N", title="Request type", sort=TYPE_ORDER, axis=alt.Axis(labelAngle=-35)),
        y=alt.Y("requester:N", title="Requester"),
    )
    cells = base.mark_square(size=500).encode(
        color=alt.Color("camp:N", title="Requester's camp", scale=CAMP_SCALE, legend=BOTTOM_LEGEND),
        tooltip=[alt.Tooltip("requester:N", title="Requester"), alt.Tooltip("request_type:N", title="Request"),
                 alt.Tooltip("n_requests:Q", title="Requests")],
    )
    labels = base.mark_text(color="white", fontWeight="bold").encode(text=alt.Text("n_requests:Q"))
    return (cells + labels).properties(title="Who asked for what", width=WIDTH - 120,
                                       height=28 * max(table["requester"].nunique(), 1), description=description)
