"""Background events from cited public sources (``data/public_record.yml``).

These are not in the corpus: the book shows them apart from what the sources
report and cites each by its bibliography key, so a reader can always tell the
two kinds of evidence apart.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from analysis import config
from analysis.corpus.readers import LINE_KEY, read_yaml
from analysis.errors import CorpusError

RECORD_FILE = config.DATA_DIR / "public_record.yml"
BIB_FILE = config.REPO_ROOT / "references.bib"
FIELDS = ("event_id", "date", "theme", "source", "event")
COLUMNS = (*FIELDS, "label")  # label: optional in the file, the source's name for readers (else its key)


def load_record(path: Path = RECORD_FILE, bib: Path = BIB_FILE) -> pd.DataFrame:
    """The public-record events, validated: ISO dates, unique ids, sources present in the bibliography."""
    data = read_yaml(path)
    keys = set(re.findall(r"@\w+\{([^,]+),", bib.read_text(encoding="utf-8")))
    rows, seen = [], set()
    for entry in (data or {}).get("events") or []:
        where = f"line {entry.get(LINE_KEY)}"
        missing = [f for f in FIELDS if not entry.get(f)]
        if missing:
            raise CorpusError(path, f"missing field '{missing[0]}'", "add it", where)
        try:
            date = dt.date.fromisoformat(str(entry["date"]))
        except ValueError:
            raise CorpusError(path, f"date '{entry['date']}' is not YYYY-MM-DD", "fix it", where) from None
        if entry["source"] not in keys:
            raise CorpusError(path, f"source '{entry['source']}' is not in references.bib", "add the reference", where)
        if entry["event_id"] in seen:
            raise CorpusError(path, f"duplicate event_id '{entry['event_id']}'", "make ids unique", where)
        seen.add(entry["event_id"])
        rows.append({**{f: entry[f] for f in FIELDS}, "date": date.isoformat(),
                     "label": entry.get("label") or entry["source"]})
    return pd.DataFrame(rows, columns=list(COLUMNS)).sort_values(["date", "event_id"]).reset_index(drop=True)
