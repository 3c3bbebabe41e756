"""The camp colours stay apart for every reader: normal vision and simulated colour-vision deficiencies.

Simulation: Machado, Oliveira and Fernandes (2009), severity 1, in linear RGB; difference: CIEDE2000.
A pair of camps closer than ``MIN_DIFFERENCE`` in any of the four views fails. Text on a coloured mark
(the request matrix's counts) is black or white by WCAG contrast, at least 4.5:1.
"""

from __future__ import annotations

import itertools
import math

import pytest

from analysis.charts.common import CAMP_COLOURS, text_colour

MIN_DIFFERENCE = 10.0
SIMULATIONS = {
    "normal vision": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def _linear(colour: str) -> list[float]:
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    return [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]


def _lab(rgb: list[float]) -> tuple[float, float, float]:
    rgb = [min(max(c, 0.0), 1.0) for c in rgb]
    xyz = [sum(m * c for m, c in zip(row, rgb, strict=True)) for row in
           ((0.4124, 0.3576, 0.1805), (0.2126, 0.7152, 0.0722), (0.0193, 0.1192, 0.9505))]
    x, y, z = (v / w for v, w in zip(xyz, (0.95047, 1.0, 1.08883), strict=True))
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def ciede2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """The CIEDE2000 colour difference (Sharma, Wu and Dalal 2005)."""
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p, h2p = math.degrees(math.atan2(b1, a1p)) % 360, math.degrees(math.atan2(b2, a2p)) % 360
    dh = 0.0 if c1p * c2p == 0 else (h2p - h1p + 180) % 360 - 180
    d_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_bar, c_bar_p = (l1 + l2) / 2, (c1p + c2p) / 2
    h_bar = h1p + h2p if c1p * c2p == 0 else ((h1p + h2p) / 2 if abs(h1p - h2p) <= 180 else (h1p + h2p + 360) / 2)
    t = (1 - 0.17 * math.cos(math.radians(h_bar - 30)) + 0.24 * math.cos(math.radians(2 * h_bar))
         + 0.32 * math.cos(math.radians(3 * h_bar + 6)) - 0.20 * math.cos(math.radians(4 * h_bar - 63)))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c, s_h = 1 + 0.045 * c_bar_p, 1 + 0.015 * c_bar_p * t
    r_t = (-2 * math.sqrt(c_bar_p ** 7 / (c_bar_p ** 7 + 25 ** 7))
           * math.sin(math.radians(60 * math.exp(-(((h_bar - 275) / 25) ** 2)))))
    terms = ((l2 - l1) / s_l, (c2p - c1p) / s_c, d_h / s_h)
    return math.sqrt(terms[0] ** 2 + terms[1] ** 2 + terms[2] ** 2 + r_t * terms[1] * terms[2])


def _seen(colour: str, matrix) -> tuple[float, float, float]:
    rgb = _linear(colour)
    return _lab([sum(m * c for m, c in zip(row, rgb, strict=True)) for row in matrix])


@pytest.mark.parametrize("vision", SIMULATIONS)
def test_every_pair_of_camps_stays_apart(vision):
    matrix = SIMULATIONS[vision]
    close = [(a, b, round(ciede2000(_seen(ca, matrix), _seen(cb, matrix)), 1))
             for (a, ca), (b, cb) in itertools.combinations(CAMP_COLOURS.items(), 2)
             if ciede2000(_seen(ca, matrix), _seen(cb, matrix)) < MIN_DIFFERENCE]
    assert close == []


def test_the_check_can_fail():
    """Red and green, far apart in normal vision, merge under deuteranopia."""
    red, green = "#d62728", "#2ca02c"
    normal, deutan = SIMULATIONS["normal vision"], SIMULATIONS["deuteranopia"]
    assert ciede2000(_seen(red, normal), _seen(green, normal)) > 30
    assert ciede2000(_seen(red, deutan), _seen(green, deutan)) < MIN_DIFFERENCE + 15


def _contrast(foreground: str, background: str) -> float:
    def luminance(colour: str) -> float:
        r, g, b = _linear(colour)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("camp, colour", CAMP_COLOURS.items())
def test_numbers_on_a_camp_colour_are_readable(camp, colour):
    assert _contrast(text_colour(colour), colour) >= 4.5, camp
