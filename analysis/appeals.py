"""The appeals to Russia, as a chapter sees them: dated, placed in a camp, with their channel.

Builds on the ``requests`` table: adds the requester's camp, when the request
was made (a day stated in the same paragraph, else the document's publication
date range) and through which channel (letter, visit, meeting, interview).
:func:`request_events` then gives one row per event (an appeal, however many
sentences report it), which is what the chapter counts; ``to_russia`` tells
appeals to Russia or a Russian actor from the others, which are counted apart.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.codebook import Codebook, cue_pattern
from analysis.render import paragraph_link

OVERVIEW_COLUMNS = ["request_id", "event_id", "date", "date_latest", "date_basis", "requester", "requester_camp",
                    "addressee", "addressee_camp", "to_russia", "request_type", "cameo_code", "channel", "outlet",
                    "evidence", "para_id", "doc_id"]
EVENT_COLUMNS = [*OVERVIEW_COLUMNS[1:], "n_sentences", "para_ids"]
INTERVIEW_OUTLET = re.compile(r"\b(?:said to|told|interview with)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?", re.IGNORECASE)


def paragraph_channels(paragraphs: pd.DataFrame, mentions: pd.DataFrame, codebook: Codebook) -> dict[str, str]:
    """The channel cue found in each body paragraph, by para_id (paragraphs without one are absent)."""
    patterns = {name: cue_pattern(cues) for name, cues in codebook.channels.items() if cues}
    media = mentions[mentions["actor_id"].map(codebook.actor_type) == "media"]
    outlets = media.groupby("para_id")["surface"].apply(list).to_dict()
    found: dict[str, str] = {}
    for row in paragraphs[paragraphs["segment"] == "body"].itertuples(index=False):
        for name, pattern in patterns.items():
            if pattern.search(row.text):
                found[row.para_id] = name
                break
        else:
            said_to = any(re.search(INTERVIEW_OUTLET.pattern + re.escape(o), row.text, re.IGNORECASE)
                          for o in outlets.get(row.para_id, []))
            if said_to:
                found[row.para_id] = "interview"
    return found


def _nearest(para_id: str, ordered: list[str], channels: dict[str, str]) -> str:
    """The channel of the paragraph itself, else of the nearest one (earlier first), else 'statement'."""
    if para_id in channels:
        return channels[para_id]
    index = ordered.index(para_id)
    for distance in range(1, len(ordered)):
        for neighbour in (index - distance, index + distance):
            if 0 <= neighbour < len(ordered) and ordered[neighbour] in channels:
                return channels[ordered[neighbour]]
    return "statement"


def requests_overview(built: dict[str, pd.DataFrame], codebook: Codebook) -> pd.DataFrame:
    """One row per request with date, camps, channel and a link to its paragraph, in date order."""
    requests, docs, paras = built["requests"], built["documents"].set_index("doc_id"), built["paragraphs"]
    channels = paragraph_channels(paras, built["mentions"], codebook)
    days = built["date_mentions"][built["date_mentions"]["precision"] == "day"].drop_duplicates("para_id")
    stated = days.set_index("para_id")["resolved_date"].to_dict()
    names = {k: v["name"] for k, v in codebook.actors.items()}
    rows = []
    for r in requests.itertuples(index=False):
        ordered = paras.loc[paras["doc_id"] == r.doc_id, "para_id"].tolist()
        doc = docs.loc[r.doc_id]
        rows.append({
            "request_id": r.request_id, "event_id": r.event_id, "date": stated.get(r.para_id, doc["date_earliest"]),
            "date_latest": stated.get(r.para_id, doc["date_latest"]),
            "date_basis": "stated in the paragraph" if r.para_id in stated else "publication date",
            "requester": names.get(r.requester_id, "unnamed"),
            "requester_camp": codebook.camp(r.requester_id) or "none",
            "addressee": names[r.addressee_id], "addressee_camp": codebook.camp(r.addressee_id) or "none",
            "to_russia": bool(r.to_russia), "request_type": r.request_type, "cameo_code": r.cameo_code,
            "channel": _nearest(r.para_id, ordered, channels), "outlet": doc["outlet"],
            "evidence": r.evidence, "para_id": r.para_id, "doc_id": r.doc_id,
        })
    table = pd.DataFrame(rows, columns=OVERVIEW_COLUMNS)
    return table.sort_values(["date", "request_id"], kind="stable").reset_index(drop=True)


def request_events(overview: pd.DataFrame) -> pd.DataFrame:
    """One row per event (an appeal), from its first report: the earliest date, how many sentences tell it."""
    rows = []
    for _, group in overview.groupby("event_id", sort=False):
        first = group.sort_values(["date", "request_id"], kind="stable").iloc[0]
        rows.append({**{c: first[c] for c in EVENT_COLUMNS[:-2]}, "n_sentences": len(group),
                     "para_ids": " ".join(dict.fromkeys(group["para_id"]))})
    table = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    return table.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)


def requests_matrix(events: pd.DataFrame) -> pd.DataFrame:
    """Events counted by requester and request type (the matrix chart's table)."""
    if events.empty:
        return pd.DataFrame(columns=["requester", "requester_camp", "request_type", "n_requests"])
    return (events.groupby(["requester", "requester_camp", "request_type"], as_index=False)
            .size().rename(columns={"size": "n_requests"}))


def requests_display(events: pd.DataFrame) -> pd.DataFrame:
    """The reader's table: date, who asked whom for what, how, and links to every sentence that tells it."""
    shown = events[["date", "requester", "requester_camp", "addressee", "to_russia", "request_type", "cameo_code",
                    "channel", "para_ids"]].copy()
    shown["to_russia"] = shown["to_russia"].map({True: "Russia", False: "another party"})
    shown["para_ids"] = shown["para_ids"].map(lambda ids: ", ".join(paragraph_link(p) for p in ids.split()))
    return shown.rename(columns={"para_ids": "source", "requester_camp": "camp", "cameo_code": "CAMEO",
                                 "to_russia": "asked of"})


def facts(overview: pd.DataFrame, events: pd.DataFrame, n_documents: int) -> dict[str, int | str]:
    """Numbers the invitations chapter quotes in its prose (``n_documents``: documents in the corpus)."""
    to_russia = events[events["to_russia"].astype(bool)]
    return {
        "n_documents": n_documents, "n_requests": len(events), "n_sentences": len(overview),
        "n_requesters": int(events["requester"].nunique()),
        "n_to_russia": len(to_russia), "n_to_others": len(events) - len(to_russia),
        "n_libyan_to_russia": int(to_russia["requester_camp"].isin(["gna", "gnu", "tobruk", "none"]).sum()),
        "n_unnamed": int((events["requester"] == "unnamed").sum()),
        "first_year": str(events["date"].min())[:4] if len(events) else "none",
        "last_year": str(events["date"].max())[:4] if len(events) else "none",
        "n_military": int((events["request_type"] == "military_intervention").sum()),
        "n_arms": int((events["request_type"] == "arms_supply").sum()),
    }
