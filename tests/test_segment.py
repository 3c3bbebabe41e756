"""Segmentation of the real seeds: labels, comment threads, repeats, provenance lines."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus.load import load_corpus
from analysis.corpus.segment import SEGMENTS
from tests.conftest import entry


@pytest.fixture(scope="module")
def paras(seed_tables) -> pd.DataFrame:
    return seed_tables["paragraphs"]


def segments_of(paras: pd.DataFrame, doc_id: str) -> dict[str, int]:
    return paras[paras["doc_id"] == doc_id]["segment"].value_counts().to_dict()


def test_counts_per_document(paras):
    assert len(paras) == 117
    assert segments_of(paras, "doc-000") == {"comment": 10, "body": 10, "boilerplate": 12, "standfirst": 1,
                                             "headline": 1, "caption": 1}
    assert segments_of(paras, "doc-002") == {"body": 13, "comment": 11, "boilerplate": 1, "standfirst": 1}
    assert segments_of(paras, "doc-004") == {"body": 11, "boilerplate": 3, "caption": 2, "headline": 1,
                                             "standfirst": 1}


def test_only_known_labels(paras):
    assert set(paras["segment"]) <= set(SEGMENTS)


def test_para_ids_are_unique_and_positional(paras):
    assert paras["para_id"].is_unique
    assert paras.loc[paras["para_id"] == "doc-003-p004", "line_start"].item() == 6


def test_sputnik_comments_are_grouped_by_bullet(paras):
    comments = paras[(paras["doc_id"] == "doc-000") & (paras["segment"] == "comment")]
    assert comments["line_start"].tolist() == [41, 44, 48, 51, 54, 57, 61, 63, 65, 67]
    first = comments.iloc[0]
    assert first["text"].startswith("jaodernein garshinvic\nUnfortunately, Russia has no magic wand")
    assert first["text"].endswith("One thing at the time.")
    # The comment with a blank line inside it stays one comment.
    assert comments.iloc[1]["line_end"] == 47 and "Entire Mediterranean" in comments.iloc[1]["text"]


def test_comments_never_reach_the_body(paras):
    body = " ".join(paras.loc[paras["segment"] != "comment", "text"])
    for phrase in ("Tactical Investor", "magic wand", "Russia into a superpower again", "Kook Muslim"):
        assert phrase not in body


def test_body_is_never_labelled_comment(paras):
    comments = " ".join(paras.loc[paras["segment"] == "comment", "text"])
    for phrase in ("Al-Thani said", "said Makhmutova", "the former diplomat", "Gatilov"):
        assert phrase not in comments


def test_chrome_with_cyrillic_c_is_boilerplate(paras):
    row = paras[paras["text"] == "• \u0421omment"]
    assert row["segment"].tolist() == ["boilerplate"]


def test_headlines_standfirsts_and_captions(paras):
    def text_of(segment: str, doc_id: str) -> list[str]:
        return paras[(paras["doc_id"] == doc_id) & (paras["segment"] == segment)]["text"].tolist()

    assert text_of("headline", "doc-003") == [
        "LNA Spokesman: The situation in Libya requires intervention by Russia and President Putin personally"]
    assert text_of("headline", "doc-002") == []  # the translation has no headline in the file
    assert text_of("caption", "doc-000") == ["© Sputnik/ Andrey Stenin"]
    assert text_of("caption", "doc-004")[1].endswith("Photo: AFP")
    assert text_of("standfirst", "doc-002")[0].startswith("Representative of the commander")


def test_repeats_are_marked_not_dropped(paras):
    marked = paras[paras["repeat_of"].notna()].set_index("para_id")
    assert marked.loc["doc-000-p006", ["repeat_of", "repeat_kind"]].tolist() == ["doc-000-p002", "exact"]
    assert marked.loc["doc-004-p011", ["repeat_of", "repeat_kind"]].tolist() == ["doc-004-p003", "near"]
    assert marked.loc["doc-002-p017", ["repeat_of", "repeat_kind"]].tolist() == ["doc-002-p016", "contained"]
    assert "Wagner Group" in marked.loc["doc-004-p011", "text"]  # the expanded repeat keeps its extra facts
    assert sorted(marked.index) == ["doc-000-p006", "doc-001-p020", "doc-001-p023", "doc-002-p017",
                                    "doc-004-p011"]  # the last two doc-001 ones: a repeated login form


def test_headline_is_not_a_repeat_of_the_breadcrumb(paras):
    headline = paras[(paras["doc_id"] == "doc-001") & (paras["segment"] == "headline")]
    assert headline["repeat_of"].isna().all()


def test_text_is_the_raw_line(seed_corpus, paras):
    """Stored text is the raw line without indentation: non-breaking spaces survive."""
    row = paras[paras["para_id"] == "doc-000-p007"].iloc[0]
    raw_line = seed_corpus.documents[0].text.split("\n")[row["line_start"] - 1]
    assert row["text"] == raw_line.strip() and "\xa0" in row["text"]


def test_new_document_without_hints_uses_general_rules(make_corpus):
    text = ("Home / World / Moscow Talks\n\nMoscow Talks\n\n© Reuters/ A. Photographer\n\n"
            "Officials met in Moscow on Tuesday.\n\nShare\n\nRelated Articles\n")
    root = make_corpus([entry(title="Moscow Talks")], {"raw/a.txt": text})
    from analysis.corpus.segment import segment_corpus

    labels = [p.segment for p in segment_corpus(load_corpus(root).documents)]
    assert labels == ["boilerplate", "headline", "caption", "body", "boilerplate", "boilerplate"]


def test_comment_lines_without_marker(make_corpus):
    text = "Title\nBody one.\nBody two.\nReader one says hi.\nReader two disagrees.\n"
    root = make_corpus([entry(title="Title", segmentation={"comments_start": "Reader one"})],
                       {"raw/a.txt": text})
    from analysis.corpus.segment import segment_corpus

    labels = [p.segment for p in segment_corpus(load_corpus(root).documents)]
    assert labels == ["headline", "body", "body", "comment", "comment"]


def _labels(make_corpus, text: str, **fields) -> list[tuple[str, str]]:
    from analysis.corpus.segment import segment_corpus

    root = make_corpus([entry(title="Title", **fields)], {"raw/a.txt": text})
    return [(p.segment, p.text) for p in segment_corpus(load_corpus(root).documents)]


@pytest.mark.parametrize("heading", ["Comments", "12 Comments", "Comments (3)", "Leave a Reply", "Join the discussion",
                                     "3 responses to “Title”", "Reader comments"])
def test_a_thread_is_found_without_hints(make_corpus, heading):
    text = (f"Title\nThe envoy asked Moscow for help.\n{heading}\nAmira K. says:\nMarch 3, 2019 at 5:42 pm\n"
            "Russia will not save anyone.\nReply\n2 years ago\nThe West broke it first.\nReply\n")
    assert _labels(make_corpus, text) == [
        ("headline", "Title"), ("body", "The envoy asked Moscow for help."), ("boilerplate", heading),
        ("boilerplate", "Amira K. says:"), ("boilerplate", "March 3, 2019 at 5:42 pm"),
        ("comment", "Russia will not save anyone."), ("boilerplate", "Reply"), ("boilerplate", "2 years ago"),
        ("comment", "The West broke it first."), ("boilerplate", "Reply")]


@pytest.mark.parametrize("heading", ["Comment", "0 Comments", "No comments yet", "Comments are closed."])
def test_a_button_or_an_empty_thread_opens_no_comment_zone(make_corpus, heading):
    text = f"Title\nThe envoy asked Moscow for help.\n{heading}\nA second paragraph of the report.\n"
    assert [label for label, _ in _labels(make_corpus, text)].count("comment") == 0


def test_a_heading_over_chrome_only_is_a_menu_not_a_thread(make_corpus):
    text = "Title\nThe envoy asked Moscow for help.\nComments\nShare\nPrint\nLog in\n"
    assert "comment" not in [label for label, _ in _labels(make_corpus, text)]


def test_validate_warns_when_a_page_looks_like_comments_without_a_zone(make_corpus):
    from tests.conftest import run_cli

    text = "Title\nThe envoy asked Moscow for help.\nReply\nRussia will not save anyone.\n2 years ago\nReply\n"
    root = make_corpus([entry(title="Title")], {"raw/a.txt": text})
    result = run_cli("validate", "--corpus", str(root))
    assert result.returncode == 0
    warning = result.stderr.strip()
    assert warning == (f"warning: {root / 'raw' / 'a.txt'}, line 3: looks like a reader-comment thread ('Reply') but "
                       "no comment zone was found; add to entry 'doc-900' in sources.yml: segmentation: "
                       'comments_start: "Russia will not save anyone."')


def test_the_seeds_need_no_warning():
    from tests.conftest import run_cli

    assert run_cli("validate").stderr == ""
