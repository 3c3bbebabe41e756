"""Validate the manifest: the metadata of every document in a corpus, entry by entry.

A corpus folder holds a manifest (``sources.yml``, or ``sources.jsonl`` for a
large corpus; read by :mod:`analysis.corpus.readers`) and the text files it
names. This module checks the metadata alone (fields, ids, dates);
:mod:`analysis.corpus.load` then checks the files. Every problem becomes a :class:`~analysis.errors.CorpusError`
that names the file, the entry's line and the field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.corpus.readers import LINE_KEY, manifest_entries, strip_lines
from analysis.errors import CorpusError

REQUIRED = ("id", "file", "title", "outlet", "published", "date_precision")
OPTIONAL = (
    "url", "authors", "language", "translation", "date_range", "date_evidence",
    "date_confidence", "sha256", "segmentation", "notes",
)
PRECISIONS = ("day", "month", "year", "unknown")
CONFIDENCES = ("high", "medium", "low")
HINT_KEYS = (
    "headline", "standfirst", "captions", "boilerplate", "body_ends",
    "comments_start", "comment_marker", "comment_continues",
)
LIST_HINTS = ("captions", "boilerplate", "comment_continues")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")
DATE_FORMATS = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
DATE_SHAPES = {"day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY"}


@dataclass(frozen=True)
class Source:
    """One document's metadata, validated.

    ``published`` is an ISO 8601 string at the stated precision (``2018-08-08``,
    ``2015-10`` or ``2016``) or ``None`` when the date is unknown. ``line`` is
    where the entry starts in ``sources.yml``, for error messages.
    """

    id: str
    file: str
    title: str
    outlet: str
    published: str | None
    date_precision: str
    line: int
    meta: dict[str, Any] = field(default_factory=dict)
    hints: dict[str, Any] = field(default_factory=dict)

    @property
    def date_range(self) -> tuple[dt.date, dt.date] | None:
        """The earliest and latest possible publication dates, if known."""
        return date_bounds(self)


def load_sources(path: Path) -> list[Source]:
    """Read the manifest (``sources.yml`` or ``sources.jsonl``) and return its validated entries, in file order."""
    sources: list[Source] = []
    seen_ids: dict[str, int] = {}
    seen_files: dict[str, int] = {}
    for index, entry in enumerate(manifest_entries(path), start=1):
        source = validate_entry(path, entry, index)
        for key, seen in (("id", seen_ids), ("file", seen_files)):
            value = getattr(source, key)
            if value in seen:
                raise CorpusError(
                    path, f"duplicate {key} '{value}' (first used at line {seen[value]})",
                    f"give each document its own {key}", f"line {source.line}",
                )
            seen[value] = source.line
        sources.append(source)
    if not sources:
        empty = "the 'documents:' list is empty" if path.suffix != ".jsonl" else "no entries"
        raise CorpusError(path, empty, "add at least one document")
    return sources


def validate_entry(path: Path, entry: Any, index: int) -> Source:
    """Check one ``documents:`` entry and build its :class:`Source`."""
    if not isinstance(entry, dict):
        raise CorpusError(path, f"document #{index} is not a mapping", "write it as 'key: value' lines")
    line = entry.pop(LINE_KEY, 0)
    label = f"line {line}, entry '{entry.get('id', f'#{index}')}'"
    missing = [key for key in REQUIRED if key not in entry]
    if missing:
        raise CorpusError(path, f"missing required field '{missing[0]}'", "add it", label)
    unknown = sorted(set(entry) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise CorpusError(
            path, f"unknown field '{unknown[0]}'", f"use one of: {', '.join(REQUIRED + OPTIONAL)}", label
        )
    for key in ("id", "file", "title", "outlet"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise CorpusError(path, f"field '{key}' must be non-empty text", "fill it in", label)
    if not ID_PATTERN.match(entry["id"]):
        raise CorpusError(
            path, f"field 'id': '{entry['id']}' is not a valid id",
            "use lower-case letters, digits and '-' (e.g. doc-005)", label,
        )
    _check_date(path, entry, label)
    hints = entry.get("segmentation") or {}
    _check_hints(path, hints, label)
    meta = {k: v for k, v in entry.items() if k not in REQUIRED}
    return Source(
        id=entry["id"], file=entry["file"], title=entry["title"].strip(),
        outlet=entry["outlet"].strip(), published=entry["published"],
        date_precision=entry["date_precision"], line=line, meta=strip_lines(meta), hints=strip_lines(hints),
    )


def _check_date(path: Path, entry: dict[str, Any], label: str) -> None:
    """Check ``published`` against ``date_precision`` and ``date_range``."""
    precision, published = entry["date_precision"], entry["published"]
    if precision not in PRECISIONS:
        raise CorpusError(
            path, f"field 'date_precision': '{precision}' is not allowed",
            f"use one of: {', '.join(PRECISIONS)}", label,
        )
    if precision == "unknown" or published is None:
        if precision != "unknown" or published is not None:
            raise CorpusError(
                path, "field 'published' is null but 'date_precision' is not 'unknown' (or the reverse)",
                "give a date, or set published: null with date_precision: unknown", label,
            )
    else:
        text = str(published)
        if not re.fullmatch(DATE_FORMATS[precision], text) or _parse_partial(text) is None:
            raise CorpusError(
                path, f"field 'published': '{published}' is not an ISO date of {precision} precision",
                f"write it as {DATE_SHAPES[precision]} (or change date_precision)",
                label,
            )
        entry["published"] = text
    if entry.get("date_confidence") not in (None, *CONFIDENCES):
        raise CorpusError(
            path, f"field 'date_confidence': '{entry['date_confidence']}' is not allowed",
            f"use one of: {', '.join(CONFIDENCES)}", label,
        )
    if "date_range" in entry:
        _check_range(path, entry, label)


def _check_range(path: Path, entry: dict[str, Any], label: str) -> None:
    bounds = entry["date_range"]
    parsed = [_parse_day(str(b)) for b in bounds] if isinstance(bounds, list) and len(bounds) == 2 else []
    if len(parsed) != 2 or None in parsed or parsed[0] > parsed[1]:
        raise CorpusError(
            path, f"field 'date_range': {bounds!r} is not [earliest, latest] as two ISO dates",
            "write it as [YYYY-MM-DD, YYYY-MM-DD], earliest first", label,
        )
    span = _span(entry["published"], entry["date_precision"])
    if span is not None and (span[1] < parsed[0] or span[0] > parsed[1]):
        raise CorpusError(
            path, f"field 'published': {entry['published']} lies outside date_range {bounds}",
            "correct one of the two", label,
        )
    entry["date_range"] = [str(b) for b in bounds]


def _parse_day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if re.fullmatch(DATE_FORMATS["day"], text) else None
    except ValueError:
        return None


def _parse_partial(text: str) -> dt.date | None:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD to the first day it covers, or None."""
    padded = text + {4: "-01-01", 7: "-01", 10: ""}.get(len(text), "x")
    return _parse_day(padded)


def date_bounds(source: Source) -> tuple[dt.date, dt.date] | None:
    """Earliest and latest possible publication dates: ``date_range`` or the precision's span."""
    if "date_range" in source.meta:
        start, end = source.meta["date_range"]
        return dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    return _span(source.published, source.date_precision)


def _span(published: str | None, precision: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day that a date of the given precision covers."""
    start = _parse_partial(published) if published else None
    if start is None:
        return None
    if precision == "day":
        return start, start
    if precision == "month":
        following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return start, following - dt.timedelta(days=1)
    return start, start.replace(month=12, day=31)


def _check_hints(path: Path, hints: Any, label: str) -> None:
    if not isinstance(hints, dict):
        raise CorpusError(path, "field 'segmentation' must be a mapping", "write it as 'key: value' lines", label)
    for key, value in hints.items():
        if key == LINE_KEY:
            continue
        if key not in HINT_KEYS:
            raise CorpusError(
                path, f"unknown segmentation hint '{key}'", f"use one of: {', '.join(HINT_KEYS)}", label
            )
        texts = value if key in LIST_HINTS else [value]
        if not isinstance(texts, list) or not all(isinstance(t, str) and t.strip() for t in texts):
            kind = "a list of texts" if key in LIST_HINTS else "a non-empty text"
            raise CorpusError(path, f"segmentation hint '{key}' must be {kind}", "fix its value", label)
