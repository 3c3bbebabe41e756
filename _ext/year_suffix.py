"""Sphinx extension: author–year citations that name one work each ("2011a", "2011b").

sphinxcontrib-bibtex's ``author_year`` style prints author and year and nothing
else, so two Security Council resolutions of 2011 both read "United Nations
Security Council, 2011" in the text, and a reader cannot tell which entry of the
bibliography is meant. This adds the letter every author–date style uses: works
of one author in one year get a, b, c… in the order they appeared (month, day,
then title), so the bibliography, which is sorted by author, year and title,
lists 2011a before 2011b.

It runs after sphinxcontrib-bibtex has parsed ``references.bib`` (the same
``builder-inited`` event, later priority) and rewrites only the parsed copy of
each entry's ``year``; the file stays as typed. Run twice on the cached copy, it
gives the same letters (the four-digit year is read back first).
"""

from __future__ import annotations

import re
import string
from collections import defaultdict
from typing import Any

MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def _year(entry: Any) -> str:
    match = re.match(r"\d{4}", entry.fields.get("year", ""))
    return match.group(0) if match else ""


def _author(entry: Any) -> str:
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    return " and ".join(str(person) for person in people) or entry.fields.get("organization", "")


def _when(entry: Any) -> tuple[int, int, str]:
    month = entry.fields.get("month", "").strip().lower()[:3]
    day = entry.fields.get("day", "")
    return MONTHS.get(month, 0), int(day) if day.isdigit() else 0, entry.fields.get("title", "")


def year_suffixes(entries: dict[str, Any]) -> dict[str, str]:
    """key → "2011a" for every entry that shares its author and year with another; others keep their year."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, entry in entries.items():
        if _year(entry):
            groups[(_author(entry), _year(entry))].append(key)
    years = {}
    for (_, year), keys in groups.items():
        if len(keys) > 1:
            ordered = sorted(keys, key=lambda k: (_when(entries[k]), k))
            years.update({key: year + string.ascii_lowercase[i] for i, key in enumerate(ordered)})
    return years


def _add_suffixes(app: Any) -> None:
    entries = app.env.get_domain("cite").bibdata.data.entries
    for entry in entries.values():  # back to the year as typed (the parsed data may be the cached copy)
        if _year(entry):
            entry.fields["year"] = _year(entry)
    for key, year in year_suffixes(entries).items():
        entries[key].fields["year"] = year


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _add_suffixes, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
