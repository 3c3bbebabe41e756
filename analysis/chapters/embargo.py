"""The arms embargo chapter: who talks about it, with which stance, against the public record.

A statement is a paragraph of the reporting tagged with the ``arms-embargo``
theme. Its stance comes from the codebook's ``embargo_stances`` cues (the first
that occurs, in order); its holder is the speaker of the quotation the cue
stands in, if it stands in one (an unattributed "the source said" stays an
unnamed source), else the requester of a request in the
paragraph, else the subject of reported speech ("Gatilov noted that…", "The
source of Izvestia notes that…": an unnamed source stays unnamed, never the
country it talks about), else the first person named outside quotation marks,
else the first named actor. Stances are what the text says, not what the
actor's policy was.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.chapters import labels
from analysis.chapters.links import paragraph_link
from analysis.extract import sentences
from analysis.extract.attribution import VERBS
from analysis.extract.codebook import Codebook, cue_pattern

THEME = "arms-embargo"
# A sentence that reports what someone said: "<subject> [also] notes that …" (no quotation in the subject).
REPORTED = re.compile(rf"^(?P<who>[^“”\"]{{1,80}}?)\s+(?:also\s+)?(?:{VERBS})\s+that\b", re.IGNORECASE)
UNNAMED = re.compile(r"\b(?:sources?|officials?|insiders?|diplomats?)\b", re.IGNORECASE)
UNNAMED_SOURCE = "unnamed source"


def _reported_speaker(text: str, mentions: pd.DataFrame, codebook: Codebook) -> str | None:
    """The speaker of the paragraph's first sentence of reported speech: a named actor's id, or
    :data:`UNNAMED_SOURCE` ("the source of Izvestia notes that…"); None if no sentence reports speech."""
    for sentence in sentences.split(text):
        match = REPORTED.match(sentence.text)
        if not match:
            continue
        start, end = sentence.start, sentence.start + match.end("who")
        named = [m.actor_id for m in mentions.itertuples(index=False) if start <= m.start < end
                 and isinstance(m.actor_id, str) and codebook.actor_type(m.actor_id) != "media"]
        persons = [a for a in named if codebook.actor_type(a) == "person"]
        if persons or named:
            return (persons or named)[0]
        if UNNAMED.search(match.group("who")):
            return UNNAMED_SOURCE
    return None


def _quoted_speaker(para_id: str, cue_at: int | None, quotes: pd.DataFrame) -> str | None:
    """The speaker of the quotation in which the stance cue (at offset ``cue_at``) stands: an actor's id, or
    :data:`UNNAMED_SOURCE` for "…," the source said; None if the cue is outside every quotation or its speaker
    is neither named in the codebook nor an unnamed source.

    Why first: in "“…the lifting of the embargo … were discussed…,” the source said" the stance is the source's
    words, even when a request in the same quotation has another requester."""
    if cue_at is None:
        return None
    for quote in quotes[quotes["para_id"] == para_id].itertuples(index=False):
        if quote.start <= cue_at < quote.end:
            if isinstance(quote.speaker_id, str):
                return quote.speaker_id
            if isinstance(quote.speaker_text, str) and UNNAMED.search(quote.speaker_text):
                return UNNAMED_SOURCE
            return None
    return None


def _holder(para_id: str, text: str, built: dict[str, pd.DataFrame], codebook: Codebook,
            cue_at: int | None = None) -> str | None:
    """Who holds the stance: the speaker of the quotation the cue stands in, else a requester in the paragraph,
    else the speaker of reported speech, else the first person named outside quotation marks, else the first
    other named actor (not a media outlet), else None."""
    quoted = _quoted_speaker(para_id, cue_at, built["quotes"])
    if quoted:
        return quoted
    requests = built["requests"][built["requests"]["para_id"] == para_id]
    if requests["requester_id"].notna().any():
        return requests["requester_id"].dropna().iloc[0]
    mentions = built["mentions"][built["mentions"]["para_id"] == para_id]
    speaker = _reported_speaker(text, mentions, codebook)
    if speaker:
        return speaker
    quotes = built["quotes"][built["quotes"]["para_id"] == para_id]
    spans = list(zip(quotes["start"], quotes["end"], strict=True))
    named = [m.actor_id for m in mentions.itertuples(index=False)
             if isinstance(m.actor_id, str) and codebook.actor_type(m.actor_id) != "media"
             and not any(start <= m.start < end for start, end in spans)]
    persons = [a for a in named if codebook.actor_type(a) == "person"]
    return (persons or named or [None])[0]


def embargo_statements(built: dict[str, pd.DataFrame], codebook: Codebook) -> pd.DataFrame:
    """One row per reporting paragraph about the embargo: holder, camp, stance, text."""
    stances = [(s["stance"], cue_pattern(s["cues"])) for s in codebook.embargo_stances]
    themed = set(built["themes"].loc[built["themes"]["theme"] == THEME, "para_id"])
    paras = built["paragraphs"]
    rows = []
    for row in paras[paras["para_id"].isin(themed) & (paras["segment"] != "comment")].itertuples(index=False):
        found = next(((name, match) for name, pattern in stances if (match := pattern.search(row.text))), None)
        stance = found[0] if found else "mention"
        holder = _holder(row.para_id, row.text, built, codebook, found[1].start() if found else None)
        named = holder not in (None, UNNAMED_SOURCE)
        camp = (codebook.camp(holder) if named else None) or "none"
        rows.append({"para_id": row.para_id, "doc_id": row.doc_id,
                     "actor": codebook.actors[holder]["name"] if named else "Unnamed source" if holder else "unnamed",
                     "camp": camp, "camp_label": labels.camp(codebook, camp), "stance": stance, "text": row.text})
    return pd.DataFrame(rows, columns=["para_id", "doc_id", "actor", "camp", "camp_label", "stance", "text"])


def embargo_stances(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements counted by actor and stance (the chart's table)."""
    return statements.groupby(["actor", "camp", "camp_label", "stance"], as_index=False).size().rename(
        columns={"size": "n"})


def embargo_chronology(overview: pd.DataFrame, record: pd.DataFrame) -> pd.DataFrame:
    """Embargo and arms requests from the corpus beside the UN resolutions of the public record."""
    corpus = overview[overview["request_type"].isin(["embargo_lifting", "arms_supply"])]
    rows = [{"date": r.date, "date_label": r.date_label, "track": "reported in the corpus",
             "label": f"{r.requester}: {r.type_label.lower()}", "reference": r.document}
            for r in corpus.itertuples(index=False)]
    rows += [{"date": r.date, "date_label": labels.date(r.date), "track": "public record (UN)", "label": r.event,
              "reference": "UN Security Council"} for r in record[record["theme"] == THEME].itertuples(index=False)]
    return pd.DataFrame(rows, columns=["date", "date_label", "track", "label", "reference"]).sort_values(
        ["date", "track"], kind="stable").reset_index(drop=True)


def statements_display(statements: pd.DataFrame) -> pd.DataFrame:
    """The reader's table of embargo statements, with links to the paragraphs."""
    return pd.DataFrame({"actor": statements["actor"], "camp": statements["camp_label"],
                         "stance in the text": statements["stance"],
                         "source": statements["para_id"].map(paragraph_link)})


def facts(statements: pd.DataFrame, record: pd.DataFrame) -> dict[str, int]:
    """Numbers the embargo chapter quotes in its prose."""
    return {"n_embargo_paragraphs": len(statements), "n_embargo_documents": int(statements["doc_id"].nunique()),
            "n_lift": int((statements["stance"] == "lift the embargo").sum()),
            "n_resolutions": int((record["theme"] == THEME).sum())}
