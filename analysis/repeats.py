"""Mark paragraphs that repeat an earlier one, instead of silently dropping them.

News pages repeat themselves: Sputnik prints its standfirst again as the first
body paragraph (seed 000), an AFP piece repeats its standfirst with more detail
(seed 004), a reader quotes the comment above (seed 002). A later paragraph is
marked ``repeat_of`` the earliest paragraph it repeats, with ``repeat_kind``:

* ``exact``: the same text once case, punctuation and spacing are ignored;
* ``contained``: its text (at least 40 characters) appears inside the earlier one;
* ``near``: a similarity ratio of at least 0.8 (difflib, over words), e.g. an expanded repeat.

Only paragraphs of the same family are compared (article text, comments or
chrome), so a headline is not "a repeat" of the breadcrumb that contains it.
"""

from __future__ import annotations

from dataclasses import replace
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from analysis.textnorm import match_key

if TYPE_CHECKING:
    from analysis.segment import Paragraph

NEAR_RATIO = 0.8
MIN_CONTAINED = 40
FAMILY = {"headline": "article", "standfirst": "article", "body": "article", "caption": "article",
          "comment": "comment", "boilerplate": "chrome"}


def repeat_kind(later: str, earlier: str) -> str | None:
    """How ``later`` repeats ``earlier`` (both match keys), or None if it does not.

    The near test compares word sequences, not characters: a paragraph has ~50
    words but ~300 characters, and difflib is quadratic in the worst case (it
    dominated the export's profile). Two cheap bounds reject most pairs first.
    """
    if later == earlier:
        return "exact"
    if len(later) >= MIN_CONTAINED and later in earlier:
        return "contained"
    words_a, words_b = later.split(), earlier.split()
    shorter, longer = sorted((len(words_a), len(words_b)))
    if not longer or 2 * shorter / (shorter + longer) < NEAR_RATIO:
        return None  # the ratio can never reach the threshold with such different lengths
    set_a, set_b = set(words_a), set(words_b)
    if 2 * len(set_a & set_b) / (len(set_a) + len(set_b)) < NEAR_RATIO - 0.1:
        return None  # too few shared words for the sequences to match well
    if SequenceMatcher(None, words_a, words_b, autojunk=False).ratio() >= NEAR_RATIO:
        return "near"
    return None


def mark_repeats(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Return the paragraphs with ``repeat_of``/``repeat_kind`` set where they repeat an earlier one."""
    keys = [match_key(p.text) for p in paragraphs]
    marked: list[Paragraph] = []
    for i, para in enumerate(paragraphs):
        for j in range(i):
            earlier = paragraphs[j]
            if FAMILY[earlier.segment] != FAMILY[para.segment] or not keys[i]:
                continue
            kind = repeat_kind(keys[i], keys[j])
            if kind:
                para = replace(para, repeat_of=earlier.para_id, repeat_kind=kind)
                break
        marked.append(para)
    return marked
