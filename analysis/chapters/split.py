"""The Haftar–GNA split: who is named with whom, camp by camp, and the words of legitimacy.

Co-mention: two actors named in the same paragraph of the reporting (headline,
standfirst, body, caption; never comments or chrome). The network keeps actors
named in at least ``min_mentions`` paragraphs and places them on a circle,
grouped by camp, so the layout is the same on every run.
"""

from __future__ import annotations

import itertools
import math

import pandas as pd

from analysis.chapters import labels
from analysis.chapters.labels import CAMP_ORDER
from analysis.chapters.links import paragraph_link
from analysis.extract.codebook import Codebook

REPORTING = ("headline", "standfirst", "body", "caption")


def _reporting_mentions(built: dict[str, pd.DataFrame], codebook: Codebook) -> pd.DataFrame:
    mentions = built["mentions"]
    kept = mentions[mentions["segment"].isin(REPORTING) & mentions["actor_id"].notna()]
    return kept[kept["actor_id"].map(codebook.actor_type) != "media"]


def comention_nodes(built: dict[str, pd.DataFrame], codebook: Codebook, min_mentions: int = 3,
                    leave_out: tuple[str, ...] = ("libya",)) -> pd.DataFrame:
    """Actors named in at least ``min_mentions`` reporting paragraphs, with a fixed circular position.

    ``leave_out``: Libya itself is named in most paragraphs; as a hub it would hide every other tie.
    """
    mentions = _reporting_mentions(built, codebook)
    mentions = mentions[~mentions["actor_id"].isin(leave_out)]
    counts = mentions.drop_duplicates(["para_id", "actor_id"]).groupby("actor_id").size()
    kept = counts[counts >= min_mentions]
    rows = [{"actor_id": a, "actor": codebook.actors[a]["name"], "label": labels.node_actor(codebook, a),
             "short": labels.short_actor(codebook, a),
             "camp": codebook.camp(a) or "none",
             "camp_label": labels.camp(codebook, codebook.camp(a)), "n_paragraphs": int(n)} for a, n in kept.items()]
    nodes = pd.DataFrame(rows, columns=["actor_id", "actor", "label", "short", "camp", "camp_label",
                                        "n_paragraphs"])
    if nodes.empty:
        return nodes.assign(x=[], y=[], label_x=[], label_y=[], align=[])
    nodes["camp_rank"] = nodes["camp"].map({c: i for i, c in enumerate(CAMP_ORDER)})
    nodes = nodes.sort_values(["camp_rank", "actor"]).drop(columns="camp_rank").reset_index(drop=True)
    step = 2 * math.pi / max(len(nodes), 1)
    angles = [step * (i + 0.5) for i in range(len(nodes))]  # half a step off, so no label sits on the poles
    nodes["x"] = [round(math.cos(a), 4) for a in angles]
    nodes["y"] = [round(math.sin(a), 4) for a in angles]
    nodes["label_x"] = (nodes["x"] * 1.1).round(4)
    nodes["label_y"] = (nodes["y"] * 1.1).round(4)
    nodes["align"] = ["left" if x >= 0 else "right" for x in nodes["x"]]
    return nodes


def comention_edges(built: dict[str, pd.DataFrame], nodes: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Pairs of network actors named in the same paragraph, with how many paragraphs and the positions."""
    mentions = _reporting_mentions(built, codebook)
    mentions = mentions[mentions["actor_id"].isin(nodes["actor_id"])].drop_duplicates(["para_id", "actor_id"])
    pairs: dict[tuple[str, str], int] = {}
    for _, group in mentions.groupby("para_id", sort=True):
        for a, b in itertools.combinations(sorted(group["actor_id"]), 2):
            pairs[(a, b)] = pairs.get((a, b), 0) + 1
    where = nodes.set_index("actor_id")
    rows = [{"source": where.loc[a, "actor"], "target": where.loc[b, "actor"], "n_paragraphs": n,
             "same_camp": where.loc[a, "camp"] == where.loc[b, "camp"] != "none",
             "x": where.loc[a, "x"], "y": where.loc[a, "y"], "x2": where.loc[b, "x"], "y2": where.loc[b, "y"]}
            for (a, b), n in sorted(pairs.items())]
    return pd.DataFrame(rows, columns=["source", "target", "n_paragraphs", "same_camp", "x", "y", "x2", "y2"])


def camps_by_document(built: dict[str, pd.DataFrame], codebook: Codebook) -> pd.DataFrame:
    """Mentions in the reporting of each document, by the camp of the actor named."""
    mentions = _reporting_mentions(built, codebook)
    table = mentions.assign(camp=mentions["actor_id"].map(lambda a: codebook.camp(a) or "none"))
    table = table.groupby(["doc_id", "camp"], as_index=False).size().rename(columns={"size": "n_mentions"})
    table["share"] = (table["n_mentions"] / table.groupby("doc_id")["n_mentions"].transform("sum")).round(3)
    table["camp_label"] = table["camp"].map(lambda c: labels.camp(codebook, c))
    table["document"] = table["doc_id"].map(labels.documents(built["documents"]))
    return table


def legitimacy_vocabulary(built: dict[str, pd.DataFrame], codebook: Codebook) -> pd.DataFrame:
    """Paragraphs about legitimacy: the cue, whose voice it is (a quoted speaker or the outlet), camps named."""
    themes = built["themes"][(built["themes"]["theme"] == "legitimacy") & built["themes"]["segment"].isin(REPORTING)]
    quotes, docs = built["quotes"], built["documents"].set_index("doc_id")
    paras = built["paragraphs"].set_index("para_id")
    mentions = _reporting_mentions(built, codebook)
    rows = []
    for t in themes.itertuples(index=False):
        text = paras.loc[t.para_id, "text"]
        at = text.find(t.cue)
        inside = quotes[(quotes["para_id"] == t.para_id) & (quotes["start"] <= at) & (at < quotes["end"])]
        speaker = inside["speaker_id"].iloc[0] if len(inside) else None
        voice = codebook.actors[speaker]["name"] if speaker else (
            "a quoted speaker" if len(inside) else f"the outlet ({docs.loc[t.doc_id, 'outlet']})")
        named = mentions.loc[mentions["para_id"] == t.para_id, "actor_id"]
        camps = sorted({labels.camp(codebook, codebook.camp(a)) for a in named if codebook.camp(a)})
        rows.append({"cue": t.cue, "voice": voice, "camps named": ", ".join(camps),
                     "source": paragraph_link(t.para_id)})
    return pd.DataFrame(rows, columns=["cue", "voice", "camps named", "source"])


def russian_voices(built: dict[str, pd.DataFrame], codebook: Codebook) -> pd.DataFrame:
    """Quotations by speakers of the Russian camp: exact text, speaker, link."""
    quotes = built["quotes"]
    russian = quotes[quotes["speaker_id"].map(codebook.camp) == "russia"]
    return pd.DataFrame({"speaker": russian["speaker_id"].map(lambda a: codebook.actors[a]["name"]),
                         "quotation": russian["text"], "source": russian["para_id"].map(paragraph_link)})


def facts(nodes: pd.DataFrame, edges: pd.DataFrame, min_mentions: int) -> dict[str, int]:
    """Numbers the split chapter quotes in its prose."""
    cross = edges[~edges["same_camp"]]
    return {"n_nodes": len(nodes), "min_mentions": min_mentions, "n_edges": len(edges), "n_cross_camp": len(cross),
            "n_camps_in_network": int(nodes["camp"].nunique())}
