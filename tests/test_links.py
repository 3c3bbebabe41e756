"""Offline link check over the built site: every internal link and anchor resolves."""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from analysis import config

SITE = config.BUILD_DIR / "html"
EXTERNAL = ("http:", "https:", "mailto:", "data:", "javascript:", "tel:")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name"):
            if values.get(key):
                self.ids.add(values[key])
        for key in ("href", "src"):
            if values.get(key) and tag in ("a", "link", "script", "img", "iframe", "source"):
                self.links.append(values[key])


@cache
def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    return collector


def _pages() -> list[Path]:
    # _static holds the themes' Jinja macro files, not pages; _sources holds the notebook sources.
    return sorted(p for p in SITE.rglob("*.html") if not {"_sources", "_static"} & set(p.relative_to(SITE).parts))


def broken_links(page: Path) -> list[str]:
    """Links of ``page`` to a missing file, or to a missing anchor of an existing page."""
    broken = []
    for link in _parse(page).links:
        if link.startswith(EXTERNAL) or link.startswith("//"):
            continue
        parts = urlsplit(link)
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            broken.append(link)
        elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _parse(target).ids:
            broken.append(link)
    return broken


@pytest.mark.parametrize("page", _pages(), ids=lambda p: p.relative_to(SITE).as_posix())
def test_internal_links_resolve(page):
    broken = broken_links(page)
    assert broken == [], f"{page.relative_to(SITE)}: broken links {broken[:10]}"


def test_the_link_check_can_fail(tmp_path):
    page = tmp_path / "a.html"
    page.write_text('<a href="b.html#nowhere">x</a><a href="b.html#here">y</a><a href="c.html">z</a>',
                    encoding="utf-8")
    (tmp_path / "b.html").write_text('<p id="here">y</p>', encoding="utf-8")
    assert broken_links(page) == ["b.html#nowhere", "c.html"]


def test_chapters_link_into_the_sources():
    links = [link for link in _parse(SITE / "book" / "invitations.html").links if "sources.html#" in link]
    assert len(links) >= 15 and all(re.search(r"#doc-\d{3}-p\d{3}$", link) for link in links)
