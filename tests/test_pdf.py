"""The PDF edition as a typeset book (pypdf): bookmarks, page numbers, a contents list that is right,
no site chrome, vector charts, wide tables on landscape pages, long tables repeating their header."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from analysis import config
from analysis.site import inventory, pdf

PDF = config.BUILD_DIR / "html" / "book" / pdf.PDF_NAME
# Site chrome, as whole lines (the sources appendix prints the articles' own chrome, "Back to top button").
CHROME = ("Back to top", "Cite this chapter", "Reproducibility receipt", "Search this book… Ctrl+K", "Search",
          "PDF edition", "Toggle primary sidebar", "Previous", "Next")
CHROME_PARTS = ("Chart not drawn", "Data of “", "Ctrl+K")


@pytest.fixture(scope="module")
def reader() -> PdfReader:
    assert PDF.is_file(), "the PDF edition is not built: make book (make test does)"
    return PdfReader(PDF)


@pytest.fixture(scope="module")
def texts(reader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def _top_level(reader) -> dict[str, int]:
    return {item.title: reader.get_destination_page_number(item) + 1 for item in reader.outline
            if not isinstance(item, list)}


def test_every_chapter_has_a_bookmark_and_sections_are_nested(reader):
    bookmarks = _top_level(reader)
    for title in inventory.chapter_titles().values():
        assert title.replace("'", "’") in bookmarks or title in bookmarks, title
    assert any(isinstance(item, list) and item for item in reader.outline)  # sections under chapters


def test_pages_carry_their_numbers(texts):
    for number, text in enumerate(texts[1:], 2):  # the title page has none
        assert str(number) in [line.strip() for line in text.splitlines()], number


def test_no_page_carries_site_chrome(texts):
    for number, text in enumerate(texts, 1):
        lines = {line.strip() for line in text.splitlines()}
        assert not lines & set(CHROME) and not [c for c in CHROME_PARTS if c in text], number


def test_the_contents_page_lists_the_pages_the_chapters_start_on(reader, texts):
    listed = dict(re.findall(r"^(.+?) (?:\. )+\.? ?(\d+)$", texts[1], flags=re.MULTILINE))
    listed = {title.strip(" ."): int(page) for title, page in listed.items()}
    bookmarks = _top_level(reader)
    assert len(listed) >= len(inventory.chapter_titles())
    for title, page in listed.items():
        assert bookmarks[title] == page, title


def test_charts_are_vectors_with_their_text(reader, texts):
    assert sum(len(page.images) for page in reader.pages) == 0  # no chart was rasterised
    assert any("Who asked, and when" in text for text in texts)


def test_wide_tables_get_a_landscape_page(reader, texts):
    landscape = [i for i, page in enumerate(reader.pages) if page.mediabox.width > page.mediabox.height]
    assert landscape and any("CAMEO" in texts[i] for i in landscape)


def test_a_table_running_over_pages_repeats_its_header(texts):
    chronology = [t for t in texts if "public record" in t and "(background)" in t]
    assert len(chronology) >= 2 and all(t.lstrip().startswith(("Chronology", "date dated to kind event source"))
                                        or "date dated to kind event source" in t for t in chronology)
