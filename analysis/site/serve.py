"""Serve the built site on 127.0.0.1 for headless Chromium (the browser tests).

Uses Playwright for Python with Debian's Chromium (no browser download): the
executable is ``/usr/lib/chromium/chromium`` (``/usr/bin/chromium`` is a shell
wrapper Playwright cannot drive). Override with ``BOOK_CHROMIUM``.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

from analysis.site.preflight import chromium_path

CHROMIUM = chromium_path()
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
]


# Every chart of a page has drawn (an SVG or canvas) ...
CHARTS_DRAWN = "() => [...document.querySelectorAll('.book-chart-canvas')].every(el => el.querySelector('svg, canvas'))"
# ... or, for tests that then report which chart failed, shows the renderer's bracketed notice.
CHARTS_SETTLED = ("() => [...document.querySelectorAll('.book-chart-canvas')]"
                  ".every(el => el.querySelector('svg, canvas') || el.textContent.startsWith('['))")
# vega-tooltip shows its element by adding the class "visible" each time a mark is hovered or tapped:
# mark_tooltip removes the class, hovers, and waits for it, rather than sleeping and perhaps reading the last
# mark's text.
HIDE_TOOLTIP = "() => document.getElementById('vg-tooltip-element')?.classList.remove('visible')"
TOOLTIP_SHOWN = ("() => { const tip = document.getElementById('vg-tooltip-element');"
                 " return !!tip && tip.classList.contains('visible') && tip.innerText.trim() !== ''; }")


def mark_tooltip(page: Any, mark: Any, tap: bool = False) -> Any | None:
    """The tooltip element once ``mark`` (a Playwright locator) has shown its own tooltip, hovered or tapped;
    None if it shows none (a mark under another one, or one without a tooltip).

    On a touch screen a tap on a new mark first closes what the previous mark opened, so it taps again."""
    page.evaluate(HIDE_TOOLTIP)
    try:
        if tap:
            mark.tap(force=True, timeout=2_000)
            if not page.evaluate(TOOLTIP_SHOWN):
                mark.tap(force=True, timeout=2_000)
        else:
            mark.hover(force=True, timeout=2_000)
        page.wait_for_function(TOOLTIP_SHOWN, timeout=1_000)
    except Exception:  # noqa: BLE001 - Playwright's timeout: this mark cannot be reached or shows no tooltip
        return None
    return page.locator("#vg-tooltip-element")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on an ephemeral port of 127.0.0.1; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def toc_pages(toc_file: Path) -> list[str]:
    """Every page named in ``_toc.yml``, as paths relative to the site root (``book/corpus.html``)."""
    toc = yaml.safe_load(toc_file.read_text(encoding="utf-8"))
    pages = [toc["root"]]

    def walk(entries: list[dict]) -> None:
        for entry in entries:
            if "file" in entry:
                pages.append(entry["file"])
            walk(entry.get("chapters", []) + entry.get("sections", []))

    walk(toc.get("parts", []) + toc.get("chapters", []))
    return [str(Path(page).with_suffix(".html")) for page in pages]
