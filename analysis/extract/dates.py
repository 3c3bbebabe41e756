"""Find date references in paragraphs and resolve them against the publication date.

Reporters write "on Monday", "On September 30", "In May 2014", "last week".
Each reference is resolved twice, against the earliest and the latest possible
publication date of its document, and kept at the finest precision on which both
agree: a day, else a week, else the ``range`` of days between the two (an ISO
interval, ``2016-05-07/2016-05-14``: "on Saturday" in an article of 9–15 May),
else a month or year, else ``unresolved`` with the reason. "The following day"
and "the day before" are resolved against the date reference before them in the
document, one day on or back.
Conventions: a weekday is the most recent such day on or before publication; a
month and day without a year is the most recent such date on or before it; a
month alone ("In February") the most recent such month.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from analysis.corpus.paragraphs import Paragraph

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_M = "(?P<month>" + "|".join(m.capitalize() for m in MONTHS) + ")"
_W = "(?:" + "|".join(w.capitalize() for w in WEEKDAYS) + ")"
_MONTH_WORDS = tuple(m.capitalize() for m in MONTHS)
_WEEKDAY_WORDS = tuple(w.capitalize() for w in WEEKDAYS)
# (kind, pattern, words one of which every match contains): a paragraph containing
# none of the words is not scanned by that pattern, which saves most of the time.
PATTERNS = [  # most specific first; a span is taken by the first pattern that matches it
    ("day_month_year", re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_M}\s+(?P<year>(?:19|20)\d\d)\b"), _MONTH_WORDS),
    ("month_day_year", re.compile(rf"\b{_M}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b"), _MONTH_WORDS),
    ("month_day", re.compile(rf"\b{_M}\s+(?P<day>\d{{1,2}})\b(?!,?\s+\d)"), _MONTH_WORDS),
    ("month_year", re.compile(rf"\b{_M}\s+(?P<year>(?:19|20|21)\d\d)\b"), _MONTH_WORDS),
    ("in_month", re.compile(rf"\b[Ii]n\s+{_M}\b"), _MONTH_WORDS),
    ("weekday", re.compile(rf"\b(?:[Oo]n\s+)?{_W}(?=\s+(?:morning|evening|night)\b)|\b[Oo]n\s+{_W}\b"), _WEEKDAY_WORDS),
    ("last_week", re.compile(r"\b[Ll]ast\s+week\b"), ("week",)),
    ("decade", re.compile(r"\bthe\s+(?P<decade>[1-9]0)s\b"), ("0s",)),
    ("year", re.compile(r"(?<![\d:/-])(?P<year>(?:19|20|21)\d\d)(?![\d:/-])"), ("19", "20", "21")),
    ("relative", re.compile(r"\bthe\s+following\s+day\b|\bthe\s+day\s+before\b"), ("following", "before")),
]


@dataclass(frozen=True)
class DateMention:
    """A date reference and what it resolves to."""

    doc_id: str
    para_id: str
    surface: str
    resolved_date: str | None
    precision: str
    start: int
    end: int
    segment: str
    note: str | None = None


def _resolve_one(kind: str, match: re.Match[str], published: dt.date) -> tuple[dt.date, str] | None:
    """Resolve against one publication date: (date, precision) or None."""
    groups = match.groupdict()
    month = MONTHS.index(groups["month"].lower()) + 1 if groups.get("month") else None
    if kind in ("day_month_year", "month_day_year"):
        return dt.date(int(groups["year"]), month, int(groups["day"])), "day"
    if kind == "month_day":
        candidate = dt.date(published.year, month, int(groups["day"]))
        return (candidate if candidate <= published else candidate.replace(year=published.year - 1)), "day"
    if kind == "month_year":
        return dt.date(int(groups["year"]), month, 1), "month"
    if kind == "in_month":
        year = published.year if month <= published.month else published.year - 1
        return dt.date(year, month, 1), "month"
    if kind == "weekday":
        weekday = WEEKDAYS.index(match.group(0).split()[-1].lower())
        return published - dt.timedelta(days=(published.weekday() - weekday) % 7), "day"
    if kind == "last_week":
        monday = published - dt.timedelta(days=published.weekday())
        return monday - dt.timedelta(days=7), "week"
    if kind == "year":
        return dt.date(int(groups["year"]), 1, 1), "year"
    if kind == "decade":
        return dt.date(1900 + int(groups["decade"]), 1, 1), "decade"
    return None


RANGE_DAYS = 31  # a range of days narrower than this is kept as a range, not coarsened to a month


def _coarsen(a: tuple[dt.date, str], b: tuple[dt.date, str]) -> tuple[str | None, str]:
    """The finest precision on which two resolutions agree, as (ISO text, precision)."""
    (da, pa), (db, _) = a, b
    if da == db:
        return {"day": da.isoformat(), "week": da.isoformat(), "month": da.isoformat()[:7],
                "year": da.isoformat()[:4], "decade": f"{da.year}s"}[pa], pa
    if pa == "day" and 0 < (db - da).days < RANGE_DAYS:
        return f"{da.isoformat()}/{db.isoformat()}", "range"
    if (da.year, da.month) == (db.year, db.month):
        return da.isoformat()[:7], "month"
    if da.year == db.year:
        return str(da.year), "year"
    return None, "unresolved"


Resolution = tuple[str | None, str, str | None]


def resolve(kind: str, match: re.Match[str], bounds: tuple[dt.date, dt.date] | None) -> Resolution:
    """(resolved ISO text, precision, note) for one match in a document published within ``bounds``."""
    if kind == "relative":
        return None, "unresolved", "relative to another event in the text, not to the publication date"
    absolute = kind in ("day_month_year", "month_day_year", "month_year", "year", "decade")
    if bounds is None and not absolute:
        return None, "unresolved", "the document's publication date is unknown"
    try:
        early = _resolve_one(kind, match, bounds[0] if bounds else dt.date.min)
        late = _resolve_one(kind, match, bounds[1] if bounds else dt.date.min)
    except ValueError:
        return None, "unresolved", "not a valid calendar date"
    text, precision = _coarsen(early, late)
    note = None
    if precision == "unresolved":
        note = "the publication date range allows more than a year"
    elif text and bounds and early[0] > bounds[1]:
        note = "after the publication date: a future event or a typo"
    elif precision != early[1]:
        note = f"resolved to {precision} only: the publication date is known to a range"
    return text, precision, note


def shift(resolved: str, days: int) -> str:
    """A day or an ISO interval of days, moved by ``days``."""
    return "/".join((dt.date.fromisoformat(part) + dt.timedelta(days=days)).isoformat()
                    for part in resolved.split("/"))


def _relative(found: list[DateMention], mention: DateMention, order: dict[str, int]) -> DateMention:
    """Resolve "the following day" / "the day before" against the day or range referenced before it."""
    here = (order[mention.para_id], mention.start)
    anchors = [m for m in found if m.precision in ("day", "range") and (order[m.para_id], m.start) < here]
    if not anchors:
        return mention
    anchor = max(anchors, key=lambda m: (order[m.para_id], m.start))
    days = 1 if "following" in mention.surface else -1
    return DateMention(**{**mention.__dict__, "resolved_date": shift(anchor.resolved_date, days),
                          "precision": anchor.precision,
                          "note": f"relative to '{anchor.surface}' in {anchor.para_id}"})


def extract_dates(paragraphs: list[Paragraph], bounds: tuple[dt.date, dt.date] | None) -> list[DateMention]:
    """All date references in ``paragraphs`` (one document) except site chrome, in text order."""
    found = sorted(_find(paragraphs, bounds), key=lambda d: (d.para_id, d.start))
    order = {p.para_id: p.position for p in paragraphs}
    resolved: list[DateMention] = []
    for mention in found:
        resolved.append(_relative(resolved, mention, order) if mention.surface.lower().startswith("the ")
                        and mention.precision == "unresolved" and "relative" in (mention.note or "") else mention)
    return resolved


def _find(paragraphs: list[Paragraph], bounds: tuple[dt.date, dt.date] | None) -> list[DateMention]:
    found = []
    for para in paragraphs:
        if para.segment == "boilerplate":
            continue
        taken: list[tuple[int, int]] = []
        present: dict[tuple[str, ...], bool] = {}  # five patterns share the month words: test them once
        for kind, pattern, words in PATTERNS:
            if words not in present:
                present[words] = any(word in para.text for word in words)
            if not present[words]:
                continue
            for match in pattern.finditer(para.text):
                if any(match.start() < end and start < match.end() for start, end in taken):
                    continue
                taken.append(match.span())
                text, precision, note = resolve(kind, match, bounds)
                found.append(DateMention(para.doc_id, para.para_id, match.group(0), text, precision,
                                         match.start(), match.end(), para.segment, note))
    return found
