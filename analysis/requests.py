"""Extract requests (appeals) from the reporting: who asks whom for what.

Only article body paragraphs are read (headlines and standfirsts summarise the
body; reader comments are not reporting), and exact repeats are skipped so a
request is not counted twice. A request is found by a cue — "called on X to",
"called for", "asked for", "X's request", "urged X to", "requires intervention
by", "needed X's support", first-person "we want X to" / "we look forward to" /
"we expect that" inside a quotation, "hoped that" — and then resolved:

* **requester**: the possessor in "X's request"; a pronoun's referent ("he" →
  the sentence's first person, "they" → the previous requester, "we" → the
  quotation's speaker); a cue inside a quotation → its speaker; else the
  nearest person (then any actor) named before the cue in the sentence.
* **addressee**: an actor named in the cue ("called on Russia"); the type's
  default (the UN for the arms embargo); an actor named in what is asked that is
  not on the requester's side; an adjective qualifying it ("Russian political
  intervention"); an actor named elsewhere in the sentence, outside quotation
  marks; else the previous request's addressee in the document. A request with
  no addressee is not reported.
* **type**: the first request type in the codebook whose cues occur in what is
  asked, with its CAMEO code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.codebook import Codebook, cue_pattern
from analysis.mentions import Mention, by_paragraph
from analysis.quotes import Quote
from analysis.segment import Paragraph
from analysis.textnorm import ignorecase_key

_WHAT = r"(?P<what>[^.;]+)"
# Each cue pattern with the words it cannot match without (lower case): a paragraph
# containing none of them is not scanned by that pattern. Scanning every paragraph
# with every pattern was most of the request extractor's time on large corpora.
CUE_RULES: list[tuple[tuple[str, ...], re.Pattern[str]]] = [
    (("call", "urge", "ask", "invite"),
     re.compile(r"\b(?P<cue>called\s+on|calls?\s+on|urged|urges?|asked|asks|invited|invites?)\s+"
                r"(?P<addr>[^,.;]{1,60}?)\s+to\s+" + _WHAT, re.IGNORECASE)),
    (("call",),
     re.compile(r"\b(?:repeated|echoed|reiterated)\s+(?:[\w-]+[’']s\s+)?(?P<cue>call)\s+to\s+" + _WHAT,
                re.IGNORECASE)),
    (("call", "ask", "appeal"),
     re.compile(r"\b(?P<cue>called\s+for|calls?\s+for|asked\s+for|asks\s+for|appealed\s+for|appeals?\s+for)\s+"
                + _WHAT, re.IGNORECASE)),
    (("request",), re.compile(r"(?P<owner>[\w-]+)[’']s\s+(?P<cue>request)\b" + _WHAT, re.IGNORECASE)),
    (("need",), re.compile(r"\b(?P<cue>needs?|needed)\s+(?P<addr>[\w-]+)[’']s\s+"
                           r"(?P<what>support|help|assistance|aid)\b", re.IGNORECASE)),
    (("requir", "need"), re.compile(r"\b(?P<cue>requires?|required|needs?|needed)\s+(?:the\s+)?"
                                    r"(?P<what>(?:intervention|support|help|assistance|aid)\b[^.;]*)", re.IGNORECASE)),
    (("want", "look", "expect"),
     re.compile(r"\b(?:we|i)\s+(?:also\s+|always\s+)*(?P<cue>want|are\s+looking\s+forward\s+to|look\s+forward\s+to"
                r"|expect\s+that|expect)\s+" + _WHAT, re.IGNORECASE)),
    (("hope",), re.compile(r"\b(?P<cue>hoped|hopes)\s+(?:that\s+)?" + _WHAT, re.IGNORECASE)),
]


def cue_matches(text: str) -> list[re.Match[str]]:
    """Every cue match in ``text``, by position of the cue; patterns whose words are absent are skipped.

    See :func:`analysis.textnorm.ignorecase_key` for why the filter never skips
    a pattern that could match; a property test checks it against scanning with
    every pattern.
    """
    folded = ignorecase_key(text)
    hits = [m for words, pattern in CUE_RULES if any(w in folded for w in words) for m in pattern.finditer(text)]
    return sorted(hits, key=lambda m: m.start("cue"))
PRONOUN_BEFORE = re.compile(r"\b(?P<pronoun>he|she|they|we|i)\s+(?:also\s+|always\s+)*$", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
REQUEST_NOUNS = r"(?:\s+[\w-]+){0,2}\s+(?:intervention|support|help|aid|assistance|role|cooperation|weapons|arms)\b"
SKIP_REPEATS = ("exact",)


@dataclass(frozen=True)
class Request:
    """One appeal: requester, addressee, what is asked, and the sentence that says so."""

    request_id: str
    doc_id: str
    para_id: str
    requester_id: str | None
    addressee_id: str
    request_type: str
    cameo_code: str
    evidence: str
    cue: str


@dataclass
class _Doc:
    """What the resolvers need about the document being read."""

    codebook: Codebook
    mentions: list[Mention]
    quotes: list[Quote]
    found: list[Request]

    def __post_init__(self) -> None:
        self.by_para = by_paragraph(self.mentions, resolved_only=True)
        self.quotes_by_para: dict[str, list[Quote]] = {}
        for q in self.quotes:
            self.quotes_by_para.setdefault(q.para_id, []).append(q)

    def mentions_in(self, para_id: str, start: int, end: int) -> list[Mention]:
        return [m for m in self.by_para.get(para_id, []) if start <= m.start and m.end <= end]

    def quote_at(self, para_id: str, offset: int) -> Quote | None:
        return next((q for q in self.quotes_by_para.get(para_id, []) if q.start <= offset < q.end), None)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    left = max([0, *[e for e in ends if e <= start]])
    right = min([len(text), *[e for e in ends if e >= end]])
    return left, right


def _requester(doc: _Doc, para: Paragraph, match: re.Match[str], left: int) -> str | None:
    """Who asks (see the module docstring for the order of the rules)."""
    cue_at = match.start()  # "Sarraj repeated Sisi's call": the requester precedes the whole cue
    if match.re.groupindex.get("owner"):
        owned = doc.mentions_in(para.para_id, match.start("owner"), match.end("owner"))
        return owned[0].actor_id if owned else None
    quote = doc.quote_at(para.para_id, cue_at)
    pronoun = PRONOUN_BEFORE.search(para.text[left:cue_at]) or re.match(r"(?P<pronoun>we|i)\b", match.group(0), re.I)
    kind = pronoun.group("pronoun").lower() if pronoun else None
    before = [m for m in doc.mentions_in(para.para_id, left, cue_at) if doc.quote_at(para.para_id, m.start) is None]
    persons = [m for m in before if doc.codebook.actor_type(m.actor_id) == "person"]
    if kind in ("he", "she"):
        return persons[0].actor_id if persons else None
    if kind == "they":
        return doc.found[-1].requester_id if doc.found else None
    if quote is not None:
        return quote.speaker_id
    candidates = persons or [m for m in before if doc.codebook.actor_type(m.actor_id) != "media"]
    return candidates[-1].actor_id if candidates else None


def _addressee(doc: _Doc, para: Paragraph, match: re.Match[str], requester: str | None, kind: str,
               sentence: tuple[int, int]) -> str | None:
    """Whom the request is addressed to, or None."""
    cb = doc.codebook
    if "addr" in match.re.groupindex:
        named = [m for m in doc.mentions_in(para.para_id, match.start("addr"), match.end("addr"))
                 if not cb.same_side(requester, m.actor_id)]
        if named:
            return named[0].actor_id
    default = cb.request_types[kind].get("default_addressee")
    if default:
        return default
    named = [m for m in doc.mentions_in(para.para_id, match.start("what"), match.end("what"))
             if cb.actor_type(m.actor_id) != "media" and not cb.same_side(requester, m.actor_id)]
    if named:
        return named[0].actor_id
    for word, actor_id in cb.demonyms.items():
        if re.search(rf"\b{re.escape(word)}\b{REQUEST_NOUNS}", match.group("what")) and not cb.same_side(
                requester, actor_id):
            return actor_id
    in_sentence = [m for m in doc.mentions_in(para.para_id, *sentence)
                   if cb.actor_type(m.actor_id) != "media" and not cb.same_side(requester, m.actor_id)
                   and doc.quote_at(para.para_id, m.start) is None]
    if in_sentence:
        return in_sentence[0].actor_id
    return doc.found[-1].addressee_id if doc.found else None


def _kind(codebook: Codebook, what: str) -> str:
    for kind, spec in codebook.request_types.items():
        if spec.get("cues") and cue_pattern(spec["cues"]).search(what):
            return kind
    return "other"


def extract_requests(paragraphs: list[Paragraph], mentions: list[Mention], quotes: list[Quote],
                     codebook: Codebook) -> list[Request]:
    """All requests in one document's body, in text order."""
    doc = _Doc(codebook, mentions, quotes, [])
    for para in paragraphs:
        if para.segment != "body" or para.repeat_kind in SKIP_REPEATS:
            continue
        hits = cue_matches(para.text)
        taken: list[int] = []
        for match in hits:
            if any(abs(match.start("cue") - t) < 3 for t in taken):
                continue
            taken.append(match.start("cue"))
            left, right = _sentence(para.text, match.start(), match.end())
            requester = _requester(doc, para, match, left)
            kind = _kind(codebook, match.group("what"))
            addressee = _addressee(doc, para, match, requester, kind, (left, right))
            if addressee is None or addressee == requester:
                continue
            doc.found.append(Request(
                request_id=f"{para.doc_id}-r{len(doc.found) + 1:02d}", doc_id=para.doc_id, para_id=para.para_id,
                requester_id=requester, addressee_id=addressee, request_type=kind,
                cameo_code=codebook.request_types[kind]["cameo_code"], evidence=para.text[left:right].strip(),
                cue=match.group("cue"),
            ))
    return doc.found
