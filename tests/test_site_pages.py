"""What the built site offers besides chapters: downloads, the glossary and its links."""

from __future__ import annotations

import re

from analysis import config
from analysis.chapters.glossary import anchor, terms
from analysis.extract.codebook import load_codebook
from analysis.tables.schema import TABLES
from tests.conftest import run_cli

SITE = config.BUILD_DIR / "html"


def test_exported_tables_are_downloadable_and_current(tmp_path):
    assert run_cli("export", "--out", str(tmp_path)).returncode == 0
    for name in TABLES:
        assert (SITE / "tables" / "csv" / f"{name}.csv").read_bytes() == (tmp_path / f"{name}.csv").read_bytes()
        assert (SITE / "tables" / "parquet" / f"{name}.parquet").stat().st_size > 0
    assert (SITE / "tables" / "data-dictionary.csv").read_text().startswith("table,column,type,nullable,meaning")
    page = (SITE / "book" / "data-dictionary.html").read_text(encoding="utf-8")
    assert 'href="../tables/csv/quotes.csv" download' in page


def test_glossary_covers_the_acronyms():
    table = terms(load_codebook()).set_index("term")
    for term in ("GNA", "GNU", "HoR", "LNA", "PC", "UNSMIL", "NTC", "GNC"):
        assert term in table.index, term
    assert table.loc["HoR", "definition"].startswith("House of Representatives")
    page = (SITE / "book" / "glossary.html").read_text(encoding="utf-8")
    assert f'id="{anchor("UNSMIL")}"' in page


def test_chapters_link_terms_but_sources_stay_as_written():
    split = (SITE / "book" / "split.html").read_text(encoding="utf-8")
    assert f'class="glossary-term" href="glossary.html#{anchor("GNA")}">GNA</a>' in split
    assert len(re.findall(r'class="glossary-term"[^>]*>GNA<', split)) == 1  # first use only
    assert 'class="glossary-term"' not in (SITE / "book" / "sources.html").read_text(encoding="utf-8")


def test_charts_offer_their_data():
    page = (SITE / "book" / "invitations.html").read_text(encoding="utf-8")
    assert page.count('class="chart-data"') == 2
    assert 'href="data:text/csv;charset=utf-8,event_id%2Cdate' in page


def test_tables_are_numbered_and_referenced():
    for page in ("corpus", "invitations", "embargo", "split", "comments"):
        text = (SITE / "book" / f"{page}.html").read_text(encoding="utf-8")
        numbers = re.findall(r"<span class='table-number'>Table (\d+)\.</span>", text)
        assert numbers and numbers == [str(n) for n in range(1, len(numbers) + 1)], page
        refs = re.findall(r'class="table-ref" href="#([\w-]+)">Table (\d+)</a>', text)
        assert refs and "Table ?" not in text, page
        for ident, number in refs:
            assert re.search(rf'<table[^>]*id="{ident}"[^>]*><caption[^>]*><span class=\'table-number\'>'
                             rf"Table {number}\.", text), (page, ident)
