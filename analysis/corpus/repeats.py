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

from collections import Counter
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cached_property
from typing import TYPE_CHECKING

from analysis.corpus.textnorm import match_key

if TYPE_CHECKING:
    from analysis.corpus.paragraphs import Paragraph

NEAR_RATIO = 0.8
MIN_CONTAINED = 40
FAMILY = {"headline": "article", "standfirst": "article", "body": "article", "caption": "article",
          "comment": "comment", "boilerplate": "chrome"}


@dataclass
class _Key:
    """A paragraph's match key with its words and word set, computed once, not once per pair."""

    text: str
    words: list[str]
    vocabulary: frozenset[str]

    @classmethod
    def of(cls, text: str) -> _Key:
        key = match_key(text)
        words = key.split()
        return cls(key, words, frozenset(words))

    @cached_property
    def counts(self) -> Counter[str]:
        """Word counts, only for the few pairs that pass the cheaper tests."""
        return Counter(self.words)


def repeat_kind(later: str, earlier: str) -> str | None:
    """How ``later`` repeats ``earlier`` (both raw paragraph texts), or None if it does not."""
    return _repeat_kind(_Key.of(later), _Key.of(earlier))


def _repeat_kind(later: _Key, earlier: _Key) -> str | None:
    """The test behind :func:`repeat_kind`, on precomputed keys.

    The near test compares word sequences, not characters: a paragraph has ~50
    words but ~300 characters, and difflib is quadratic in the worst case (it
    dominated the export's profile). Two cheap bounds reject most pairs first.
    """
    if later.text == earlier.text:
        return "exact"
    if len(later.text) >= MIN_CONTAINED and later.text in earlier.text:
        return "contained"
    shorter, longer = sorted((len(later.words), len(earlier.words)))
    if not longer or 2 * shorter / (shorter + longer) < NEAR_RATIO:
        return None  # the ratio can never reach the threshold with such different lengths
    shared = len(later.vocabulary & earlier.vocabulary)
    if 2 * shared / (len(later.vocabulary) + len(earlier.vocabulary)) < NEAR_RATIO - 0.1:
        return None  # too few shared words for the sequences to match well
    if 2 * (later.counts & earlier.counts).total() / (shorter + longer) < NEAR_RATIO:
        return None  # difflib's quick_ratio, an upper bound of its ratio, computed without difflib
    if SequenceMatcher(None, later.words, earlier.words, autojunk=False).ratio() >= NEAR_RATIO:
        return "near"
    return None


def mark_repeats(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Return the paragraphs with ``repeat_of``/``repeat_kind`` set where they repeat an earlier one."""
    keys = [_Key.of(p.text) for p in paragraphs]
    families = [FAMILY[p.segment] for p in paragraphs]
    marked: list[Paragraph] = []
    for i, para in enumerate(paragraphs):
        if keys[i].text:
            for j in range(i):
                if families[j] != families[i]:
                    continue
                kind = _repeat_kind(keys[i], keys[j])
                if kind:
                    para = replace(para, repeat_of=paragraphs[j].para_id, repeat_kind=kind)
                    break
        marked.append(para)
    return marked
