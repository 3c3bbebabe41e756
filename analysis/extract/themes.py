"""Tag paragraphs with themes from the codebook's cues.

A paragraph carries a theme when any of the theme's cues occurs in it as whole
words (``*`` matches any word ending: ``terror*`` covers terrorism and
terrorists). Each (paragraph, theme) pair is reported once, with the first cue
that matched, so a reader can see why.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.corpus.paragraphs import Paragraph
from analysis.corpus.textnorm import fold_for_matching, ignorecase_key
from analysis.extract.codebook import Codebook, cue_pattern, cue_words, may_match

SKIPPED_SEGMENTS = ("boilerplate",)


@dataclass(frozen=True)
class ThemeTag:
    """One theme found in one paragraph."""

    doc_id: str
    para_id: str
    theme: str
    cue: str
    segment: str


def extract_themes(paragraphs: list[Paragraph], codebook: Codebook) -> list[ThemeTag]:
    """Themes of every non-chrome paragraph, in paragraph then codebook order."""
    patterns = [(theme_id, cue_pattern(theme["cues"]), cue_words(tuple(theme["cues"])))
                for theme_id, theme in codebook.themes.items()]
    tags = []
    for para in paragraphs:
        if para.segment in SKIPPED_SEGMENTS:
            continue
        text = fold_for_matching(para.text)
        key = ignorecase_key(text)
        for theme_id, pattern, words in patterns:
            match = pattern.search(text) if may_match(words, key) else None
            if match:
                tags.append(ThemeTag(para.doc_id, para.para_id, theme_id, para.text[match.start():match.end()],
                                     para.segment))
    return tags
