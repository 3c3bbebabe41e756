"""The chronology appendix: dated events from the corpus, and background from the public record.

Corpus events are the date references resolved to a day, week or month in the
reporting, plus each document's publication. Background events come from
``data/public_record.yml`` and are marked as such, with their citation key.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis.chapters import labels
from analysis.chapters.links import bibliography_link, paragraph_link
from analysis.chapters.split import REPORTING

PRECISE = ("day", "week", "range", "month")


def _bounds(resolved: str, precision: str) -> tuple[str, str]:
    """The first and last day a date reference allows (a week runs Monday to Sunday)."""
    if precision == "range":
        first, last = resolved.split("/")
        return first, last
    if precision == "week":
        return resolved, (dt.date.fromisoformat(resolved) + dt.timedelta(days=6)).isoformat()
    if precision == "month":
        first = dt.date.fromisoformat(resolved[:7] + "-01")
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return first.isoformat(), last.isoformat()
    return resolved, resolved


def events(built: dict[str, pd.DataFrame], record: pd.DataFrame) -> pd.DataFrame:
    """All dated events, in date order: when (as readers read dates), what, and the evidence.

    ``sort`` (the ISO date, or the start of a range) orders the rows and is not shown.
    """
    dates = built["date_mentions"]
    dates = dates[dates["precision"].isin(PRECISE) & dates["segment"].isin(REPORTING)]
    paras = built["paragraphs"].set_index("para_id")["text"]
    rows = [{"sort": d.resolved_date, "date": labels.date_span(*_bounds(d.resolved_date, d.precision)),
             "dated to": labels.precision(*_bounds(d.resolved_date, d.precision)), "kind": "reported in the corpus",
             "event": _clip(paras[d.para_id]), "source": paragraph_link(d.para_id)}
            for d in dates.itertuples(index=False)]
    docs = built["documents"]
    rows += [{"sort": d.date_earliest, "date": labels.date_span(d.date_earliest, d.date_latest),
              "dated to": labels.precision(d.date_earliest, d.date_latest), "kind": "publication",
              "event": f"{d.outlet} publishes “{d.title}”",
              "source": paragraph_link(f"{d.doc_id}-p001")}
             for d in docs.itertuples(index=False) if d.date_earliest]
    rows += [{"sort": r.date, "date": labels.date(r.date), "dated to": "the day" if len(str(r.date)) == 10 else
              "the month", "kind": "public record (background)", "event": r.event,
              "source": bibliography_link(r.source, r.label)} for r in record.itertuples(index=False)]
    table = pd.DataFrame(rows, columns=["sort", "date", "dated to", "kind", "event", "source"])
    return table.sort_values(["sort", "kind"], kind="stable").drop(columns="sort").reset_index(drop=True)


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
