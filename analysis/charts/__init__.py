"""Altair charts: one builder per table, named like the table it draws.

Each builder takes the DataFrame of the same name (already aggregated, so a
chart embeds only a few rows), declares explicit encoding types, titles every
axis and sets a text ``description`` that the book prints under the chart and
screen readers announce. Tooltips show untrusted text (evidence sentences);
vega-embed's tooltip handler escapes it.
"""

from analysis.charts.comments import camps_in_comments_and_reporting, comment_themes
from analysis.charts.corpus import document_composition, document_timeline
from analysis.charts.embargo import embargo_chronology, embargo_stances
from analysis.charts.invitations import requests_matrix, requests_timeline
from analysis.charts.split import camps_by_document, comention_network

__all__ = [
    "camps_by_document", "camps_in_comments_and_reporting", "comention_network", "comment_themes",
    "document_composition", "document_timeline", "embargo_chronology", "embargo_stances", "requests_matrix",
    "requests_timeline",
]
