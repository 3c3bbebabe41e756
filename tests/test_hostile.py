"""The hostile corpus (tests/fixtures/hostile) built as a book: nothing in it runs, everything shows.

``make test`` builds it first (``make html CORPUS=tests/fixtures/hostile``); its
documents and metadata carry <script>, <img onerror>, javascript: links,
Jinja/Liquid {{ }} and {% %}, Markdown and MyST syntax, in titles, outlets,
date evidence, body text, quotations, requests and reader comments.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from analysis import config
from analysis.site.serve import CHARTS_DRAWN, CHROMIUM, CHROMIUM_ARGS, mark_tooltip, serve, toc_pages

CORPUS = config.REPO_ROOT / "tests" / "fixtures" / "hostile"
SITE = config.REPO_ROOT / "_build" / "corpora" / "hostile" / "_build" / "html"
PAGES = toc_pages(config.REPO_ROOT / "_toc.yml")


@pytest.fixture(scope="module")
def hostile_pages():
    from playwright.sync_api import sync_playwright

    assert (SITE / "index.html").is_file(), "hostile book not built: make html CORPUS=tests/fixtures/hostile"
    results = {}
    with serve(SITE) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in PAGES:
            page = browser.new_page()
            seen = {"dialogs": [], "errors": [], "requests": []}
            page.on("dialog", lambda d, s=seen: (s["dialogs"].append(d.message), d.dismiss()))
            page.on("console", lambda m, s=seen: s["errors"].append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e, s=seen: s["errors"].append(str(e)))
            page.on("request", lambda r, s=seen: s["requests"].append(r.url))
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_function(CHARTS_DRAWN, timeout=15_000)
            seen["text"] = page.inner_text("body")
            seen["script_links"] = page.eval_on_selector_all("a[href^='javascript'], [onerror], [onmouseover]",
                                                             "els => els.length")
            if path == "book/invitations.html":
                seen["tooltip"] = _tooltip(page)
            page.close()
            results[path] = seen
        browser.close()
    return results


def _tooltip(page) -> tuple[str, int]:
    """Hover over the request marks of the timeline; return the tooltip's text and its element count."""
    marks = page.locator(".book-chart-canvas").first.locator("path.mark-symbol path, g.mark-symbol path")
    for index in range(marks.count()):
        tip = mark_tooltip(page, marks.nth(index))
        if tip is not None and "alert(" in tip.inner_text():
            return tip.inner_text(), tip.locator("img, script").count()
    return "", 0


@pytest.mark.parametrize("path", PAGES)
def test_no_script_runs(hostile_pages, path):
    seen = hostile_pages[path]
    assert seen["dialogs"] == [] and seen["errors"] == [], path
    assert seen["script_links"] == 0
    assert [u for u in seen["requests"] if urlparse(u).hostname != "127.0.0.1"] == []


def test_payloads_are_visible_as_text(hostile_pages):
    sources = hostile_pages["book/sources.html"]["text"]
    for raw in sorted((CORPUS / "raw").glob("*.txt")):
        for line in raw.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("Reader"):
                assert line.strip() in sources, line
    assert "<script>alert('headline-script'); console.error('XSS-MARKER')</script>" in sources
    assert "{{ 7*7 }}" in hostile_pages["book/corpus.html"]["text"]  # template syntax never evaluated
    assert "<script>alert('comment')</script>" in hostile_pages["book/comments.html"]["text"]


def test_chart_tooltips_escape_evidence(hostile_pages):
    text, elements = hostile_pages["book/invitations.html"]["tooltip"]
    assert "<script>alert('body-script')</script>" in text and elements == 0


def test_hostile_tables_export_unchanged(tmp_path):
    from tests.conftest import run_cli

    assert run_cli("export", "--corpus", str(CORPUS), "--out", str(tmp_path)).returncode == 0
    exported = (tmp_path / "paragraphs.csv").read_text(encoding="utf-8")
    assert "<script>alert('body-script')</script>" in exported
    assert Path(SITE / "tables" / "csv" / "paragraphs.csv").read_text(encoding="utf-8") == exported


def test_other_corpus_editions_say_so(hostile_pages):
    assert "This edition was built from the corpus" in hostile_pages["book/invitations.html"]["text"]
    assert "tests/fixtures/hostile" in hostile_pages["book/invitations.html"]["text"]


def test_the_main_edition_has_no_banner():
    assert "corpus-banner" not in (config.BUILD_DIR / "html" / "book" / "invitations.html").read_text()
