"""Extract direct quotations and attribute them to speakers.

Quote marks: straight ``"`` pairs, curly ``“…”``, and a closing ``”`` used as
an opener (``”We expect…``, seed 002). Single quotes mark names and scare
quotes, not speech, and are ignored. A quotation left open at the end of a
paragraph continues into the next paragraph when that one opens with a quote
mark (the newspaper convention). Quoted fragments of fewer than
:data:`MIN_WORDS` words ("constructive", "an updated list") are partial quotes
or scare quotes, not quotations, and are not extracted.

Attribution, in order (see :mod:`analysis.extract.attribution` for the rules):
after the quote ("…," Maiteeq said / said Makhmutova / according to Sputnik),
before it in the same sentence (Gatilov also said that "…"), else the previous
quotation in the same paragraph. Unnamed speakers ("the source") are kept as
written, never guessed.
"""

from __future__ import annotations

from analysis.corpus.paragraphs import Paragraph
from analysis.extract.attribution import Attribution, SpeechContext, attribute
from analysis.extract.codebook import Codebook
from analysis.extract.mentions import Mention
from analysis.extract.quote_marks import Quote, Span, quote_spans

MIN_WORDS = 4
SKIPPED_SEGMENTS = ("boilerplate",)


def _trimmed(text: str, span: Span) -> tuple[int, int]:
    """Offsets of the quotation without the surrounding spaces and trailing comma."""
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def extract_quotes(paragraphs: list[Paragraph], mentions: list[Mention], codebook: Codebook) -> list[Quote]:
    """All quotations of one document, in text order, with their speakers."""
    context = SpeechContext(codebook, mentions)
    context.prepare(paragraphs, {p.para_id: quote_spans(p.text) for p in paragraphs})
    quotes: list[Quote] = []
    continuing: Quote | None = None
    for para in paragraphs:
        if para.segment in SKIPPED_SEGMENTS:
            continue
        spans = quote_spans(para.text)
        previous: Attribution | None = None
        for number, span in enumerate(spans):
            start, end = _trimmed(para.text, span)
            if continuing is not None and number == 0 and span.start == 1:
                quotes[-1] = _extend(continuing, para, end)
                continuing = quotes[-1] if span.open_at_end else None
                continue
            if len(para.text[start:end].split()) < MIN_WORDS:
                continue
            who = attribute(para, span, spans, previous, context)
            previous = who
            quote = Quote(
                quote_id=f"{para.doc_id}-q{len(quotes) + 1:02d}", doc_id=para.doc_id, para_id=para.para_id,
                speaker_id=who.speaker_id, speaker_text=who.speaker_text, text=para.text[start:end],
                segment=para.segment, start=start, end=end, attribution=who.how, channel_id=who.channel_id,
                para_id_end=para.para_id,
            )
            quotes.append(quote)
            context.add_quote(quote)
        continuing = quotes[-1] if spans and spans[-1].open_at_end and quotes else None
    return quotes


def _extend(quote: Quote, para: Paragraph, end: int) -> Quote:
    """A quotation continued in the next paragraph: the row records where it ends."""
    return Quote(**{**quote.__dict__, "para_id_end": para.para_id})
