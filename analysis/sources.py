"""Read and validate ``sources.yml``: the metadata of every document in a corpus.

A corpus folder holds ``sources.yml`` and the text files it names. This module
checks the metadata alone (fields, ids, dates); :mod:`analysis.corpus` then
checks the files. Every problem becomes a :class:`~analysis.errors.CorpusError`
that names the file, the entry's line and the field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

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
LINE_KEY = "__line__"


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


class _PyLineLoader(yaml.SafeLoader):
    """A safe YAML loader that keeps dates as text and records each mapping's line.

    Pure Python: slow, but its error messages are the clearer ones (it names a
    tab that cannot start a token, libyaml does not), so errors are re-read with it.
    """


# libyaml's parser when PyYAML has it: 4.5 times faster on a 10,000-entry sources.yml
# (10.1 s -> 2.3 s), with the same safe constructors and the same line numbers.
class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """:class:`_PyLineLoader`'s behaviour on libyaml's parser."""


def _construct_mapping(loader: yaml.BaseLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


for _loader in (_PyLineLoader, _LineLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    # Dates stay strings: their precision is part of the data and YAML would erase it.
    _loader.yaml_implicit_resolvers = {
        key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise CorpusError(path, "file not found", "create it (see the README, 'Corpus format')")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(path, f"not UTF-8 (byte {exc.start})", "save it as UTF-8") from None


def _syntax_error(path: Path, text: str, exc: yaml.YAMLError) -> CorpusError:
    """The error as the pure-Python parser words it (it stops at the same place as libyaml)."""
    try:
        yaml.load(text, Loader=_PyLineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as python_exc:
        exc = python_exc
    mark = getattr(exc, "problem_mark", None)
    where = f"line {mark.line + 1}" if mark else None
    problem = getattr(exc, "problem", None) or "invalid YAML"
    return CorpusError(path, f"YAML syntax error: {problem}", "fix the syntax", where)


def read_yaml(path: Path) -> Any:
    """Parse a YAML file, turning any syntax or encoding problem into a CorpusError."""
    text = _read_text(path)
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise _syntax_error(path, text, exc) from None


class _NotPlain(Exception):
    """The file uses YAML features the streaming reader leaves to ``yaml.load``."""


def read_yaml_list(path: Path, key: str) -> list[Any] | None:
    """The top-level ``key:`` list of a YAML file (None if there is none), as ``yaml.load`` reads it.

    ``yaml.load`` builds a node for every scalar of the file before building any
    value: for a 100,000-document ``sources.yml`` that was 0.7 GB at once. The
    common shape (one document, a plain top-level mapping, ``key:`` once with a
    plain list) is read here from the parser's events instead, one item's nodes
    at a time, keeping only the values. Anything else (merge keys, tags or
    anchors at the top level, several documents) is left to ``yaml.load``, and a
    repeated ``key:`` is refused: ``yaml.load`` would silently keep only the last.
    """
    text = _read_text(path)
    try:
        return _stream_list(path, _LineLoader(text), key)
    except _NotPlain:
        data = read_yaml(path)
        return data[key] if isinstance(data, dict) and isinstance(data.get(key), list) else None
    except yaml.YAMLError as exc:
        raise _syntax_error(path, text, exc) from None


def _stream_list(path: Path, loader: yaml.BaseLoader, key: str) -> list[Any] | None:
    anchors: dict[str, yaml.Node] = {}
    items: list[Any] | None = None
    found_at = 0
    try:
        loader.get_event()  # StreamStart
        if loader.check_event(yaml.StreamEndEvent):
            return None
        start = loader.get_event()  # DocumentStart
        top = loader.peek_event()
        if not isinstance(top, yaml.MappingStartEvent) or top.tag not in (None, "!") or top.anchor:
            raise _NotPlain
        loader.get_event()
        while not loader.check_event(yaml.MappingEndEvent):
            name_event = loader.peek_event()
            if not isinstance(name_event, yaml.ScalarEvent) or name_event.anchor or name_event.value == "<<":
                raise _NotPlain
            name = loader.construct_document(_compose(loader, anchors))
            value = loader.peek_event()
            if name != key:
                loader.construct_document(_compose(loader, anchors))
            elif found_at:
                raise CorpusError(path, f"'{key}:' appears twice (lines {found_at} and "
                                        f"{name_event.start_mark.line + 1})", f"keep one '{key}:' list", None)
            elif not isinstance(value, yaml.SequenceStartEvent) or value.tag not in (None, "!") or value.anchor:
                raise _NotPlain
            else:
                found_at = name_event.start_mark.line + 1
                loader.get_event()
                items = []
                while not loader.check_event(yaml.SequenceEndEvent):
                    items.append(loader.construct_document(_compose(loader, anchors)))
                loader.get_event()
        loader.get_event()  # MappingEnd
        loader.get_event()  # DocumentEnd
        if not loader.check_event(yaml.StreamEndEvent):
            raise yaml.composer.ComposerError("expected a single document in the stream", start.start_mark,
                                              "but found another document", loader.peek_event().start_mark)
        return items
    finally:
        loader.dispose()


def _compose(loader: yaml.BaseLoader, anchors: dict[str, yaml.Node]) -> yaml.Node:
    """One node from the loader's events, as ``yaml.composer.Composer.compose_node`` builds it."""
    event = loader.get_event()
    if isinstance(event, yaml.AliasEvent):
        if event.anchor not in anchors:
            raise yaml.composer.ComposerError(None, None, f"found undefined alias {event.anchor!r}",
                                              event.start_mark)
        return anchors[event.anchor]
    if event.anchor is not None and event.anchor in anchors:
        raise yaml.composer.ComposerError(f"found duplicate anchor {event.anchor!r}; first occurrence",
                                          anchors[event.anchor].start_mark, "second occurrence", event.start_mark)
    node: yaml.Node
    if isinstance(event, yaml.ScalarEvent):
        tag = event.tag if event.tag not in (None, "!") else loader.resolve(yaml.ScalarNode, event.value,
                                                                              event.implicit)
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
        if event.anchor is not None:
            anchors[event.anchor] = node
        return node
    if isinstance(event, yaml.SequenceStartEvent):
        tag = event.tag if event.tag not in (None, "!") else loader.resolve(yaml.SequenceNode, None, event.implicit)
        node = yaml.SequenceNode(tag, [], event.start_mark, None, flow_style=event.flow_style)
        end = yaml.SequenceEndEvent
    else:  # MappingStartEvent
        tag = event.tag if event.tag not in (None, "!") else loader.resolve(yaml.MappingNode, None, event.implicit)
        node = yaml.MappingNode(tag, [], event.start_mark, None, flow_style=event.flow_style)
        end = yaml.MappingEndEvent
    if event.anchor is not None:
        anchors[event.anchor] = node
    while not loader.check_event(end):
        if end is yaml.SequenceEndEvent:
            node.value.append(_compose(loader, anchors))
        else:
            node.value.append((_compose(loader, anchors), _compose(loader, anchors)))
    node.end_mark = loader.get_event().end_mark
    return node


def load_sources(path: Path) -> list[Source]:
    """Read ``sources.yml`` and return its validated entries, in file order."""
    sources: list[Source] = []
    seen_ids: dict[str, int] = {}
    seen_files: dict[str, int] = {}
    entries = read_yaml_list(path, "documents")
    if entries is None:
        raise CorpusError(
            path, "no 'documents:' list at the top level", "list one entry per document under 'documents:'"
        )
    if not entries:
        raise CorpusError(path, "the 'documents:' list is empty", "add at least one document")
    for index, entry in enumerate(entries, start=1):
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


def strip_lines(value: Any) -> Any:
    """Remove the loader's line markers from nested metadata."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != LINE_KEY}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


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
