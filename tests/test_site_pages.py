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


def test_each_citation_label_names_one_work():
    """Author–year labels are unique ("United Nations Security Council, 2011a" and "…, 2011b", _ext/year_suffix):
    across the book, one label text always links to the same bibliography entry."""
    targets: dict[str, set[str]] = {}
    for page in sorted((SITE / "book").glob("*.html")):
        for target, label in re.findall(r'href="bibliography\.html#([\w-]+)"[^>]*>([^<]+)</a>',
                                        page.read_text(encoding="utf-8")):
            targets.setdefault(label, set()).add(target)
    assert len(targets) > 20
    assert {label: ids for label, ids in targets.items() if len(ids) > 1} == {}
    assert "United Nations Security Council, 2011b" in targets


def test_year_letters_follow_the_dates():
    """Within one author and year, the letters follow month and day; other entries keep their year."""
    import importlib.util
    from types import SimpleNamespace

    spec = importlib.util.spec_from_file_location("year_suffix", config.REPO_ROOT / "_ext" / "year_suffix.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    year_suffixes = module.year_suffixes

    def work(year: str, month: str = "", day: str = "", author: str = "UNSC") -> SimpleNamespace:
        return SimpleNamespace(fields={"year": year, "month": month, "day": day, "title": "t"},
                               persons={"author": [author]})

    entries = {"sep": work("2011", "sep", "16"), "feb": work("2011", "feb", "26"), "solo": work("2013"),
               "other": work("2011", author="Reuters")}
    assert year_suffixes(entries) == {"feb": "2011a", "sep": "2011b"}


def _bibliography_entries() -> dict[str, str]:
    """Entry id → the entry's text, in the order the built bibliography lists them."""
    from html import unescape

    page = (SITE / "book" / "bibliography.html").read_text(encoding="utf-8")
    found = re.findall(r'<div class="citation" id="([\w-]+)" role="doc-biblioentry">\s*<span class="label">.*?</span>'
                       r"\s*<p>(.*?)</p>", page, flags=re.S)
    return {ident: unescape(re.sub(r"<[^>]+>", "", body)) for ident, body in found}


def test_each_citation_opens_the_entry_it_names():
    """Author–date: "(Sputnik, 2015)" links to an entry that opens "Sputnik (2015, …)", so the citation and the
    bibliography name a work the same way, with its year letter."""
    entries = _bibliography_entries()
    checked = 0
    for page in sorted((SITE / "book").glob("*.html")):
        for target, label in re.findall(r'href="bibliography\.html#([\w-]+)"[^>]*>([^<]+)</a>',
                                        page.read_text(encoding="utf-8")):
            author, _, year = label.rpartition(", ")
            lead = author.split(" and ")[0].split(" et al.")[0]
            surname = lead.split()[-1] if " " in lead and not lead.isupper() else lead
            assert entries[target].startswith(surname) or entries[target].startswith(lead), (page.name, label)
            assert f"({year}" in entries[target].split(")")[0] + ")", (page.name, label, entries[target][:80])
            checked += 1
    assert checked > 20


def test_bibliography_is_one_alphabet():
    """People and organisations in one alphabet (an initial "The" ignored), then year: AFP's and Al-Alam's
    works no longer come after every personal surname, as braces sorted after "z"."""
    entries = list(_bibliography_entries().values())
    assert len(entries) == len(re.findall(r"^@\w+\{", (config.REPO_ROOT / "references.bib").read_text(
        encoding="utf-8"), flags=re.M))

    def key(text: str) -> tuple[str, str]:
        name, _, rest = text.partition(" (")
        return re.sub(r"^the\s+", "", name.casefold()), rest.split(")")[0]

    assert [key(e) for e in entries] == sorted(key(e) for e in entries)
    assert entries[0].startswith("Al-Alam (2015, 2 December)")
    assert not any(re.match(r"\[\d+\]", e) for e in entries)


def test_corpus_documents_are_filed_as_the_chapters_cite_them():
    """Each corpus document's entry is filed under the outlet the chapters name and says how they cite it
    ("SouthFront, Sep 2016"), so a reader who meets the label in a chapter finds the work under S, not under
    Izvestia, whose story SouthFront translated."""
    from analysis.chapters import labels
    from analysis.corpus.load import load_corpus

    sources = load_corpus(config.DATA_DIR, read_texts=False).sources
    entries = _bibliography_entries().values()
    assert len(sources) == 5
    for doc in sources:
        label = labels.document(doc.outlet, doc.published, doc.date_precision)
        url = doc.meta["url"].rstrip("/")
        matching = [e for e in entries if url in e]
        assert len(matching) == 1, doc.id
        assert matching[0].startswith(doc.outlet.split(" (")[0]), (doc.id, matching[0][:60])
        assert f"cited in the chapters as “{label}”" in matching[0], (doc.id, label)


def test_the_sources_page_lists_its_documents_in_its_contents():
    """Each document of the sources appendix is an HTML output, not a Markdown heading: the page's "Contents"
    still lists every one, by its label, linked to its section (_ext/book_pages.toc_with_output_headings)."""
    page = (SITE / "book" / "sources.html").read_text(encoding="utf-8")
    nav = page[page.index('id="pst-page-toc-nav"'):]
    nav = nav[:nav.index("</nav>")]
    sections = re.findall(r'<section class="source-document" id="(doc-\d+)"', page)
    assert len(sections) == 5
    assert re.findall(r'href="#(doc-\d+)"', nav) == sections
    assert '>Sputnik, 2 Dec 2015</a>' in nav and '>The Defense Post (AFP), 16 Apr 2021</a>' in nav
