"""The whole book built from a generated corpus with one document of every shape (``make generated``).

``make test`` generates it (``python -m tests.corpus_shapes _build/generated-corpus --seed 1``) and builds
it with the same command as the main edition, which fails on any failing cell or warning. Here: every
page exists, every document reached the tables, and a chapter with nothing to show says so.
"""

from __future__ import annotations

import csv

import pytest
import yaml

from analysis import config
from analysis.site.serve import toc_pages

CORPUS = config.REPO_ROOT / "_build" / "generated-corpus"
SITE = config.REPO_ROOT / "_build" / "corpora" / "generated-corpus" / "_build" / "html"
PAGES = toc_pages(config.REPO_ROOT / "_toc.yml")


@pytest.fixture(scope="module")
def built() -> dict[str, str]:
    assert (SITE / "index.html").is_file(), "generated book not built: make generated (make test does)"
    return {page: (SITE / page).read_text(encoding="utf-8") for page in PAGES}


def test_every_page_is_built_without_an_error_output(built):
    for page, text in built.items():
        assert "Traceback" not in text and 'class="output traceback"' not in text, page
        assert "This edition was built from the corpus" in text, page


def test_every_generated_document_reaches_the_tables(built):
    entries = yaml.safe_load((CORPUS / "sources.yml").read_text(encoding="utf-8"))["documents"]
    with (SITE / "tables" / "csv" / "documents.csv").open(encoding="utf-8") as handle:
        exported = [row["doc_id"] for row in csv.DictReader(handle)]
    assert exported == [entry["id"] for entry in entries] and len(exported) >= 7


def test_a_chapter_with_nothing_to_show_says_so(built):
    assert "No actors named together in this corpus: nothing to chart here." in built["book/split.html"]
