"""Extract requests (appeals) from the reporting: who asks whom for what, coded as a researcher would.

Only article body paragraphs are read (headlines and standfirsts summarise the
body; reader comments are not reporting), and exact repeats are skipped. Each
sentence is searched for the constructions of :mod:`analysis.request_lexicon`;
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
same appeal become one event (:mod:`analysis.events`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis import request_lexicon as lex
from analysis import sentences
from analysis.codebook import Codebook, cue_pattern
from analysis.mentions import Mention, by_paragraph
from analysis.provisional import TITLES
from analysis.quotes import Quote
from analysis.segment import Paragraph
from analysis.textnorm import ignorecase_key

SKIP_REPEATS = ("exact",)
_NP = r"[^,.;:!?\"“”()]{1,60}?"
_ADDRESSEE = "|".join(lex.ADDRESSEE_VERBS.values())
_OBJECT = "|".join(lex.OBJECT_VERBS.values())
FRAMES: list[tuple[str, re.Pattern[str]]] = [
    ("passive", re.compile(rf"\s{lex.PASSIVE}(?:\s+by\s+(?P<agent>{_NP}))?\s+(?:to|for)\s+(?P<what>.+)",
                           re.IGNORECASE)),
    ("verb + addressee", re.compile(rf"\b(?P<cue>{_ADDRESSEE})\s+(?!for\b|to\b|that\b|from\b)(?P<addr>{_NP})\s+"
                                    r"(?P<link>to|for)\s+(?P<what>.+)", re.IGNORECASE)),
    ("hope", re.compile(rf"\b(?P<cue>{lex.HOPE_VERBS})\s+(?:that\s+)?(?P<addr>{_NP})\s+(?:will|would|could|can|to)\s+"
                        r"(?P<what>.+)", re.IGNORECASE)),
    ("nominal", re.compile(rf"(?:(?P<owner>[\w-]+)[’']s\s+|\b(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+)?)"
                           rf"(?P<cue>{lex.NOUNS})\b(?P<what>.*)", re.IGNORECASE)),
    ("purpose clause", re.compile(rf"\b(?P<cue>{lex.TRAVEL})\s+(?:to\s+|in\s+)?(?P<place>{_NP})\s+(?:{_NP}\s+)?"
                                  rf"{lex.PURPOSE}\s+(?P<what>.+)", re.IGNORECASE)),
    ("verb + what is asked", re.compile(rf"\b(?P<cue>{_OBJECT})(?!\s+to\b)\s+(?P<what>.+)", re.IGNORECASE)),
]
SPEECH = re.compile(r"\b(?:said|says|say|stated|states|told\s+[\w\s]{1,30}?|added|announced|revealed|explained|noted"
                    r"|insisted|stressed|confirmed|claimed|reported|indicated|declared)\s+(?:that\s+)?", re.IGNORECASE)
PRONOUN = re.compile(r"\b(?P<pronoun>he|she|they|we|i|it)\s+(?:[\w']+\s+){0,3}$", re.IGNORECASE)
STAND_IN = re.compile(r"\b(?:the\s+libyan\s+side|the\s+libyans|libyan\s+(?:authorities|officials|government)"
                      r"|(?:the\s+)?authorities|(?:the|his|its|their)\s+(?:envoy|envoys|delegation|representative)s?"
                      rf"|officials|the\s+(?:[\w-]+\s+){{0,2}}?(?:{TITLES}|field\s+marshal|marshal|strongman))"
                      r"\s+(?:[\w']+\s+){0,3}$", re.IGNORECASE)
PREPOSITION = re.compile(r"\b(?:to|with|from|by|for|in|at|on|against|like|than|about|between|into|toward|towards"
                         r"|over|under|after|before|during|among|via|of)\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)
DATELINE = re.compile(r"\s*[A-Z][A-Z .'-]{2,},\s*(?:[A-Z][a-z]{2,4}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*)?"
                      r"(?:\([^)]*\)\s*)?[—–-]+\s*")
PARENTHETICAL = re.compile(r",\s+(?:[^,]{1,40}?\s+(?:said|says|added|stated|told\s+\w+)|according\s+to\s+[^,]{1,40})"
                           r",\s*$", re.IGNORECASE)  # "The chairman, his office said, asked …"
HOSTS = re.compile(r"(?:his|her|their|its)\s+(?:[\w-]+\s+)?(?:hosts?|counterparts?|interlocutors?)", re.IGNORECASE)
LEGAL = re.compile(r"\b(?:court|courts|judge|judges|verdict|sentence|ruling|conviction|tribunal|lawyers?)\b",
                   re.IGNORECASE)
INTRODUCTORY = re.compile(r"\s*(?:in|on|at|during|after|before|following|likewise|meanwhile|moreover|however"
                          r"|earlier|later|last|this)\b[^,;]*,\s*", re.IGNORECASE)
TITLE_WORDS = re.compile(r"(?:\b[A-Z][\w-]*\s+)+$")  # "… between Libyan Prime Minister " → "… between "
GROUP_OF = re.compile(r"\b(?:officials|members|representatives|delegation|delegates|envoys?|leaders)\s+of"
                      r"\s+(?:the\s+)?$", re.IGNORECASE)
# The same words opening the clause: "The envoy, according to Izvestia, carried a message asking …"
STAND_IN_START = re.compile(r"\s*" + STAND_IN.pattern.replace(r"\s+(?:[\w']+\s+){0,3}$", r"\b"), re.IGNORECASE)
TRAILING_SPEAKER = re.compile(r",\s+(?P<who>[^,;“”\"]{1,90}?)\s+(?:said|told|added|stated|says)\b[^,;]*$",
                              re.IGNORECASE)
LETTER_TO = re.compile(rf"\b(?:letter|message|appeal|request|note|plea)\s+(?:[\w-]+\s+){{0,2}}?to\s+(?P<who>{_NP})"
                       rf"(?:,|\s+(?:asking|in\s+which|requesting|that|and|on|last|this)\b|$)"
                       rf"|\bsent\s+(?P<who2>{_NP})\s+(?:a|an|the)\s+(?:letter|message|request|appeal)", re.IGNORECASE)
HELP = (r"help|support|assistance|backing|aid|role|intervention|cooperation|protection|involvement|participation"
        r"|mediation|expertise|experts|investment|investments|engagement|presence")
STAND_IN_ACTORS = ("libya",)  # "Libya's request": the state standing for whichever faction made it
VERB_FRAMES = ("verb + addressee", "verb + what is asked", "hope")
# "a (formal) request", "Libya's request": the noun, whose readings are the nominal ones
DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|his|her|its|their|this|that|[\w-]+[’']s)\s+(?:(?:formal|new|urgent"
                               r"|official|written|further|fresh|renewed|similar|earlier|first|second)\s+)?$",
                               re.IGNORECASE)


@dataclass(frozen=True)
class Request:
    """One appeal: requester, addressee, what is asked, and the sentence that says so."""

    request_id: str
    doc_id: str
    para_id: str
    requester_id: str | None
    requester_text: str | None
    addressee_id: str
    addressee_text: str
    request_type: str
    cameo_code: str
    to_russia: bool
    evidence: str
    cue: str
    construction: str
    event_id: str = ""


@dataclass
class _Doc:
    """What the resolvers need about the document being read."""

    codebook: Codebook
    mentions: list[Mention]
    quotes: list[Quote]
    found: list[Request] = field(default_factory=list)
    positions: dict[str, int] = field(default_factory=dict)
    previous_subject: str | None = None

    def __post_init__(self) -> None:
        self.by_para = by_paragraph(self.mentions, resolved_only=True)
        self.quotes_by_para: dict[str, list[Quote]] = {}
        for q in self.quotes:
            self.quotes_by_para.setdefault(q.para_id, []).append(q)

    def mentions_in(self, para_id: str, start: int, end: int) -> list[Mention]:
        return [m for m in self.by_para.get(para_id, []) if start <= m.start and m.end <= end
                and self.codebook.actor_type(m.actor_id) != "media"]

    def quote_at(self, para_id: str, offset: int) -> Quote | None:
        return next((q for q in self.quotes_by_para.get(para_id, []) if q.start <= offset < q.end), None)

    def recent_requester(self, para: Paragraph) -> str | None:
        """The requester of the latest request in this paragraph or the two before, if it is not Russian."""
        for request in reversed(self.found):
            if self.positions[para.para_id] - self.positions[request.para_id] > 2:
                break
            if request.requester_id and self.codebook.camp(request.requester_id) != "russia":
                return request.requester_id
        return None


def _subjects(doc: _Doc, para: Paragraph, start: int, end: int, allow_of: bool = False,
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


def _choose(doc: _Doc, candidates: list[Mention]) -> Mention | None:
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


def _pronoun_referent(doc: _Doc, para: Paragraph, kind: str, sentence: sentences.Sentence,
                      quote: Quote | None) -> str | None:
    """Who "he", "she", "they", "we" or "I" asks for (see the module docstring)."""
    if kind in ("we", "i") and quote is not None:
        return quote.speaker_id
    if kind in ("he", "she"):
        persons = [m for m in _subjects(doc, para, sentence.start, sentence.end)
                   if doc.codebook.actor_type(m.actor_id) == "person" and doc.quote_at(para.para_id, m.start) is None]
        if persons:
            return persons[0].actor_id
        return doc.previous_subject if doc.codebook.actor_type(doc.previous_subject) == "person" else None
    if quote is not None:  # "they" in someone's quotation: only a request of the same paragraph is its antecedent
        same = [r for r in doc.found if r.para_id == para.para_id and r.requester_id]
        return same[-1].requester_id if same else None
    return doc.recent_requester(para) or doc.previous_subject


def _named(doc: _Doc, para: Paragraph, start: int, end: int) -> Mention | None:
    """The actor named as the subject of ``text[start:end]``, if one is (no pronoun or stand-in resolution).

    A dateline ("MOSCOW, Sept. 28 —") and an introductory phrase ("In talks in Cairo,") are skipped; an
    appositive between commas is skipped, unless only it names someone ("Libya's interior minister, Fathi
    Bashagha,"); a possessor ("the Libyan army's general command") is the subject only when nothing else is.
    """
    text = para.text
    for skip in (DATELINE, INTRODUCTORY):
        lead = skip.match(text, start, end)
        if lead and _subjects(doc, para, lead.end(), end):
            start = lead.end()
    trimmed = _trim_appositive(text, start, end)
    chosen = _choose(doc, _subjects(doc, para, start, trimmed))
    if chosen is None and trimmed < end:
        chosen = _choose(doc, _subjects(doc, para, trimmed, end))
    if chosen is None:
        chosen = _choose(doc, _subjects(doc, para, start, end, possessors=True))
    return chosen


def _subject(doc: _Doc, para: Paragraph, start: int, end: int, sentence: sentences.Sentence,
             quote: Quote | None) -> tuple[str | None, str]:
    """The requester of a cue whose clause runs from ``start`` to ``end``, and the words naming it."""
    text = para.text
    aside = PARENTHETICAL.search(text, start, end)
    if aside:
        end = aside.start()
    speech = list(SPEECH.finditer(text, start, end))
    if speech:  # "X said (that) Y asked ...": Y if named; for a pronoun or a stand-in, X
        inner_start = speech[-1].end()
        inner = _named(doc, para, inner_start, end)
        outer, outer_words = _subject(doc, para, start, speech[-1].start(), sentence, quote)
        if inner is not None and not _stands_in(doc, inner.actor_id):
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
    if pronoun and not _subjects(doc, para, start + pronoun.end("pronoun"), end):
        return _pronoun_referent(doc, para, pronoun.group("pronoun").lower(), sentence, quote), pronoun.group("pronoun")
    stand_in = STAND_IN.search(text[start:end]) or STAND_IN_START.match(text[start:end])
    group = _subjects(doc, para, start, end, allow_of=True) if stand_in else []
    if group and not _subjects(doc, para, start, end):  # "officials of the GNA": the GNA
        return group[0].actor_id, group[0].surface
    if stand_in and not _subjects(doc, para, start + stand_in.start(), end):
        # "the Libyan side", "the envoy" point back to a named party; "officials" only to a requester already named
        back = doc.previous_subject if not re.search(r"officials|authorities", stand_in.group(0), re.I) else None
        if doc.codebook.camp(back) == "russia":
            back = None
        return doc.recent_requester(para) or back, stand_in.group(0).strip()
    chosen = _named(doc, para, start, end)
    if chosen is not None:
        if _stands_in(doc, chosen.actor_id):
            return doc.recent_requester(para) or doc.previous_subject or chosen.actor_id, chosen.surface
        return chosen.actor_id, chosen.surface
    if quote is not None:  # "the situation requires ..." in a quotation: the speaker asks
        return quote.speaker_id, quote.speaker_text or ""
    words = text[start:end].strip(" ,")
    return None, " ".join(words.split()[-3:])


def _stands_in(doc: _Doc, actor_id: str | None) -> bool:
    return actor_id in STAND_IN_ACTORS


def _first_actor(doc: _Doc, para: Paragraph, start: int, end: int) -> Mention | None:
    return next(iter(doc.mentions_in(para.para_id, start, end)), None)


def _in_what(doc: _Doc, para: Paragraph, start: int, end: int, requester: str | None) -> Mention | None:
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


def _demonym(doc: _Doc, what: str) -> tuple[str, str] | None:
    for word, actor_id in doc.codebook.demonyms.items():
        if re.search(rf"\b{re.escape(word)}\b", what):
            return actor_id, word
    return None


def _addressee(doc: _Doc, para: Paragraph, match: re.Match[str], frame: str, sentence: sentences.Sentence,
               quote: Quote | None, requester: str | None) -> tuple[str | None, str]:
    """The party asked, and the words naming it (see the module docstring for the order)."""
    groups = match.re.groupindex
    if "addr" in groups:
        named = _first_actor(doc, para, match.start("addr"), match.end("addr"))
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
        named = _first_actor(doc, para, match.start("place"), match.end("place"))
        return (named.actor_id, named.surface) if named else (None, "")
    what_start = match.start("what")
    if frame == "nominal":
        to = re.match(rf"\s+(?:from\s+{_NP}\s+)?to\s+(?P<who>{_NP})(?:\s+(?:for|to|was|is|that)\b|[,.]|$)",
                      match.group("what"))
        if to:  # "a request to Russia" (an actor right after "to"), not "a call to end the embargo"
            named = _first_actor(doc, para, what_start + to.start("who"), what_start + to.end("who"))
            if named and named.start - (what_start + to.start("who")) <= 4:
                return named.actor_id, named.surface
        given = re.search(rf"\b(?:{lex.RENEWING})\s+(?P<who>{_NP})\s+(?:a|an|the)\s+$",
                          para.text[sentence.start:match.start("cue")], re.IGNORECASE)
        if given:
            named = _first_actor(doc, para, sentence.start + given.start("who"), sentence.start + given.end("who"))
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
        named = _first_actor(doc, para, letter.start(who), letter.end(who))
        if named:
            return named.actor_id, named.surface
    return None, ""


def _negated(text: str, sentence: sentences.Sentence, cue_start: int, quote: Quote | None) -> bool:
    """A negated, denied or hypothetical cue, or one in a question (see :mod:`analysis.request_lexicon`)."""
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
    """False only if no frame can match in ``text`` (none of :data:`~analysis.request_lexicon.CUE_WORDS`)."""
    folded = ignorecase_key(text)
    return any(word in folded for word in lex.CUE_WORDS)


def _candidates(text: str, sentence: sentences.Sentence) -> list[list[tuple[str, re.Match[str]]]]:
    """The frame matches of the sentence grouped by cue, in text order; within a cue, in :data:`FRAMES` order."""
    by_cue: dict[int, list[tuple[str, re.Match[str]]]] = {}
    for frame, pattern in FRAMES:
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


def _requester(doc: _Doc, para: Paragraph, match: re.Match[str], frame: str, sentence: sentences.Sentence,
               quote: Quote | None) -> tuple[str | None, str]:
    groups = match.re.groupindex
    if frame == "passive" and match.group("agent"):
        agent = _first_actor(doc, para, match.start("agent"), match.end("agent"))
        if agent:
            return agent.actor_id, agent.surface
    if "owner" in groups and match.group("owner"):
        renewed = re.search(rf"\b(?:{lex.RENEWING})\s+$", para.text[sentence.start:match.start()], re.IGNORECASE)
        owner = next((m for m in doc.mentions_in(para.para_id, sentence.start, match.end("owner"))
                      if m.end == match.end("owner")), None)  # "Aguila Saleh's request": the mention ending there
        if owner and not renewed:
            if _stands_in(doc, owner.actor_id):
                return doc.recent_requester(para) or doc.previous_subject or owner.actor_id, owner.surface
            return owner.actor_id, owner.surface
    clause_start = max(sentence.start, quote.start if quote else 0)
    end = match.start("cue") if frame != "passive" else match.start()
    if frame == "nominal":
        end = match.start()
        from_who = re.match(rf"\s+from\s+(?P<who>{_NP})(?:\s+to\b|\s+for\b|[,.]|$)", match.group("what"))
        if from_who:
            named = _first_actor(doc, para, match.start("what") + from_who.start("who"),
                                 match.start("what") + from_who.end("who"))
            if named:
                return named.actor_id, named.surface
    actor, words = _subject(doc, para, clause_start, end, sentence, quote)
    if (actor is None or _stands_in(doc, actor)) and quote is None:
        speaker = _trailing_speaker(doc, para, sentence, match.start("cue"))
        if speaker is not None:  # "What Libya needs is ..., LNA spokesman X said": X asks
            return speaker, words
    return actor, words


def _trailing_speaker(doc: _Doc, para: Paragraph, sentence: sentences.Sentence, after: int) -> str | None:
    """The person of a closing ", X said" in the sentence (after the cue), if any."""
    trailing = TRAILING_SPEAKER.search(para.text, after, sentence.end)
    if trailing is None:
        return None
    persons = [m for m in doc.mentions_in(para.para_id, trailing.start("who"), trailing.end("who"))
               if doc.codebook.actor_type(m.actor_id) == "person"]
    return persons[0].actor_id if persons else None


def _sentence_subject(doc: _Doc, para: Paragraph, sentence: sentences.Sentence) -> str | None:
    """The first actor of a sentence that can be its subject (for a pronoun in the next sentence)."""
    subjects = [m for m in _subjects(doc, para, sentence.start, sentence.end, allow_of=True)
                if doc.quote_at(para.para_id, m.start) is None]
    return subjects[0].actor_id if subjects else None


def extract_requests(paragraphs: list[Paragraph], mentions: list[Mention], quotes: list[Quote],
                     codebook: Codebook) -> list[Request]:
    """All requests in one document's body, in text order (``event_id`` left to :mod:`analysis.events`)."""
    doc = _Doc(codebook, mentions, quotes, positions={p.para_id: p.position for p in paragraphs})
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
            doc.previous_subject = _sentence_subject(doc, para, sentence) or doc.previous_subject
    return doc.found


def _code(doc: _Doc, para: Paragraph, sentence: sentences.Sentence, frame: str,
          match: re.Match[str]) -> str | None:
    """Code one reading as a request: "request", or "not a request" (negated, hypothetical, by Russia), or
    None when this reading finds no addressee (another reading of the same cue may)."""
    cb = doc.codebook
    quote = doc.quote_at(para.para_id, match.start("cue"))
    if _negated(para.text, sentence, match.start("cue") if frame != "passive" else match.start(), quote):
        return "not a request"
    if frame == "nominal" and match.group("cue").lower().startswith("appeal") and LEGAL.search(sentence.text):
        return "not a request"  # "the court rejected the appeal of ...": a legal appeal
    requester, requester_text = _requester(doc, para, match, frame, sentence, quote)
    if cb.camp(requester) == "russia":
        return "not a request"  # an appeal by Russia, not to it
    what = para.text[match.start("what"):min(sentence.end, quote.end if quote else sentence.end)]
    kind = _kind(cb, what)
    addressee, addressee_text = _addressee(doc, para, match, frame, sentence, quote, requester)
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
