"""Tables of the codebook appendix: camps, actors, offices, decisions, themes, request types.

They render ``codebook.yml`` for readers, so the appendix can never drift from
what the code actually uses.
"""

from __future__ import annotations

import pandas as pd

from analysis.chapters import labels
from analysis.extract.codebook import Codebook
from analysis.extract.provisional import is_provisional


def _listed(codebook: Codebook) -> list[dict]:
    """The codebook's own actors, without the provisional ones a corpus added."""
    return [a for a in codebook.actors.values() if not is_provisional(a["actor_id"])]


def camps(codebook: Codebook) -> pd.DataFrame:
    """Camps, with how many codebook actors belong to each."""
    counts = pd.Series([a.get("camp") for a in _listed(codebook)]).value_counts()
    return pd.DataFrame([{"camp": labels.camp(codebook, camp_id), "id": camp_id, "who": name,
                          "actors": int(counts.get(camp_id, 0))} for camp_id, name in codebook.camps.items()])


def actors(codebook: Codebook) -> pd.DataFrame:
    """Every actor with type, camp and aliases (periods of validity shown)."""
    aliases: dict[str, list[str]] = {}
    for alias in codebook.aliases:
        if alias.actor_id:
            period = ""
            if alias.valid_from or alias.valid_until:
                period = f" ({alias.valid_from or '…'} to {alias.valid_until or '…'})"
            exact = " [exact case]" if alias.exact_case else ""
            aliases.setdefault(alias.actor_id, []).append(alias.text + period + exact)
    return pd.DataFrame([{"name": a["name"], "id": a["actor_id"], "type": a["type"],
                          "camp": labels.camp(codebook, a.get("camp")) if a.get("camp") else "",
                          "aliases": "; ".join(aliases.get(a["actor_id"], []))}
                         for a in _listed(codebook)])


def offices(codebook: Codebook) -> pd.DataFrame:
    """Offices the sources state, with the paragraph that states them."""
    from analysis.chapters.links import paragraph_link

    return pd.DataFrame([{"actor": a["name"], "office": o["title"], "as of": labels.date(str(o.get("as_of", "")),
                                                                                          "month"),
                          "source": paragraph_link(o["source"])}
                         for a in codebook.actors.values() for o in a.get("offices", [])])


def decisions(codebook: Codebook) -> pd.DataFrame:
    """Cues left unresolved and single-mention overrides, with the reasons."""
    from analysis.chapters.links import paragraph_link

    rows = [{"cue": a.text, "where": "any document", "resolves to": "unresolved", "reason": a.reason}
            for a in codebook.aliases if a.actor_id is None]
    def name(actor_id: str | None) -> str:
        return codebook.actors[actor_id]["name"] if actor_id else "unresolved"

    rows += [{"cue": text, "where": paragraph_link(para_id), "resolves to": name(o.get("actor_id")),
              "reason": o.get("reason")} for (para_id, text), o in codebook.overrides.items()]
    return pd.DataFrame(rows)


def themes(codebook: Codebook) -> pd.DataFrame:
    """Themes and their cues (``*`` matches any word ending)."""
    return pd.DataFrame([{"theme": t["name"], "id": t["theme_id"], "cues": ", ".join(t["cues"])}
                         for t in codebook.themes.values()])


def request_types(codebook: Codebook) -> pd.DataFrame:
    """Request types in the order they are tried, with their CAMEO codes and cues."""
    return pd.DataFrame([{"request": labels.request_type(codebook, k), "id": k, "CAMEO": v["cameo_code"],
                          "CAMEO name": v["cameo_name"], "meaning": v["description"],
                          "cues": ", ".join(v.get("cues") or []) or "(the rest)"}
                         for k, v in codebook.request_types.items()])


def codebook_facts(codebook: Codebook) -> dict[str, int]:
    """Counts the codebook appendix quotes in its prose."""
    return {"n_actors": len(_listed(codebook)), "n_aliases": sum(1 for a in codebook.aliases if a.actor_id)}


def unresolved_actors(built: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """People the text names with a title but the codebook lacks: one row each, for the codebook's next edition."""
    from analysis.chapters.links import paragraph_link

    table = built["unresolved_actors"]
    grouped = table.groupby("actor_id", sort=False).agg(
        name=("name", "first"), role=("role", "first"), camp=("camp", "first"),
        documents=("doc_id", "nunique"), mentions=("n_mentions", "sum"), first=("para_id", "first")).reset_index()
    grouped["camp"] = grouped["camp"].fillna("")
    grouped["first"] = grouped["first"].map(paragraph_link)
    return grouped.rename(columns={"actor_id": "provisional id", "camp": "suggested camp",
                                   "first": "first mention"})
