"""The built site in a real browser: charts draw, no console errors, no outside requests.

Needs the site built (``make test`` builds it first) and Debian's Chromium
(``.ci/run`` installs it). Every page of the table of contents is checked.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from analysis import config
from analysis.site.serve import CHARTS_SETTLED, CHROMIUM, CHROMIUM_ARGS, serve, toc_pages

SITE = config.BUILD_DIR / "html"
PAGES = toc_pages(config.REPO_ROOT / "_toc.yml")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert (SITE / "index.html").is_file(), "the site is not built: run `make book` (make test does)"
    assert Path(CHROMIUM).is_file(), f"Chromium not found at {CHROMIUM}: apt-get install chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def base_url():
    with serve(SITE) as url:
        yield url


AXE = config.REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = ("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
           ".filter(v => ['serious', 'critical'].includes(v.impact))"
           ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))")


@pytest.fixture(scope="module")
def visits(browser, base_url) -> dict[str, dict]:
    """Every page opened once: console errors, requests, charts and axe-core's findings."""
    return {path: visit(browser, base_url + path, accessibility=True) for path in PAGES}


def visit(browser, url: str, accessibility: bool = False) -> dict:
    """Open ``url``, wait for charts, and report console errors, outside requests, charts (and axe)."""
    page = browser.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: requests.append(req.url))
    page.goto(url, wait_until="networkidle")
    page.wait_for_function(CHARTS_SETTLED, timeout=15_000)
    charts = page.eval_on_selector_all(
        ".book-chart-canvas",
        "els => els.map(el => ({id: el.id, drawn: !!el.querySelector('svg, canvas'),"
        " label: el.getAttribute('aria-label') || '', text: el.textContent.slice(0, 200)}))",
    )
    violations = None
    if accessibility:
        assert AXE.is_file(), "axe-core is not installed: run `make test` (it runs npm ci)"
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(AXE_RUN)
    page.close()
    return {"errors": errors, "requests": requests, "charts": charts, "violations": violations}


def test_toc_lists_the_pages():
    assert PAGES[:2] == ["book/index.html", "book/corpus.html"]


@pytest.mark.parametrize("page_path", PAGES)
def test_page_renders_offline(visits, page_path):
    result = visits[page_path]
    assert result["errors"] == [], f"console errors on {page_path}"
    outside = [u for u in result["requests"] if urlparse(u).hostname != "127.0.0.1"]
    assert outside == [], f"{page_path} requested other hosts"
    for chart in result["charts"]:
        assert chart["drawn"], f"chart {chart['id']} on {page_path} did not draw: {chart['text']}"
        assert len(chart["label"]) > 40, f"chart {chart['id']} on {page_path} has no text description"


def test_corpus_chapter_has_both_charts(visits):
    result = visits["book/corpus.html"]
    assert len(result["charts"]) == 2
    labels = " ".join(c["label"] for c in result["charts"])
    assert "Timeline of 5 documents, Sputnik, 2 Dec 2015; Libyan Gazette, May 2016 (9–15 May 2016)" in labels
    assert "reader comments" in labels


@pytest.mark.parametrize("page_path", PAGES)
def test_no_serious_accessibility_violations(visits, page_path):
    """axe-core (npm registry, installed by make) on every page: no serious or critical violation."""
    assert visits[page_path]["violations"] == [], f"{page_path}: {visits[page_path]['violations']}"


def test_search_works_offline(browser, base_url):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.goto(base_url + "search.html?q=Haftar", wait_until="networkidle")
    page.wait_for_selector("#search-results ul.search li", timeout=15_000)
    results = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(e => e.textContent)")
    page.close()
    assert "The Haftar–GNA split" in results
    assert [u for u in requests if urlparse(u).hostname != "127.0.0.1"] == []
