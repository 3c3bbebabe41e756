"""How reporters write an appeal: the trigger words and frames the request extractor looks for.

Built from linguistic resources, not from the seeds:

* FrameNet's *Request* frame (a Speaker asks an Addressee for something or to do
  something) and its neighbours *Attempt_suasion* (urge), *Seeking_to_achieve*
  (seek X from Y) and *Reliance* (count on, rely on) {cite}`framenet2016request`;
* the verb patterns of the CAMEO 02x "Appeal" family in PETRARCH2's dictionary
  ``CAMEO.2.0.txt`` (appeal, ask, beg, call for / call on, implore, petition,
  plead, request, seek help, solicit, urge from TABARI's older dictionary,
  count on) {cite}`petrarch2,schrodt2012cameo`;
* a reading of 52 news articles on Libyan appeals to Russia, 2015–2021, for how
  often each construction occurs (first person in a quotation, verb + addressee
  + to, "asked for Russia's help", nominal "X's request", purpose clauses
  "travelled to Moscow to seek", passives, reported past requests) and for the
  look-alikes that are not appeals (negations, hypotheticals, "discussed arms
  supplies", "thanked Putin for", requests *by* Russia).

Each frame is a verb form and what follows it: ``to`` (verb + addressee + to
+ verb phrase), ``for`` (verb + addressee + for + noun phrase), ``will`` (hope
that + addressee + will), ``object`` (verb + what is asked, the addressee in a
possessive, an adjective, or "from/by X").
"""

from __future__ import annotations

import re


def _forms(*stems: str) -> str:
    return "|".join(stems)


# Verbs taking an addressee, then "to" + what to do and/or "for" + what is wanted.
ADDRESSEE_VERBS = {
    "ask": _forms("ask", "asks", "asked", "asking"),
    "urge": _forms("urge", "urges", "urged", "urging"),
    "call on": r"call(?:s|ed|ing)?\s+(?:on|upon)",
    "appeal to": r"appeal(?:s|ed|ing)?\s+to",
    "plead with": r"(?:plead(?:s|ed|ing)?|pled)\s+with",
    "beg": _forms("beg", "begs", "begged", "begging"),
    "implore": _forms("implore", "implores", "implored", "imploring", "entreat", "entreats", "entreated",
                      "beseech", "beseeched", "besought"),
    "petition": _forms("petition", "petitions", "petitioned", "petitioning"),
    "invite": _forms("invite", "invites", "invited", "inviting"),
    "request": _forms("request", "requests", "requested", "requesting"),
    "count on": r"(?:count(?:s|ed|ing)?|rel(?:y|ies|ied|ying)|depend(?:s|ed|ing)?)\s+(?:on|upon)",
    "look to": r"(?:look(?:s|ed|ing)?|turn(?:s|ed|ing)?)\s+to",
    "want": _forms("want", "wants", "wanted", "expect", "expects", "expected", r"would\s+like", r"'d\s+like"),
    "press": r"press(?:es|ed|ing)?|push(?:es|ed|ing)?|lobb(?:y|ies|ied|ying)",
}
# "hope (that) X will/would ...": the addressee is the subject of the complement.
HOPE_VERBS = r"hope(?:s|d)?|hoping|trust(?:s|ed)?|expect(?:s|ed)?\s+that"
# Verbs whose object is what is asked; the addressee is in it ("Moscow's help", "Russian support") or after it.
OBJECT_VERBS = {
    "ask for": r"(?:ask(?:s|ed|ing)?|call(?:s|ed|ing)?|appeal(?:s|ed|ing)?|plead(?:s|ed|ing)?|beg(?:s|ged|ging)?"
               r"|lobb(?:y|ies|ied|ying)|press(?:es|ed|ing)?|push(?:es|ed|ing)?)\s+for",
    "request": _forms("request", "requests", "requested", "requesting", "solicit", "solicits", "solicited"),
    "ask from": r"ask(?:s|ed|ing)?(?=\s+from\b)",  # translated English: "asked from the Russian side recognition"
    "seek": _forms("seek", "seeks", "seeking", "sought"),
    "need": _forms("need", "needs", "needed", "require", "requires", "required"),
    "look forward to": r"look(?:s|ed|ing)?\s+forward\s+to",
}
# A need is not an appeal unless the text names whose help is needed ("needed Moscow's support").
NEED = re.compile(OBJECT_VERBS["need"], re.IGNORECASE)
# Nouns that name an appeal: "X's request", "a request from X to Y for ...", "made an appeal to Y".
NOUNS = r"request|requests|appeal|appeals|call|calls|plea|pleas|petition|invitation|bid"
# Verbs that make an appeal someone else first made: "Sarraj repeated Sisi's call" is Sarraj's appeal.
RENEWING = r"repeated|echoed|reiterated|renewed|made|issued|sent|submitted|delivered|conveyed|handed(?:\s+over)?|voiced"
# Past participles of the passive: "Russia was asked by X to ...".
PASSIVE = (r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being|been)\s+(?:also\s+|formally\s+|repeatedly\s+)?"
           r"(?P<cue>asked|urged|requested|invited|called\s+(?:on|upon)|petitioned|begged|implored|approached)"
           r"(?:\s+(?:on|last|this|in|at|during)\s+[\w-]+(?:\s+[\w-]+)?)?")  # "was urged on Monday by …"
# Going somewhere to ask: the place is the addressee ("travelled to Moscow to seek support").
TRAVEL = r"travel(?:s|led|ed|ling|ing)?|flew|fl(?:y|ies)|went|go(?:es)?|came|arrived|headed|visit(?:s|ed|ing)?"
PURPOSE = (r"(?:to\s+(?:seek|ask\s+for|request|secure|obtain|win|lobby\s+for|appeal\s+for|solicit|press\s+for)"
           r"|in\s+search\s+of|seeking|asking\s+for|requesting)")

NEGATION = re.compile(r"\b(?:not|never|n[o']t|no\s+longer|neither|nor|without|yet\s+to|short\s+of|refrain(?:s|ed)?"
                      r"\s+from|fail(?:s|ed)?\s+to)\b|n't\b", re.IGNORECASE)
# Negation fronted before the subject: "At no point did X ask ...", "Never has X requested ..."
FRONTED_NEGATION = re.compile(r"^\W*(?:at\s+no\s+(?:point|time|stage)|never|not\s+once|in\s+no\s+way|nowhere)\b",
                              re.IGNORECASE)
# A denial earlier in the sentence that governs the cue: "dismissed the claim that X had sought ..."
DENIED_CLAIM = re.compile(r"\b(?:den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)"
                          r"|deni(?:al|als))\b.*\b(?:claims?|reports?|allegations?|suggestions?|rumou?rs?|stor(?:y|ies)"
                          r"|accounts?)\s+that\b", re.IGNORECASE)
DENIAL = re.compile(r"\b(?:den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing)|reject(?:s|ed|ing)?|declin(?:e|es|ed|ing)"
                    r"|dismiss(?:es|ed|ing)?)\b", re.IGNORECASE)
MODAL = re.compile(r"\b(?:would|could|might|may|should|will|shall|can|must|'ll|'d)\b(?!\s+like)"
                   r"|\b(?:likely|expected|set|due|plan(?:s|ned)?|intend(?:s|ed)?|going)\s+to\b", re.IGNORECASE)
CONDITION = re.compile(r"\b(?:if|unless|whether|in\s+case)\b[^,;]*$", re.IGNORECASE)
NO_APPEAL = re.compile(r"\bno\s+(?:\w+\s+)?(?:request|appeal|call|plea)s?\b", re.IGNORECASE)
# After "ask": a question, not an appeal.
QUESTION_AFTER = re.compile(r"\s+(?:about|whether|if|how|what|why|when|who|where)\b|\s+by\s+(?:reporters|journalists)",
                            re.IGNORECASE)

# Every frame's cue contains one of these (compared as analysis.corpus.textnorm.ignorecase_key, lower case): a sentence
# without any of them is not searched. A property test checks the filter against searching every sentence.
CUE_WORDS = ("ask", "urg", "call", "appeal", "plead", "pled", "beg", "implor", "entreat", "beseech", "besought",
             "petition", "invit", "request", "count", "rel", "depend", "look", "turn", "want", "expect", "like",
             "hop", "trust", "seek", "sought", "solicit", "need", "requir", "lobb", "press", "push", "travel", "flew",
             "fl", "went", "go", "came", "arriv", "head", "visit", "plea", "bid", "approach")
