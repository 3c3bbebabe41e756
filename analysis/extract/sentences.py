"""Split a paragraph into sentences, with offsets: one splitter for every extractor.

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quote marks or
brackets after it) followed by white space and then something that can start a
sentence (a capital, a digit, an opening quote), or at the end of the
paragraph. It does not end after a title or an abbreviation that reporters put
before names and numbers ("Gen.", "Dr.", "U.S.", "No.", "Sept.") nor after a
single initial ("A. Photographer"). Offsets index the paragraph's text, so
``text[start:end]`` is the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj brig sgt capt cmdr adm gov sen rep st jr sr vs etc no nos fig "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp dept est approx u.s u.n u.k e.g i.e".split())
_END = re.compile(r"[.!?]+[”\"’')\]]*(?=\s+[“\"‘'(\[A-Z0-9]|\s*$)")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph: ``text == paragraph_text[start:end]``."""

    start: int
    end: int
    text: str


def _is_abbreviation(text: str, stop: int) -> bool:
    """True if the full stop at ``stop`` closes an abbreviation or an initial, not a sentence."""
    if text[stop] != ".":
        return False
    end = stop - 1 if text[stop - 1:stop] == "\n" else stop  # as ``$`` in ``[\w.]+$`` matches before a final newline
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_."):
        start -= 1  # the run of word characters and full stops before the mark (``\w`` is isalnum or "_")
    if start == end:
        return False
    token = text[start:end].lower().strip(".")
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


@lru_cache(maxsize=4096)
def stops(text: str) -> tuple[int, ...]:
    """The offsets of the punctuation marks (``.``, ``!``, ``?``) that end a sentence of ``text``."""
    return tuple(m.start() for m in _END.finditer(text) if not _is_abbreviation(text, m.start()))


@lru_cache(maxsize=4096)
def split(text: str) -> tuple[Sentence, ...]:
    """The sentences of ``text``, in order; white space between them belongs to none."""
    sentences, start = [], 0
    for match in _END.finditer(text):
        if _is_abbreviation(text, match.start()):
            continue
        end = match.end()
        _add(sentences, text, start, end)
        start = end
    _add(sentences, text, start, len(text))
    return tuple(sentences)


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))


def around(text: str, start: int, end: int) -> Sentence:
    """The sentence holding ``text[start:end]`` (the span may cross a boundary: then from the first to the last)."""
    parts = split(text)
    first = next((s for s in parts if s.end > start), parts[-1])
    last = next((s for s in reversed(parts) if s.start < end), first)
    return Sentence(first.start, max(first.end, last.end), text[first.start:max(first.end, last.end)])
