"""The chronology appendix: dated events from the corpus, and background from the public record.

Corpus events are the date references resolved to a day, week or month in the
reporting, plus each document's publication. Background events come from
``data/public_record.yml`` and are marked as such, with their citation key.
"""

from __future__ import annotations

import pandas as pd

from analysis.render import bibliography_link, paragraph_link
from analysis.split import REPORTING

PRECISE = ("day", "week", "month")


def events(built: dict[str, pd.DataFrame], record: pd.DataFrame) -> pd.DataFrame:
    """All dated events, in date order: what, when, how precisely, and the evidence."""
    dates = built["date_mentions"]
    dates = dates[dates["precision"].isin(PRECISE) & dates["segment"].isin(REPORTING)]
    paras = built["paragraphs"].set_index("para_id")["text"]
    rows = [{"date": d.resolved_date, "precision": d.precision, "kind": "reported in the corpus",
             "event": _clip(paras[d.para_id]), "source": paragraph_link(d.para_id)}
            for d in dates.itertuples(index=False)]
    docs = built["documents"]
    rows += [{"date": d.published or d.date_earliest, "precision": d.date_precision, "kind": "publication",
              "event": f"{d.outlet} publishes “{d.title}”", "source": paragraph_link(f"{d.doc_id}-p001", d.doc_id)}
             for d in docs.itertuples(index=False) if d.published or d.date_earliest]
    rows += [{"date": r.date, "precision": "day", "kind": "public record (background)", "event": r.event,
              "source": bibliography_link(r.source)} for r in record.itertuples(index=False)]
    table = pd.DataFrame(rows, columns=["date", "precision", "kind", "event", "source"])
    return table.sort_values(["date", "kind"], kind="stable").reset_index(drop=True)


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
