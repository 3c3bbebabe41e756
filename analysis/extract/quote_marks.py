"""Where the quotations of a paragraph are, by their quote marks, and the quotation record.

Separate from :mod:`analysis.extract.quotes` (which finds and attributes
quotations) so that :mod:`analysis.extract.attribution` can read spans without
importing the module that calls it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "“"
CLOSERS = "”"
STRAIGHT = '"'
QUOTE_MARK = re.compile(f"[{OPENERS}{CLOSERS}{STRAIGHT}]")


@dataclass(frozen=True)
class Quote:
    """One direct quotation; ``text`` is an exact substring of paragraph ``para_id``."""

    quote_id: str
    doc_id: str
    para_id: str
    speaker_id: str | None
    speaker_text: str | None
    text: str
    segment: str
    start: int
    end: int
    attribution: str
    channel_id: str | None
    para_id_end: str


@dataclass(frozen=True)
class Span:
    """Where a quotation sits in a paragraph: inner text offsets, and whether it stays open."""

    start: int
    end: int
    open_at_end: bool


def quote_spans(text: str) -> list[Span]:
    """Inner spans of the double-quoted passages of one paragraph."""
    spans, opened = [], None
    for mark in QUOTE_MARK.finditer(text):  # only the quote marks, not every character
        index, char = mark.start(), mark.group(0)
        if opened is None:
            opened = index + 1
        elif char in CLOSERS or char == STRAIGHT:
            spans.append(Span(opened, index, False))
            opened = None
    if opened is not None:
        spans.append(Span(opened, len(text), True))
    return spans
