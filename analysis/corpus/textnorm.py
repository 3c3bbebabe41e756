"""Text normalisation used for matching, never for what is stored or shown.

Stored paragraph text is the raw line, stripped of indentation. Matching rules
(site chrome, repeated paragraphs) compare a folded form instead, so that a
Cyrillic "С" in "Сomment" (seed 000) or a curly apostrophe does not defeat them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Cyrillic and Greek letters that look like Latin ones: a scraped page may mix them.
_HOMOGLYPHS = str.maketrans(
    "АВЕКМНОРСТХУаеорсухіјѕԁԛԝΑΒΕΗΙΚΜΝΟΡΤΧΥΖον",
    "ABEKMHOPCTXYaeopcyxijsdqwABEHIKMNOPTXYZov",
)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"'})
_NON_WORD = re.compile(r"[^\w]+")


def fold_homoglyphs(text: str) -> str:
    """Replace look-alike Cyrillic and Greek letters with their Latin twins."""
    return text.translate(_HOMOGLYPHS)


def match_key(text: str) -> str:
    """A comparison key: NFKC, homoglyphs folded, case-folded, punctuation and spacing collapsed."""
    folded = fold_homoglyphs(unicodedata.normalize("NFKC", text)).translate(_QUOTES).casefold()
    return _NON_WORD.sub(" ", folded).strip()


@lru_cache(maxsize=1024)  # each extractor folds the same paragraph: fold it once per document
def fold_for_matching(text: str) -> str:
    """Homoglyphs and curly quotes folded, one character for one, so offsets are preserved."""
    return text.translate(_HOMOGLYPHS).translate(_QUOTES)


# The two characters that re.IGNORECASE equates with an ASCII letter but casefold() does not map onto it.
_DOTTED_I = str.maketrans({"\u0130": "i", "\u0131": "i"})


@lru_cache(maxsize=1024)
def ignorecase_key(text: str) -> str:
    """Text folded so that anything ``re.IGNORECASE`` could match to an ASCII word contains that word.

    Used to skip, with a plain substring test, regexes that cannot match: casefold()
    covers the Kelvin sign and the long s, the translation covers the Turkish i's.
    """
    return text.translate(_DOTTED_I).casefold()
