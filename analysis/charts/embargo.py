"""Charts of the arms embargo chapter: who speaks of it with which stance; the sources against the record."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.charts.common import LABEL_LIMIT, LEGEND, NARROW, camp_scale, centred_offset, finish, present, year_axis

STANCES = ["lift the embargo", "supply arms", "control the supplies", "mention"]
TRACKS = ["reported in the corpus", "public record (UN)"]


def embargo_stances(table: pd.DataFrame) -> alt.TopLevelMixin:
    """Who holds which stance: one dot per actor and stance, sized by paragraphs, coloured by camp."""
    description = (f"Dot chart of {int(table['n'].sum())} paragraphs about the arms embargo by "
                   f"{table['actor'].nunique()} actors. " + "; ".join(
                       f"{r.actor}: {r.stance} ({r.n} paragraph{'s' if r.n > 1 else ''})"
                       for r in table.itertuples(index=False)) + ".")
    camps = dict(zip(table["camp"], table["camp_label"], strict=True))
    stances = present(STANCES, table["stance"])
    # Actors in the order of their first stance, left to right, so the dots run down the chart as a diagonal.
    actors = table.assign(order=table["stance"].map({s: i for i, s in enumerate(STANCES)})).sort_values(
        ["order", "actor"], kind="stable")["actor"].drop_duplicates().tolist()
    chart = alt.Chart(table).mark_circle(opacity=0.9).encode(
        # On a phone the columns are narrower than "control the supplies": one word a line there, below the
        # plot (Vega stacks a label's lines downwards, so above it they would run into the first row).
        x=alt.X("stance:N", title="Stance in the text", sort=stances,
                axis=alt.Axis(labelAngle=0, labelLimit=120, orient="bottom",
                              labelExpr=f"{NARROW} ? split(datum.label, ' ') : datum.label")),
        y=alt.Y("actor:N", title=None, sort=actors, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        size=alt.Size("n:Q", title="Paragraphs", scale=alt.Scale(domain=[1, max(int(table["n"].max()), 2)],
                                                                 range=[160, 480]), legend=None),
        color=alt.Color("camp_label:N", title="Camp", scale=camp_scale(table["camp"], camps), legend=LEGEND),
        tooltip=[alt.Tooltip("actor:N", title="Actor"), alt.Tooltip("camp_label:N", title="Camp"),
                 alt.Tooltip("stance:N", title="Stance"), alt.Tooltip("n:Q", title="Paragraphs")],
    )
    return finish(chart, "Who speaks of the embargo, and how", description,
                  32 * max(table["actor"].nunique(), 1))


# Marks nearer than this touch on the narrowest plot: a mark is about 13 px wide, and on a 390 px phone the
# ten-year axis gives a year about 21 px, so 13 px is about 230 days (the 2020 resolutions, 114 days apart,
# overlapped there at 90 days).
CLOSE_DAYS = 240
LANE = 16  # pixels between the marks of such a cluster (a mark, about 13 px, and a gap)
CHRONOLOGY_HEIGHT = 120  # two tracks; the marks' offsets are measured in this chart's rows


def _lanes(table: pd.DataFrame) -> pd.DataFrame:
    """Each mark's vertical offset in its track: marks within :data:`CLOSE_DAYS` of the one before them form a
    cluster, set one above another and centred on the track, so that no mark hides another (7 and 8 May 2016)."""
    table = table.copy()
    offsets = pd.Series(0.0, index=table.index)
    for _, track in table.groupby("track", sort=False):
        dates = pd.to_datetime(track["date"]).sort_values()
        cluster = (dates.diff().dt.days.fillna(CLOSE_DAYS) >= CLOSE_DAYS).cumsum()
        lane = dates.groupby(cluster).cumcount()
        size = dates.groupby(cluster).transform("size")
        offsets[dates.index] = (lane - (size - 1) / 2) * LANE
    table["offset"] = offsets
    return table


def embargo_chronology(table: pd.DataFrame) -> alt.TopLevelMixin:
    """The corpus's embargo and arms requests on one track, the UN resolutions on another."""
    corpus = table[table["track"] == TRACKS[0]]
    description = (f"Chronology strip from {table['date_label'].iloc[0]} to {table['date_label'].iloc[-1]}: "
                   f"{len(corpus)} requests about arms or the embargo reported in the corpus (circles, upper "
                   f"track) and {len(table) - len(corpus)} UN Security Council resolutions from the public record "
                   "(diamonds, lower track).")
    tracks = present(TRACKS, table["track"])
    scale, axis = year_axis(table["date"].min(), table["date"].max())
    table = _lanes(table)
    chart = alt.Chart(table).mark_point(filled=True, size=140, opacity=0.85, stroke="white", strokeWidth=1).encode(
        x=alt.X("date:T", title="Date", scale=scale, axis=axis),
        y=alt.Y("track:N", title=None, sort=tracks, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        yOffset=centred_offset("offset", CHRONOLOGY_HEIGHT, len(tracks)),
        shape=alt.Shape("track:N", title="Evidence", legend=LEGEND,
                        scale=alt.Scale(domain=tracks, range=["circle", "diamond"][:len(tracks)])),
        color=alt.Color("track:N", title="Evidence", legend=LEGEND,
                        scale=alt.Scale(domain=tracks, range=["#D55E00", "#4D4D4D"][:len(tracks)])),
        tooltip=[alt.Tooltip("date_label:N", title="Date"), alt.Tooltip("track:N", title="Evidence"),
                 alt.Tooltip("label:N", title="Event"), alt.Tooltip("reference:N", title="Source")],
    )
    return finish(chart, "The requests against the UN record", description, CHRONOLOGY_HEIGHT)
