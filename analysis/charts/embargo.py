"""Charts of the arms embargo chapter: who speaks of it with which stance; the sources against the record."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.charts.common import BOTTOM_LEGEND, WIDTH

STANCES = ["lift the embargo", "supply arms", "control the supplies", "mention"]
STANCE_COLOURS = ["#b2182b", "#d95f02", "#1b6ca8", "#999999"]
TRACKS = ["reported in the corpus", "public record (UN)"]


def embargo_stances(table: pd.DataFrame) -> alt.Chart:
    """Paragraphs about the embargo, by the actor holding the stance and the stance."""
    description = (f"Bar chart of {int(table['n'].sum())} paragraphs about the arms embargo by "
                   f"{table['actor'].nunique()} actors. " + "; ".join(
                       f"{r.actor}: {r.stance} ({r.n})" for r in table.itertuples(index=False)) + ".")
    return alt.Chart(table).mark_bar().encode(
        x=alt.X("n:Q", title="Paragraphs", axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("actor:N", title="Actor", sort="-x"),
        color=alt.Color("stance:N", title="Stance in the text", scale=alt.Scale(domain=STANCES, range=STANCE_COLOURS),
                        legend=BOTTOM_LEGEND),
        tooltip=[alt.Tooltip("actor:N", title="Actor"), alt.Tooltip("camp:N", title="Camp"),
                 alt.Tooltip("stance:N", title="Stance"), alt.Tooltip("n:Q", title="Paragraphs")],
    ).properties(title="Who speaks of the embargo, and how", width=WIDTH - 80,
                 height=30 * max(table["actor"].nunique(), 1), description=description)


def embargo_chronology(table: pd.DataFrame) -> alt.Chart:
    """The corpus's embargo and arms requests on one track, the UN resolutions on another."""
    corpus = table[table["track"] == TRACKS[0]]
    description = (f"Chronology strip from {table['date'].min()} to {table['date'].max()}: {len(corpus)} requests "
                   f"about arms or the embargo reported in the corpus (circles, upper track) and "
                   f"{len(table) - len(corpus)} UN Security Council resolutions from the public record "
                   "(diamonds, lower track).")
    return alt.Chart(table).mark_point(filled=True, size=140, opacity=0.85).encode(
        x=alt.X("date:T", title="Date"),
        y=alt.Y("track:N", title=None, sort=TRACKS),
        shape=alt.Shape("track:N", title="Evidence", scale=alt.Scale(domain=TRACKS, range=["circle", "diamond"]),
                        legend=BOTTOM_LEGEND),
        color=alt.Color("track:N", title="Evidence", scale=alt.Scale(domain=TRACKS, range=["#d95f02", "#4d4d4d"]),
                        legend=BOTTOM_LEGEND),
        tooltip=[alt.Tooltip("date:N", title="Date"), alt.Tooltip("track:N", title="Evidence"),
                 alt.Tooltip("label:N", title="Event"), alt.Tooltip("reference:N", title="Source")],
    ).properties(title="The requests against the UN record", width=WIDTH, height=90, description=description)
