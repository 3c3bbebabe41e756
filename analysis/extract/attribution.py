"""Who said it: the attribution rules for direct quotations.

Rules, tried in order for each quotation:

1. **After the quote**, up to the end of the sentence: a speech verb with its
   subject ("…," Maiteeq said; "…," said Makhmutova; "…," the diplomat noted),
   or a channel ("according to Sputnik", "reported TASS").
2. **Before the quote**, in the same sentence: the subject of a speech verb
   (Gennady Gatilov also said that "…"), or a noun phrase right before the
   quote mark (the two delegates "confirmed…").
3. **Inherited**: the previous quotation of the same paragraph.

The words found are resolved to an actor: the first person the codebook finds
in them, else another named actor. Words without a name are resolved by kind:
"he"/"she" → the latest speaker in the document (a quotation's or the subject of
"X said"); a role ("the diplomat", "the commander") → the latest person named
outside quotation marks; "the source" and plurals ("the two delegates") stay
unresolved, kept as written. A channel (a media outlet) is recorded apart from
the speaker, who is then found as for "he".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from analysis.corpus.paragraphs import Paragraph
from analysis.extract import sentences
from analysis.extract.codebook import Codebook
from analysis.extract.mentions import Mention, by_paragraph

if TYPE_CHECKING:
    from analysis.extract.quote_marks import Quote, Span

VERBS = (r"said|says|say|told|tells|noted|notes|added|adds|stated|states|stating|saying|explained|explains"
         r"|announced|insisted|stressed|warned|declared|replied|remarked|continued|concluded|wrote|hoped|believes")
VERB_FIRST = re.compile(rf"^(?:{VERBS})\s+(?!that\b)(?P<who>.+)$", re.IGNORECASE | re.DOTALL)
FILLER = re.compile(r"^(?:\s|,|and|but|then|also)*$", re.IGNORECASE)
WHO_FIRST = re.compile(rf"^(?P<who>(?:[^\s,.;:]+\s+){{0,6}}?[^\s,.;:]+)(?:,\s+[^,.;:“”\"]{{1,80}},)?\s+(?:also\s+)?"
                       rf"(?:{VERBS})\b", re.IGNORECASE)  # "…," Karim Obeidi, an adviser to the speaker, said
CHANNEL = re.compile(r"^(?:according\s+to|reported\s+by|reported|reports)\s+(?P<who>.+)$", re.IGNORECASE | re.DOTALL)
BEFORE_VERB = re.compile(
    rf"^(?P<who>.*?)\s*\b(?:{VERBS}|announced\s+(?:his|her|their)\s+intention)\b(?:\s+that)?"
    r"(?:\s+(?:he|she|they))?\s*[:,]?\s*$", re.IGNORECASE | re.DOTALL)
NOUN_BEFORE = re.compile(r"\b(?P<who>he|she|they|the\s+(?:[\w-]+\s+){0,2}[\w-]+)\s*$", re.IGNORECASE)
SUBJECT_AT_END = re.compile(r"\b(?P<who>he|she|they|the\s+(?:[\w-]+\s+){0,2}[\w-]+)\s*,?\s*$", re.IGNORECASE)
PRONOUNS = {"he", "she"}
PLURAL = re.compile(r"\b(?:they|both|two|three|four|several|delegates|officials|sources)\b", re.IGNORECASE)
INDIRECT = re.compile(rf"^[^.;“”\"]{{0,40}}?\b(?:{VERBS})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    """The result for one quotation."""

    speaker_id: str | None
    speaker_text: str | None
    how: str  # after | before | inherited | none
    channel_id: str | None = None


@dataclass
class SpeechContext:
    """What a document has said so far: speakers and persons, in text order."""

    codebook: Codebook
    mentions: list[Mention]
    positions: dict[str, int] = field(default_factory=dict)
    events: list[tuple[tuple[int, int], str]] = field(default_factory=list)
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    by_para: dict[str, list[Mention]] = field(default_factory=dict)

    def prepare(self, paragraphs: list[Paragraph], spans: dict[str, list[Span]]) -> None:
        """Record paragraph order, quote spans and indirect speech ("Dbeibah said …")."""
        self.positions = {p.para_id: p.position for p in paragraphs}
        self.by_para = by_paragraph(self.mentions)
        self.spans = {pid: [(s.start, s.end) for s in ss] for pid, ss in spans.items()}
        texts = {p.para_id: p.text for p in paragraphs}
        for m in self.mentions:
            if self.codebook.actor_type(m.actor_id) == "person" and not self.inside_quote(m.para_id, m.start):
                if INDIRECT.match(texts[m.para_id][m.end:]):
                    self.events.append(((self.positions[m.para_id], m.start), m.actor_id))
        self.events.sort()

    def inside_quote(self, para_id: str, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.spans.get(para_id, []))

    def add_quote(self, quote: Quote) -> None:
        if quote.speaker_id:
            self.events.append(((self.positions[quote.para_id], quote.start), quote.speaker_id))
            self.events.sort()

    def latest_speaker(self, para_id: str, offset: int) -> str | None:
        here = (self.positions[para_id], offset)
        before = [actor for position, actor in self.events if position < here]
        return before[-1] if before else None

    def latest_person(self, para_id: str, offset: int) -> str | None:
        here = (self.positions[para_id], offset)
        persons = [m for m in self.mentions
                   if self.codebook.actor_type(m.actor_id) == "person"
                   and (self.positions[m.para_id], m.start) < here and not self.inside_quote(m.para_id, m.start)]
        return persons[-1].actor_id if persons else None

    def mentions_in(self, para_id: str, start: int, end: int) -> list[Mention]:
        return [m for m in self.by_para.get(para_id, []) if start <= m.start and m.end <= end]


def resolve_words(who: str, para: Paragraph, offset: int, quote_at: int, ctx: SpeechContext,
                  how: str) -> Attribution:
    """Resolve the words naming a speaker (found at ``offset`` in ``para``) to an actor."""
    found = [m for m in ctx.mentions_in(para.para_id, offset, offset + len(who)) if m.actor_id]
    channel = next((m.actor_id for m in found if ctx.codebook.actor_type(m.actor_id) == "media"), None)
    persons = [m for m in found if ctx.codebook.actor_type(m.actor_id) == "person"]
    others = [m for m in found if ctx.codebook.actor_type(m.actor_id) not in ("person", "media")]
    text = " ".join(who.split()).strip(" ,")
    if persons or others:
        chosen = (persons or others)[0]
        return Attribution(chosen.actor_id, chosen.surface, how, channel)
    if channel:  # "according to Sputnik": the speaker is whoever was speaking
        return Attribution(ctx.latest_speaker(para.para_id, quote_at), None, how, channel)
    tail = SUBJECT_AT_END.search(text)
    words = (tail.group("who") if tail else text).strip()
    if "source" in words.lower() or PLURAL.search(words):
        return Attribution(None, words, how)
    if words.lower() in PRONOUNS:
        return Attribution(ctx.latest_speaker(para.para_id, quote_at), words, how)
    if words.lower().startswith("the "):
        return Attribution(ctx.latest_person(para.para_id, quote_at), words, how)
    return Attribution(None, words or None, how)


def _after(para: Paragraph, span: Span, following: Span | None) -> tuple[str, int]:
    """The sentence after the closing quote mark, and its offset."""
    start = span.end + 1
    stop = following.start - 1 if following else len(para.text)
    end = next((at for at in sentences.stops(para.text) if start <= at < stop), stop)
    text = para.text[start:end]
    lead = len(text) - len(text.lstrip(" ,.:;—-"))
    return text[lead:], start + lead


def _before(para: Paragraph, span: Span, preceding: Span | None) -> tuple[str, int]:
    """The clause between the sentence start (or the previous quote) and the opening quote mark."""
    stop = span.start - 1
    floor = preceding.end + 1 if preceding else 0
    ends = [at + 1 for at in sentences.stops(para.text) if floor <= at < stop]
    start = max([floor, *ends])
    return para.text[start:stop], start


def attribute(para: Paragraph, span: Span, spans: list[Span], previous: Attribution | None,
              ctx: SpeechContext) -> Attribution:
    """Find the speaker of the quotation at ``span`` (see the module docstring)."""
    index = spans.index(span)
    following = spans[index + 1] if index + 1 < len(spans) else None
    if not span.open_at_end:
        after, at = _after(para, span, following)
        for pattern in (CHANNEL, VERB_FIRST, WHO_FIRST):
            match = pattern.match(after)
            if not match:
                continue
            result = resolve_words(match.group("who"), para, at + match.start("who"), span.start, ctx, "after")
            if result.channel_id is None:  # "Maiteeq said to Sputnik": the outlet anywhere in the sentence
                outlets = [m.actor_id for m in ctx.mentions_in(para.para_id, at, at + len(after))
                           if ctx.codebook.actor_type(m.actor_id) == "media"]
                result = Attribution(result.speaker_id, result.speaker_text, result.how, next(iter(outlets), None))
            if pattern is CHANNEL:  # the outlet is the channel; the speaker may be named before the quote
                before = _from_before(para, span, spans[index - 1] if index else None, ctx)
                if before is not None:
                    return Attribution(before.speaker_id, before.speaker_text, "before", result.channel_id)
            return result
    before = _from_before(para, span, spans[index - 1] if index else None, ctx)
    if before is not None:
        return before
    if previous is not None:
        return Attribution(previous.speaker_id, previous.speaker_text, "inherited", previous.channel_id)
    return Attribution(None, None, "none")


def _from_before(para: Paragraph, span: Span, preceding: Span | None, ctx: SpeechContext) -> Attribution | None:
    before, at = _before(para, span, preceding)
    match = BEFORE_VERB.match(before)
    if match and not FILLER.match(match.group("who")):
        return resolve_words(match.group("who"), para, at + match.start("who"), span.start, ctx, "before")
    if match:
        return None  # "and said:" — the subject is the previous quotation's speaker
    noun = NOUN_BEFORE.search(before)
    if noun:
        return resolve_words(noun.group("who"), para, at + noun.start("who"), span.start, ctx, "before")
    return None
