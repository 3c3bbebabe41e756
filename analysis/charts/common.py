"""Shared chart settings: one colour per camp across the book, legends of what is drawn, charts that fit.

The camp palette is the Okabe–Ito set with two greys and a brown: every pair of
camps stays apart (CIEDE2000 ≥ 10) in normal vision and under simulated
deuteranopia, protanopia and tritanopia (``tests/test_palette.py`` checks it).
A legend lists only the categories the chart draws. Charts take the width of
their column (``width: "container"``), so they fit a phone as well as a desktop;
marks are hidden from screen readers, which read the chart's description instead.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable

import altair as alt

from analysis.chapters.labels import CAMP_ORDER

CAMP_COLOURS = dict(zip(CAMP_ORDER, ["#0072B2", "#56B4E9", "#E69F00", "#009E73", "#6E5A35", "#D55E00", "#F0E442",
                                     "#4D4D4D", "#CC79A7", "#000000", "#C8C8C8"], strict=True))
WIDTH = 600  # the width the PDF edition draws charts at; on the site they take their column's width
# Narrow columns (a phone) get one legend column and shorter axis labels. containerSize() is the chart's
# box on the page; with no box (vl-convert drawing the PDF) it is 0, and the chart is laid out as wide.
NARROW = f"(containerSize()[0] || {WIDTH}) < 560"
LEGEND = alt.Legend(orient="bottom", direction="horizontal", columns=alt.ExprRef(f"{NARROW} ? 1 : 2"),
                    labelLimit=alt.ExprRef(f"{NARROW} ? 240 : 160"), symbolLimit=0)
LABEL_LIMIT = alt.ExprRef(f"{NARROW} ? 140 : 260")  # axis labels naming documents and actors


LINE = 13  # px between the lines of a wrapped axis label


def lifted(lines: str) -> str:
    """A label offset (Vega expression) that centres a label of ``lines`` lines on its row: Vega puts the first
    line on the row's centre and hangs the others below it, so a three-line label sat a line low."""
    return f"-(({lines}) - 1) * {LINE / 2}"


def wrapped_lines(values: Iterable[str], narrow: int = 22, wide: int = 40) -> tuple[str, int]:
    """A Vega expression giving each label as lines of at most ``narrow`` (phone) or ``wide`` characters,
    broken between words, and the most lines any label takes on a phone (to size the rows).

    Why: a long row label ("Overstretch: Russia should not take on Libya too") was cut with an ellipsis, on
    a phone to "Overstretch: Russia sh…", and the part cut off is the argument."""
    values = sorted({str(v) for v in values})
    on_phone = {v: textwrap.wrap(v, narrow) or [v] for v in values}
    on_desktop = {v: textwrap.wrap(v, wide) or [v] for v in values}
    expr = f"({NARROW} ? {json.dumps(on_phone)} : {json.dumps(on_desktop)})[datum.label]"
    return expr, max((len(lines) for lines in on_phone.values()), default=1)


def wrapped_axis(values: Iterable[str]) -> tuple[alt.Axis, int]:
    """A row axis whose labels wrap between words (:func:`wrapped_lines`), and the row height in pixels
    that holds the longest on a phone."""
    expr, lines = wrapped_lines(values)
    return alt.Axis(labelLimit=LABEL_LIMIT, labelExpr=expr, labelLineHeight=LINE,
                    labelOffset=alt.ExprRef(lifted(f"length({expr})"))), max(30, LINE * lines + 6)


def document_axis() -> alt.Axis:
    """A row axis of document labels ("Libyan Gazette, May 2016"). On a phone, 140 px would cut them to
    "Libyan Gazette, May 2…", and the date is the part a reader needs: there the outlet and the date take a
    line each (a 36 px row holds two lines)."""
    return alt.Axis(labelLimit=LABEL_LIMIT, labelExpr=f"{NARROW} ? split(datum.label, ', ') : datum.label",
                    labelLineHeight=LINE, labelOffset=alt.ExprRef(lifted(f"{NARROW} ? 2 : 1")))


def present(order: Iterable[str], values: Iterable[str]) -> list[str]:
    """The categories of ``order`` that occur in ``values``, in ``order``'s order."""
    there = set(values)
    return [value for value in order if value in there]


def camp_scale(camps: Iterable[str], labels: dict[str, str]) -> alt.Scale:
    """A colour scale over the camps present (ids), shown by their labels, each in its book-wide colour."""
    ids = present(CAMP_ORDER, camps)
    return alt.Scale(domain=[labels[c] for c in ids], range=[CAMP_COLOURS[c] for c in ids])


def centred_offset(field: str, height: int, rows: int) -> alt.YOffset:
    """A vertical offset in pixels (``field``: 0 is the row's middle) for marks in the rows of a nominal y.

    With an offset channel Vega-Lite lays the rows out as bands and maps the offset onto the band from its top:
    without a scale (``scale=None``) an offset of 0 sat at the top of the band, half a row above the row's label.
    Mapped from [-half a row, +half a row] onto the band, 0 is its middle and a unit is about a pixel.
    """
    half = height / max(rows, 1) / 2
    return alt.YOffset(f"{field}:Q", scale=alt.Scale(domain=[-half, half]))


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (WCAG contrast of text on a filled mark)."""
    red, green, blue = (int(background.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4))
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"


def year_axis(earliest: str, latest: str) -> tuple[alt.Scale, alt.Axis]:
    """A time scale from 1 January of the first year to 1 January after the last, one tick a year, so no mark
    sits on the plot's edge and every year has its tick."""
    first, last = int(str(earliest)[:4]), int(str(latest)[:4]) + 1
    scale = alt.Scale(domain=[f"{first}-01-01", f"{last}-01-01"])
    return scale, alt.Axis(format="%Y", tickCount={"interval": "year", "step": 1}, labelAngle=0, grid=True)


def finish(chart: alt.TopLevelMixin, title: str, description: str, height: int) -> alt.TopLevelMixin:
    """The book's chart frame: full column width, a title, a description for screen readers, no mark-level ARIA.

    ``height`` is the plot's own height, in pixels.
    """
    # On a phone a long title takes two lines rather than losing its end to an ellipsis.
    text = alt.ExprRef(f"{NARROW} ? {json.dumps(textwrap.wrap(title, 40))} : {json.dumps(title)}")
    heading = alt.TitleParams(text, anchor="start", frame="bounds", fontSize=13, lineHeight=17, limit=alt.ExprRef(
        f"(containerSize()[0] || {WIDTH}) - 10"))
    return chart.properties(title=heading, description=description, width="container", height=height,
                            usermeta={"title": title}).configure(
        # the width fits the column; the height is the plot's, legends below it add to it, never squeeze it
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding", resize=True),
    ).configure_mark(aria=False).configure_axis(aria=False, labelFontSize=11, titleFontSize=12).configure_legend(
        aria=False, labelFontSize=11, titleFontSize=12).configure_view(stroke=None)


def chart_title(spec: dict) -> str:
    """A finished spec's title as one string (on a phone its ``text`` is an expression that breaks it in
    lines; :func:`finish` keeps the plain title in ``usermeta``)."""
    title = spec.get("usermeta", {}).get("title") or spec.get("title")
    return title.get("text", "") if isinstance(title, dict) else str(title or "")


# Several legends stack under the plot, each from the left edge, instead of side by side past the edge.
# Vega reads this; Vega-Lite passes it through but Altair's schema does not know it, so it is added to the
# finished spec (:func:`with_legend_layout`) rather than through ``configure_legend``.
LEGEND_LAYOUT = {"bottom": {"anchor": "start", "direction": "vertical", "margin": 8}}


def with_legend_layout(spec: dict) -> dict:
    """``spec`` (a Vega-Lite dict) with the book's legend layout in its config, for the site and the PDF."""
    config = dict(spec.get("config", {}))
    config["legend"] = {**config.get("legend", {}), "layout": LEGEND_LAYOUT}
    return {**spec, "config": config}
