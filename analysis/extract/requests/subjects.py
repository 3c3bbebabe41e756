"""Who makes a request: the requester of a cue, and the subjects that pronouns and stand-ins refer back to.

The rules are those of :mod:`analysis.extract.requests.coding` (requester):
possessor, passive agent, clause subject, the speaker of "X said", the previous
request's requester for "he" or "the Libyan side".
"""

from __future__ import annotations

import re

from analysis.corpus.paragraphs import Paragraph
from analysis.extract import sentences
from analysis.extract.mentions import Mention
from analysis.extract.quote_marks import Quote
from analysis.extract.requests import lexicon as lex
from analysis.extract.requests.model import Doc
from analysis.extract.requests.patterns import (
    DATELINE,
    GROUP_OF,
    INTRODUCTORY,
    NP,
    PARENTHETICAL,
    PREPOSITION,
    PRONOUN,
    SPEECH,
    STAND_IN,
    STAND_IN_ACTORS,
    STAND_IN_START,
    TITLE_WORDS,
    TRAILING_SPEAKER,
)


def candidate_subjects(doc: Doc, para: Paragraph, start: int, end: int, allow_of: bool = False,
              possessors: bool = False) -> list[Mention]:
    """Actors in ``text[start:end]`` that can be a subject: not after a preposition (titles such as "Libyan
    Prime Minister" in between do not count), not in parentheses, not a possessive modifier."""
    result = []
    for m in doc.mentions_in(para.para_id, start, end):
        before = TITLE_WORDS.sub("", para.text[max(start, m.start - 60):m.start])
        if PREPOSITION.search(before) and not (allow_of and GROUP_OF.search(before)):
            continue
        if para.text.count("(", start, m.start) > para.text.count(")", start, m.start):
            continue
        if re.match(r"[’']s\b", para.text[m.end:m.end + 3]) and m.end < end - 3 and not possessors:
            continue
        result.append(m)
    return result


def _choose(doc: Doc, candidates: list[Mention]) -> Mention | None:
    """The subject among the candidates: the first, or a person of its side named after it ("Libyan Army
    Commander, Marshal Khalifa Haftar," is Haftar)."""
    if not candidates:
        return None
    first = candidates[0]
    if doc.codebook.actor_type(first.actor_id) != "person":
        person = next((m for m in candidates[1:] if doc.codebook.actor_type(m.actor_id) == "person"
                       and doc.codebook.same_side(m.actor_id, first.actor_id)), None)
        return person or first
    return first


def _trim_appositive(text: str, start: int, end: int) -> int:
    """End of the subject when ``text[start:end]`` ends in an appositive or relative clause between commas."""
    region = text[start:end].rstrip()
    if region.endswith((",", ")")) and "," in region[:-1]:
        return start + region.index(",")
    return end


def pronoun_referent(doc: Doc, para: Paragraph, kind: str, sentence: sentences.Sentence,
                      quote: Quote | None) -> str | None:
    """Who "he", "she", "they", "we" or "I" asks for (see the module docstring)."""
    if kind in ("we", "i") and quote is not None:
        return quote.speaker_id
    if kind in ("he", "she"):
        persons = [m for m in candidate_subjects(doc, para, sentence.start, sentence.end)
                   if doc.codebook.actor_type(m.actor_id) == "person" and doc.quote_at(para.para_id, m.start) is None]
        if persons:
            return persons[0].actor_id
        return doc.previous_subject if doc.codebook.actor_type(doc.previous_subject) == "person" else None
    if quote is not None:  # "they" in someone's quotation: only a request of the same paragraph is its antecedent
        same = [r for r in doc.found if r.para_id == para.para_id and r.requester_id]
        return same[-1].requester_id if same else None
    return doc.recent_requester(para) or doc.previous_subject


def named(doc: Doc, para: Paragraph, start: int, end: int) -> Mention | None:
    """The actor named as the subject of ``text[start:end]``, if one is (no pronoun or stand-in resolution).

    A dateline ("MOSCOW, Sept. 28 —") and an introductory phrase ("In talks in Cairo,") are skipped; an
    appositive between commas is skipped, unless only it names someone ("Libya's interior minister, Fathi
    Bashagha,"); a possessor ("the Libyan army's general command") is the subject only when nothing else is.
    """
    text = para.text
    for skip in (DATELINE, INTRODUCTORY):
        lead = skip.match(text, start, end)
        if lead and candidate_subjects(doc, para, lead.end(), end):
            start = lead.end()
    trimmed = _trim_appositive(text, start, end)
    chosen = _choose(doc, candidate_subjects(doc, para, start, trimmed))
    if chosen is None and trimmed < end:
        chosen = _choose(doc, candidate_subjects(doc, para, trimmed, end))
    if chosen is None:
        chosen = _choose(doc, candidate_subjects(doc, para, start, end, possessors=True))
    return chosen


def _subject(doc: Doc, para: Paragraph, start: int, end: int, sentence: sentences.Sentence,
             quote: Quote | None) -> tuple[str | None, str]:
    """The requester of a cue whose clause runs from ``start`` to ``end``, and the words naming it."""
    text = para.text
    aside = PARENTHETICAL.search(text, start, end)
    if aside:
        end = aside.start()
    speech = list(SPEECH.finditer(text, start, end))
    if speech:  # "X said (that) Y asked ...": Y if named; for a pronoun or a stand-in, X
        inner_start = speech[-1].end()
        inner = named(doc, para, inner_start, end)
        outer, outer_words = _subject(doc, para, start, speech[-1].start(), sentence, quote)
        if inner is not None and not stands_in(doc, inner.actor_id):
            cb = doc.codebook
            if outer is not None and cb.actor_type(outer) == "person" and cb.actor_type(inner.actor_id) != "person" \
                    and cb.same_side(outer, inner.actor_id):
                return outer, outer_words  # "Sisi stated that Egypt ... called for": Egypt's president asks
            return inner.actor_id, inner.surface
        words = (inner.surface if inner else " ".join(text[inner_start:end].split()[:3])) or outer_words
        if outer is not None:
            return outer, words
        return _subject(doc, para, inner_start, end, sentence, quote)[0], words
    pronoun = PRONOUN.search(text[start:end])
    if pronoun and not candidate_subjects(doc, para, start + pronoun.end("pronoun"), end):
        return pronoun_referent(doc, para, pronoun.group("pronoun").lower(), sentence, quote), pronoun.group("pronoun")
    stand_in = STAND_IN.search(text[start:end]) or STAND_IN_START.match(text[start:end])
    group = candidate_subjects(doc, para, start, end, allow_of=True) if stand_in else []
    if group and not candidate_subjects(doc, para, start, end):  # "officials of the GNA": the GNA
        return group[0].actor_id, group[0].surface
    if stand_in and not candidate_subjects(doc, para, start + stand_in.start(), end):
        # "the Libyan side", "the envoy" point back to a named party; "officials" only to a requester already named
        back = doc.previous_subject if not re.search(r"officials|authorities", stand_in.group(0), re.I) else None
        if doc.codebook.camp(back) == "russia":
            back = None
        return doc.recent_requester(para) or back, stand_in.group(0).strip()
    chosen = named(doc, para, start, end)
    if chosen is not None:
        if stands_in(doc, chosen.actor_id):
            return doc.recent_requester(para) or doc.previous_subject or chosen.actor_id, chosen.surface
        return chosen.actor_id, chosen.surface
    if quote is not None:  # "the situation requires ..." in a quotation: the speaker asks
        return quote.speaker_id, quote.speaker_text or ""
    words = text[start:end].strip(" ,")
    return None, " ".join(words.split()[-3:])


def stands_in(doc: Doc, actor_id: str | None) -> bool:
    return actor_id in STAND_IN_ACTORS


def first_actor(doc: Doc, para: Paragraph, start: int, end: int) -> Mention | None:
    return next(iter(doc.mentions_in(para.para_id, start, end)), None)


def find_requester(doc: Doc, para: Paragraph, match: re.Match[str], frame: str, sentence: sentences.Sentence,
               quote: Quote | None) -> tuple[str | None, str]:
    groups = match.re.groupindex
    if frame == "passive" and match.group("agent"):
        agent = first_actor(doc, para, match.start("agent"), match.end("agent"))
        if agent:
            return agent.actor_id, agent.surface
    if "owner" in groups and match.group("owner"):
        renewed = re.search(rf"\b(?:{lex.RENEWING})\s+$", para.text[sentence.start:match.start()], re.IGNORECASE)
        owner = next((m for m in doc.mentions_in(para.para_id, sentence.start, match.end("owner"))
                      if m.end == match.end("owner")), None)  # "Aguila Saleh's request": the mention ending there
        if owner and not renewed:
            if stands_in(doc, owner.actor_id):
                return doc.recent_requester(para) or doc.previous_subject or owner.actor_id, owner.surface
            return owner.actor_id, owner.surface
    clause_start = max(sentence.start, quote.start if quote else 0)
    end = match.start("cue") if frame != "passive" else match.start()
    if frame == "nominal":
        end = match.start()
        from_who = re.match(rf"\s+from\s+(?P<who>{NP})(?:\s+to\b|\s+for\b|[,.]|$)", match.group("what"))
        if from_who:
            named = first_actor(doc, para, match.start("what") + from_who.start("who"),
                                 match.start("what") + from_who.end("who"))
            if named:
                return named.actor_id, named.surface
    actor, words = _subject(doc, para, clause_start, end, sentence, quote)
    if (actor is None or stands_in(doc, actor)) and quote is None:
        speaker = _trailing_speaker(doc, para, sentence, match.start("cue"))
        if speaker is not None:  # "What Libya needs is ..., LNA spokesman X said": X asks
            return speaker, words
    return actor, words


def _trailing_speaker(doc: Doc, para: Paragraph, sentence: sentences.Sentence, after: int) -> str | None:
    """The person of a closing ", X said" in the sentence (after the cue), if any."""
    trailing = TRAILING_SPEAKER.search(para.text, after, sentence.end)
    if trailing is None:
        return None
    persons = [m for m in doc.mentions_in(para.para_id, trailing.start("who"), trailing.end("who"))
               if doc.codebook.actor_type(m.actor_id) == "person"]
    return persons[0].actor_id if persons else None


def sentence_subject(doc: Doc, para: Paragraph, sentence: sentences.Sentence) -> str | None:
    """The first actor of a sentence that can be its subject (for a pronoun in the next sentence)."""
    subjects = [m for m in candidate_subjects(doc, para, sentence.start, sentence.end, allow_of=True)
                if doc.quote_at(para.para_id, m.start) is None]
    return subjects[0].actor_id if subjects else None
