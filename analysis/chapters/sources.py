"""The corpus appendix (``book/sources.ipynb``): every document in full, paragraph by paragraph, with anchors.

Every claim in the book links to a paragraph here (see
:mod:`analysis.chapters.links`). Reader comments and site chrome are visibly
marked as such. All text is escaped: the articles and comments are data, never
markup.
"""

from __future__ import annotations

import html

import pandas as pd

SEGMENT_LABELS = {
    "headline": "Headline", "standfirst": "Standfirst", "body": "", "caption": "Caption",
    "comment": "Reader comment", "boilerplate": "Site chrome",
}


# How a repeat relates to the paragraph it repeats, in words (``repeat_kind`` in the data; analysis.corpus.repeats).
REPEAT_WORDS = {"exact": "the same words, punctuation aside", "contained": "contained in it", "near": "nearly the same"}


def repeat_note(kind: str, text: str, earlier: str | None) -> str:
    """``exact`` means equal once case, punctuation and spacing are ignored; a reader who sees "exact" beside two
    paragraphs that differ by a full stop (Sputnik ¶2 and ¶6) is misled, so "word for word" is kept for the
    truly identical and the rest say what was ignored."""
    if kind == "exact" and earlier is not None and text == earlier:
        return "word for word"
    return REPEAT_WORDS.get(kind, kind)


def _published(document: pd.Series) -> str:
    from analysis.chapters import labels

    if not document["date_earliest"]:
        return "date unknown"
    span = labels.date_span(document["date_earliest"], document["date_latest"])
    known = labels.precision(document["date_earliest"], document["date_latest"])
    return span if known == "the day" else f"{span} (known to {known})"


def document_html(document: pd.Series, paragraphs: pd.DataFrame, label: str | None = None) -> str:
    """One document: a header with its metadata, then each paragraph with its anchor and label."""
    doc_id = html.escape(document["doc_id"])
    parts = [
        f'<section class="source-document" id="{doc_id}">',
        f'<h2 class="source-title" data-toc-label="{html.escape(label or document["doc_id"])}">'
        f'{html.escape(label or document["doc_id"])}: {html.escape(document["title"])}</h2>',
        f'<p class="source-meta">{html.escape(document["outlet"])} · published '
        f'{html.escape(_published(document))} · file <code>{html.escape(document["file"])}</code></p>',
    ]
    texts = dict(zip(paragraphs["para_id"], paragraphs["text"], strict=True))
    for row in paragraphs.itertuples(index=False):
        label = SEGMENT_LABELS[row.segment]
        repeat = ""
        if row.repeat_of:
            note = repeat_note(row.repeat_kind, row.text, texts.get(row.repeat_of))
            repeat = f"repeats ¶{int(row.repeat_of.rpartition('-p')[2])} ({html.escape(note)})"
        repeat = f" · {repeat}" if label and repeat else repeat
        tag = f'<span class="segment-label">{html.escape(label)}{repeat}</span>' if label or repeat else ""
        text = html.escape(row.text).replace("\n", "<br>")
        parts.append(
            f'<div class="source-paragraph segment-{html.escape(row.segment)}" id="{html.escape(row.para_id)}">'
            f'<a class="paragraph-anchor" href="#{html.escape(row.para_id)}">¶{row.position}</a>{tag}'
            f'<p>{text}</p></div>'
        )
    parts.append("</section>")
    return "\n".join(parts)


class SourcesView:
    """Every document of a corpus, rendered for the appendix."""

    def __init__(self, documents: pd.DataFrame, paragraphs: pd.DataFrame):
        self.documents, self.paragraphs = documents, paragraphs

    def _repr_html_(self) -> str:
        from analysis.chapters import labels

        names = labels.documents(self.documents)
        by_doc = dict(tuple(self.paragraphs.groupby("doc_id", sort=False)))
        contents = "".join(f'<li><a href="#{html.escape(d)}">{html.escape(names[d])}</a></li>'
                           for d in self.documents["doc_id"])
        nav = f'<nav class="source-contents" aria-label="Documents on this page"><ol>{contents}</ol></nav>'
        return nav + "\n".join(document_html(doc, by_doc.get(doc["doc_id"], self.paragraphs.iloc[0:0]),
                                             names[doc["doc_id"]]) for _, doc in self.documents.iterrows())

    def __repr__(self) -> str:
        return f"<{len(self.documents)} documents, {len(self.paragraphs)} paragraphs>"
