"""Links from a chapter's claim to what it rests on: a source paragraph, the bibliography, a download.

Every claim in the book links to the paragraph of the corpus appendix it rests
on (``sources.html#doc-002-p007``, rendered by :mod:`analysis.chapters.sources`).
Labels and targets are escaped: they may come from the articles.
"""

from __future__ import annotations

import html

SOURCES_PAGE = "sources.html"


def paragraph_link(para_id: str, label: str | None = None) -> str:
    """An HTML link to a paragraph of the corpus appendix, from any chapter page."""
    text = html.escape(label or short_label(para_id))
    return f'<a class="source-link" href="{SOURCES_PAGE}#{html.escape(para_id)}">{text}</a>'


def bibliography_link(key: str, label: str | None = None) -> str:
    """An HTML link to the bibliography page, labelled with what the source is (else its citation key)."""
    return f'<a class="bibliography-link" href="bibliography.html">{html.escape(label or key)}</a>'


def download_link(href: str, label: str) -> str:
    """An HTML download link to a file of the built site."""
    return f'<a class="download-link" href="{html.escape(href)}" download>{html.escape(label)}</a>'


def short_label(para_id: str) -> str:
    """``doc-002-p007`` → ``doc-002 ¶7``."""
    doc_id, _, number = para_id.rpartition("-p")
    return f"{doc_id} ¶{int(number)}" if number.isdigit() else para_id
