"""Speakers the codebook does not know are kept: provisional ids, the same id for later mentions, a report row.

The sentences are written for the categories reporters use to introduce a
person (a title before the name, an appositive after it, a relative clause),
not taken from the seeds.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus.load import load_corpus
from analysis.extract.codebook import load_codebook
from analysis.extract.provisional import is_provisional, provisional_id
from analysis.tables.export import build_tables
from tests.conftest import entry


def _tables(make_corpus, *paragraphs: str) -> dict[str, pd.DataFrame]:
    text = "Headline\n\n" + "\n\n".join(paragraphs) + "\n"
    return build_tables(load_corpus(make_corpus([entry()], {"raw/a.txt": text})), load_codebook())


@pytest.mark.parametrize("paragraph, name, role", [
    ('"The talks will continue next week," UN spokesman Stephane Dujarric said.', "Stephane Dujarric",
     "UN spokesman"),
    ('Libyan Foreign Minister Omar Zintani said: "We expect a reply from Moscow soon."', "Omar Zintani",
     "Libyan Foreign Minister"),
    ('Salma Warfalli, a correspondent for a Benghazi radio station, wrote: "Nobody here trusts the ceasefire."',
     "Salma Warfalli", "a correspondent for a Benghazi radio station"),
    ('Mustafa Drissi, who heads the Tripoli council, said: "The city needs its salaries paid on time."',
     "Mustafa Drissi", "who heads the Tripoli council"),
])
def test_a_named_speaker_with_a_title_gets_a_provisional_id(make_corpus, paragraph, name, role):
    tables = _tables(make_corpus, paragraph)
    assert tables["quotes"]["speaker_id"].tolist() == [provisional_id(name)]
    report = tables["unresolved_actors"]
    assert report[["actor_id", "name", "role", "n_mentions"]].values.tolist() == [[provisional_id(name), name, role, 1]]


def test_later_mentions_by_surname_resolve_to_the_same_id(make_corpus):
    tables = _tables(make_corpus, "Libyan Foreign Minister Omar Zintani arrived in Moscow on Monday.",
                     '"We are here to ask for wheat," Zintani said.', "Zintani then met Mikhail Bogdanov.")
    mentions = tables["mentions"]
    assert mentions.loc[mentions["actor_id"] == "provisional-omar-zintani", "surface"].tolist() == [
        "Omar Zintani", "Zintani", "Zintani"]
    assert tables["quotes"]["speaker_id"].tolist() == ["provisional-omar-zintani"]
    assert tables["unresolved_actors"]["n_mentions"].tolist() == [3]


def test_the_title_suggests_a_camp(make_corpus):
    tables = _tables(make_corpus, "Russian Deputy Foreign Minister Pavel Orlov met the delegation.",
                     "LNA spokesman Hamza Jadallah spoke to reporters.")
    camps = tables["unresolved_actors"].set_index("actor_id")["camp"].to_dict()
    assert camps == {"provisional-pavel-orlov": "russia", "provisional-hamza-jadallah": "tobruk"}


def test_a_request_by_an_unknown_russian_is_an_appeal_by_russia(make_corpus):
    tables = _tables(make_corpus, "Russian Deputy Foreign Minister Pavel Orlov urged Khalifa Haftar to join the talks.")
    assert tables["requests"].empty


def test_codebook_names_and_titles_alone_never_become_provisional(make_corpus):
    tables = _tables(make_corpus, "Prime Minister Abdulhamid Dbeibah met Defense Minister Sergei Shoigu.",
                     "Ahmed Maiteeq, Deputy Prime Minister of the Government of National Accord, spoke.",
                     '"We are ready for the talks," a correspondent said.')
    assert tables["unresolved_actors"].empty
    assert not any(is_provisional(a) for a in tables["mentions"]["actor_id"].dropna())
    assert tables["quotes"][["speaker_id", "speaker_text"]].values.tolist() == [[None, "a correspondent"]]


def test_provisional_actors_pass_the_export_contract(make_corpus):
    tables = _tables(make_corpus, '"We ask Russia for weapons," Libyan Foreign Minister Omar Zintani said.')
    request = tables["requests"].iloc[0]
    assert (request["requester_id"], request["addressee_id"], request["request_type"]) == (
        "provisional-omar-zintani", "russia", "arms_supply")
