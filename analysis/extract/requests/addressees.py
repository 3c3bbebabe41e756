"""Whom a request is made to: the addressee of a cue, by the rules of :mod:`analysis.extract.requests.coding`
(addressee): the object of the verb, the subject of a passive, "to X" after an appeal noun, a possessive or
adjective in what is asked, the recipient of a letter, the place travelled to.
"""

from __future__ import annotations

import re

from analysis.corpus.paragraphs import Paragraph
from analysis.extract import sentences
from analysis.extract.mentions import Mention
from analysis.extract.quote_marks import Quote
from analysis.extract.requests import lexicon as lex
from analysis.extract.requests.model import Doc
from analysis.extract.requests.patterns import HELP, HOSTS, LETTER_TO, NP
from analysis.extract.requests.subjects import first_actor


def _in_what(doc: Doc, para: Paragraph, start: int, end: int, requester: str | None) -> Mention | None:
    """An addressee inside what is asked: "X's help" (a help noun), "from X" / "by X", "the support of X"."""
    for m in doc.mentions_in(para.para_id, start, end):
        if m.actor_id == requester:
            continue  # "a request from Haftar for …": the requester, not the party asked
        before = para.text[max(start, m.start - 30):m.start]
        after = para.text[m.end:m.end + 40]
        if re.match(rf"[’']s\s+(?:[\w-]+\s+){{0,2}}?(?:{HELP})\b", after, re.IGNORECASE) \
                or re.search(r"\b(?:from|by)\s+(?:the\s+)?$", before) \
                or re.search(rf"\b(?:{HELP})\s+of\s+(?:the\s+)?$", before, re.IGNORECASE):
            return m
    return None


def _demonym(doc: Doc, what: str) -> tuple[str, str] | None:
    for word, actor_id in doc.codebook.demonyms.items():
        if re.search(rf"\b{re.escape(word)}\b", what):
            return actor_id, word
    return None


def find_addressee(doc: Doc, para: Paragraph, match: re.Match[str], frame: str, sentence: sentences.Sentence,
               quote: Quote | None, requester: str | None) -> tuple[str | None, str]:
    """The party asked, and the words naming it (see the module docstring for the order)."""
    groups = match.re.groupindex
    if "addr" in groups:
        named = first_actor(doc, para, match.start("addr"), match.end("addr"))
        if named and frame == "hope" and doc.codebook.same_side(requester, named.actor_id):
            # "hoped that Libya would see ..., with Russia providing support": the first other party
            named = next((m for m in doc.mentions_in(para.para_id, match.start("addr"), sentence.end)
                          if not doc.codebook.same_side(requester, m.actor_id)), None)
        if named:
            return named.actor_id, named.surface
        words = match.group("addr").strip()
        if re.fullmatch(r"us", words, re.IGNORECASE) and quote and quote.speaker_id:
            camp = doc.codebook.camp(quote.speaker_id)
            return doc.codebook.camp_states.get(camp or "", quote.speaker_id), "us"
        if re.fullmatch(r"him|her", words, re.IGNORECASE):  # the last person named before, not the requester
            persons = [m for m in doc.by_para.get(para.para_id, []) if m.start < match.start("addr")
                       and doc.codebook.actor_type(m.actor_id) == "person" and m.actor_id != requester]
            if persons:
                return persons[-1].actor_id, words
        if HOSTS.fullmatch(words):  # "asked his hosts for arms": the last party named before, not his own side
            before = [m for m in doc.mentions if doc.positions[m.para_id] <= doc.positions[para.para_id]
                      and (m.para_id != para.para_id or m.start < match.start("addr")) and m.actor_id
                      and not doc.codebook.same_side(requester, m.actor_id)
                      and doc.codebook.actor_type(m.actor_id) != "media"]
            if before:
                return before[-1].actor_id, words
        demonym = _demonym(doc, words)  # "asked Russian officials to", "our Russian friends"
        if demonym:
            return demonym[0], words
        return None, words
    if frame == "passive":
        before = [m for m in doc.mentions_in(para.para_id, sentence.start, match.start())]
        return (before[-1].actor_id, before[-1].surface) if before else (None, "")
    if frame == "purpose clause":
        named = first_actor(doc, para, match.start("place"), match.end("place"))
        return (named.actor_id, named.surface) if named else (None, "")
    what_start = match.start("what")
    if frame == "nominal":
        to = re.match(rf"\s+(?:from\s+{NP}\s+)?to\s+(?P<who>{NP})(?:\s+(?:for|to|was|is|that)\b|[,.]|$)",
                      match.group("what"))
        if to:  # "a request to Russia" (an actor right after "to"), not "a call to end the embargo"
            named = first_actor(doc, para, what_start + to.start("who"), what_start + to.end("who"))
            if named and named.start - (what_start + to.start("who")) <= 4:
                return named.actor_id, named.surface
        given = re.search(rf"\b(?:{lex.RENEWING})\s+(?P<who>{NP})\s+(?:a|an|the)\s+$",
                          para.text[sentence.start:match.start("cue")], re.IGNORECASE)
        if given:
            named = first_actor(doc, para, sentence.start + given.start("who"), sentence.start + given.end("who"))
            if named:
                return named.actor_id, named.surface
    inside = _in_what(doc, para, what_start, min(match.end("what"), sentence.end), requester)
    if inside:
        return inside.actor_id, inside.surface
    demonym = _demonym(doc, match.group("what")[: sentence.end - what_start])
    if demonym:
        return demonym
    letter = LETTER_TO.search(para.text, sentence.start, match.start())
    if letter:
        who = "who" if letter.group("who") else "who2"
        named = first_actor(doc, para, letter.start(who), letter.end(who))
        if named:
            return named.actor_id, named.surface
    return None, ""
