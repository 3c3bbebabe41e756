"""The constructions of a request and the clause shapes around them, compiled from :mod:`.lexicon`.

``FRAMES`` are the six ways a request is worded (a passive, a verb with its
addressee, a verb with what is asked, "hopes X will", a request noun, a
purpose clause after travel); the other patterns find requesters, addressees
and what is not a request.
"""

from __future__ import annotations

import re

from analysis.extract.provisional import TITLES
from analysis.extract.requests import lexicon as lex

SKIP_REPEATS = ("exact",)
NP = r"[^,.;:!?\"“”()]{1,60}?"  # a short noun phrase: no punctuation, at most 60 characters
_ADDRESSEE = "|".join(lex.ADDRESSEE_VERBS.values())
_OBJECT = "|".join(lex.OBJECT_VERBS.values())
FRAMES: list[tuple[str, re.Pattern[str]]] = [
    ("passive", re.compile(rf"\s{lex.PASSIVE}(?:\s+by\s+(?P<agent>{NP}))?\s+(?:to|for)\s+(?P<what>.+)",
                           re.IGNORECASE)),
    ("verb + addressee", re.compile(rf"\b(?P<cue>{_ADDRESSEE})\s+(?!for\b|to\b|that\b|from\b)(?P<addr>{NP})\s+"
                                    r"(?P<link>to|for)\s+(?P<what>.+)", re.IGNORECASE)),
    ("hope", re.compile(rf"\b(?P<cue>{lex.HOPE_VERBS})\s+(?:that\s+)?(?P<addr>{NP})\s+(?:will|would|could|can|to)\s+"
                        r"(?P<what>.+)", re.IGNORECASE)),
    ("nominal", re.compile(rf"(?:(?P<owner>[\w-]+)[’']s\s+|\b(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+)?)"
                           rf"(?P<cue>{lex.NOUNS})\b(?P<what>.*)", re.IGNORECASE)),
    ("purpose clause", re.compile(rf"\b(?P<cue>{lex.TRAVEL})\s+(?:to\s+|in\s+)?(?P<place>{NP})\s+(?:{NP}\s+)?"
                                  rf"{lex.PURPOSE}\s+(?P<what>.+)", re.IGNORECASE)),
    ("verb + what is asked", re.compile(rf"\b(?P<cue>{_OBJECT})(?!\s+to\b)\s+(?P<what>.+)", re.IGNORECASE)),
]
# Words one of which every match of a frame contains (compared with the sentence's ignorecase key), taken from
# the frame's own alternatives above: a sentence without any of them is not searched with that frame.
FRAME_WORDS: dict[str, tuple[str, ...]] = {
    "passive": ("asked", "urged", "requested", "invited", "called", "petitioned", "begged", "implored", "approached"),
    "hope": ("hop", "trust", "expect"),
    "nominal": ("request", "appeal", "call", "plea", "petition", "invitation", "bid"),
    "purpose clause": ("seek", "ask", "request", "secure", "obtain", "win", "lobby", "appeal", "solicit", "press",
                       "search"),
}
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
LETTER_TO = re.compile(rf"\b(?:letter|message|appeal|request|note|plea)\s+(?:[\w-]+\s+){{0,2}}?to\s+(?P<who>{NP})"
                       rf"(?:,|\s+(?:asking|in\s+which|requesting|that|and|on|last|this)\b|$)"
                       rf"|\bsent\s+(?P<who2>{NP})\s+(?:a|an|the)\s+(?:letter|message|request|appeal)", re.IGNORECASE)
HELP = (r"help|support|assistance|backing|aid|role|intervention|cooperation|protection|involvement|participation"
        r"|mediation|expertise|experts|investment|investments|engagement|presence")
STAND_IN_ACTORS = ("libya",)  # "Libya's request": the state standing for whichever faction made it
VERB_FRAMES = ("verb + addressee", "verb + what is asked", "hope")
# "a (formal) request", "Libya's request": the noun, whose readings are the nominal ones
DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|his|her|its|their|this|that|[\w-]+[’']s)\s+(?:(?:formal|new|urgent"
                               r"|official|written|further|fresh|renewed|similar|earlier|first|second)\s+)?$",
                               re.IGNORECASE)

