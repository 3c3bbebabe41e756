"""The paragraph record every stage after segmentation reads.

Its own module so that segmentation, repeat detection and every extractor can
share it without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a document, with where it came from in the raw file."""

    doc_id: str
    para_id: str
    position: int
    segment: str
    text: str
    line_start: int
    line_end: int
    repeat_of: str | None = None
    repeat_kind: str | None = None
