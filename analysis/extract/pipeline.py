"""Run every extraction step on one document, so documents can be processed one at a time.

Order matters: quotations need the mentions (to name speakers), requests need
both. Each step is a pure function of the document's paragraphs, its
publication-date bounds and the codebook.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.corpus.load import Document
from analysis.corpus.paragraphs import Paragraph
from analysis.corpus.segment import segment_document
from analysis.extract.codebook import Codebook
from analysis.extract.dates import DateMention, extract_dates
from analysis.extract.events import group_events
from analysis.extract.mentions import Mention, extract_mentions
from analysis.extract.provisional import Provisional, find_provisional, with_provisional
from analysis.extract.quote_marks import Quote
from analysis.extract.quotes import extract_quotes
from analysis.extract.requests import Request, extract_requests
from analysis.extract.themes import ThemeTag, extract_themes


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    paragraphs: list[Paragraph]
    mentions: list[Mention]
    quotes: list[Quote]
    requests: list[Request]
    dates: list[DateMention]
    themes: list[ThemeTag]
    provisional: list[Provisional]


def extract_document(doc: Document, codebook: Codebook) -> Extraction:
    """Segment ``doc`` and extract mentions, quotations, requests, dates and themes.

    People named with a title but absent from the codebook get provisional ids first
    (:mod:`analysis.extract.provisional`), so quotations and requests can name them.
    """
    paragraphs = segment_document(doc)
    bounds = doc.source.date_range
    mentions = extract_mentions(paragraphs, codebook, bounds)
    extra, provisional = find_provisional(paragraphs, mentions, codebook)
    order = {p.para_id: p.position for p in paragraphs}
    mentions = sorted(mentions + extra, key=lambda m: (order[m.para_id], m.start))
    local = with_provisional(codebook, provisional)
    quotes = extract_quotes(paragraphs, mentions, local)
    dates = extract_dates(paragraphs, bounds)
    requests = group_events(extract_requests(paragraphs, mentions, quotes, local), dates, local)
    return Extraction(paragraphs=paragraphs, mentions=mentions, quotes=quotes, requests=requests, dates=dates,
                      themes=extract_themes(paragraphs, codebook), provisional=provisional)
