"""Find actor mentions in paragraphs, with character offsets, through the codebook.

A mention is an occurrence of an alias as whole words (hyphens count as word
boundaries, so "Russia-friendly" mentions Russia). At any position the longest
alias wins ("Marshal Khalifa Haftar" over "Haftar"). Matching folds homoglyphs
and curly quotes one character for one, so offsets always point into the
stored paragraph text: ``text[start:end] == surface``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.corpus.paragraphs import Paragraph
from analysis.corpus.textnorm import fold_for_matching, ignorecase_key
from analysis.extract.codebook import Alias, Codebook


@dataclass(frozen=True)
class Mention:
    """One occurrence of an actor (or of an ambiguous cue, then ``actor_id`` is None)."""

    doc_id: str
    para_id: str
    actor_id: str | None
    surface: str
    start: int
    end: int
    segment: str
    note: str | None = None


@dataclass(frozen=True)
class AliasMatcher:
    """A compiled alternation of the aliases valid for one publication period."""

    pattern: re.Pattern[str]
    exact: dict[str, Alias]
    folded: dict[str, Alias]

    def resolve(self, surface: str) -> Alias:
        key = _key(surface)
        return self.exact.get(surface) or self.exact.get(key) or self.folded[ignorecase_key(key)]


def _key(text: str) -> str:
    return " ".join(fold_for_matching(text).split())


def _alternative(alias: Alias) -> str:
    body = r"\s+".join(re.escape(fold_for_matching(word)) for word in alias.text.split())
    return f"(?-i:{body})" if alias.exact_case else body


@lru_cache(maxsize=64)
def _compile(aliases: tuple[Alias, ...]) -> AliasMatcher:
    """One pattern for all aliases: longest first, grouped by first letter behind a lookahead.

    The grouping changes no match (only aliases sharing a first letter, up to
    case, can match at the same place, and each group keeps the longest-first
    order), but the regex engine no longer tries ~150 alternatives at every
    position: it made alias matching three times faster on the benchmark corpus.
    """
    ordered = sorted(aliases, key=lambda a: (-len(a.text), a.text))
    groups: dict[str, tuple[set[str], list[str]]] = {}
    for alias in ordered:
        first = fold_for_matching(alias.text.split()[0])[0]  # the first character the pattern matches
        firsts, alternatives = groups.setdefault(_group_of(first), (set(), []))
        firsts.add(first)
        alternatives.append(_alternative(alias))
    alternatives = "|".join(
        f"(?=[{''.join(re.escape(c) for c in sorted(firsts))}])(?:{'|'.join(group)})"
        for _, (firsts, group) in sorted(groups.items()))
    pattern = re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)", re.IGNORECASE)
    exact = {_key(a.text): a for a in ordered if a.exact_case}
    folded = {ignorecase_key(_key(a.text)): a for a in ordered if not a.exact_case}
    return AliasMatcher(pattern, exact, folded)


def _group_of(first: str) -> str:
    """One key for first letters that ``re.IGNORECASE`` may treat as equal (K, k and the Kelvin
    sign; ß and ẞ), so aliases that can match at the same place share a group and keep
    their longest-first order. The lookahead itself uses the letters as written."""
    key = ignorecase_key(first)
    return key if len(key) == 1 else first.lower()


def matcher_for(codebook: Codebook, published: tuple[dt.date, dt.date] | None) -> AliasMatcher:
    """The alias matcher for a document published within ``published`` (memoised on the codebook:
    choosing the valid aliases for every document cost 5% of the export)."""
    key = ("alias matcher", published)
    if key not in codebook.memo:
        codebook.memo[key] = _compile(tuple(a for a in codebook.aliases if a.applies(published)))
    return codebook.memo[key]


def extract_mentions(paragraphs: list[Paragraph], codebook: Codebook,
                     published: tuple[dt.date, dt.date] | None) -> list[Mention]:
    """All mentions in ``paragraphs`` (one document), in text order."""
    matcher = matcher_for(codebook, published)
    mentions = []
    for para in paragraphs:
        for match in matcher.pattern.finditer(fold_for_matching(para.text)):
            surface = para.text[match.start():match.end()]
            alias = matcher.resolve(surface)
            actor_id, note = alias.actor_id, alias.reason
            override = codebook.overrides.get((para.para_id, surface))
            if override is not None:
                actor_id, note = override.get("actor_id"), override.get("reason")
            mentions.append(Mention(para.doc_id, para.para_id, actor_id, surface, match.start(), match.end(),
                                    para.segment, note))
    return mentions


def by_paragraph(mentions: list[Mention], resolved_only: bool = False) -> dict[str, list[Mention]]:
    """Mentions grouped by para_id (text order kept), for lookups that would otherwise scan them all."""
    index: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.actor_id or not resolved_only:
            index.setdefault(mention.para_id, []).append(mention)
    return index
