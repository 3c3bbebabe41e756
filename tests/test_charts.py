"""Tables and charts of the chapters, checked on real values and on ``chart.to_dict()``."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest

from analysis import charts
from analysis.chapters import corpus as corpus_chapter
from analysis.charts.common import chart_title


def test_composition_shares(seed_tables):
    table = corpus_chapter.document_composition(seed_tables["paragraphs"], seed_tables["documents"])
    assert table.groupby("doc_id")["share"].sum().round(2).eq(1.0).all()
    row = table[(table["doc_id"] == "doc-000") & (table["part"] == "reader comments")].iloc[0]
    assert row["n_chars"] == 3074  # lines 41-67 less bullets, lines joined by \n
    assert set(table["part"]) == set(corpus_chapter.PART_ORDER)
    assert set(table["document"]) == {"Sputnik, 2 Dec 2015", "Libyan Gazette, May 2016", "SouthFront, Sep 2016",
                                      "Alwasat, 8 Aug 2018", "The Defense Post (AFP), 16 Apr 2021"}


def test_timeline_ranges(seed_tables):
    table = corpus_chapter.document_timeline(seed_tables["documents"]).set_index("doc_id")
    assert table.loc["doc-001", ["date_earliest", "date_latest"]].tolist() == ["2016-05-09", "2016-05-15"]
    assert table.loc["doc-003", ["date_earliest", "date_latest"]].tolist() == ["2018-08-08", "2018-08-08"]


def test_a_translation_is_named_in_words(seed_corpus):
    """The corpus table names the original in words, not codes: no "ru" and no ISO date for a reader."""
    outlets = list(corpus_chapter.sources_overview(seed_corpus)["outlet"])
    assert outlets[2] == "Izvestia (Russian, 28 Sep 2016), translated for SouthFront"
    assert corpus_chapter._translation_chain({"original_outlet": "Al-Ahram", "original_language": "xx",
                                              "original_published": "spring 2016"}, "Wire") \
        == "Al-Ahram (xx, spring 2016), translated for Wire"


def test_corpus_facts(seed_corpus, seed_tables):
    facts = corpus_chapter.corpus_facts(seed_corpus, seed_tables["documents"], seed_tables["paragraphs"])
    assert facts["n_documents"] == 5 and facts["n_translated"] == 1
    assert (facts["first_year"], facts["last_year"]) == ("2015", "2021")
    assert (facts["n_day"], facts["n_ranged"], facts["n_undated"]) == (3, 2, 0)
    assert facts["n_comments"] == 20 and facts["n_docs_with_comments"] == 2 and facts["n_repeats"] == 5
    assert facts["n_outlets"] == 5  # the heading once said "four outlets" beside five listed
    assert facts["ranges"] == "Libyan Gazette, May 2016: 9–15 May 2016; SouthFront, Sep 2016: 28 Sep–31 Oct 2016"


def test_timeline_chart_spec(seed_tables):
    spec = charts.document_timeline(corpus_chapter.document_timeline(seed_tables["documents"])).to_dict()
    assert chart_title(spec) == "When the documents were published"
    assert spec["description"].startswith(
        "Timeline of 5 documents, Sputnik, 2 Dec 2015; Libyan Gazette, May 2016 (9–15 May 2016); ")
    point = spec["encoding"]
    assert point["x"]["title"] == "Publication date" and point["x"]["type"] == "temporal"
    assert point["x"]["scale"]["domain"] == ["2015-01-01", "2022-01-01"]  # no mark on the edge, a tick a year
    assert point["x"]["field"] == "date_earliest"
    assert point["y"]["field"] == "document"  # readers' labels, not doc ids
    # a range of days is told apart by colour and shape, and the legend lists only what is present
    assert point["color"]["scale"]["domain"] == point["shape"]["scale"]["domain"] == [
        "to the day", "to a range of days"]
    assert point["shape"]["scale"]["range"] == ["circle", "diamond"]
    assert spec["width"] == "container" and spec["config"]["mark"]["aria"] is False
    assert len(next(iter(spec["datasets"].values()))) == 5


def test_composition_chart_spec(seed_tables):
    chart = charts.document_composition(corpus_chapter.document_composition(seed_tables["paragraphs"],
                                                                    seed_tables["documents"]))
    spec = chart.to_dict()
    assert isinstance(chart, alt.Chart)
    assert spec["encoding"]["x"]["title"] == "Characters"
    assert spec["encoding"]["color"]["scale"]["domain"] == corpus_chapter.PART_ORDER
    assert "reader comments 4,243 characters" in spec["description"]


def test_embargo_chronology_sets_close_marks_apart(seed_tables):
    """Fig. 6: Sisi's and Sarraj's requests (7 and 8 May 2016) are a day apart on a ten-year axis: marks this
    close are set one above another, centred on their track."""
    from analysis.chapters import embargo, invitations, record
    from analysis.charts import embargo as embargo_charts
    from analysis.extract.codebook import load_codebook

    cb = load_codebook()
    table = embargo.embargo_chronology(invitations.request_events(invitations.requests_overview(seed_tables, cb)),
                                       record.load_record())
    spec = charts.embargo_chronology(table).to_dict()
    # the offset is mapped onto the track's band from -half a track to +half: 0 is the band's middle, where the
    # track's label is (with scale None, 0 was the band's top, half a track above the label)
    assert spec["encoding"]["yOffset"] == {"field": "offset", "type": "quantitative",
                                           "scale": {"domain": [-30.0, 30.0]}}
    placed = embargo_charts._lanes(table).assign(date=lambda t: pd.to_datetime(t["date"]))
    for _, track in placed.groupby("track"):
        for a in track.itertuples():
            for b in track.itertuples():
                if a.Index < b.Index and abs((a.date - b.date).days) < embargo_charts.CLOSE_DAYS:
                    assert abs(a.offset - b.offset) >= embargo_charts.LANE, (a.label, b.label)
    may = placed[placed["date"].between("2016-05-07", "2016-05-08")]
    assert len(may) == 2 and abs(may["offset"].diff().iloc[-1]) >= embargo_charts.LANE
    # the two 2020 resolutions (2510 in February, 2526 in June) are 114 days apart: at 390 px they overlapped
    resolutions_2020 = placed[(placed["date"].dt.year == 2020) & (placed["track"] == "public record (UN)")]
    assert len(resolutions_2020) == 2 and resolutions_2020["offset"].nunique() == 2
    assert placed["offset"].abs().max() <= embargo_charts.CHRONOLOGY_HEIGHT / 4 - embargo_charts.LANE / 2  # in track


def test_embargo_holders_on_the_seeds(seed_tables):
    """Table of embargo statements: Izvestia's unnamed source ("The source of Izvestia notes that Russia will
    have to attend to…") holds its own remark; Russia, which the remark is about, does not. In ¶4 the source
    is quoted saying the lifting "was discussed": the quotation's speaker, not Haftar (who is the requester of
    a request later in the same quotation), holds that stance."""
    from analysis.chapters import embargo
    from analysis.extract.codebook import load_codebook

    statements = embargo.embargo_statements(seed_tables, load_codebook())
    assert list(zip(statements["para_id"], statements["actor"], statements["camp"], strict=True)) == [
        ("doc-001-p009", "Abdel Fattah el-Sisi", "egypt"), ("doc-001-p010", "Fayez al-Sarraj", "gna"),
        ("doc-002-p003", "Khalifa Haftar", "tobruk"), ("doc-002-p004", "Unnamed source", "none"),
        ("doc-002-p005", "Anvar Makhmutov", "russia"), ("doc-002-p007", "Unnamed source", "none")]


@pytest.mark.parametrize("sentence, holder", [
    # reported speech whose subject has no name: the source holds the stance, not the country it names
    ("Diplomatic sources in Cairo said that Moscow wants the arms embargo lifted.", "Unnamed source"),
    ("A senior official noted that Egypt would not supply arms despite the embargo.", "Unnamed source"),
    # reported speech by a named person, with another actor named after "that"
    ("Gennady Gatilov stated that Moscow would not supply arms to Libya under the embargo.", "Gennady Gatilov"),
    # no reported speech: the first person named
    ("Aguila Saleh met Russian diplomats in Moscow to discuss the arms embargo.", "Aguila Saleh Issa"),
    # the stance cue inside a quotation: its speaker holds it, named or not, whoever requests in the quotation
    ("“Lifting the arms embargo is not on the table now,” Gennady Gatilov told reporters.", "Gennady Gatilov"),
    ("“They talked about lifting the arms embargo, and Haftar asked Moscow for weapons,” one of the diplomats"
     " said.", "Unnamed source"),
    # the cue outside the quotation: the requester, as before
    ("Aguila Saleh called for the arms embargo to be lifted, saying: “We need weapons against terrorists.”",
     "Aguila Saleh Issa"),
])
def test_embargo_holder_by_sentence_kind(make_corpus, sentence, holder):
    from analysis.chapters import embargo
    from analysis.corpus.load import load_corpus
    from analysis.extract.codebook import load_codebook
    from analysis.tables.export import build_tables
    from tests.conftest import entry

    root = make_corpus([entry()], {"raw/a.txt": f"Headline\n\n{sentence}\n"})
    codebook = load_codebook()
    statements = embargo.embargo_statements(build_tables(load_corpus(root), codebook), codebook)
    assert list(statements["actor"]) == [holder]
