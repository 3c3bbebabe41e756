"""Reader comments, kept strictly apart from the reporting.

Only paragraphs labelled ``comment`` are read here, and nothing here feeds the
other chapters. Comment themes come from the codebook's ``comment_themes``;
a comment may carry several, or none.
"""

from __future__ import annotations

import pandas as pd

from analysis.codebook import Codebook, cue_pattern
from analysis.render import paragraph_link
from analysis.split import REPORTING

NO_THEME = "none of these"


def comments(built: dict[str, pd.DataFrame], codebook: Codebook) -> pd.DataFrame:
    """One row per reader comment: document, paragraph, text and its themes."""
    patterns = {k: cue_pattern(v["cues"]) for k, v in codebook.comment_themes.items()}
    paras = built["paragraphs"]
    rows = []
    for row in paras[paras["segment"] == "comment"].itertuples(index=False):
        themes = [k for k, pattern in patterns.items() if pattern.search(row.text)]
        rows.append({"doc_id": row.doc_id, "para_id": row.para_id, "text": row.text, "n_chars": row.n_chars,
                     "themes": ", ".join(themes) or NO_THEME, "repeat_of": row.repeat_of})
    return pd.DataFrame(rows, columns=["doc_id", "para_id", "text", "n_chars", "themes", "repeat_of"])


def comment_themes(table: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Comments per theme and document (a comment counts once for each of its themes)."""
    names = {k: v["name"] for k, v in codebook.comment_themes.items()} | {NO_THEME: NO_THEME}
    exploded = table.assign(theme=table["themes"].str.split(", ")).explode("theme")
    counted = exploded.groupby(["doc_id", "theme"], as_index=False).size().rename(columns={"size": "n_comments"})
    counted["theme_name"] = counted["theme"].map(names)
    return counted


def camps_in_comments_and_reporting(built: dict[str, pd.DataFrame], codebook: Codebook) -> pd.DataFrame:
    """Share of actor mentions by camp, in the comments and in the reporting of the same documents."""
    mentions = built["mentions"][built["mentions"]["actor_id"].notna()]
    with_comments = set(mentions.loc[mentions["segment"] == "comment", "doc_id"])
    mentions = mentions[mentions["doc_id"].isin(with_comments)]
    mentions = mentions[mentions["actor_id"].map(codebook.actor_type) != "media"]
    where = mentions["segment"].map(lambda s: "reader comments" if s == "comment" else
                                    "reporting" if s in REPORTING else None)
    table = mentions.assign(where=where, camp=mentions["actor_id"].map(lambda a: codebook.camp(a) or "none"))
    table = table.dropna(subset=["where"]).groupby(["where", "camp"], as_index=False).size()
    table = table.rename(columns={"size": "n_mentions"})
    table["share"] = (table["n_mentions"] / table.groupby("where")["n_mentions"].transform("sum")).round(3)
    return table


def comments_display(table: pd.DataFrame) -> pd.DataFrame:
    """The reader's table: the comment as written (escaped when shown), its themes, a link."""
    return pd.DataFrame({"comment": table["text"], "themes": table["themes"],
                         "source": table["para_id"].map(paragraph_link)})


def facts(table: pd.DataFrame, n_documents: int) -> dict[str, int]:
    """Numbers the reader-reactions chapter quotes in its prose (``n_documents``: documents in the corpus)."""
    per_doc = table["doc_id"].value_counts()
    return {"n_comments": len(table), "n_documents": n_documents, "n_comment_docs": int(table["doc_id"].nunique()),
            "n_comments_000": int(per_doc.get("doc-000", 0)), "n_comments_002": int(per_doc.get("doc-002", 0)),
            "n_no_theme": int((table["themes"] == NO_THEME).sum()),
            "comment_chars": int(table["n_chars"].sum())}
