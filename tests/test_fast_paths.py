"""The shortcuts taken for speed change no result (hypothesis against the slow, obvious way).

Profiling the export on synthetic corpora (benchmarks/) led to four shortcuts:
skipping a regex when a substring test shows it cannot match (request cues, theme
cues, date patterns) and grouping the alias alternation by first letter. Each is
checked here against the plain scan on text built to stress it: the cue words in
random case, the characters re.IGNORECASE treats specially (Kelvin sign, long s,
Turkish dotted and dotless i), homoglyphs and line breaks. Issue 15 added four more,
tested the same way at the end: a title-word test before the provisional-actor
patterns, words per request frame, the abbreviation test without a regex over the
text before the stop, and mentions within a span found by bisection.
"""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus.paragraphs import Paragraph
from analysis.corpus.textnorm import fold_for_matching, ignorecase_key
from analysis.extract import dates, sentences
from analysis.extract.codebook import cue_pattern, cue_words, load_codebook, may_match
from analysis.extract.mentions import _alternative, matcher_for
from analysis.extract.requests import coding as requests

CODEBOOK = load_codebook()
CUE_SETS = [tuple(t["cues"]) for t in CODEBOOK.themes.values()] + [
    tuple(t["cues"]) for t in CODEBOOK.request_types.values() if t.get("cues")]
WORDS = sorted({w for cues in CUE_SETS for cue in cues for w in re.split(r"[\s*]", cue) if w}
               | {"called on", "asked for", "request", "needed", "requires", "we want", "hoped", "invited",
                  "Russia's", "to help", "January 5", "On Monday", "last week", "the 1990s", "2016",
                  "the following day", "Marshal Khalifa Haftar", "Haftar", "al-Sarraj", "UN", "Moscow"})
ODD = st.sampled_from(["\u212a", "\u017f", "\u0130", "\u0131", "\u0410", "\n", " ", "-", "’s", ".", ",", "\xa0"])


def _recase(word: str, flips: list[bool]) -> str:
    return "".join(c.upper() if flip else c for c, flip in zip(word, flips + [False] * len(word), strict=False))


PIECE = st.one_of(
    st.builds(_recase, st.sampled_from(WORDS), st.lists(st.booleans(), max_size=12)),
    ODD, st.text(max_size=6),
)
TEXT = st.lists(PIECE, max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=TEXT)
def test_request_cue_filter_skips_only_sentences_that_cannot_match(text):
    sentence = sentences.Sentence(0, len(text), text)
    if requests._candidates(text, sentence):
        assert requests.may_hold_a_cue(text)


@settings(max_examples=300, deadline=None)
@given(text=TEXT, which=st.integers(0, len(CUE_SETS) - 1))
def test_theme_cue_filter_never_hides_a_match(text, which):
    cues = CUE_SETS[which]
    folded = fold_for_matching(text)
    if cue_pattern(cues).search(folded):
        assert may_match(cue_words(cues), ignorecase_key(folded))


@settings(max_examples=200, deadline=None)
@given(text=TEXT.filter(lambda t: t.strip()))
def test_date_pattern_filter_finds_what_the_full_scan_finds(text):
    para = [Paragraph("doc-1", "doc-1-p001", 1, "body", text, 1, 1)]
    bounds = (dt.date(2016, 5, 9), dt.date(2016, 5, 15))
    filtered = dates.extract_dates(para, bounds)
    saved = dates.PATTERNS
    dates.PATTERNS = [(kind, pattern, ("",)) for kind, pattern, _ in saved]  # "" is in every text
    try:
        assert dates.extract_dates(para, bounds) == filtered
    finally:
        dates.PATTERNS = saved


@settings(max_examples=300, deadline=None)
@given(text=TEXT, published=st.sampled_from([None, (dt.date(2016, 5, 9), dt.date(2016, 5, 15)),
                                             (dt.date(2021, 4, 16), dt.date(2021, 4, 16))]))
def test_grouped_alias_pattern_matches_like_the_plain_alternation(text, published):
    matcher = matcher_for(CODEBOOK, published)
    ordered = sorted((a for a in CODEBOOK.aliases if a.applies(published)), key=lambda a: (-len(a.text), a.text))
    plain = re.compile(r"(?<!\w)(?:" + "|".join(_alternative(a) for a in ordered) + r")(?!\w)", re.IGNORECASE)
    folded = fold_for_matching(text)
    assert [m.span() for m in matcher.pattern.finditer(folded)] == [m.span() for m in plain.finditer(folded)]


TRICKY_STARTS = ["UN", " UN", "\tNATO", "ßtest", "ẞTEST", "ﬁrm", "Kremlin", "\u212aGB", "kgb", "ıslam", "İzmir",
                 "Islam", "Сomment", "al-Sarraj", "Al Sarraj", "µ-unit", "Μu", "ſtate", "state"]


@settings(max_examples=300, deadline=None)
@given(chosen=st.lists(st.sampled_from(TRICKY_STARTS), min_size=1, max_size=8, unique=True),
       exact=st.lists(st.booleans(), min_size=8, max_size=8),
       text=st.lists(st.one_of(st.sampled_from(TRICKY_STARTS).map(str.upper), st.sampled_from(TRICKY_STARTS),
                               st.sampled_from([" ", ".", "-", "x"])), max_size=12).map("".join))
def test_grouping_by_first_letter_is_safe_for_odd_first_letters(chosen, exact, text):
    """Aliases starting with a space, a ligature, ß/ẞ, the Kelvin sign or a Turkish i (found in review)."""
    from analysis.extract.codebook import Alias
    from analysis.extract.mentions import _compile

    aliases = tuple(Alias(t, "x", exact_case=e) for t, e in zip(chosen, exact, strict=False))
    ordered = sorted(aliases, key=lambda a: (-len(a.text), a.text))
    plain = re.compile(r"(?<!\w)(?:" + "|".join(_alternative(a) for a in ordered) + r")(?!\w)", re.IGNORECASE)
    folded = fold_for_matching(text)
    assert [m.span() for m in _compile(aliases).pattern.finditer(folded)] == [m.span() for m in plain.finditer(folded)]


# Issue 15's shortcuts, each against the slow way it replaced.
TITLE_WORDS = ["minister", "Foreign Minister", "defenceminister", "spokesman", "spokesperson", "envoy", "general",
               "MP", "king", "Kingdom", "aide", "aides", "commander-in-chief", "official", "who heads", "who",
               "Omar Zintani", "Karim Obeidi", "Stephane Dujarric", "al-Mismari", ",", ", ", "an", "the", "UN"]
TITLED = st.lists(st.one_of(st.builds(_recase, st.sampled_from(TITLE_WORDS), st.lists(st.booleans(), max_size=12)),
                            ODD), max_size=24).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(TITLED, TEXT))
def test_title_prefilter_skips_only_paragraphs_without_a_match(text):
    from analysis.extract import provisional

    kept = provisional._patterns_for(text)
    for pattern in (provisional.TITLE_BEFORE, provisional.TITLE_AFTER, provisional.ROLE_CLAUSE):
        if pattern.search(text):
            assert pattern in kept, (pattern.pattern[:40], text)


@settings(max_examples=300, deadline=None)
@given(text=TEXT)
def test_frame_words_skip_only_frames_that_cannot_match(text):
    from analysis.extract.requests.patterns import FRAME_WORDS, FRAMES

    folded = ignorecase_key(text)
    for frame, pattern in FRAMES:
        if frame in FRAME_WORDS and pattern.search(text):
            assert any(word in folded for word in FRAME_WORDS[frame]), (frame, text)


def _abbreviation_by_regex(text: str, stop: int) -> bool:
    """The test as it was: a regex for the word before the full stop, over the whole text before it."""
    if text[stop] != ".":
        return False
    word = re.search(r"([\w.]+)$", text[:stop])
    if not word:
        return False
    token = word.group(1).lower().strip(".")
    return token in sentences.ABBREVIATIONS or (len(token) == 1 and token.isalpha())


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab.GenU.SDr \n\t_-é1٣Ⅳ")), max_size=16))
def test_abbreviation_scan_agrees_with_the_regex(text):
    for stop, char in enumerate(text):
        if char == ".":
            assert sentences._is_abbreviation(text, stop) == _abbreviation_by_regex(text, stop), (text, stop)


@settings(max_examples=200, deadline=None)
@given(spans=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=12),
       start=st.integers(0, 70), length=st.integers(0, 70))
def test_mentions_in_a_span_by_bisection_are_the_scanned_ones(spans, start, length):
    from analysis.extract.mentions import Mention
    from analysis.extract.requests.model import Doc

    mentions = [Mention("d", "d-p001", "russia", "x" * n, s, s + n, "body") for s, n in spans]
    mentions.append(Mention("d", "d-p001", "sputnik", "Sputnik", 5, 12, "body"))  # media: left out
    mentions.sort(key=lambda m: m.start)
    doc = Doc(CODEBOOK, mentions, [])
    end = start + length
    scanned = [m for m in mentions if start <= m.start and m.end <= end and CODEBOOK.actor_type(m.actor_id) != "media"]
    assert doc.mentions_in("d-p001", start, end) == scanned

