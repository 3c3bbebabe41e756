"""The codebook: aliases the sources use resolve as documented; a broken codebook is refused clearly."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from analysis import config
from analysis.errors import CorpusError
from analysis.extract.codebook import load_codebook
from analysis.extract.mentions import matcher_for

CODEBOOK = config.DATA_DIR / "codebook.yml"


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


@pytest.mark.parametrize("surface, actor_id, published", [
    ("Gaddafi", "muammar-gaddafi", "2015-12-02"), ("Kadhafi", "muammar-gaddafi", "2021-04-16"),
    ("Ghadafi", "muammar-gaddafi", "2015-12-02"), ("Moamer Kadhafi", "muammar-gaddafi", "2021-04-16"),
    ("Daesh", "daesh", "2015-12-02"), ("ISIL", "daesh", "2015-12-02"), ("ISIS", "daesh", "2016-05-09"),
    ("Islamic State", "daesh", "2015-12-02"), ("GNA", "government-of-national-accord", "2016-05-09"),
    ("Government of National Accord", "government-of-national-accord", "2016-05-09"),
    ("unity government", "government-of-national-accord", "2016-05-09"),
    ("House of Representatives", "house-of-representatives", "2016-09-28"),
    ("Parliament in Tobruk", "house-of-representatives", "2016-09-28"),
    ("Haftar", "khalifa-haftar", "2016-09-28"), ("Hafter", "khalifa-haftar", "2016-09-28"),
    ("Libyan army", "libyan-national-army", "2016-09-28"), ("Moscow", "russia", "2018-08-08"),
    ("Presidential Council", "gna-presidential-council", "2016-05-09"),
    ("Presidential Council", "gnu-presidential-council", "2021-04-16"),
])
def test_alias_resolution(codebook, surface, actor_id, published):
    day = dt.date.fromisoformat(published)
    matcher = matcher_for(codebook, (day, day))
    match = matcher.pattern.search(f"They said that {surface} agreed.")
    assert match and match.group(0) == surface
    assert matcher.resolve(match.group(0)).actor_id == actor_id


def test_unity_government_is_not_the_gna_in_2021(codebook):
    day = dt.date(2021, 4, 16)
    assert matcher_for(codebook, (day, day)).pattern.search("the unity government met") is None


def test_exact_case_aliases(codebook):
    day = dt.date(2016, 5, 9)
    matcher = matcher_for(codebook, (day, day))
    assert matcher.pattern.search("the PC announced").group(0) == "PC"
    assert matcher.pattern.search("a pc was bought") is None
    assert matcher.pattern.search("let us go") is None  # "US" only in capitals


def test_every_actor_has_a_known_type_and_camp(codebook):
    types = yaml.safe_load(CODEBOOK.read_text(encoding="utf-8"))["types"]
    assert len(codebook.actors) == 68
    for actor in codebook.actors.values():
        assert actor["type"] in types
        assert actor.get("camp") is None or actor["camp"] in codebook.camps


def test_offices_cite_existing_paragraphs(codebook, seed_tables):
    para_ids = set(seed_tables["paragraphs"]["para_id"])
    offices = [o for a in codebook.actors.values() for o in a.get("offices", [])]
    assert len(offices) == 23
    assert {o["source"] for o in offices} <= para_ids
    mentioned = set(zip(seed_tables["mentions"]["para_id"], seed_tables["mentions"]["actor_id"], strict=True))
    for actor_id, actor in codebook.actors.items():
        for office in actor.get("offices", []):
            assert (office["source"], actor_id) in mentioned, f"{office['source']} does not name {actor_id}"


def test_request_types_carry_cameo_appeal_codes(codebook):
    codes = {k: v["cameo_code"] for k, v in codebook.request_types.items()}
    assert codes == {"embargo_lifting": "0254", "arms_supply": "0232", "diplomatic_support": "022",
                     "military_intervention": "0234", "training_or_advisers": "0212",
                     "counterterrorism_cooperation": "0212", "economic_support": "0231", "other": "020"}


def _broken(tmp_path, edit) -> CorpusError:
    data = yaml.safe_load(CODEBOOK.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "codebook.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        load_codebook(path)
    return info.value


def test_duplicate_actor_is_refused(tmp_path):
    error = _broken(tmp_path, lambda d: d["actors"].append(dict(d["actors"][0])))
    assert "duplicate actor_id 'abdullah-al-thani'" in error.message and "line " in error.message


def test_unknown_camp_is_refused(tmp_path):
    error = _broken(tmp_path, lambda d: d["actors"][0].update(camp="tripoli"))
    assert "camp 'tripoli' is not in 'camps:'" in error.message


def test_alias_for_two_actors_is_refused(tmp_path):
    error = _broken(tmp_path, lambda d: d["actors"][1]["aliases"].append("al-Thani"))
    assert "alias 'al-Thani' names both 'abdullah-al-thani' and 'khalifa-haftar'" in error.message
