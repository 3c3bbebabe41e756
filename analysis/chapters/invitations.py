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

from analysis.chapters import labels
from analysis.chapters.links import paragraph_link
from analysis.extract.codebook import Codebook, cue_pattern

OVERVIEW_COLUMNS = ["request_id", "event_id", "date", "date_latest", "date_label", "date_basis", "requester",
                    "requester_camp", "camp_label", "addressee", "addressee_camp", "to_russia", "request_type",
                    "type_label", "cameo_code", "channel", "outlet", "document", "evidence", "para_id", "doc_id"]
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


def stated_dates(date_mentions: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """para_id → (earliest, latest) of the first day or range of days the paragraph states."""
    precise = date_mentions[date_mentions["precision"].isin(["day", "range"])].drop_duplicates("para_id")
    return {r.para_id: tuple((r.resolved_date.split("/") * 2)[:2]) for r in precise.itertuples(index=False)}


def requests_overview(built: dict[str, pd.DataFrame], codebook: Codebook) -> pd.DataFrame:
    """One row per request with date, camps, channel and a link to its paragraph, in date order.

    The date is the day (or range of days) the paragraph states, else the document's publication range;
    ``date_basis`` says which. Labels (``camp_label``, ``type_label``, ``document``, ``date_label``) are
    what readers see; the ids stay beside them.
    """
    requests, docs, paras = built["requests"], built["documents"].set_index("doc_id"), built["paragraphs"]
    channels = paragraph_channels(paras, built["mentions"], codebook)
    stated = stated_dates(built["date_mentions"])
    names = {k: v["name"] for k, v in codebook.actors.items()}
    doc_names = labels.documents(built["documents"])
    rows = []
    for r in requests.itertuples(index=False):
        ordered = paras.loc[paras["doc_id"] == r.doc_id, "para_id"].tolist()
        doc = docs.loc[r.doc_id]
        earliest, latest = stated.get(r.para_id, (doc["date_earliest"], doc["date_latest"]))
        camp = codebook.camp(r.requester_id) or "none"
        rows.append({
            "request_id": r.request_id, "event_id": r.event_id, "date": earliest, "date_latest": latest,
            "date_label": labels.date_span(earliest, latest),
            "date_basis": "stated in the paragraph" if r.para_id in stated else "publication date",
            "requester": names.get(r.requester_id, UNNAMED), "requester_camp": camp,
            "camp_label": labels.camp(codebook, camp),
            "addressee": names[r.addressee_id], "addressee_camp": codebook.camp(r.addressee_id) or "none",
            "to_russia": bool(r.to_russia), "request_type": r.request_type,
            "type_label": labels.request_type(codebook, r.request_type), "cameo_code": r.cameo_code,
            "channel": _nearest(r.para_id, ordered, channels), "outlet": doc["outlet"],
            "document": doc_names[r.doc_id], "evidence": r.evidence, "para_id": r.para_id, "doc_id": r.doc_id,
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


UNNAMED = "not named in the text"
MATRIX_COLUMNS = ["requester", "requester_camp", "camp_label", "request_type", "type_label", "n_requests",
                  "first_request"]


def requests_matrix(events: pd.DataFrame) -> pd.DataFrame:
    """Events counted by requester and request type (the matrix chart's table)."""
    if events.empty:
        return pd.DataFrame(columns=MATRIX_COLUMNS)
    counted = events.groupby(MATRIX_COLUMNS[:-2], as_index=False).size().rename(columns={"size": "n_requests"})
    first = events.groupby("requester")["date"].min()  # rows in the timeline's order: by first request
    counted["first_request"] = counted["requester"].map(first)
    return counted.sort_values(["first_request", "requester"], kind="stable").reset_index(drop=True)


def requests_display(events: pd.DataFrame) -> pd.DataFrame:
    """The reader's table: when, who asked whom for what, how, and links to every sentence that tells it."""
    links = events["para_ids"].map(lambda ids: "; ".join(paragraph_link(p) for p in ids.split()))
    return pd.DataFrame({
        "date": events["date_label"], "requester": events["requester"], "camp": events["camp_label"],
        "asked": events["addressee"], "request": events["type_label"], "CAMEO": events["cameo_code"],
        "channel": events["channel"], "source": links})


def facts(overview: pd.DataFrame, events: pd.DataFrame, n_documents: int) -> dict[str, int | str]:
    """Numbers the invitations chapter quotes in its prose (``n_documents``: documents in the corpus)."""
    to_russia = events[events["to_russia"].astype(bool)]
    return {
        "n_documents": n_documents, "n_requests": len(events), "n_sentences": len(overview),
        "n_requesters": int(events["requester"].nunique()),
        "n_to_russia": len(to_russia), "n_to_others": len(events) - len(to_russia),
        "n_libyan_to_russia": int(to_russia["requester_camp"].isin(["gna", "gnu", "tobruk", "none"]).sum()),
        "n_unnamed": int((events["requester"] == UNNAMED).sum()),
        "first_year": str(events["date"].min())[:4] if len(events) else "none",
        "last_year": str(events["date"].max())[:4] if len(events) else "none",
        "n_military": int((events["request_type"] == "military_intervention").sum()),
        "n_arms": int((events["request_type"] == "arms_supply").sum()),
    }
