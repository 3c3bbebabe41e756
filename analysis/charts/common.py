"""Shared chart settings: sizes, legends and one colour per camp across the book."""

from __future__ import annotations

import altair as alt

WIDTH = 440  # fits the book theme's text column with the axis labels; legends go below
BOTTOM_LEGEND = alt.Legend(orient="bottom", direction="horizontal", columns=4)
CAMP_ORDER = ["gna", "gnu", "tobruk", "gnc", "former-regime", "russia", "egypt", "un", "west", "jihadist", "none"]
CAMP_COLOURS = ["#1b6ca8", "#5aa0d8", "#b2182b", "#7fb3d5", "#8c6d31", "#d95f02", "#1a9850", "#4d4d4d",
                "#7570b3", "#000000", "#a6a6a6"]
CAMP_SCALE = alt.Scale(domain=CAMP_ORDER, range=CAMP_COLOURS)


def camp_colour(title: str = "Camp") -> alt.Color:
    """The camp colour encoding, identical in every chart."""
    return alt.Color("camp:N", title=title, scale=CAMP_SCALE, legend=BOTTOM_LEGEND)
