"""Split each document into paragraphs and label what each paragraph is.

A paragraph is one non-empty line of the raw file, except in a comment thread
whose comments begin with a marker (Sputnik's ``•``): there a comment and its
continuation lines form one paragraph. Each paragraph gets one segment label:

``headline``, ``standfirst``, ``body``, ``caption``, ``comment``, ``boilerplate``.

Labels come from the document's hints in ``sources.yml`` (zones such as "the
reader comments start here") and from general rules that hold across outlets
(photo credits, share buttons, login forms). Hints that match nothing are an
error, not a silent no-op. Reader comments are only ever labelled inside the
comment zone, so reporting is never mixed with readers' opinions.

Without a ``comments_start`` hint, the comment zone starts after a thread
heading ("Comments", "12 comments", "Leave a Reply", "Join the discussion",
"3 responses to …"); inside it, reply buttons, timestamps ("2 years ago",
"March 3, 2019 at 5:42 pm") and avatar placeholders are chrome, not comments.
A page that shows such thread lines but no heading is left as it is, and
:func:`thread_warnings` says which hint to add (``python -m analysis validate``
prints it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.corpus.load import Document
from analysis.corpus.paragraphs import Paragraph
from analysis.corpus.repeats import mark_repeats
from analysis.corpus.textnorm import fold_homoglyphs
from analysis.errors import CorpusError

SEGMENTS = ("headline", "standfirst", "body", "caption", "comment", "boilerplate")

# Site chrome common to news sites, matched on the whole stripped line (after
# homoglyph folding: seed 000 writes "Comment" with a Cyrillic "С").
BOILERPLATE_RULES = tuple(
    re.compile(rule, re.IGNORECASE)
    for rule in (
        r"home\s*/.*",                               # breadcrumb
        r"\d{1,2}:\d{2}\s*GMT.*",                    # Sputnik dateline
        r"\(author:.*\)",                            # byline
        r"originally appeared at\b.*",               # republication credit
        r"•?\s*comment",                             # comment tab
        r"(get short url|leave your vote|check also|log in|forgot password\?|privacy policy"
        r"|add to collection|no collections|related topics|related articles|back to top button"
        r"|all comments|community standards.*|comment via .*|show new comments.*|share|print)",
    )
)
# A heading that opens a reader-comment thread (whole line, homoglyphs folded). "Comment" alone is a
# button on many pages (Sputnik's tab), so the heading must be plural, counted or a call to reply.
THREAD_HEADING = re.compile(
    r"(?:\d+\s+)?(?:reader\s+)?comments(?:\s*\(\d+\))?:?|\d+\s+comment|leave\s+a\s+(?:reply|comment)"
    r"|add\s+(?:a|your)\s+comment|join\s+the\s+(?:discussion|conversation)|have\s+your\s+say"
    r"|(?:\d+|one|two|three)\s+(?:responses?|replies|thoughts)\s+(?:to|on)\b.*", re.IGNORECASE)
NO_THREAD = re.compile(r"(?:0|no)\s+comments?(?:\s+yet)?|comments\s+are\s+closed.*", re.IGNORECASE)
# Lines of a comment thread that are its chrome: buttons, timestamps, avatars, "X says:".
THREAD_CHROME = re.compile(
    r"(?:reply|report|like|flag|avatar|share|permalink|show\s+(?:more\s+)?replies|load\s+more\s+comments"
    r"|\d+\s+(?:likes?|replies|points?)|(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago"
    r"|(?:\w+\s+)?\d{1,2},?\s+\w+\s+\d{4}(?:,|\s+at)\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?"
    r"|\w+\s+\d{1,2},\s+\d{4}(?:,|\s+at)\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?"
    r"|[\w .'-]{1,40}\s+says:)", re.IGNORECASE)
CAPTION_RULES = (
    re.compile(r"©.*"),                              # photo credit
    re.compile(r".*\bPhoto:\s*[\w .-]{1,40}"),       # caption ending in a photo credit
)


@dataclass
class _Unit:
    line_start: int
    line_end: int
    text: str
    segment: str = "body"


def segment_document(doc: Document) -> list[Paragraph]:
    """Split ``doc`` into labelled paragraphs, repeats marked (see module docstring)."""
    hints = doc.source.hints
    units = [_Unit(n, n, line.strip()) for n, line in enumerate(doc.text.split("\n"), 1) if line.strip()]
    thread_start = _find(doc, units, "comments_start")
    if thread_start is None and "comments_start" not in hints:
        heading = _thread_heading(units)
        if heading is not None:
            units[heading].segment = "boilerplate"
            thread_start = heading + 1
    thread_start = len(units) if thread_start is None else thread_start
    body_ends = _find(doc, units, "body_ends")
    article_end = min(thread_start, len(units) if body_ends is None else body_ends)
    for unit in units[:article_end]:
        if unit.segment == "body":  # a thread heading is already chrome
            unit.segment = _classify(unit.text, doc)
    for unit in units[article_end:thread_start]:
        unit.segment = "boilerplate"  # related links, tags, share and login forms
    units = units[:thread_start] + _group_comments(units[thread_start:], hints)
    _check_hints_used(doc, units)
    paragraphs = [
        Paragraph(doc.id, f"{doc.id}-p{i:03d}", i, u.segment, u.text, u.line_start, u.line_end)
        for i, u in enumerate(units, 1)
    ]
    return mark_repeats(paragraphs)


def segment_corpus(documents: tuple[Document, ...] | list[Document]) -> list[Paragraph]:
    """Segment every document, in corpus order."""
    return [p for doc in documents for p in segment_document(doc)]


def _classify(text: str, doc: Document) -> str:
    """Label one paragraph of the article zone (before related links and comments)."""
    hints = doc.source.hints
    if text == hints.get("headline", doc.source.title):
        return "headline"
    if text == hints.get("standfirst"):
        return "standfirst"
    folded = fold_homoglyphs(text)
    if any(text.startswith(c) for c in hints.get("captions", [])) or _matches(CAPTION_RULES, text):
        return "caption"
    if any(text.startswith(b) for b in hints.get("boilerplate", [])) or _matches(BOILERPLATE_RULES, folded):
        return "boilerplate"
    return "body"


def _matches(rules: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(rule.fullmatch(text) for rule in rules)


def _find(doc: Document, units: list[_Unit], hint: str) -> int | None:
    """Index of the first paragraph starting with the hint's text; error if the hint matches none."""
    prefix = doc.source.hints.get(hint)
    if prefix is None:
        return None
    for index, unit in enumerate(units):
        if unit.text.startswith(prefix):
            return index
    raise _unmatched(doc, hint, prefix)


def _thread_heading(units: list[_Unit]) -> int | None:
    """Index of the heading that opens a comment thread (after the first line), or None.

    The heading counts only if a line that is not chrome follows it: "Comments" over related links
    and a login form is a menu, not a thread.
    """
    for index in range(1, len(units)):
        folded = fold_homoglyphs(units[index].text)
        if THREAD_HEADING.fullmatch(folded) and not NO_THREAD.fullmatch(folded):
            rest = [fold_homoglyphs(u.text) for u in units[index + 1:]]
            if any(not _is_chrome(line) for line in rest):
                return index
    return None


def _is_chrome(text: str) -> bool:
    return _matches(BOILERPLATE_RULES, text) or bool(THREAD_CHROME.fullmatch(text)) or bool(NO_THREAD.fullmatch(text))


def thread_warnings(doc: Document, paragraphs: list[Paragraph]) -> list[str]:
    """One line if ``doc`` shows comment-thread lines but no comment zone was found: which hint to add."""
    if any(p.segment == "comment" for p in paragraphs) or "comments_start" in doc.source.hints:
        return []
    lines = [p for p in paragraphs if THREAD_CHROME.fullmatch(fold_homoglyphs(p.text)) and p.position > 1]
    if len(lines) < 2:
        return []
    first = lines[0]
    following = next((p for p in paragraphs if p.position > first.position and p.segment == "body"), None)
    example = f' "{following.text[:30]}"' if following else ' "<opening words of the first comment>"'
    return [f"{doc.path}, line {first.line_start}: looks like a reader-comment thread ('{first.text[:30]}') but "
            f"no comment zone was found; add to entry '{doc.id}' in sources.yml: segmentation: comments_start:"
            f"{example}"]


def _group_comments(thread: list[_Unit], hints: dict) -> list[_Unit]:
    """Label the comment zone; with a marker, join each comment's lines into one paragraph.

    Thread chrome (reply buttons, timestamps, avatars) is boilerplate, never a comment.
    """
    marker = hints.get("comment_marker")
    continues = tuple(hints.get("comment_continues", []))
    grouped: list[_Unit] = []
    for unit in thread:
        folded = fold_homoglyphs(unit.text)
        if continues and unit.text.startswith(continues) and grouped and grouped[-1].segment == "comment":
            last = grouped[-1]  # a line the capture split off the comment before it
            grouped[-1] = _Unit(last.line_start, unit.line_end, f"{last.text}\n{unit.text}", "comment")
            continue
        if _matches(BOILERPLATE_RULES, folded) or (not marker and THREAD_CHROME.fullmatch(folded)):
            grouped.append(_Unit(unit.line_start, unit.line_end, unit.text, "boilerplate"))
        elif marker and not unit.text.startswith(marker) and grouped and grouped[-1].segment == "comment":
            last = grouped[-1]
            grouped[-1] = _Unit(last.line_start, unit.line_end, f"{last.text}\n{unit.text}", "comment")
        else:
            text = unit.text[len(marker):].strip() if marker and unit.text.startswith(marker) else unit.text
            grouped.append(_Unit(unit.line_start, unit.line_end, text, "comment"))
    return grouped


def _check_hints_used(doc: Document, units: list[_Unit]) -> None:
    """A hint that labels nothing is a typo or a stale hint: refuse it rather than ignore it."""
    hints = doc.source.hints
    labelled = {u.segment: u for u in units}
    for hint in ("headline", "standfirst"):
        if hint in hints and hint not in labelled:
            raise _unmatched(doc, hint, hints[hint])
    for hint, segment in (("captions", "caption"), ("boilerplate", "boilerplate")):
        for prefix in hints.get(hint, []):
            if not any(u.segment == segment and u.text.startswith(prefix) for u in units):
                raise _unmatched(doc, hint, prefix)
    for prefix in hints.get("comment_continues", []):
        if not any(u.segment == "comment" and f"\n{prefix}" in u.text for u in units):
            raise _unmatched(doc, "comment_continues", prefix)


def _unmatched(doc: Document, hint: str, text: str) -> CorpusError:
    short = text if len(text) <= 40 else text[:37] + "..."
    return CorpusError(
        doc.sources_path,
        f"segmentation hint '{hint}' ('{short}') matches no paragraph",
        "copy the paragraph's opening words exactly from the text file (headline and standfirst: the whole line)",
        f"entry '{doc.id}' (sources.yml line {doc.source.line})",
    )
