"""The corpus chapter's views: where the documents come from, when they were published, what a page is made of.

Computed from the loaded corpus and the ``documents`` and ``paragraphs``
tables; the prose numbers come from :func:`corpus_facts`, so none is typed by
hand.
"""

from __future__ import annotations

import pandas as pd

from analysis.chapters import labels
from analysis.corpus.load import Corpus

# What a reader would call each part of a page, for the composition chart.
PARTS = {
    "headline": "article text", "standfirst": "article text", "body": "article text",
    "caption": "captions", "comment": "reader comments", "boilerplate": "site chrome",
}
PART_ORDER = ["article text", "captions", "reader comments", "site chrome"]


def sources_overview(corpus: Corpus) -> pd.DataFrame:
    """The corpus table of the first chapter: provenance, date and how sure we are of it."""
    rows = []
    for doc in corpus.documents:
        meta = doc.source.meta
        translation = meta.get("translation") or {}
        chain = _translation_chain(translation, doc.source.outlet) if translation else doc.source.outlet
        bounds = doc.source.date_range
        rows.append({
            "outlet": chain, "title": doc.source.title,
            "authors": _credits(meta),
            "published": labels.date_span(*(b.isoformat() for b in bounds)) if bounds else "unknown",
            "dated to": labels.precision(*(b.isoformat() for b in bounds)) if bounds else "unknown",
            "confidence": meta.get("date_confidence") or "not stated",
        })
    return pd.DataFrame(rows)


# The languages a translation's ``original_language`` names most often (ISO 639-1); another code is shown as written.
LANGUAGES = {"ar": "Arabic", "en": "English", "fr": "French", "de": "German", "it": "Italian", "ru": "Russian",
             "tr": "Turkish", "es": "Spanish"}


def _translation_chain(translation: dict, outlet: str) -> str:
    """"Izvestia (Russian, 28 Sep 2016), translated for SouthFront": the original, then who published it."""
    language = translation.get("original_language")
    published = translation.get("original_published")
    try:
        when = labels.date(str(published)) if published else None
    except ValueError:  # a date the manifest gives in another form: shown as written
        when = str(published)
    details = ", ".join(part for part in (LANGUAGES.get(str(language), language), when) if part)
    original = translation.get("original_outlet") or "an unnamed original"
    return f"{original} ({details}), translated for {outlet}" if details else f"{original}, translated for {outlet}"


def _credits(meta: dict) -> str:
    """The authors, else the translation's translator and editor, as the page credits them."""
    if meta.get("authors"):
        return ", ".join(meta["authors"])
    translation = meta.get("translation") or {}
    credits = [f"{translation[role]} ({role})" for role in ("translator", "editor") if translation.get(role)]
    return "; ".join(credits) or "not named"


def document_labels(corpus: Corpus) -> dict[str, str]:
    """doc_id → "outlet, date" for every document of ``corpus`` (see :mod:`analysis.chapters.labels`)."""
    return labels._unique({d.id: labels.document(d.source.outlet, d.source.published, d.source.date_precision)
                           for d in corpus.documents})


def date_evidence(corpus: Corpus) -> pd.DataFrame:
    """For each document, the reasoning behind its recorded publication date."""
    names = document_labels(corpus)
    return pd.DataFrame(
        [{"document": names[d.id], "date evidence": d.source.meta.get("date_evidence") or "none recorded"}
         for d in corpus.documents]
    )


def document_timeline(docs: pd.DataFrame) -> pd.DataFrame:
    """Documents placed in time: the stated date and the range the evidence allows, with readers' labels."""
    table = docs[["doc_id", "outlet", "title", "published", "date_precision", "date_confidence",
                  "date_earliest", "date_latest"]].copy()
    table["document"] = table["doc_id"].map(labels.documents(docs))
    table["dates"] = [labels.date_span(a, b) for a, b in zip(table["date_earliest"], table["date_latest"], strict=True)]
    table["dated"] = ["to the day" if a == b else "to a range of days"
                      for a, b in zip(table["date_earliest"], table["date_latest"], strict=True)]
    table["date_confidence"] = table["date_confidence"].fillna("not stated")
    return table[table["date_earliest"].notna()].reset_index(drop=True)


def document_composition(paras: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
    """Characters per document and part of the page (article text, captions, comments, chrome)."""
    table = paras.assign(part=paras["segment"].map(PARTS))
    table = table.groupby(["doc_id", "part"], as_index=False)["n_chars"].sum()
    table["document"] = table["doc_id"].map(labels.documents(docs))
    table["share"] = (table["n_chars"] / table.groupby("doc_id")["n_chars"].transform("sum")).round(3)
    table["part"] = pd.Categorical(table["part"], categories=PART_ORDER, ordered=True)
    table = table.sort_values(["doc_id", "part"]).reset_index(drop=True)
    table["part"] = table["part"].astype(str)
    return table


def corpus_facts(corpus: Corpus, docs: pd.DataFrame, paras: pd.DataFrame) -> dict[str, int | str]:
    """The numbers the corpus chapter's prose quotes, computed so none is typed by hand."""
    chars = paras.assign(part=paras["segment"].map(PARTS)).groupby("part")["n_chars"].sum()
    total = int(chars.sum())

    def share(part: str) -> str:
        return f"{100 * int(chars.get(part, 0)) / total:.0f}%" if total else "0%"

    dated = docs[docs["date_earliest"].notna()]
    names = labels.documents(docs)
    ranged = [f"{names[r.doc_id]}: {labels.date_span(r.date_earliest, r.date_latest)}"
              for r in dated.itertuples(index=False) if r.date_earliest != r.date_latest]
    return {
        "n_documents": len(docs),
        "n_outlets": int(docs["outlet"].nunique()),
        "first_year": str(dated["date_earliest"].min())[:4] if len(dated) else "unknown",
        "last_year": str(dated["date_latest"].max())[:4] if len(dated) else "unknown",
        "n_translated": sum(1 for d in corpus.documents if d.source.meta.get("translation")),
        "n_day": int((docs["date_precision"] == "day").sum()),
        "n_ranged": len(ranged), "ranges": "; ".join(ranged) or "none",
        "n_undated": int(docs["date_earliest"].isna().sum()),
        "article_share": share("article text"),
        "comment_share": share("reader comments"),
        "chrome_share": share("site chrome"),
        "n_comments": int(((paras["segment"] == "comment") & paras["repeat_of"].isna()).sum()),
        "n_docs_with_comments": int(paras.loc[paras["segment"] == "comment", "doc_id"].nunique()),
        "n_repeats": int(paras["repeat_of"].notna().sum()),
    }
