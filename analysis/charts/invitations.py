"""Charts of the invitations chapter: the requests in time, and who asked for what."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.charts.common import (
    CAMP_COLOURS,
    LABEL_LIMIT,
    LEGEND,
    camp_scale,
    centred_offset,
    finish,
    present,
    text_colour,
    year_axis,
)

TYPE_ORDER = ["counterterrorism_cooperation", "military_intervention", "arms_supply", "embargo_lifting",
              "training_or_advisers", "diplomatic_support", "economic_support", "other"]
LANE = 13  # pixels between the marks of requests made on the same day by the same requester
SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "triangle-right", "triangle-left"]


def _camp_labels(table: pd.DataFrame) -> dict[str, str]:
    return dict(zip(table["requester_camp"], table["camp_label"], strict=True))


def requests_timeline(events: pd.DataFrame) -> alt.TopLevelMixin:
    """Each request (event) as a mark at its date, by requester, coloured by camp, shaped by type.

    Requests of one requester on the same date get their own lane in its row, so no mark hides another.
    """
    table = events[["event_id", "date", "date_latest", "date_label", "date_basis", "requester", "requester_camp",
                    "camp_label", "addressee", "type_label", "request_type", "channel", "document", "evidence"]].copy()
    table["lane"] = table.groupby(["requester", "date"]).cumcount()
    lanes = table.groupby(["requester", "date"])["lane"].transform("max")
    table["offset"] = (table["lane"] - lanes / 2) * LANE  # same-day requests side by side, centred on the row
    description = (
        f"Timeline of {len(table)} requests from {table['date_label'].iloc[0]} to {table['date_label'].iloc[-1]}, "
        "one mark per request, by requester; colour shows the requester's camp, shape the kind of request. "
        + "; ".join(f"{r.date_label}: {r.requester} asks {r.addressee} ({r.type_label.lower()})"
                    for r in table.itertuples()) + "."
    )
    types = present(TYPE_ORDER, table["request_type"])
    type_labels = dict(zip(table["request_type"], table["type_label"], strict=True))
    scale, axis = year_axis(table["date"].min(), table["date_latest"].max())
    height = max(34 * table["requester"].nunique() + LANE * int(table.groupby("requester")["lane"].max().sum()), 60)
    base = alt.Chart(table).encode(
        y=alt.Y("requester:N", title=None, sort=alt.EncodingSortField("date", op="min"),
                axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        yOffset=centred_offset("offset", height, table["requester"].nunique()),
        color=alt.Color("camp_label:N", title="Requester's camp", scale=camp_scale(table["requester_camp"],
                                                                                   _camp_labels(table)),
                        legend=LEGEND),
        tooltip=[alt.Tooltip("date_label:N", title="Date"), alt.Tooltip("date_basis:N", title="Date from"),
                 alt.Tooltip("requester:N", title="Requester"), alt.Tooltip("addressee:N", title="Asked"),
                 alt.Tooltip("type_label:N", title="Request"), alt.Tooltip("channel:N", title="Channel"),
                 alt.Tooltip("evidence:N", title="Evidence"), alt.Tooltip("document:N", title="Source")],
    )
    span = base.mark_rule(strokeWidth=6, opacity=0.45).encode(
        x=alt.X("date:T", title="Date", scale=scale, axis=axis), x2="date_latest:T")
    marks = base.mark_point(filled=True, size=90, opacity=0.9, stroke="#ffffff", strokeWidth=0.8).encode(
        x="date:T", shape=alt.Shape("type_label:N", title="Request",
                                    scale=alt.Scale(domain=[type_labels[t] for t in types],
                                                    range=SHAPES[:len(types)]), legend=LEGEND))
    return finish(span + marks, "Who asked, and when", description, height)


def requests_matrix(matrix: pd.DataFrame) -> alt.TopLevelMixin:
    """Requester × request type: how many requests of each kind each actor made."""
    table = matrix.copy()
    table["text_colour"] = table["requester_camp"].map(lambda c: text_colour(CAMP_COLOURS.get(c, "#C8C8C8")))
    top = table.sort_values("n_requests", ascending=False, kind="stable").iloc[0] if len(table) else None
    description = (
        f"Matrix of {int(table['n_requests'].sum())} requests by {table['requester'].nunique()} requesters and "
        f"{table['request_type'].nunique()} kinds of request"
        + (f"; the largest cell is {top['requester']}, {top['type_label'].lower()} ({int(top['n_requests'])})."
           if top is not None and int(top["n_requests"]) > 1 else "; each requester asked for each kind at most "
           "once." if top is not None else ".")
    )
    order = [dict(zip(table["request_type"], table["type_label"], strict=True))[t]
             for t in present(TYPE_ORDER, table["request_type"])]
    rows = list(dict.fromkeys(table["requester"]))  # by first request, as in the timeline
    base = alt.Chart(table).encode(
        x=alt.X("type_label:N", title="Request", sort=order, axis=alt.Axis(labelAngle=-35, labelLimit=150)),
        y=alt.Y("requester:N", title=None, sort=rows, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        tooltip=[alt.Tooltip("requester:N", title="Requester"), alt.Tooltip("type_label:N", title="Request"),
                 alt.Tooltip("n_requests:Q", title="Requests")],  # on the number too: a tap on it must answer
    )
    cells = base.mark_square(size=420).encode(
        color=alt.Color("camp_label:N", title="Requester's camp",
                        scale=camp_scale(table["requester_camp"], _camp_labels(table)), legend=LEGEND))
    chart = cells
    if len(table) and int(table["n_requests"].max()) > 1:  # numbers only where some cell counts more than one
        chart = cells + base.mark_text(fontWeight="bold").encode(text=alt.Text("n_requests:Q"),
                                                                 color=alt.Color("text_colour:N", scale=None))
    return finish(chart, "Who asked for what", description, 28 * max(table["requester"].nunique(), 1))
