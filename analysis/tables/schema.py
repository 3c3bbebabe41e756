"""The export contract: columns, types, keys and references of every table.

Tables are checked before they are written (and the tests check them after
reading), so a change that breaks the contract fails loudly instead of shipping
a subtly different file. The data dictionary page of the book is generated
from :data:`TABLES`.
"""

from __future__ import annotations

import pandas as pd

# table -> (column, type, nullable, description)
TABLES: dict[str, list[tuple[str, str, bool, str]]] = {
    "documents": [
        ("doc_id", "str", False, "Document id from sources.yml"),
        ("title", "str", False, "Headline (from sources.yml)"),
        ("outlet", "str", False, "Outlet that published this version of the text"),
        ("published", "str", True, "Publication date, ISO 8601 at its precision (YYYY-MM-DD, YYYY-MM, YYYY)"),
        ("date_precision", "str", False, "day, month, year or unknown"),
        ("n_paragraphs", "int", False, "Paragraphs in the document, all segments"),
        ("n_body_paragraphs", "int", False, "Paragraphs labelled body"),
        ("n_comments", "int", False, "Reader comments"),
        ("date_earliest", "str", True, "Earliest possible publication date (ISO)"),
        ("date_latest", "str", True, "Latest possible publication date (ISO)"),
        ("date_confidence", "str", True, "high, medium or low"),
        ("url", "str", True, "Address of the original page"),
        ("file", "str", False, "Raw text file, relative to the corpus folder"),
        ("sha256", "str", True, "SHA-256 of the raw file"),
    ],
    "paragraphs": [
        ("doc_id", "str", False, "Document id"),
        ("para_id", "str", False, "Paragraph id: <doc_id>-p<position, 3 digits>"),
        ("position", "int", False, "1-based position in the document"),
        ("segment", "str", False, "headline, standfirst, body, caption, comment or boilerplate"),
        ("text", "str", False, "The paragraph as in the raw file, indentation stripped"),
        ("line_start", "int", False, "First line in the raw file (1-based)"),
        ("line_end", "int", False, "Last line in the raw file"),
        ("n_chars", "int", False, "Characters of text"),
        ("repeat_of", "str", True, "para_id of the earlier paragraph this one repeats"),
        ("repeat_kind", "str", True, "exact, contained or near"),
    ],
    "actors": [
        ("actor_id", "str", False, "Actor id from the codebook"),
        ("name", "str", False, "Canonical name"),
        ("type", "str", False, "person, government body, armed group, state, international organisation, media,"
                                 " political movement"),
        ("camp", "str", True, "Camp id from the codebook, where one applies"),
        ("aliases", "str", False, "Every alias, joined by |"),
    ],
    "mentions": [
        ("doc_id", "str", False, "Document id"),
        ("para_id", "str", False, "Paragraph id"),
        ("actor_id", "str", True, "Actor id; empty when the mention is unresolved (see note)"),
        ("surface", "str", False, "The words as written: text[start:end]"),
        ("start", "int", False, "Character offset in the paragraph text"),
        ("end", "int", False, "End offset (exclusive)"),
        ("segment", "str", False, "Segment of the paragraph"),
        ("note", "str", True, "Why a mention is unresolved, or the decision that resolved it"),
    ],
    "quotes": [
        ("quote_id", "str", False, "<doc_id>-q<n>"),
        ("doc_id", "str", False, "Document id"),
        ("para_id", "str", False, "Paragraph where the quotation starts"),
        ("speaker_id", "str", True, "Actor id of the speaker; empty if unattributed or unnamed"),
        ("speaker_text", "str", True, "The words naming the speaker (\"the source\", \"he\", \"Maiteeq\")"),
        ("text", "str", False, "The quotation, an exact substring of the paragraph"),
        ("segment", "str", False, "Segment of the paragraph"),
        ("start", "int", False, "Offset of the quotation in the paragraph"),
        ("end", "int", False, "End offset (exclusive)"),
        ("attribution", "str", False, "after, before, inherited or none: which rule found the speaker"),
        ("channel_id", "str", True, "Outlet named as the channel (\"according to Sputnik\")"),
        ("para_id_end", "str", False, "Paragraph where the quotation ends"),
    ],
    "requests": [
        ("request_id", "str", False, "<doc_id>-r<n>: one row per sentence that reports a request"),
        ("event_id", "str", False, "<doc_id>-e<n>: the appeal this sentence reports; sentences reporting the same"
                                   " appeal share it"),
        ("doc_id", "str", False, "Document id"),
        ("para_id", "str", False, "Paragraph id"),
        ("requester_id", "str", True, "Actor id of who asks; empty if unresolved (see requester_text)"),
        ("requester_text", "str", True, "The words naming who asks, as written (\"they\", \"Libya\", \"Haftar\")"),
        ("addressee_id", "str", False, "Actor id of whom is asked"),
        ("addressee_text", "str", False, "The words naming whom is asked, as written (or the actor's name)"),
        ("to_russia", "bool", False, "True if the addressee is Russia or a Russian actor"),
        ("request_type", "str", False, "military_intervention, arms_supply, embargo_lifting, diplomatic_support,"
                                        " economic_support, training_or_advisers, counterterrorism_cooperation, other"),
        ("cameo_code", "str", False, "CAMEO event code (02x Appeal family)"),
        ("construction", "str", False, "How the sentence says it: verb + addressee, verb + what is asked, nominal,"
                                        " passive, purpose clause, hope"),
        ("evidence", "str", False, "The sentence, an exact substring of the paragraph"),
        ("cue", "str", False, "The words that mark the request"),
    ],
    "date_mentions": [
        ("doc_id", "str", False, "Document id"),
        ("para_id", "str", False, "Paragraph id"),
        ("surface", "str", False, "The words as written"),
        ("resolved_date", "str", True, "ISO date at its precision; a range of days as an ISO interval"
                                         " (2016-05-07/2016-05-14); a decade as 1970s; empty if unresolved"),
        ("precision", "str", False, "day, week, range, month, year, decade or unresolved"),
        ("start", "int", False, "Offset in the paragraph"),
        ("end", "int", False, "End offset (exclusive)"),
        ("segment", "str", False, "Segment of the paragraph"),
        ("note", "str", True, "Why the precision is coarser than written, or why unresolved"),
    ],
    "unresolved_actors": [
        ("actor_id", "str", False, "Provisional actor id, derived from the name: provisional-<name>"),
        ("doc_id", "str", False, "Document that names the person"),
        ("name", "str", False, "The name as the text gives it"),
        ("role", "str", False, "The title or role the text gives with the name"),
        ("camp", "str", True, "Camp suggested by the title (a demonym or an actor named in it)"),
        ("para_id", "str", False, "Paragraph of the first mention"),
        ("n_mentions", "int", False, "Mentions of the person in the document (full name or surname)"),
    ],
    "themes": [
        ("doc_id", "str", False, "Document id"),
        ("para_id", "str", False, "Paragraph id"),
        ("theme", "str", False, "Theme id from the codebook"),
        ("cue", "str", False, "The first cue found, as written"),
        ("segment", "str", False, "Segment of the paragraph"),
    ],
}
KEYS = {"documents": ["doc_id"], "paragraphs": ["para_id"], "actors": ["actor_id"], "mentions": ["para_id", "start"],
        "quotes": ["quote_id"], "requests": ["request_id"], "date_mentions": ["para_id", "start"],
        "themes": ["para_id", "theme"], "unresolved_actors": ["doc_id", "actor_id"]}
REFERENCES = [  # (table, column, referenced table, referenced column)
    *[(t, "para_id", "paragraphs", "para_id") for t in ("mentions", "quotes", "requests", "date_mentions", "themes",
                                                         "unresolved_actors")],
    *[(t, "doc_id", "documents", "doc_id") for t in ("paragraphs", "mentions", "quotes", "requests",
                                                      "date_mentions", "themes", "unresolved_actors")],
    ("mentions", "actor_id", "actors", "actor_id"), ("quotes", "speaker_id", "actors", "actor_id"),
    ("requests", "requester_id", "actors", "actor_id"), ("requests", "addressee_id", "actors", "actor_id"),
]


class TableError(ValueError):
    """A table breaks the export contract (a bug in the package, not in the user's data)."""


def columns(table: str) -> list[str]:
    """The contract's column order for ``table``."""
    return [name for name, *_ in TABLES[table]]


def conform(name: str, rows: list[dict] | list[tuple]) -> pd.DataFrame:
    """Build a table from row dicts (or tuples in column order) with the contract's columns and types."""
    frame = pd.DataFrame(rows, columns=columns(name))
    for column, kind, _, _ in TABLES[name]:
        if kind == "int":
            frame[column] = frame[column].astype("int64")
        elif kind == "bool":
            frame[column] = frame[column].astype("bool")
        else:  # text columns hold str or None (never NaN), whatever pandas would infer
            values = frame[column].astype(object)
            frame[column] = values.where(values.notna(), None)
    return frame


def validate(tables: dict[str, pd.DataFrame]) -> None:
    """Check columns, types, nulls, unique keys and references; raise TableError on the first problem.

    The frames' columns and dtypes are checked here; the rest of the contract by :func:`validate_rows`, on
    the frames' values, so the export's rows and the chapters' frames meet one set of rules.
    """
    rows = {}
    for name, frame in tables.items():
        if list(frame.columns) != columns(name):
            raise TableError(f"{name}: columns {list(frame.columns)} differ from the contract {columns(name)}")
        for column, kind, _, _ in TABLES[name]:
            if kind == "int" and not pd.api.types.is_integer_dtype(frame[column]):
                raise TableError(f"{name}.{column}: not an integer column")
            if kind == "bool" and not pd.api.types.is_bool_dtype(frame[column]):
                raise TableError(f"{name}.{column}: not a true/false column")
        values = [frame[c].astype(object).where(frame[c].notna(), None).tolist() for c in frame.columns]
        rows[name] = list(zip(*values, strict=True)) if len(frame) else []
    validate_rows(rows)


def validate_rows(tables: dict[str, list[tuple]]) -> None:
    """Check rows as the export writes them (tuples in column order): nulls, value types, unique keys and
    references; raise TableError on the first problem.

    The export checks each batch here, at write time, instead of building DataFrames only to check and
    print them: the frames cost a seventh of the export. :func:`validate` checks frames with these rules.
    """
    for name, rows in tables.items():
        spec = TABLES[name]
        for row in rows:
            if len(row) != len(spec):
                raise TableError(f"{name}: a row of {len(row)} values for the contract's {len(spec)} columns")
            for value, (column, kind, nullable, _) in zip(row, spec, strict=True):
                if value is None:
                    if not nullable:
                        raise TableError(f"{name}.{column}: empty values where the contract forbids them")
                elif kind == "int" and (type(value) is not int):
                    raise TableError(f"{name}.{column}: not an integer column")
                elif kind == "bool" and type(value) is not bool:
                    raise TableError(f"{name}.{column}: not a true/false column")
                elif kind == "str" and not isinstance(value, str):
                    raise TableError(f"{name}.{column}: values that are not text")
        key = [columns(name).index(c) for c in KEYS[name]]
        if len({tuple(row[i] for i in key) for row in rows}) != len(rows):
            raise TableError(f"{name}: duplicate key {KEYS[name]}")
    for table, column, target, target_column in REFERENCES:
        if table in tables and target in tables:
            known = _column(tables, target, target_column)
            if target == "actors" and "unresolved_actors" in tables:  # provisional actors count as actors
                known |= _column(tables, "unresolved_actors", "actor_id")
            missing = _column(tables, table, column) - known - {None}
            if missing:
                raise TableError(f"{table}.{column}: {sorted(missing)[:3]} not in {target}.{target_column}")


def _column(tables: dict[str, list[tuple]], name: str, column: str) -> set:
    index = columns(name).index(column)
    return {row[index] for row in tables[name]}
