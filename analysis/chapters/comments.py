"""Reader comments, kept strictly apart from the reporting.

Only paragraphs labelled ``comment`` are read here, and nothing here feeds the
other chapters. Comment themes come from the codebook's ``comment_themes``;
a comment may carry several, or none. What a reader wrote is separated from
the thread's furniture: "avatar" placeholders, the commenter's name on its own
line above the text, and "X in reply to Y (Show comment …)" headers are not
comment text. A comment that repeats another (a reader quoting the one above) is
shown, marked, but not counted.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.chapters import labels
from analysis.chapters.links import paragraph_link, short_label
from analysis.chapters.split import REPORTING
from analysis.extract.codebook import Codebook, cue_pattern

NO_THEME = "none of these"
AVATAR = re.compile(r"avatar", re.IGNORECASE)
REPLY_HEADER = re.compile(r".{0,60}\bin reply to.*", re.IGNORECASE)
NAME_LINE = re.compile(r"[\w.'-]+(?:\s+[\w.'-]+){0,3}")  # a handle or a name: a few words, no sentence


def comment_text(text: str) -> str:
    """What the reader wrote: the lines of a comment without placeholders, a name line or a reply header,
    joined into one paragraph."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    lines = [line for line in lines if not AVATAR.fullmatch(line) and not REPLY_HEADER.fullmatch(line)]
    if len(lines) > 1 and NAME_LINE.fullmatch(lines[0]) and not lines[0].endswith((".", "!", "?", "…")):
        lines = lines[1:]
    return " ".join(lines)


def comments(built: dict[str, pd.DataFrame], codebook: Codebook) -> pd.DataFrame:
    """One row per reader comment: document, paragraph, what the reader wrote and its themes."""
    patterns = {k: cue_pattern(v["cues"]) for k, v in codebook.comment_themes.items()}
    paras = built["paragraphs"]
    names = labels.documents(built["documents"])
    rows = []
    for row in paras[paras["segment"] == "comment"].itertuples(index=False):
        text = comment_text(row.text)
        themes = [k for k, pattern in patterns.items() if pattern.search(text)]
        rows.append({"doc_id": row.doc_id, "document": names[row.doc_id], "para_id": row.para_id, "text": text,
                     "n_chars": len(text), "themes": ", ".join(themes) or NO_THEME,
                     "theme_labels": "; ".join(labels.theme(codebook, t) for t in themes) or NO_THEME,
                     "repeat_of": row.repeat_of})
    return pd.DataFrame(rows, columns=["doc_id", "document", "para_id", "text", "n_chars", "themes", "theme_labels",
                                       "repeat_of"])


def comment_themes(table: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Comments per theme and document (a comment counts once for each of its themes)."""
    names = {k: v["name"] for k, v in codebook.comment_themes.items()} | {NO_THEME: NO_THEME}
    counted_only = table[table["repeat_of"].isna()]
    exploded = counted_only.assign(theme=counted_only["themes"].str.split(", ")).explode("theme")
    counted = exploded.groupby(["doc_id", "document", "theme"], as_index=False).size().rename(
        columns={"size": "n_comments"})
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
    table["camp_label"] = table["camp"].map(lambda c: labels.camp(codebook, c))
    table = table.rename(columns={"size": "n_mentions"})
    table["share"] = (table["n_mentions"] / table.groupby("where")["n_mentions"].transform("sum")).round(3)
    return table


def comments_display(table: pd.DataFrame) -> pd.DataFrame:
    """The reader's table: the comment as written (escaped when shown), its themes, a link; repeats marked."""
    themes = [f"{t} (repeats {short_label(r).split()[-1]})" if isinstance(r, str) else t
              for t, r in zip(table["theme_labels"], table["repeat_of"], strict=True)]
    return pd.DataFrame({"comment": table["text"], "themes": themes, "source": table["para_id"].map(paragraph_link)})


def facts(table: pd.DataFrame, n_documents: int) -> dict[str, int]:
    """Numbers the reader-reactions chapter quotes in its prose (``n_documents``: documents in the corpus).

    Repeats are left out of every count; ``n_repeats`` says how many.
    """
    counted = table[table["repeat_of"].isna()]
    per_doc = counted["doc_id"].value_counts()
    return {"n_comments": len(counted), "n_repeats": len(table) - len(counted), "n_documents": n_documents,
            "n_comment_docs": int(counted["doc_id"].nunique()),
            "n_comments_000": int(per_doc.get("doc-000", 0)), "n_comments_002": int(per_doc.get("doc-002", 0)),
            "n_no_theme": int((counted["themes"] == NO_THEME).sum()),
            "comment_chars": int(counted["n_chars"].sum())}
