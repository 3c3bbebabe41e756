"""Read a corpus's data files into plain values that remember their line: YAML, and JSON Lines.

Hand-written files (``sources.yml``, ``codebook.yml``, ``public_record.yml``)
are read whole with ``yaml``, as usual. A large corpus may give its manifest as
``sources.jsonl`` instead, one JSON object per line: that streams with the
standard library, one entry at a time, so a 100,000-document manifest never
sits in memory as a YAML node tree (0.7 GB for ``yaml.load``).

Both readers put each mapping's line under :data:`LINE_KEY`, refuse a key that
appears twice (``yaml.load`` and ``json.loads`` would silently keep the last)
and turn every problem into a :class:`~analysis.errors.CorpusError` naming the
file and line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from analysis.errors import CorpusError

LINE_KEY = "__line__"
YAML_MANIFEST = "sources.yml"
JSONL_MANIFEST = "sources.jsonl"


class _DuplicateKey(Exception):
    def __init__(self, key: str, first: int, second: int) -> None:
        super().__init__(key)
        self.key, self.first, self.second = key, first, second


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
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value != "<<":
            if key_node.value in seen:
                raise _DuplicateKey(key_node.value, seen[key_node.value], key_node.start_mark.line + 1)
            seen[key_node.value] = key_node.start_mark.line + 1
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


def read_text(path: Path) -> str:
    """The file's text, or a CorpusError that says it is missing or not UTF-8."""
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
    except _DuplicateKey:
        pass
    mark = getattr(exc, "problem_mark", None)
    where = f"line {mark.line + 1}" if mark else None
    problem = getattr(exc, "problem", None) or "invalid YAML"
    return CorpusError(path, f"YAML syntax error: {problem}", "fix the syntax", where)


def read_yaml(path: Path) -> Any:
    """Parse a YAML file, turning any syntax or encoding problem, or a repeated key, into a CorpusError."""
    text = read_text(path)
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise _syntax_error(path, text, exc) from None
    except _DuplicateKey as dup:
        raise CorpusError(path, f"'{dup.key}:' appears twice (lines {dup.first} and {dup.second})",
                          f"keep one '{dup.key}:'", None) from None


def strip_lines(value: Any) -> Any:
    """Remove the loaders' line markers from nested values."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != LINE_KEY}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def manifest_path(root: Path) -> Path:
    """The corpus's manifest: ``sources.jsonl`` if there is one, else ``sources.yml``; never both."""
    jsonl, yml = root / JSONL_MANIFEST, root / YAML_MANIFEST
    if jsonl.is_file() and yml.is_file():
        raise CorpusError(root, f"both {YAML_MANIFEST} and {JSONL_MANIFEST} are present",
                          "keep one manifest: the other would be silently ignored")
    return jsonl if jsonl.is_file() else yml


def manifest_entries(path: Path) -> Iterator[Any]:
    """The entries of a manifest, in file order, each mapping carrying its line under :data:`LINE_KEY`."""
    if path.suffix == ".jsonl":
        yield from _jsonl_entries(path)
        return
    data = read_yaml(path)
    entries = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise CorpusError(path, "no 'documents:' list at the top level",
                          "list one entry per document under 'documents:'")
    yield from entries


def _refuse_repeats(line: int) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key, value in items:
            if key in mapping:
                raise _DuplicateKey(key, line, line)
            mapping[key] = value
        return mapping
    return pairs


def _jsonl_entries(path: Path) -> Iterator[Any]:
    if not path.is_file():
        raise CorpusError(path, "file not found", "create it (see the README, 'Corpus format')")
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise CorpusError(path, f"not UTF-8 (byte {exc.start} of the line)", "save it as UTF-8",
                                  f"line {number}") from None
            if not line.strip():
                continue
            try:
                entry = json.loads(line, object_pairs_hook=_refuse_repeats(number))
            except json.JSONDecodeError as exc:
                raise CorpusError(path, f"invalid JSON: {exc.msg} (column {exc.colno})",
                                  "write one JSON object per line", f"line {number}") from None
            except _DuplicateKey as dup:
                raise CorpusError(path, f"field '{dup.key}' appears twice", "keep one", f"line {number}") from None
            if not isinstance(entry, dict):
                raise CorpusError(path, f"not a JSON object but {type(entry).__name__}",
                                  'write each document as {"id": ..., "file": ...} on its own line', f"line {number}")
            entry[LINE_KEY] = number
            yield entry
