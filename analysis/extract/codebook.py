"""Load and validate the codebook: actors and aliases, camps, themes, request types.

The codebook is data (``codebook.yml``), so that a researcher can audit and
extend it without touching code. This module turns it into lookup structures:
an alias matcher that finds mentions (longest alias first, whole words) and
compiled theme cues. Problems in the file are :class:`CorpusError` naming the
line and the field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from analysis import config
from analysis.corpus.readers import LINE_KEY, read_yaml, strip_lines
from analysis.corpus.textnorm import ignorecase_key
from analysis.errors import CorpusError

CODEBOOK_FILE = "codebook.yml"
REQUEST_TYPES = (
    "military_intervention", "arms_supply", "embargo_lifting", "diplomatic_support",
    "economic_support", "training_or_advisers", "counterterrorism_cooperation", "other",
)


@dataclass(frozen=True)
class Alias:
    """One way the sources name an actor, optionally limited to a period of publication."""

    text: str
    actor_id: str | None
    exact_case: bool = False
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    reason: str | None = None  # for ambiguous cues: why they stay unresolved

    def applies(self, published: tuple[dt.date, dt.date] | None) -> bool:
        """True if the alias holds for a document published within ``published`` (earliest, latest)."""
        if published is None:
            return self.valid_from is None and self.valid_until is None
        earliest, latest = published
        return (self.valid_from is None or earliest >= self.valid_from) and (
            self.valid_until is None or latest <= self.valid_until)


@dataclass(frozen=True)
class Codebook:
    """The validated codebook."""

    path: Path
    actors: dict[str, dict[str, Any]]
    camps: dict[str, str]
    camp_states: dict[str, str]
    aliases: tuple[Alias, ...]
    themes: dict[str, dict[str, Any]]
    request_types: dict[str, dict[str, str]]
    overrides: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    channels: dict[str, list[str]] = field(default_factory=dict)
    embargo_stances: list[dict[str, Any]] = field(default_factory=list)
    comment_themes: dict[str, dict[str, Any]] = field(default_factory=dict)
    glossary_extra: list[dict[str, str]] = field(default_factory=list)
    camp_labels: dict[str, str] = field(default_factory=dict)  # short names for readers (analysis.chapters.labels)
    # Derived objects (compiled matchers) cached per codebook by the extractors.
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    def actor_type(self, actor_id: str | None) -> str | None:
        """The actor's type (person, state, ...), or None for an unresolved mention."""
        return self.actors[actor_id]["type"] if actor_id else None

    def camp(self, actor_id: str | None) -> str | None:
        """The actor's camp, or None."""
        return self.actors[actor_id].get("camp") if actor_id else None

    def same_side(self, a: str | None, b: str | None) -> bool:
        """True if ``b`` is ``a``, shares its camp, or is the state ``a``'s camp belongs to."""
        if a is None or b is None:
            return False
        camp = self.camp(a)
        return a == b or (camp is not None and (camp == self.camp(b) or self.camp_states.get(camp) == b))


def codebook_path(corpus_root: Path | None = None) -> Path:
    """The corpus folder's own ``codebook.yml`` if it has one, else the repository's."""
    if corpus_root is not None and (corpus_root / CODEBOOK_FILE).is_file():
        return corpus_root / CODEBOOK_FILE
    return config.DATA_DIR / CODEBOOK_FILE


def load_codebook(path: Path | None = None) -> Codebook:
    """Read and validate a codebook file (default: the repository's ``data/codebook.yml``)."""
    path = path or config.DATA_DIR / CODEBOOK_FILE
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise CorpusError(path, "the codebook is not a mapping", "see data/codebook.yml for the format")
    for key in ("camps", "types", "actors", "themes", "request_types"):
        if not isinstance(data.get(key), list) or not data[key]:
            raise CorpusError(path, f"missing or empty '{key}:' list", "add it (see data/codebook.yml)")
    camps = {c["camp_id"]: c["name"] for c in data["camps"]}
    camp_states = {c["camp_id"]: c["state"] for c in data["camps"] if c.get("state")}
    actors, aliases = _load_actors(path, data, camps)
    aliases += [_alias(path, a, None, a.get(LINE_KEY, 0)) for a in data.get("ambiguous") or []]
    overrides = {(o["para_id"], o["text"]): o for o in data.get("overrides") or []}
    for (para_id, _), override in overrides.items():
        if override.get("actor_id") is not None and override["actor_id"] not in actors:
            raise CorpusError(path, f"override for {para_id} names unknown actor '{override['actor_id']}'",
                              "use an actor_id from 'actors:' or null", f"line {override.get(LINE_KEY)}")
    return Codebook(
        path=path, actors=actors, camps=camps, camp_states=camp_states, aliases=tuple(aliases),
        themes={t["theme_id"]: strip_lines(t) for t in data["themes"]},
        request_types=_load_request_types(path, data["request_types"]), overrides=overrides,
        demonyms=_check_ids(path, data.get("demonyms") or {}, actors, "demonyms"),
        channels={c["channel"]: list(c["cues"]) for c in data.get("channels") or []},
        embargo_stances=[strip_lines(s) for s in data.get("embargo_stances") or []],
        comment_themes={t["theme_id"]: strip_lines(t) for t in data.get("comment_themes") or []},
        glossary_extra=[strip_lines(g) for g in data.get("glossary_extra") or []],
        camp_labels={c["camp_id"]: c["label"] for c in data["camps"] if c.get("label")},
    )


def _check_ids(path: Path, mapping: dict[str, str], actors: dict[str, dict], section: str) -> dict[str, str]:
    for word, actor_id in mapping.items():
        if word != LINE_KEY and actor_id not in actors:
            raise CorpusError(path, f"{section}: '{word}' names unknown actor '{actor_id}'", "use an actor_id")
    return {k: v for k, v in mapping.items() if k != LINE_KEY}


def _load_actors(path: Path, data: dict, camps: dict[str, str]) -> tuple[dict[str, dict], list[Alias]]:
    actors: dict[str, dict[str, Any]] = {}
    aliases: list[Alias] = []
    seen: dict[tuple[str, Any, Any], str] = {}
    for actor in data["actors"]:
        line = actor.get(LINE_KEY, 0)
        where = f"line {line}, actor '{actor.get('actor_id', '?')}'"
        for key in ("actor_id", "name", "type", "aliases"):
            if not actor.get(key):
                raise CorpusError(path, f"missing field '{key}'", "add it", where)
        if actor["actor_id"] in actors:
            raise CorpusError(path, f"duplicate actor_id '{actor['actor_id']}'", "make ids unique", where)
        if actor["type"] not in data["types"]:
            raise CorpusError(path, f"type '{actor['type']}' is not in 'types:'",
                              f"use one of: {', '.join(data['types'])}", where)
        if actor.get("camp") and actor["camp"] not in camps:
            raise CorpusError(path, f"camp '{actor['camp']}' is not in 'camps:'", "add the camp or fix the id", where)
        actors[actor["actor_id"]] = strip_lines(actor)
        for raw in actor["aliases"]:
            alias = _alias(path, raw, actor["actor_id"], line)
            key = (alias.text.casefold(), alias.valid_from, alias.valid_until)
            if key in seen and seen[key] != actor["actor_id"]:
                raise CorpusError(path, f"alias '{alias.text}' names both '{seen[key]}' and '{actor['actor_id']}'",
                                  "give it a period (from/until) or list it under 'ambiguous:'", where)
            seen[key] = actor["actor_id"]
            aliases.append(alias)
    return actors, aliases


def _alias(path: Path, raw: Any, actor_id: str | None, line: int) -> Alias:
    spec = raw if isinstance(raw, dict) else {"text": raw}
    if not isinstance(spec.get("text"), str) or not spec["text"].strip():
        raise CorpusError(path, f"an alias without text ({raw!r})", "write the alias as text", f"line {line}")
    bounds = []
    for key in ("from", "until"):
        value = spec.get(key)
        try:
            bounds.append(dt.date.fromisoformat(str(value)) if value is not None else None)
        except ValueError:
            raise CorpusError(path, f"alias '{spec['text']}': '{key}: {value}' is not an ISO date",
                              "write it as YYYY-MM-DD", f"line {line}") from None
    return Alias(text=spec["text"], actor_id=actor_id, exact_case=spec.get("case") == "exact",
                 valid_from=bounds[0], valid_until=bounds[1], reason=spec.get("reason"))


def _load_request_types(path: Path, entries: list[dict]) -> dict[str, dict[str, str]]:
    types = {e["request_type"]: e for e in entries}
    missing = sorted(set(REQUEST_TYPES) - set(types))
    if missing:
        raise CorpusError(path, f"request type '{missing[0]}' is not defined", "add it under 'request_types:'")
    for entry in entries:
        if not re.fullmatch(r"02\d{1,2}", str(entry.get("cameo_code", ""))):
            raise CorpusError(path, f"request type '{entry['request_type']}' has no CAMEO 02x code",
                              "give cameo_code as text, e.g. \"0232\"", f"line {entry.get(LINE_KEY)}")
    return {k: strip_lines(v) for k, v in types.items()}


def cue_pattern(cues: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """Compile theme cues: whole words, case-insensitive, ``*`` matching any word ending.

    Cached: extractors ask for the same patterns once per document, and compiling
    them each time was a tenth of the export's profile.
    """
    return _compile_cues(tuple(cues))


@lru_cache(maxsize=256)
def _compile_cues(cues: tuple[str, ...]) -> re.Pattern[str]:
    parts = [re.escape(c).replace(r"\*", r"[\w-]*").replace(r"\ ", r"\s+") for c in cues]
    return re.compile(r"(?<![\w-])(?:" + "|".join(sorted(parts, key=len, reverse=True)) + r")(?![\w-])",
                      re.IGNORECASE)


@lru_cache(maxsize=256)
def cue_words(cues: tuple[str, ...]) -> tuple[str, ...] | None:
    """Words of which every match of ``cue_pattern(cues)`` contains one (compared as
    :func:`~analysis.corpus.textnorm.ignorecase_key`), or None when a cue starts with ``*``.

    A paragraph whose key contains none of them cannot match, so extractors skip
    the regex: searching every theme pattern in every paragraph dominated them.
    """
    words = [ignorecase_key(re.split(r"[\s*]", cue.strip(), maxsplit=1)[0]) for cue in cues]
    return None if not all(words) else tuple(sorted(set(words)))


def may_match(words: tuple[str, ...] | None, key: str) -> bool:
    """False only when no cue with these :func:`cue_words` can occur in text whose ignorecase key is ``key``."""
    return words is None or any(word in key for word in words)
