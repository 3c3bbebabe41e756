"""People the text names with a title or role but the codebook does not know: kept, not lost.

A researcher's own articles name ministers, spokesmen and correspondents that
no codebook lists yet. Where the text gives a name with a title or role, before
it ("UN spokesman Stephane Dujarric", "Libyan Foreign Minister Omar Zintani")
or in apposition after it ("Karim Obeidi, an adviser to the speaker,"), the name
gets a *provisional* actor id derived from it (``provisional-omar-zintani``) and
is a mention like any other, so quotations and requests can name it. Later in
the same document the full name or the surname alone ("Zintani said") resolves
to the same id. The camp is suggested from the title: a demonym the codebook
knows ("Russian Deputy Foreign Minister …" → Russia's camp) or an actor named in
it ("LNA spokesman …" → the LNA's). Each provisional actor is one row of the
``unresolved_actors`` table, so the researcher can add it to the codebook.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from analysis.corpus.paragraphs import Paragraph
from analysis.corpus.textnorm import ignorecase_key
from analysis.extract.codebook import Codebook
from analysis.extract.mentions import Mention

PREFIX = "provisional-"
TITLES = (r"(?:foreign|defen[cs]e|interior|prime|deputy|vice|economy|oil|finance|health)?\s*minister|spokes(?:man|woman"
          r"|person)|envoy|ambassador|commander(?:-in-chief)?|general|colonel|brigadier|lieutenant|major|captain"
          r"|president|premier|adviser|advisor|aide|official|correspondent|reporter|journalist|analyst|expert"
          r"|researcher|lawmaker|parliamentarian|mp|deputy|chief|chairman|chairwoman|speaker|mayor|governor"
          r"|diplomat|secretary|representative|director|negotiator|professor|sheikh|emir|king|prince|leader")
_WORD = r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?"
_PARTICLE = r"(?:(?:al|el|bin|ben|ibn|abu|de|da|van|von|le)[-\s]" + _WORD + ")"
NAME = rf"(?:{_WORD}|{_PARTICLE})(?:\s+(?:{_WORD}|{_PARTICLE})){{1,3}}"
TITLE_BEFORE = re.compile(rf"(?P<title>(?:\b[A-Z][\w-]*\s+)*(?i:\b(?:{TITLES}))\b)\s*,?\s+(?P<name>{NAME})")
# "Mustafa Drissi, who heads the Tripoli government, …": a role given by a relative clause
ROLE_CLAUSE = re.compile(rf"(?P<name>{NAME}),\s+(?P<title>who\s+(?:heads|led|leads|chairs|runs|commands|represents"
                         r"|advises|speaks\s+for)\b[^,.;]{1,60}),")
TITLE_AFTER = re.compile(rf"(?P<name>{NAME}),\s+(?P<title>(?:(?:a|an|the|his|her|its|their)\s+)?(?:[\w'-]+\s+){{0,3}}?"
                         rf"(?i:(?:{TITLES}))\b[^,.;]{{0,60}}),")
# Every match of TITLE_BEFORE or TITLE_AFTER holds a title word of TITLES as a whole word; "minister" may follow
# its qualifier without a space. A paragraph whose ignorecase key has none of them is not scanned: the scan
# with those two patterns was a tenth of the export's time, and one paragraph in twenty names a title.
TITLE_TOKENS = frozenset(
    "spokesman spokeswoman spokesperson envoy ambassador commander general colonel brigadier lieutenant major captain "
    "president premier adviser advisor aide official correspondent reporter journalist analyst expert researcher "
    "lawmaker parliamentarian mp deputy chief chairman chairwoman speaker mayor governor diplomat secretary "
    "representative director negotiator professor sheikh emir king prince leader".split())
_TOKEN = re.compile(r"[a-z]+")
NOT_NAMES = frozenset("The A An In On At For And But Monday Tuesday Wednesday Thursday Friday Saturday Sunday January "
                      "February March April May June July August September October November December Security "
                      "Council Ministry Command Army Government Parliament House Committee".split())


@dataclass(frozen=True)
class Provisional:
    """A named person the codebook lacks, as first found in one document."""

    actor_id: str
    doc_id: str
    name: str
    role: str
    camp: str | None
    para_id: str
    n_mentions: int


def provisional_id(name: str) -> str:
    """``Omar Zintani`` → ``provisional-omar-zintani`` (accents folded, one hyphen between words)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return PREFIX + re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def is_provisional(actor_id: str | None) -> bool:
    """True for an id made by :func:`provisional_id`."""
    return bool(actor_id) and actor_id.startswith(PREFIX)


_TITLE_WORD = re.compile(rf"(?i:{TITLES}|prime|foreign|defen[cs]e|interior|national|general)")


def _clean(name: str) -> str | None:
    """The name without leading non-name words; None unless two name words remain and none is a title."""
    words = name.split()
    while words and (words[0] in NOT_NAMES or _TITLE_WORD.fullmatch(words[0])):
        words = words[1:]
    if len(words) < 2 or any(w in NOT_NAMES or _TITLE_WORD.fullmatch(w) for w in words):
        return None
    return " ".join(words)


def _camp(title: str, start: int, para: Paragraph, known: list[Mention], codebook: Codebook) -> str | None:
    for word, actor_id in codebook.demonyms.items():
        if re.search(rf"\b{re.escape(word)}\b", title):
            return codebook.camp(actor_id)
    inside = [m for m in known if start <= m.start and m.end <= start + len(title) and m.actor_id]
    return codebook.camp(inside[0].actor_id) if inside else None


def _patterns_for(text: str) -> tuple[re.Pattern[str], ...]:
    """The patterns that can match in ``text`` (in their order): a cheap test of necessary words first."""
    key = ignorecase_key(text)
    titled = "minister" in key or not TITLE_TOKENS.isdisjoint(_TOKEN.findall(key))
    role = "who" in key
    return ((TITLE_BEFORE, TITLE_AFTER) if titled else ()) + ((ROLE_CLAUSE,) if role else ())


def find_provisional(paragraphs: list[Paragraph], mentions: list[Mention],
                     codebook: Codebook) -> tuple[list[Mention], list[Provisional]]:
    """The mentions of provisional actors in one document, and one record per actor, in text order."""
    found: dict[str, dict] = {}
    for para in paragraphs:
        if para.segment == "boilerplate":
            continue
        known = [m for m in mentions if m.para_id == para.para_id]
        for pattern in _patterns_for(para.text):
            for match in pattern.finditer(para.text):
                name = _clean(match.group("name"))
                start = match.start("name") + match.group("name").index(name) if name else -1
                if not name or any(m.start < start + len(name) and start < m.end for m in known):
                    continue
                actor_id = provisional_id(name)
                if actor_id not in found:
                    title = " ".join(match.group("title").split()).strip(" ,")
                    found[actor_id] = {"name": name, "role": title, "para_id": para.para_id,
                                       "camp": _camp(match.group("title"), match.start("title"), para, known, codebook)}
    new_mentions = _occurrences(paragraphs, mentions, found)
    counts: dict[str, int] = {}
    for mention in new_mentions:
        counts[mention.actor_id] = counts.get(mention.actor_id, 0) + 1
    records = [Provisional(actor_id, paragraphs[0].doc_id, spec["name"], spec["role"], spec["camp"], spec["para_id"],
                           counts.get(actor_id, 0)) for actor_id, spec in found.items()]
    return new_mentions, records


def _occurrences(paragraphs: list[Paragraph], mentions: list[Mention], found: dict[str, dict]) -> list[Mention]:
    """Every later occurrence of each name, or of its surname alone, outside codebook mentions."""
    if not found:
        return []
    forms = {}
    for actor_id, spec in found.items():
        forms[spec["name"]] = actor_id
        surname = spec["name"].split()[-1]
        if len(surname) > 3:
            forms.setdefault(surname, actor_id)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                         + r")(?![\w-])")
    first = {actor_id: spec["para_id"] for actor_id, spec in found.items()}
    order = {p.para_id: p.position for p in paragraphs}
    result = []
    for para in paragraphs:
        known = [m for m in mentions if m.para_id == para.para_id]
        for match in pattern.finditer(para.text):
            actor_id = forms[match.group(0)]
            if order[para.para_id] < order[first[actor_id]]:
                continue
            if any(m.start < match.end() and match.start() < m.end for m in known):
                continue
            result.append(Mention(para.doc_id, para.para_id, actor_id, match.group(0), match.start(), match.end(),
                                  para.segment, "provisional: not in the codebook"))
    return result


def with_provisional(codebook: Codebook, records: list[Provisional]) -> Codebook:
    """The codebook with these provisional actors added (type person), for the extractors of one document."""
    if not records:
        return codebook
    from dataclasses import replace

    extra = {r.actor_id: {"actor_id": r.actor_id, "name": r.name, "type": "person", "camp": r.camp,
                          "aliases": [r.name], "provisional": True} for r in records}
    return replace(codebook, actors={**codebook.actors, **extra}, memo=codebook.memo)
