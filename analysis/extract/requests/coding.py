"""Extract requests (appeals) from the reporting: who asks whom for what, coded as a researcher would.

Only article body paragraphs are read (headlines and standfirsts summarise the
body; reader comments are not reporting), and exact repeats are skipped. Each
sentence is searched for the constructions of :mod:`analysis.extract.requests.lexicon`;
each find is then coded:

* **requester**: the actor who makes the request. The possessor of "X's
  request"; the agent of a passive ("was asked by X"); else the subject of the
  cue's clause: the last person named before the cue, else the last other
  actor (an appositive or relative clause between commas is skipped; actors
  after a preposition are not subjects). After "X said (that)", the subject of
  the complement, unless it is a pronoun or a stand-in ("Libya", "the Libyan
  side", "authorities", "the envoy"): then X. A pronoun or a stand-in is
  resolved to the requester of the previous request of the document (this or
  the two paragraphs before), else the subject of the previous sentence; "we"
  and "I" in a quotation are its speaker. ``requester_text`` keeps the words.
* **addressee**: the party whose help or action is asked, even when the
  request concerns a third party: the object of "asked X to / for", "called on
  X", "hopes X will"; the subject of a passive; "to X" after an appeal noun; a
  possessive or adjective in what is asked ("Moscow's help", "Russian
  support"), or "from X" / "by X"; the recipient of the letter or message the
  sentence names; the place of "travelled to Moscow to seek". Only when none is
  named does a type's default apply (an embargo is lifted by the UN). A request
  with no addressee is not reported.
* **not a request**: a negated cue ("did not ask", "denied asking", "no
  request"), a hypothetical one ("would ask", "if Russia were asked", a
  question), a request whose requester is Russian (appeals *by* Russia are not
  appeals to it), and one whose addressee is on the requester's own side.
* **type**: the first request type in the codebook whose cues occur in what is
  asked, with its CAMEO code.

``to_russia`` marks the requests whose addressee is Russia or a Russian actor;
the others stay in the table and are counted apart. Requests that report the
same appeal become one event (:mod:`analysis.extract.events`).
"""


from __future__ import annotations

import re

from analysis.corpus.paragraphs import Paragraph
from analysis.corpus.textnorm import ignorecase_key
from analysis.extract import sentences
from analysis.extract.codebook import Codebook, cue_pattern
from analysis.extract.mentions import Mention
from analysis.extract.quote_marks import Quote
from analysis.extract.requests import lexicon as lex
from analysis.extract.requests.addressees import find_addressee
from analysis.extract.requests.model import Doc, Request
from analysis.extract.requests.patterns import (
    DETERMINER_BEFORE,
    FRAME_WORDS,
    FRAMES,
    LEGAL,
    SKIP_REPEATS,
    VERB_FRAMES,
)
from analysis.extract.requests.subjects import find_requester, sentence_subject


def _negated(text: str, sentence: sentences.Sentence, cue_start: int, quote: Quote | None) -> bool:
    """A negated, denied or hypothetical cue, or one in a question (see :mod:`analysis.extract.requests.lexicon`)."""
    before = text[sentence.start:cue_start]
    near = " ".join(before.split()[-4:])
    if lex.NEGATION.search(near) or lex.MODAL.search(near) or lex.DENIAL.search(" ".join(before.split()[-6:])):
        return True
    if lex.CONDITION.search(before) or lex.NO_APPEAL.search(text[max(sentence.start, cue_start - 12):cue_start + 12]):
        return True
    if lex.FRONTED_NEGATION.search(before) or lex.DENIED_CLAIM.search(before):
        return True
    return sentence.text.rstrip("”\"’' ").endswith("?") and quote is None


def _kind(codebook: Codebook, what: str) -> str:
    for kind, spec in codebook.request_types.items():
        if spec.get("cues") and cue_pattern(spec["cues"]).search(what):
            return kind
    return "other"


def may_hold_a_cue(text: str) -> bool:
    """False only if no frame can match in ``text`` (none of :data:`~analysis.extract.requests.lexicon.CUE_WORDS`)."""
    folded = ignorecase_key(text)
    return any(word in folded for word in lex.CUE_WORDS)


def _candidates(text: str, sentence: sentences.Sentence) -> list[list[tuple[str, re.Match[str]]]]:
    """The frame matches of the sentence grouped by cue, in text order; within a cue, in :data:`FRAMES` order."""
    by_cue: dict[int, list[tuple[str, re.Match[str]]]] = {}
    folded = ignorecase_key(sentence.text)
    for frame, pattern in FRAMES:
        words = FRAME_WORDS.get(frame)
        if words is not None and not any(word in folded for word in words):
            continue
        for match in pattern.finditer(text, sentence.start, sentence.end):
            at = match.start("cue")
            if frame in ("verb + addressee", "verb + what is asked") and match.group("cue").lower().startswith("ask") \
                    and lex.QUESTION_AFTER.match(text, match.end("cue")):
                continue
            if frame in VERB_FRAMES and DETERMINER_BEFORE.search(text, max(0, at - 12), at):
                continue  # "a request from X": the noun, not the verb
            key = next((other for other in by_cue if abs(at - other) < 3), at)
            by_cue.setdefault(key, []).append((frame, match))
    return [by_cue[at] for at in sorted(by_cue)]


def extract_requests(paragraphs: list[Paragraph], mentions: list[Mention], quotes: list[Quote],
                     codebook: Codebook) -> list[Request]:
    """All requests in one document's body, in text order (``event_id`` left to :mod:`analysis.extract.events`)."""
    doc = Doc(codebook, mentions, quotes, positions={p.para_id: p.position for p in paragraphs})
    for para in paragraphs:
        if para.segment != "body" or para.repeat_kind in SKIP_REPEATS:
            continue
        for sentence in sentences.split(para.text):
            readings_by_cue = _candidates(para.text, sentence) if may_hold_a_cue(sentence.text) else []
            for readings in readings_by_cue:
                for frame, match in readings:  # the first reading that codes as a request wins
                    outcome = _code(doc, para, sentence, frame, match)
                    if outcome is not None:
                        break
            doc.previous_subject = sentence_subject(doc, para, sentence) or doc.previous_subject
    return doc.found


def _code(doc: Doc, para: Paragraph, sentence: sentences.Sentence, frame: str,
          match: re.Match[str]) -> str | None:
    """Code one reading as a request: "request", or "not a request" (negated, hypothetical, by Russia), or
    None when this reading finds no addressee (another reading of the same cue may)."""
    cb = doc.codebook
    quote = doc.quote_at(para.para_id, match.start("cue"))
    if _negated(para.text, sentence, match.start("cue") if frame != "passive" else match.start(), quote):
        return "not a request"
    if frame == "nominal" and match.group("cue").lower().startswith("appeal") and LEGAL.search(sentence.text):
        return "not a request"  # "the court rejected the appeal of ...": a legal appeal
    requester, requester_text = find_requester(doc, para, match, frame, sentence, quote)
    if cb.camp(requester) == "russia":
        return "not a request"  # an appeal by Russia, not to it
    what = para.text[match.start("what"):min(sentence.end, quote.end if quote else sentence.end)]
    kind = _kind(cb, what)
    addressee, addressee_text = find_addressee(doc, para, match, frame, sentence, quote, requester)
    if addressee is None and cb.request_types[kind].get("default_addressee"):
        addressee, addressee_text = cb.request_types[kind]["default_addressee"], ""
    if addressee is None and requester and (frame == "nominal" or (
            frame == "verb + what is asked" and not lex.NEED.fullmatch(match.group("cue")))):
        earlier = [r for r in doc.found if r.requester_id == requester]
        if earlier:  # the same requester, still asking the party it asked before ("Libya's request")
            addressee, addressee_text = earlier[-1].addressee_id, ""
    if addressee is None or addressee == requester or cb.same_side(requester, addressee):
        return None
    doc.found.append(Request(
        request_id=f"{para.doc_id}-r{len(doc.found) + 1:02d}", doc_id=para.doc_id, para_id=para.para_id,
        requester_id=requester, requester_text=requester_text or None, addressee_id=addressee,
        addressee_text=addressee_text or cb.actors[addressee]["name"], request_type=kind,
        cameo_code=cb.request_types[kind]["cameo_code"], to_russia=cb.camp(addressee) == "russia",
        evidence=sentence.text, cue=match.group("cue"), construction=frame,
    ))
    return "request"
