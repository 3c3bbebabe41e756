"""The chapters keep their promises: sourced links resolve, quotations are exact, figures are numbered."""

from __future__ import annotations

import re

import nbformat
import pytest

from analysis import config

THEMES = ["invitations", "embargo", "split", "comments"]
CHAPTERS = sorted(p.stem for p in config.BOOK_DIR.glob("*.ipynb"))
LINK = re.compile(r'href="sources\.html#([\w-]+)"')
QUOTED = re.compile(r'"([^"]+?)"|“([^”]+?)”')


def _notebook(name: str) -> nbformat.NotebookNode:
    return nbformat.read(config.BOOK_DIR / f"{name}.ipynb", as_version=4)


def _markdown(name: str) -> str:
    return "\n".join(c.source for c in _notebook(name).cells if c.cell_type == "markdown")


def _html_outputs(name: str) -> list[str]:
    return [o["data"]["text/html"] for c in _notebook(name).cells if c.cell_type == "code"
            for o in c.get("outputs", []) if "text/html" in o.get("data", {})]


@pytest.fixture(scope="module")
def corpus_text(seed_tables) -> str:
    return " ".join(" ".join(t.split()) for t in seed_tables["paragraphs"]["text"])


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_source_link_resolves(name, seed_tables):
    para_ids = set(seed_tables["paragraphs"]["para_id"])
    links = LINK.findall(_markdown(name)) + [m for html in _html_outputs(name) for m in LINK.findall(html)]
    assert set(links) <= para_ids, sorted(set(links) - para_ids)


@pytest.mark.parametrize("name", THEMES)
def test_theme_chapters_link_their_claims(name):
    assert len(set(LINK.findall(_markdown(name)))) >= 8


@pytest.mark.parametrize("name", THEMES)
def test_quotations_in_the_prose_are_exact(name, corpus_text):
    prose = re.sub(r"<[^>]+>", "", _markdown(name))  # link markup is not quoted text
    for straight, curly in QUOTED.findall(prose):
        quote = " ".join((straight or curly).split())
        if len(quote.split()) >= 3 and not quote.startswith("{"):
            assert quote in corpus_text, f"not in the sources: {quote!r}"


@pytest.mark.parametrize("name", THEMES)
def test_figures_are_captioned_referenced_and_described(name):
    nb = _notebook(name)
    figures = [c.metadata["mystnb"]["figure"] for c in nb.cells if "mystnb" in c.metadata]
    assert len(figures) >= 2
    prose = _markdown(name)
    for figure in figures:
        assert figure["caption"] and f"{{numref}}`{figure['name']}`" in prose
    charts = [h for h in _html_outputs(name) if 'class="book-chart"' in h]
    assert len(charts) == len(figures)
    for chart in charts:
        assert len(re.search(r'<p class="book-chart-description">(.*?)</p>', chart, re.S)
                   .group(1)) > 60
    assert any('class="dataframe book-table"' in h for h in _html_outputs(name))


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapters_hold_no_logic(name):
    for cell in _notebook(name).cells:
        if cell.cell_type == "code":
            assert not re.search(r"^\s*(def|class|for|while)\b", cell.source, re.M), cell.source
            assert len(cell.source.splitlines()) <= 10


def test_comments_chapter_escapes_reader_text():
    tables = [h for h in _html_outputs("comments") if "book-table" in h]
    assert tables and all("<script" not in t and "onerror" not in t for t in tables)
    assert "Russia has no magic wand...to free Libya" in tables[0]


def test_introduction_links_every_chapter():
    intro = _markdown("index")
    for name in ["corpus", *THEMES, "sources", "chronology"]:
        assert f"({name}.ipynb)" in intro, name


def test_the_sources_page_says_how_a_paragraph_repeats(seed_tables):
    """Sputnik ¶6 repeats ¶2 but for a final full stop: "the same words, punctuation aside", not "exact";
    the Libyan Gazette's second "Forgot password?" is word for word; what each note says is in the page."""
    from analysis.chapters.sources import SourcesView

    page = SourcesView(seed_tables["documents"], seed_tables["paragraphs"])._repr_html_()

    def note(para_id: str) -> str:
        block = page.split(f'id="{para_id}"', 1)[1].split("</div>", 1)[0]
        return block.split('<span class="segment-label">', 1)[1].split("</span>", 1)[0]

    assert note("doc-000-p006").endswith("repeats ¶2 (the same words, punctuation aside)")
    assert note("doc-001-p020").endswith("repeats ¶19 (word for word)")
    assert note("doc-002-p017").endswith("repeats ¶16 (contained in it)")
    assert note("doc-004-p011").endswith("repeats ¶3 (nearly the same)")
    assert "(exact)" not in page
