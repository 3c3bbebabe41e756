"""Extraction on the real seeds: mentions, quotations, requests, dates, themes; comments kept apart."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.chapters import evaluate
from analysis.corpus.load import load_corpus
from analysis.corpus.segment import segment_corpus
from analysis.extract.codebook import load_codebook
from analysis.extract.quote_marks import quote_spans
from analysis.tables.export import build_tables
from tests.conftest import entry


@pytest.fixture(scope="module")
def t(seed_tables) -> dict[str, pd.DataFrame]:
    return seed_tables


def _text(t, para_id: str) -> str:
    return t["paragraphs"].set_index("para_id").loc[para_id, "text"]


def test_mention_offsets_point_at_the_surface(t):
    texts = t["paragraphs"].set_index("para_id")["text"]
    for row in t["mentions"].itertuples():
        assert texts[row.para_id][row.start:row.end] == row.surface


def test_mention_counts(t):
    counts = t["mentions"]["actor_id"].value_counts()
    assert (counts["russia"], counts["khalifa-haftar"], counts["libya"]) == (59, 14, 52)
    assert t["mentions"]["actor_id"].isna().sum() == 10


def test_documented_decisions_leave_mentions_unresolved(t):
    mentions = t["mentions"]
    row = mentions[(mentions["para_id"] == "doc-004-p010") & (mentions["surface"] == "Libyan armed forces")]
    assert row["actor_id"].isna().all() and row["note"].str.contains("predates the LNA").all()
    source = t["mentions"][t["mentions"]["surface"] == "a source close to Russian diplomatic circles"]
    assert source["actor_id"].isna().all() and source["note"].str.startswith("unnamed source").all()


def test_quotes_are_exact_substrings(t):
    assert len(t["quotes"]) == 23
    for row in t["quotes"].itertuples():
        assert _text(t, row.para_id)[row.start:row.end] == row.text


def test_closing_mark_as_opener(t):
    quote = t["quotes"].set_index("quote_id").loc["doc-002-q05"]
    assert quote["text"].startswith("We expect that the House of Representatives")
    assert quote["speaker_id"] == "gennady-gatilov" and quote["speaker_text"] == "the diplomat"


def test_unnamed_and_plural_speakers_stay_unnamed(t):
    quotes = t["quotes"].set_index("quote_id")
    assert quotes.loc["doc-002-q01", ["speaker_id", "speaker_text"]].tolist() == [None, "the source"]
    assert quotes.loc["doc-001-q03", ["speaker_id", "speaker_text", "channel_id"]].tolist() == [
        None, "the two delegates", "tass"]


def test_channel_is_not_the_speaker(t):
    quote = t["quotes"].set_index("quote_id").loc["doc-003-q08"]
    assert (quote["speaker_id"], quote["channel_id"]) == ("ahmad-al-mismari", "sputnik")


def test_fragments_are_not_quotations(t):
    texts = " ".join(t["quotes"]["text"])
    for fragment in ("an updated list", "constructive", "new economic climate", "was successful"):
        assert not any(q == fragment for q in t["quotes"]["text"]), fragment
    assert "Operation Dignity of Libya" not in texts  # single quotes mark a name, not speech


def test_quote_spanning_two_paragraphs(make_corpus):
    text = ("Headline\n\n“We will not retreat,” he said. “We will fight on until the end of this\n\n"
            "“and we ask Russia for help,” said Haftar.\n")
    root = make_corpus([entry(title="Headline")], {"raw/a.txt": text})
    corpus = load_corpus(root)
    tables = build_tables(corpus, load_codebook())
    quotes = tables["quotes"]
    assert quotes["para_id"].tolist() == ["doc-900-p002", "doc-900-p002"]
    assert quotes["para_id_end"].tolist() == ["doc-900-p002", "doc-900-p003"]


def test_quote_spans_cover_all_mark_styles():
    assert [(s.start, s.end) for s in quote_spans('a "b c" d “e f” g ”h i” j')] == [(3, 6), (11, 14), (19, 22)]
    assert quote_spans("“left open")[0].open_at_end


def test_requests(t):
    requests = t["requests"]
    assert len(requests) == 14 and requests["event_id"].nunique() == 12
    assert requests["request_type"].value_counts().to_dict() == {
        "military_intervention": 3, "counterterrorism_cooperation": 2, "embargo_lifting": 2, "arms_supply": 2,
        "other": 2, "training_or_advisers": 1, "diplomatic_support": 1, "economic_support": 1}
    for row in requests.itertuples():
        assert row.evidence in _text(t, row.para_id)
    haftar = requests[requests["para_id"] == "doc-002-p003"].iloc[0]
    assert (haftar["requester_id"], haftar["addressee_id"], haftar["cameo_code"]) == (
        "khalifa-haftar", "vladimir-putin", "0232")


def test_a_stand_in_requester_resolves_to_the_faction_the_text_names(t):
    """'Libya's request' and 'they urged Moscow' (doc-002 ¶4) are Haftar's, through his envoy; the words are kept."""
    p004 = t["requests"][t["requests"]["para_id"] == "doc-002-p004"]
    assert p004[["requester_id", "requester_text", "addressee_id", "request_type"]].values.tolist() == [
        ["khalifa-haftar", "Libya", "vladimir-putin", "arms_supply"],
        ["khalifa-haftar", "they", "russia", "military_intervention"]]


def test_a_request_told_twice_is_one_event(t):
    requests = t["requests"].set_index("para_id")
    assert requests.loc["doc-001-p005", "event_id"] == requests.loc["doc-001-p006", "event_id"] == "doc-001-e01"
    letter = t["requests"][t["requests"]["event_id"] == "doc-002-e01"]
    assert letter["para_id"].tolist() == ["doc-002-p003", "doc-002-p004"]


def test_appeals_to_others_are_kept_and_labelled(t):
    others = t["requests"][~t["requests"]["to_russia"]]
    assert others[["requester_id", "addressee_id"]].values.tolist() == [
        ["abdel-fattah-el-sisi", "united-nations"], ["fayez-al-sarraj", "united-nations"]]


def test_an_appeal_by_russia_is_not_an_appeal_to_it(t):
    assert "doc-002-p012" not in set(t["requests"]["para_id"])  # Gatilov expects the HoR to present a list


def test_gold_precision_and_recall(t):
    quotes = evaluate.evaluate_quotes(t["quotes"])
    requests = evaluate.evaluate_requests(t["requests"])
    assert quotes["n_gold_quotes"] == 23 and quotes["n_quotes_found"] == 23
    assert requests["n_gold"] == 14 and requests["n_gold_events"] == 12
    for name in ("quote_precision", "quote_recall", "speaker_precision", "speaker_recall"):
        assert quotes[name] >= 0.95, (name, quotes)
    for name in ("request_precision", "request_recall", "event_precision", "event_recall"):
        assert requests[name] >= 0.95, (name, requests)


def test_evaluation_can_fail(t):
    wrong = t["requests"].assign(request_type="other")
    assert evaluate.evaluate_requests(wrong)["request_precision"] == round(2 / 14, 3)
    merged = t["requests"].assign(event_id="one")  # every sentence one event: the events must not match
    assert evaluate.evaluate_requests(merged)["event_recall"] < 0.2


def test_dates(t):
    dates = t["date_mentions"].set_index(["para_id", "surface"])
    assert dates.loc[("doc-001-p005", "on Monday"), ["resolved_date", "precision"]].tolist() == ["2016-05-09", "day"]
    assert dates.loc[("doc-001-p013", "On Thursday"), ["resolved_date", "precision"]].tolist() == [
        "2016-05-05/2016-05-12", "range"]  # the Thursday before an article of 9-15 May
    assert dates.loc[("doc-001-p009", "on Saturday"), "resolved_date"] == "2016-05-07/2016-05-14"
    assert dates.loc[("doc-004-p016", "On Thursday"), "resolved_date"] == "2021-04-15"
    assert dates.loc[("doc-000-p015", "September 30"), "resolved_date"] == "2015-09-30"
    assert dates.loc[("doc-002-p008", "May 2014"), ["resolved_date", "precision"]].tolist() == ["2014-05", "month"]
    assert dates.loc[("doc-001-p008", "Last week"), ["resolved_date", "precision"]].tolist() == ["2016-05-02", "week"]
    assert dates.loc[("doc-001-p010", "the following day"), ["resolved_date", "precision"]].tolist() == [
        "2016-05-08/2016-05-15", "range"]  # the day after "on Saturday", two paragraphs up
    assert dates.loc[("doc-000-p031", "2105"), "note"].startswith("after the publication date")
    assert len(t["date_mentions"]) == 19


def test_themes(t):
    themes = t["themes"]
    assert set(themes[themes["para_id"] == "doc-001-p009"]["theme"]) == {
        "invitations", "arms-embargo", "counter-terrorism"}
    assert sorted(themes.loc[themes["theme"] == "arms-embargo", "para_id"]) == [
        "doc-001-p009", "doc-001-p010", "doc-002-p003", "doc-002-p004", "doc-002-p005", "doc-002-p007"]
    assert "boilerplate" not in set(themes["segment"])


def test_comments_are_kept_apart(t):
    assert set(t["quotes"]["segment"]) == {"body"}
    body_ids = set(t["paragraphs"].loc[t["paragraphs"]["segment"] == "body", "para_id"])
    assert set(t["requests"]["para_id"]) <= body_ids
    comment_mentions = t["mentions"][t["mentions"]["segment"] == "comment"]
    assert comment_mentions["doc_id"].value_counts().to_dict() == {"doc-000": 49, "doc-002": 20}
    assert {"Ghadafi", "AL qeada", "President Hollande", "MI6"} <= set(comment_mentions["surface"])


def test_segmentation_is_unchanged_by_extraction(seed_corpus, t):
    assert len(segment_corpus(seed_corpus.documents)) == len(t["paragraphs"]) == 117


@pytest.mark.parametrize("text, expected", [
    # an appeal to Egypt in an article about Russia is addressed to Egypt
    ("Khalifa Haftar, who visited Moscow last month, asked Egypt to send troops to Sirte.",
     [("khalifa-haftar", "egypt", "military_intervention", False)]),
    # Russia's support on the embargo is asked of Russia, not of the UN (the type's default)
    ("Fayez al-Sarraj asked for Russia's support in lifting the arms embargo.",
     [("fayez-al-sarraj", "russia", "embargo_lifting", True)]),
    # a reported request: the officials asked, not Russia
    ("Officials of the Government of National Accord said they had asked Moscow to mediate with Haftar.",
     [("government-of-national-accord", "russia", "other", True)]),
    # an unknown minister's first person: the speaker, kept under a provisional id
    ('"We have asked Moscow for wheat and medicines," Libyan Economy Minister Salem Warfalli said.',
     [("provisional-salem-warfalli", "russia", "other", True)]),
])
def test_the_four_codings_a_researcher_refused(make_corpus, text, expected):
    root = make_corpus([entry()], {"raw/a.txt": f"Headline\n\n{text}\n"})
    requests = build_tables(load_corpus(root), load_codebook())["requests"]
    assert [tuple(r) for r in requests[["requester_id", "addressee_id", "request_type", "to_russia"]].values] \
        == expected
