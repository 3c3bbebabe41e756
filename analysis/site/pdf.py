"""The PDF edition: the built pages typeset as one book by WeasyPrint, with no browser.

WeasyPrint (installed from pip) lays out HTML and CSS for paged media without
running JavaScript, so the charts are drawn beforehand by vl-convert into SVG:
they stay vectors in the PDF. Each page of the table of contents becomes one
chapter of a single HTML document, after a title page and a contents list
whose page numbers WeasyPrint fills in (``target-counter``); ``pdf.css`` gives
running heads, page numbers, tables that repeat their header row, and no site
chrome. Headings become the PDF's bookmarks. Links between pages become links
inside the PDF.

WeasyPrint needs the Pango text library, present on most Linux desktops and
servers. Where it is missing, :func:`missing_part` says so in one line with the
install command, ``make book`` still builds the site, and no page links to a
PDF that was not made (``_ext/book_pages.py`` asks :func:`missing_part` too).
"""

from __future__ import annotations

import base64
import contextlib
import functools
import html
import io
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from analysis import config
from analysis.site import citation

PDF_NAME = "libya-russia-book.pdf"
PDF_FILE = config.BUILD_DIR / "html" / "book" / PDF_NAME  # per corpus (config.BUILD_DIR)
CSS_FILE = Path(__file__).with_name("pdf.css")
INSTALL_PANGO = "apt-get install libpango-1.0-0 libpangoft2-1.0-0 (macOS: brew install pango)"
# Characters the PDF's fonts lack, replaced by ones they have (the execution report's status marks).
GLYPHS = {"✅": "✓", "❌": "✗", "⚠️": "!", "⚠": "!"}
_EMBED = re.compile(r"vegaEmbed\(el,\s*")
PDF_CHART_FONT = "DejaVu Sans"  # fonts-dejavu-core, installed with the PDF's other fonts (.ci/run)
WIDE_COLUMNS = 7  # tables with this many columns or more are set on a landscape page


@functools.cache
def missing_part() -> str | None:
    """None when the PDF edition can be built here; else one line naming what is missing and how to get it."""
    quiet = io.StringIO()  # on failure WeasyPrint prints a banner of its own; the one line below replaces it
    try:
        with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
            import weasyprint  # noqa: F401 - loads Pango through cffi on import
    except ImportError:
        return "PDF edition not built: WeasyPrint is not installed; run: make venv"
    except OSError as error:
        library = str(error).split(":")[0]
        return f"PDF edition not built: WeasyPrint cannot load the Pango text library ({library}); install it: " \
               + INSTALL_PANGO
    return None


@dataclass(frozen=True)
class Chapter:
    """One page of the site as a chapter of the PDF: its path (``book/corpus.html``) and article HTML."""

    path: str
    body: str

    @property
    def stem(self) -> str:
        return Path(self.path).stem


def chart_svg(spec: dict) -> str:
    """The chart drawn by vl-convert as SVG (no browser), as an ``<img>`` the PDF keeps as vectors.

    On the site a chart takes its column's width (``"container"``); on the page it is drawn at the text
    width, :data:`analysis.charts.common.WIDTH` pixels.
    """
    import vl_convert as vlc

    from analysis.charts.common import WIDTH

    if spec.get("width") == "container":
        spec = {**spec, "width": WIDTH}
    # Name the font the page sets: vl-convert measures labels in the font it is given, and a generic
    # "sans-serif" it would measure narrower than WeasyPrint then draws it, clipping the longest labels.
    spec = {**spec, "config": {**spec.get("config", {}), "font": PDF_CHART_FONT}}
    svg = vlc.vegalite_to_svg(spec)
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    alt = html.escape(spec.get("description") or "Chart", quote=True)
    return f'<img class="pdf-chart" alt="{alt}" src="data:image/svg+xml;base64,{data}">'


def _specs(script: str) -> dict:
    match = _EMBED.search(script)
    if not match:
        raise ValueError("a chart's script has no vegaEmbed call")
    spec, _ = json.JSONDecoder().raw_decode(script, match.end())
    return spec


def article(path: Path, stem: str, pages: set[str]) -> str:
    """The article of one built page, made ready for print: charts drawn, chrome gone, ids and links local."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    root = soup.find("article", class_="bd-article") or soup.body
    for figure in root.select(".book-chart"):
        script = figure.find("script")
        canvas = figure.select_one(".book-chart-canvas")
        if script is not None and canvas is not None:
            canvas.replace_with(BeautifulSoup(chart_svg(_specs(script.string or "")), "html.parser"))
    for wrap in root.select(".book-table-wrap"):
        table = wrap.find("table")
        if table is not None and len(table.select("thead th")) >= WIDE_COLUMNS:
            wrap["class"] = [*wrap.get("class", []), "pdf-wide"]  # a landscape page of its own
    for details in root.select(".book-chart-details"):
        # on paper the chart's text description is printed under it; the fold and the data links go
        description = details.select_one(".book-chart-description")
        if description is not None:
            details.replace_with(description)
        else:
            details.decompose()
    for junk in root.select("script, .headerlink, .book-aside, footer.book-version, "
                            ".cell.tag_remove-input:empty, #pst-back-to-top, .prev-next-area, .corpus-banner"):
        junk.decompose()
    for element in root.find_all(id=True):
        element["id"] = f"{stem}--{element['id']}"
    for link in root.find_all("a", href=True):
        target = _local_target(link["href"], stem, pages)
        if target is None:
            link.unwrap()
        elif target:
            link["href"] = target
    text = str(root)
    for glyph, replacement in GLYPHS.items():
        text = text.replace(glyph, replacement)
    return f'<section class="pdf-chapter" id="{stem}--">{text}</section>'


def _local_target(href: str, stem: str, pages: set[str]) -> str | None:
    """Where a link points inside the PDF: '' keeps it (another host), None drops it (a file not in the PDF)."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", href):
        return "" if href.startswith(("http:", "https:", "mailto:")) else None
    page, _, anchor = href.partition("#")
    target = Path(page).stem if page else stem
    if page and (Path(page).suffix != ".html" or target not in pages):
        return None
    return f"#{target}--{anchor}"


# What each licence of CITATION.cff covers, as the How-to-cite page and LICENSE-TEXT.md say.
LICENCE_SCOPES = {"CC-BY-4.0": "Text, tables and figures: CC BY 4.0", "MIT": "Code: MIT"}


def title_page(toc: list[tuple[str, str]]) -> str:
    """The title page and the contents list (page numbers come from WeasyPrint's ``target-counter``)."""
    work = citation.load_work()
    entries = "".join(f'<li><a href="#{stem}--">{html.escape(title)}</a></li>' for stem, title in toc)
    licences = "; ".join(LICENCE_SCOPES.get(spdx, spdx) for spdx in work.licenses)
    return (f'<section class="pdf-title"><h1 class="pdf-book-title">{_keep_years(html.escape(work.title))}</h1>'
            f'<p class="pdf-authors">{html.escape(", ".join(work.authors))}</p>'
            f'<p class="pdf-version">Version {html.escape(work.version)}, released {work.released.isoformat()}</p>'
            f'<p class="pdf-licence">{html.escape(licences)} (see the licence files).</p>'
            f'</section><nav class="pdf-contents"><h1 class="pdf-contents-title">Contents</h1>'
            f'<ol>{entries}</ol></nav>')


def _keep_years(text: str) -> str:
    """Keep "2015–2021" from breaking at its dash (word joiners around it)."""
    return re.sub(r"(\d{4})–(\d{4})", "\\1\u2060–\u2060\\2", text)


def _title(body: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else "Untitled"


def book_html(site: Path, pages: list[str]) -> str:
    """One HTML document holding the title page, the contents and every page as a chapter."""
    stems = {Path(p).stem for p in pages}
    chapters = [Chapter(p, article(site / p, Path(p).stem, stems)) for p in pages]
    toc = [(c.stem, _title(c.body)) for c in chapters]
    css = CSS_FILE.read_text(encoding="utf-8")
    work = citation.load_work()
    meta = "".join(f'<meta name="author" content="{html.escape(a)}">' for a in work.authors)
    meta += f'<meta name="dcterms.created" content="{work.released.isoformat()}">'
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(work.title)}</title>'
            f"{meta}<style>{css}</style></head><body>{title_page(toc)}"
            + "".join(c.body for c in chapters) + "</body></html>")


def build_pdf(site: Path = config.BUILD_DIR / "html", out: Path = PDF_FILE, pages: list[str] | None = None) -> Path:
    """Typeset the table-of-contents pages of ``site`` (or ``pages``) into ``out``; return ``out``."""
    import weasyprint

    from analysis.site.serve import toc_pages

    pages = pages or toc_pages(config.REPO_ROOT / "_toc.yml")
    document = weasyprint.HTML(string=book_html(site, pages), base_url=str(site))
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    document.write_pdf(partial, pdf_identifier=b"libya-russia-book")
    partial.replace(out)
    return out


def main() -> int:
    """Entry point for ``python -m analysis.site.pdf``: the PDF, or one line saying why not (status 0 either way)."""
    problem = missing_part()
    if problem:
        print(problem)
        return 0
    start = time.perf_counter()
    out = build_pdf()
    print(f"PDF edition: {out.relative_to(config.REPO_ROOT)} ({out.stat().st_size // 1024} KB, "
          f"{time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
