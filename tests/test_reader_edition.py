"""Every page as a reader sees it, in Chromium at 1280 px (a desktop) and 390 px (a phone, by touch).

One browser, one context per width, every page of the table of contents opened once per width; each
page is measured in one pass: sideways scrolling, tables and charts against their column, literal
backslash escapes, internal ids where readers need labels, chart legends against the chart's data.
Then a mark of every chart is hovered (or tapped) and its tooltip read, and the sidebar toggles tapped.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from analysis import config
from analysis.chapters import labels
from analysis.chapters.record import load_record
from analysis.corpus.load import load_corpus
from analysis.extract.codebook import load_codebook
from analysis.site.serve import CHARTS_SETTLED, CHROMIUM, CHROMIUM_ARGS, mark_tooltip, serve, toc_pages

SITE = config.BUILD_DIR / "html"
PAGES = toc_pages(config.REPO_ROOT / "_toc.yml")
WIDTHS = {"desktop": 1280, "phone": 390}
# Reference pages whose job is to show the ids: the codebook itself and the data dictionary.
ID_PAGES = ("book/codebook.html", "book/data-dictionary.html")

MEASURE = """() => {
  const column = document.querySelector('article.bd-article');
  const width = column.clientWidth;
  const page = document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth;
  const framed = el => el.closest('.book-table-wrap, .pst-scrollable-table-container');
  const tables = [...column.querySelectorAll('table')].map(t => {
    const frame = framed(t);
    return {id: t.id || t.className, width: t.getBoundingClientRect().width,
            frame: frame ? frame.getBoundingClientRect().width : null};
  });
  // Texts of a chart (axis and legend labels, titles, labels on marks) that overlap: labels Vega hid for
  // overlap have opacity 0; slanted labels of one angle overlap only if their lines are closer than a letter.
  const angle = t => {
    const m = /rotate\\((-?[\\d.]+)/.exec(t.getAttribute('transform') || '');
    return m ? +m[1] : 0;
  };
  const collisions = c => {
    const boxes = [...c.querySelectorAll('svg text')]
      .filter(t => t.textContent.trim() && !t.closest('[opacity="0"]') && getComputedStyle(t).opacity !== '0')
      .map(t => ({text: t.textContent, box: t.getBoundingClientRect(), angle: angle(t),
                  size: parseFloat(getComputedStyle(t).fontSize)})).filter(x => x.box.width > 0);
    const hits = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const p = boxes[i], q = boxes[j], a = p.box, b = q.box;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w <= 1 || h <= 1) continue;
      const apart = Math.abs(a.right - b.right) * Math.abs(Math.sin(p.angle * Math.PI / 180));
      if (p.angle && p.angle === q.angle && apart >= 0.9 * Math.min(p.size, q.size)) continue;
      hits.push(p.text + ' | ' + q.text);
    }
    return hits;
  };
  // How far each mark's centre sits from the nearest row label's centre, in rows, on charts with a row axis
  // (one whose labels stand one above another): a mark half a row off reads as the next row's.
  const centre = b => (b.top + b.bottom) / 2;
  const offRow = c => {
    const axes = [...c.querySelectorAll('.role-axis')].map(a => [...a.querySelectorAll('.role-axis-label text')]
      .map(t => t.getBoundingClientRect())).filter(bs => bs.length > 1 && new Set(bs.map(centre)).size === bs.length
        && Math.abs(bs[0].right - bs[1].right) < 2);
    if (!axes.length) return 0;
    const rows = axes[0].map(centre).sort((a, b) => a - b);
    const step = Math.min(...rows.slice(1).map((r, i) => r - rows[i]));
    const marks = [...c.querySelectorAll('.role-mark path, .role-mark rect')]
      .filter(m => !m.closest('.role-axis, .role-legend')).map(m => m.getBoundingClientRect()).filter(b => b.height);
    return Math.max(0, ...marks.map(b => Math.min(...rows.map(r => Math.abs(centre(b) - r))) / step));
  };
  // Pairs of point marks (symbols, not the legend's) whose centres are nearer than 0.6 of the smaller one's
  // width: one hides most of the other.
  const hidden = c => {
    const b = [...c.querySelectorAll('.role-mark.mark-symbol path')].filter(m => !m.closest('.role-legend'))
      .map(m => m.getBoundingClientRect()).filter(r => r.width);
    let pairs = 0;
    for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) {
      const dx = b[i].x + b[i].width / 2 - b[j].x - b[j].width / 2, dy = centre(b[i]) - centre(b[j]);
      if (Math.hypot(dx, dy) < 0.6 * Math.min(b[i].width, b[j].width)) pairs++;
    }
    return pairs;
  };
  // every chart of the page, in the column or not
  const charts = [...document.querySelectorAll('.book-chart-canvas')].map(c => {
    const svg = c.querySelector('svg');
    return {id: c.id, box: c.getBoundingClientRect().width, drawn: svg ? svg.getBoundingClientRect().width : 0,
            rendered: !!c.querySelector('svg, canvas'), label: c.getAttribute('aria-label') || '',
            notice: c.textContent.slice(0, 200),
            legend: [...c.querySelectorAll('.role-legend-label text')].map(t => t.textContent),
            collisions: collisions(c), offRow: offRow(c), hidden: hidden(c),
            // Vega cuts a text longer than its limit with an ellipsis: a label, a legend entry or a title
            cut: [...c.querySelectorAll('svg text')].map(t => t.textContent).filter(s => s.includes('…'))};
  });
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, parent = node.parentElement;
    if (!parent || parent.closest('script, style, noscript, .sr-only')) continue;
    const style = getComputedStyle(parent);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    if (node.textContent.trim()) texts.push(node.textContent.trim());
  }
  return {width, page, tables, charts, texts};
}"""


def _ids_with_labels() -> set[str]:
    """Every id the data uses that has a label for readers: actors, camps, request types, themes, documents,
    public-record events and their sources."""
    codebook = load_codebook()
    ids = set(codebook.actors) | set(codebook.camps) | {"none"} | set(codebook.request_types)
    ids |= set(codebook.themes) | set(codebook.comment_themes)
    ids |= {doc.id for doc in load_corpus(read_texts=False).sources}
    record = load_record()
    return ids | set(record["event_id"]) | set(record["source"])


IDS = _ids_with_labels()
SPECIAL = re.compile(r"[-_]")
# Theme ids that are plain words ("legitimacy", "economy") are also the words a cue column shows as written.
WORDS = {t for t in (*load_codebook().themes, *load_codebook().comment_themes) if not SPECIAL.search(t)}


def _leaked(texts: list[str]) -> list[str]:
    """Visible texts that are an id, or hold an id with a hyphen or underscore as a word."""
    found = [t for t in texts if t in IDS - WORDS]
    for text in texts:
        found += [w for w in re.findall(r"[\w-]+", text) if SPECIAL.search(w) and w in IDS]
    return sorted(set(found))


def _chart_values(html: str) -> dict[str, set[str]]:
    """For each chart of a page (by element id), every value of its embedded datasets, as text."""
    values = {}
    for match in re.finditer(r'<div id="(chart-[0-9a-f]+)"', html):
        script = html[match.end():html.index("</script>", match.end())]
        spec = json.JSONDecoder().raw_decode(script, script.index("vegaEmbed(el, ") + len("vegaEmbed(el, "))[0]
        values[match.group(1)] = {str(v) for rows in spec.get("datasets", {}).values() for row in rows
                                  for v in row.values()}
    return values


AXE = config.REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = ("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
           ".filter(v => ['serious', 'critical'].includes(v.impact))"
           ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))")


@pytest.fixture(scope="module")
def seen() -> dict[tuple[str, str], dict]:
    """Every page opened once at each width, in one browser: what it logged and requested, its charts,
    axe-core's findings (desktop), its layout, its tooltips and its sidebar.

    One pass serves every browser check of the main build, so each page is loaded twice in all, not
    three times: the console and request log run from before the page loads until it is left, through
    the hovers and taps, so they see at least what a separate visit saw.
    """
    from playwright.sync_api import sync_playwright

    assert (SITE / "index.html").is_file(), "the site is not built: run `make book` (make test does)"
    assert Path(CHROMIUM).is_file(), f"Chromium not found at {CHROMIUM}: apt-get install chromium"
    assert AXE.is_file(), "axe-core is not installed: run `make test` (it runs npm ci)"
    results: dict[tuple[str, str], dict] = {}
    log: dict[str, list[str]] = {}
    with serve(SITE) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for device, width in WIDTHS.items():
            phone = device == "phone"
            context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=phone, has_touch=phone)
            page = context.new_page()
            page.on("console", lambda msg: log["errors"].append(msg.text) if msg.type == "error" else None)
            page.on("pageerror", lambda exc: log["errors"].append(str(exc)))
            page.on("request", lambda req: log["requests"].append(req.url))
            for path in PAGES:
                log.update(errors=[], requests=[])
                # On the desktop, the network idle (no request for half a second), so that a late request is
                # logged; on the phone, "load" and then fonts and charts, which is what layout depends on.
                page.goto(base + path, wait_until="load" if phone else "networkidle")
                page.wait_for_function(f"() => document.fonts.status === 'loaded' && ({CHARTS_SETTLED})()",
                                       timeout=15_000)
                seen_here = page.evaluate(MEASURE)
                if not phone:
                    page.add_script_tag(path=str(AXE))
                    seen_here["violations"] = page.evaluate(AXE_RUN)
                seen_here.update(tooltips=_tooltips(page, phone), sidebar=_sidebar(page, phone))
                results[(device, path)] = {**seen_here, **log}
            context.close()
        browser.close()
    return results


SIDEBAR_CHANGED = ("(before) => document.getElementById('pst-primary-sidebar-modal')?.open"
                   " || document.getElementById('pst-primary-sidebar').classList.contains('pst-sidebar-hidden')"
                   " !== before")


def _tooltips(page, phone: bool) -> list[str]:
    """The tooltip text of the first few marks of every chart, hovered, or tapped on a phone."""
    texts = []
    for chart in page.locator(".book-chart-canvas").all():
        marks = chart.locator("g.role-mark path")  # symbols and bars; rules of zero length cannot be tapped
        if not marks.count():
            marks = chart.locator("g.role-mark line")
        for index in range(min(marks.count(), 3)):
            tip = mark_tooltip(page, marks.nth(index), tap=phone)
            if tip is not None:
                texts.append(tip.inner_text())
    return texts


def _sidebar(page, phone: bool) -> str:
    """Tap (or click) the visible primary toggle: 'modal' if the sidebar opened as a dialog, 'toggled' if
    the desktop sidebar was hidden, else what happened."""
    toggle = page.locator(".primary-toggle:visible").first
    if not toggle.count():
        return "no visible toggle"
    before = page.evaluate("() => document.getElementById('pst-primary-sidebar').classList"
                           ".contains('pst-sidebar-hidden')")
    toggle.tap() if phone else toggle.click()
    try:  # the dialog opens, or the desktop sidebar's class flips, within a frame or two of the tap
        page.wait_for_function(SIDEBAR_CHANGED, arg=before, timeout=1_000)
    except Exception:  # noqa: BLE001 - nothing happened: reported below as 'nothing'
        pass
    state = page.evaluate("""(before) => {
        const modal = document.getElementById('pst-primary-sidebar-modal');
        if (modal && modal.open) { const links = modal.querySelectorAll('a').length; modal.close();
                                   return links ? 'modal' : 'empty modal'; }
        const hidden = document.getElementById('pst-primary-sidebar').classList.contains('pst-sidebar-hidden');
        return hidden !== before ? 'toggled' : 'nothing';
    }""", before)
    if state == "toggled":
        toggle.click()  # show it again for the next page
    return state


CASES = [(device, path) for device in WIDTHS for path in PAGES]


def _outside(requests: list[str]) -> list[str]:
    """The requests to any host but the local test server: the site must need none."""
    return [u for u in requests if urlparse(u).hostname != "127.0.0.1"]


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_offline(seen, path):
    """Desktop: no console error, no request to another host, every chart drawn with its description."""
    result = seen[("desktop", path)]
    assert any(u.endswith(path) for u in result["requests"]), "the request log missed the page itself"
    assert result["errors"] == [], f"console errors on {path}: {result['errors']}"
    assert _outside(result["requests"]) == [], f"{path} requested other hosts"
    for chart in result["charts"]:
        assert chart["rendered"], f"chart {chart['id']} on {path} did not draw: {chart['notice']}"
        assert len(chart["label"]) > 40, f"chart {chart['id']} on {path} has no text description"


@pytest.mark.parametrize("path", PAGES)
def test_a_phone_sees_no_console_error_and_no_outside_request(seen, path):
    result = seen[("phone", path)]
    assert any(u.endswith(path) for u in result["requests"]), "the request log missed the page itself"
    assert result["errors"] == [], f"console errors on {path}: {result['errors']}"
    assert _outside(result["requests"]) == [], path


def test_corpus_chapter_has_both_charts(seen):
    result = seen[("desktop", "book/corpus.html")]
    assert len(result["charts"]) == 2
    labels = " ".join(c["label"] for c in result["charts"])
    assert "Timeline of 5 documents, Sputnik, 2 Dec 2015; Libyan Gazette, May 2016 (9–15 May 2016)" in labels
    assert "reader comments" in labels


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(seen, path):
    """axe-core (npm registry, installed by make) on every page: no serious or critical violation."""
    violations = seen[("desktop", path)]["violations"]
    assert violations == [], f"{path}: {violations}"


@pytest.mark.parametrize("device, path", CASES)
def test_no_page_scrolls_sideways(seen, device, path):
    assert seen[(device, path)]["page"] <= 1


@pytest.mark.parametrize("device, path", CASES)
def test_tables_fit_their_column_or_scroll_inside_a_frame(seen, device, path):
    measured = seen[(device, path)]
    for table in measured["tables"]:
        fits = table["width"] <= measured["width"] + 1
        framed = table["frame"] is not None and table["frame"] <= measured["width"] + 1
        assert fits or framed, table


@pytest.mark.parametrize("device, path", CASES)
def test_charts_fit_their_box_and_their_box_fits_the_column(seen, device, path):
    measured = seen[(device, path)]
    for chart in measured["charts"]:
        assert 0 < chart["drawn"] <= chart["box"] + 1 and chart["box"] <= measured["width"] + 1, chart


@pytest.mark.parametrize("device, path", CASES)
def test_no_literal_backslash_escapes(seen, device, path):
    assert not [t for t in seen[(device, path)]["texts"] if re.search(r"\\[ntr\"']", t)]


@pytest.mark.parametrize("device, path", [c for c in CASES if c[1] not in ID_PAGES])
def test_readers_see_labels_not_ids(seen, device, path):
    assert _leaked(seen[(device, path)]["texts"]) == []


@pytest.mark.parametrize("device, path", CASES)
def test_legends_list_only_what_the_chart_draws(seen, device, path):
    values = _chart_values((SITE / path).read_text(encoding="utf-8"))
    for chart in seen[(device, path)]["charts"]:
        for entry in chart["legend"]:
            shown = entry.rstrip("…")
            assert any(v.startswith(shown) for v in values[chart["id"]]), (chart["id"], entry)


@pytest.mark.parametrize("device, path", CASES)
def test_tooltips_show_dates_not_epoch_numbers(seen, device, path):
    assert not [t for t in seen[(device, path)]["tooltips"] if re.search(r"\b1\d{12}\b", t)]


@pytest.mark.parametrize("path", [p for p in PAGES if p.startswith("book/")])
def test_the_sidebar_opens_on_a_phone_and_toggles_on_a_desktop(seen, path):
    assert seen[("phone", path)]["sidebar"] == "modal"
    assert seen[("desktop", path)]["sidebar"] == "toggled"


@pytest.mark.parametrize("device", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_no_chart_text_overlaps_another(seen, device, path):
    """No two texts of a chart touch: an axis whose labels are wider than their columns on a phone (Fig. 5's
    stances, before they were set one word a line) fails here."""
    assert {c["id"]: c["collisions"] for c in seen[(device, path)]["charts"] if c["collisions"]} == {}


@pytest.mark.parametrize("device", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_no_chart_text_is_cut_short(seen, device, path):
    """No label, legend entry or title ends in Vega's ellipsis: on a phone the network's names ("Ahmed M…"),
    the document rows ("Libyan Gazette, May 2…"), the comment themes and a title were cut before they wrapped
    or took a short form."""
    assert {c["id"]: c["cut"] for c in seen[(device, path)]["charts"] if c["cut"]} == {}


@pytest.mark.parametrize("device", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_marks_sit_on_their_rows_label(seen, device, path):
    """Each mark is within 0.4 of a row of its row's label (lanes spread marks of one row by up to 0.27):
    when an offset channel put Figs. 3 and 6 half a row high (0.5), al-Mismari's marks read as the unnamed
    requester's; a three-line label hung a line below its bar (0.39) until it was lifted."""
    assert {c["id"]: round(c["offRow"], 2) for c in seen[(device, path)]["charts"] if c["offRow"] > 0.4} == {}


@pytest.mark.parametrize("device, path", CASES)
def test_no_mark_hides_another(seen, device, path):
    """No two point marks of a chart share most of their place: at 390 px the two 2020 resolutions of Fig. 6,
    114 days apart on one track, sat 7 px apart until marks within 240 days took lanes."""
    assert {c["id"]: c["hidden"] for c in seen[(device, path)]["charts"] if c["hidden"]} == {}


def test_chart_pages_yield_tooltips(seen):
    """Three marks of each chart hovered (desktop) or tapped (phone), each mark's own tooltip read: all differ."""
    for device in WIDTHS:
        for path in ("book/corpus.html", "book/invitations.html", "book/embargo.html", "book/split.html",
                     "book/comments.html"):
            tips = seen[(device, path)]["tooltips"]
            assert len(tips) >= 4 and len(set(tips)) == len(tips), (device, path, tips)


def test_the_label_check_can_fail():
    assert _leaked(["Tobruk camp (HoR/LNA)", "gna"]) == ["gna"]
    assert _leaked(["asked for military_intervention by doc-003"]) == ["doc-003", "military_intervention"]
    assert labels.camp(load_codebook(), "gna") not in IDS
