"""The PDF edition: the built site printed page by page in headless Chromium, then joined.

Chromium runs the pages' JavaScript, so every chart is drawn (as SVG) exactly as
on the web; no LaTeX is needed. Pages are printed in table-of-contents order
and joined with pypdf into ``_build/html/book/libya-russia-book.pdf``, which
every page's footer links to. Run with ``make pdf`` (``make book`` runs it too).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from analysis import config

PDF_FILE = config.BUILD_DIR / "html" / "book" / "libya-russia-book.pdf"  # per corpus (config.BUILD_DIR)
PRINT_CSS = """
.bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .header-article, .prev-next-area, .bd-footer,
.bd-footer-article, .book-aside, footer.book-version, .headerlink, #pst-back-to-top { display: none !important; }
.bd-main .bd-content .bd-article-container { max-width: 100% !important; }
"""


def build_pdf(site: Path = config.BUILD_DIR / "html", out: Path = PDF_FILE) -> Path:
    """Print every table-of-contents page of ``site`` and join them into ``out``."""
    from playwright.sync_api import sync_playwright
    from pypdf import PdfWriter

    from analysis.serve import CHARTS_DRAWN, CHROMIUM, CHROMIUM_ARGS, serve, toc_pages

    if not Path(CHROMIUM).is_file():
        raise SystemExit(f"error: Chromium not found at {CHROMIUM}; install Debian's chromium or set BOOK_CHROMIUM")
    writer = PdfWriter()
    parts = out.parent / ".pdf-parts"
    parts.mkdir(parents=True, exist_ok=True)
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for index, path in enumerate(toc_pages(config.REPO_ROOT / "_toc.yml")):
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_function(CHARTS_DRAWN, timeout=15_000)
            page.add_style_tag(content=PRINT_CSS)
            part = parts / f"{index:02d}.pdf"
            page.pdf(path=str(part), format="A4", print_background=True,
                     margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"})
            writer.append(str(part))
        browser.close()
    writer.add_metadata({"/Title": "Libya's appeals to Russia, 2015–2021", "/Producer": "analysis.pdf"})
    with out.open("wb") as handle:
        writer.write(handle)
    for part in parts.iterdir():
        part.unlink()
    parts.rmdir()
    return out


def main() -> int:
    """Entry point for ``python -m analysis.pdf``."""
    start = time.perf_counter()
    out = build_pdf()
    print(f"PDF edition: {out.relative_to(config.REPO_ROOT)} ({out.stat().st_size // 1024} KB, "
          f"{time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
