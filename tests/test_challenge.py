"""The request challenge sets (tests/challenge/): well formed, not copied from the seeds, and passed.

``requests.csv`` is written by the rule author from construction families;
``heldout.csv`` by a second author who did not see the rules. The thresholds
are the issue's; the figures themselves are reported in the codebook appendix.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis import config
from analysis.chapters import evaluate
from analysis.extract.codebook import load_codebook
from analysis.extract.provisional import is_provisional
from tests.challenge import build_items

SETS = {"challenge": evaluate.CHALLENGE_FILE, **{n: p for n, p in evaluate.HELDOUT_FILES.items() if p.is_file()}}


@pytest.fixture(scope="module", params=sorted(SETS))
def scored(request) -> tuple[str, pd.DataFrame, pd.DataFrame, dict]:
    items = pd.read_csv(SETS[request.param], dtype=str, keep_default_na=False)
    families, extra = evaluate.evaluate_challenge(SETS[request.param])
    return request.param, items, families, extra


def test_the_challenge_csv_is_what_its_script_writes(tmp_path):
    assert build_items.write(tmp_path / "requests.csv").read_text() == evaluate.CHALLENGE_FILE.read_text()


def test_items_are_well_formed(scored):
    name, items, _, _ = scored
    assert len(items) >= (200 if name == "challenge" else 60) and items["item_id"].is_unique
    codebook = load_codebook()
    positive = items[items["expect"] == "request"]
    for column in ("requester", "addressee"):
        ids = set(positive[column]) - {""}
        assert all(i in codebook.actors or is_provisional(i) for i in ids), (column, ids - set(codebook.actors))
    assert set(positive["request_type"]) <= set(codebook.request_types)
    assert (items.loc[items["expect"] == "none", ["requester", "addressee", "request_type"]] == "").all().all()
    families = set(items["family"])
    assert {"negation", "hypothetical", "appeal by Russia", "look-alike", "invariance: unknown name"} <= families


def _words(text: str, aliases: list[str]) -> list[str]:
    """The words of ``text``, with every codebook alias taken out (names are shared, sentences must not be)."""
    for alias in aliases:
        text = re.sub(rf"(?<!\w){re.escape(alias)}(?!\w)", " ", text, flags=re.IGNORECASE)
    return re.findall(r"\w+", text.lower())


def test_no_item_copies_the_seeds(scored):
    """No run of eight words, names aside, in common with the seeds."""
    _, items, _, _ = scored
    aliases = sorted({a.text for a in load_codebook().aliases}, key=len, reverse=True)
    seeds = " ".join(p.read_text(encoding="utf-8") for p in (config.DATA_DIR / "raw").glob("*.txt"))
    words = _words(seeds, aliases)
    shingles = {" ".join(words[i:i + 8]) for i in range(len(words) - 7)}
    for item in items.itertuples():
        text = _words(item.text, aliases)
        assert not {" ".join(text[i:i + 8]) for i in range(len(text) - 7)} & shingles, item.item_id


UNTUNED = "heldout-3"  # the rules were never revised on it: its first-run figures are a floor, not a target


def test_requests_are_found_and_coded_right(scored):
    name, _, families, extra = scored
    summary = evaluate.challenge_summary(families, extra, name)
    if name == UNTUNED:
        first = evaluate.first_runs().set_index("set").loc[name]
        assert summary[f"{name}_precision"] >= first["precision"] and summary[f"{name}_recall"] >= first["recall"]
        assert summary[f"{name}_false_on_negative"] <= first["false_on_negative"]
    else:
        assert summary[f"{name}_precision"] >= 0.95 and summary[f"{name}_recall"] >= 0.95, families
        assert summary[f"{name}_false_on_negative"] <= 1, families[families["expect"] == "none"]
    assert summary[f"{name}_invariance"] == 1.0


def test_every_construction_family_is_recalled(scored):
    name, _, families, _ = scored
    positive = families[families["expect"] == "request"]
    if name != UNTUNED:
        assert (positive["recall"] >= 0.8).all(), positive[positive["recall"] < 0.8]
