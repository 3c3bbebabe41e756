"""The map of figures and tables (book/exhibits.md) is read from the chapters and names real functions."""

from __future__ import annotations

import importlib
import re

import pytest

from analysis import config
from analysis.site import inventory

SITE = config.BUILD_DIR / "html" / "book"


@pytest.fixture(scope="module")
def exhibits():
    return inventory.exhibits()


def test_a_known_chapter_is_mapped_exactly(exhibits):
    rows = exhibits[exhibits["chapter"] == "invitations"][["kind", "name", "computed_by", "drawn_by"]]
    assert rows.values.tolist() == [
        ["table", "tbl-requests", "analysis.chapters.invitations.requests_display", "analysis.site.book.table"],
        ["figure", "fig-requests-timeline", "analysis.chapters.invitations.request_events",
         "analysis.charts.requests_timeline"],
        ["figure", "fig-requests-matrix", "analysis.chapters.invitations.requests_matrix",
         "analysis.charts.requests_matrix"],
    ]


def test_assignments_are_followed_to_the_function_that_computes(exhibits):
    network = exhibits.set_index("name").loc["fig-comention-network", "computed_by"]
    assert network == "analysis.chapters.split.comention_nodes → analysis.chapters.split.comention_edges"


def test_every_named_function_exists(exhibits):
    for dotted in {*exhibits["drawn_by"], *" → ".join(exhibits["computed_by"]).split(" → ")}:
        module, _, name = dotted.rpartition(".")
        assert callable(getattr(importlib.import_module(module), name)), dotted


def test_every_exhibit_has_a_caption_and_an_anchor(exhibits):
    assert not exhibits[(exhibits["caption"] == "") | (exhibits["name"] == "")].values.tolist()
    assert exhibits["name"].is_unique


def test_every_figure_and_table_of_the_built_book_is_in_the_map(exhibits):
    built = set()
    for page in SITE.glob("*.html"):
        if page.stem != "exhibits":
            built |= set(re.findall(r'id="((?:fig|tbl)-[a-z0-9-]+)"', page.read_text(encoding="utf-8")))
    assert built and built == set(exhibits["name"])


def test_the_built_map_links_each_exhibit_to_where_it_stands(exhibits):
    text = (SITE / "exhibits.html").read_text(encoding="utf-8")
    for row in exhibits.itertuples():
        assert f'href="{row.chapter}.html#{row.name}"' in text
