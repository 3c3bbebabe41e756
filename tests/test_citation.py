"""Citing the book: CITATION.cff is valid, every format comes from it, every page carries it."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
import yaml

from analysis import config
from analysis.site import citation
from analysis.site.serve import toc_pages

SITE = config.BUILD_DIR / "html"
PAGES = toc_pages(config.REPO_ROOT / "_toc.yml")


def test_citation_cff_is_valid():
    schema = json.loads((config.REPO_ROOT / "tests" / "schemas" / "cff-1.2.0.json").read_text())
    cff = yaml.safe_load((config.REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    cff["date-released"] = str(cff["date-released"])
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(cff)


def test_invalid_citation_cff_is_caught():
    schema = json.loads((config.REPO_ROOT / "tests" / "schemas" / "cff-1.2.0.json").read_text())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"cff-version": "1.2.0", "title": "x"}, schema)


def test_version_agrees_everywhere():
    work = citation.load_work()
    pyproject = (config.REPO_ROOT / "pyproject.toml").read_text()
    assert f'version = "{work.version}"' in pyproject
    from analysis import __version__

    assert __version__ == work.version


def test_zenodo_json_is_generated_from_cff():
    work = citation.load_work()
    assert (config.REPO_ROOT / ".zenodo.json").read_text(encoding="utf-8") == citation.zenodo_json(work)


def test_formats():
    work = citation.load_work()
    chapter = citation.chapter(work, "The arms embargo", "book/embargo.html")
    assert citation.bibtex(work).startswith("@book{libyarussia2026,")
    assert "booktitle = {Libya's appeals to Russia" in citation.bibtex(chapter)
    assert citation.apa(chapter).endswith("(Version 0.3.0).")  # no address until the book is hosted
    assert "url =" not in citation.bibtex(chapter) and "URL" not in citation.csl_json(chapter)
    item = json.loads(citation.csl_json(chapter))[0]
    assert (item["type"], item["issued"]["date-parts"], item["container-title"]) == (
        "chapter", [[2026, 12, 1]], work.title)


def test_licences_exist():
    assert (config.REPO_ROOT / "LICENSE").read_text().startswith("MIT License")
    assert "CC BY 4.0" in (config.REPO_ROOT / "LICENSE-TEXT.md").read_text()


@pytest.mark.parametrize("page", PAGES)
def test_every_page_carries_citation_and_version(page):
    text = (SITE / page).read_text(encoding="utf-8")
    title = re.search(r'<meta name="citation_title" content="([^"]*)"', text).group(1)
    assert title and title in re.search(r"<title>(.*?)</title>", text, re.S).group(1)
    assert '<meta property="og:title"' in text and "example.org" not in text
    assert "Version 0.3.0, released 2026-12-01" in text and "libya-russia-book.pdf'>PDF edition" in text
    assert '<meta name="citation_pdf_url"' not in text  # an absolute address needs the base URL


NOTEBOOKS = [p for p in PAGES if (config.REPO_ROOT / p).with_suffix(".ipynb").is_file()]


@pytest.mark.parametrize("page", sorted(set(PAGES) - set(NOTEBOOKS)))
def test_pages_that_run_nothing_have_a_cite_box_and_no_receipt(page):
    text = (SITE / page).read_text(encoding="utf-8")
    assert "<summary>Cite this chapter</summary>" in text
    assert "<summary>Reproducibility receipt</summary>" not in text


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_chapters_have_cite_box_and_receipt(page):
    text = (SITE / page).read_text(encoding="utf-8")
    assert "<summary>Cite this chapter</summary>" in text and "@incollection{" in text
    receipt = re.search(r"<summary>Reproducibility receipt</summary>(.*?)</aside>", text, re.S).group(1)
    assert "Git commit" in receipt and "Lock file (sha256)" in receipt and "Data (sha256)" in receipt
    assert re.search(r"Executed</dt><dd><code>20\d\d-\d\d-\d\d \d\d:\d\d UTC", receipt)


def test_no_sitemap_without_an_address():
    assert not (SITE / "sitemap.xml").exists()


def test_the_base_url_is_a_build_setting_that_cite_boxes_meta_tags_and_sitemap_read(tmp_path, monkeypatch):
    import subprocess

    from tests.conftest import JUPYTER_BOOK, tiny_book

    base = "https://books.example.net/libya-russia/"
    monkeypatch.setenv(citation.BASE_URL_ENV, base)
    citation.load_work.cache_clear()
    try:
        assert citation.apa(citation.chapter(citation.load_work(), "Page", "book/page.html")).endswith(
            f"(Version 0.3.0). {base}book/page.html")
    finally:
        citation.load_work.cache_clear()
    tiny_book(tmp_path, "plain")
    result = subprocess.run([str(JUPYTER_BOOK), "build", str(tmp_path), "-W", "-n", "--keep-going"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:]
    page = (tmp_path / "_build" / "html" / "book" / "page.html").read_text(encoding="utf-8")
    assert f'<meta name="citation_public_url" content="{base}book/page.html">' in page
    assert f"{base}book/page.html" in page.split("Cite this chapter", 1)[1]
    assert f'<meta name="citation_pdf_url" content="{base}book/libya-russia-book.pdf">' in page
    sitemap = (tmp_path / "_build" / "html" / "sitemap.xml").read_text()
    assert f"<loc>{base}book/page.html</loc>" in sitemap


def test_pdf_edition():
    from pypdf import PdfReader

    reader = PdfReader(SITE / "book" / "libya-russia-book.pdf")
    assert len(reader.pages) >= len(PAGES)
    text = " ".join(page.extract_text() for page in reader.pages)
    for heading in ("Invitations to Russia", "The arms embargo", "The Haftar–GNA split", "Reader reactions"):
        assert heading in text
    assert "Timeline of 12 requests" in text  # a chart description, printed with its drawn chart
    assert "Chart not drawn" not in text
