"""What readers see instead of ids: labels for camps, request types, themes, documents, dates and sources.

Ids (``military_intervention``, ``gna``, ``doc-003``) are for data files and
code; every table cell, axis, legend, tooltip and chart description shown to a
reader uses a label. Camp and request-type labels live in the codebook
(``label:``), theme labels are the themes' names, a document is "outlet, date"
("Alwasat, 8 Aug 2018"; "Libyan Gazette, May 2016" when only the month is
sure), and a public-record source is the event it documents. The downloads and
the data dictionary keep the ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from analysis.extract.codebook import Codebook

NO_CAMP = "No camp"
# The order camps are listed in, in tables and legends: the Libyan sides first, then the outside powers.
CAMP_ORDER = ["gna", "gnu", "tobruk", "gnc", "former-regime", "russia", "egypt", "un", "west", "jihadist", "none"]


def camp(codebook: Codebook, camp_id: str | None) -> str:
    """``tobruk`` → "Tobruk camp (HoR/LNA)"; no camp (None, "none", "") → "No camp"."""
    if not camp_id or camp_id == "none":
        return NO_CAMP
    return codebook.camp_labels.get(camp_id) or codebook.camps.get(camp_id, camp_id)


def _without_parenthesis(name: str) -> str:
    """ "Government of National Accord (GNA)" → "Government of National Accord"."""
    return name.split(" (")[0]


NODE = 30  # characters: a name this long fits beside a node of the network on a desktop


def node_actor(codebook: Codebook, actor_id: str) -> str:
    """An actor's name beside a node on a desktop: the name, or without its parenthesis when longer than
    :data:`NODE` ("Government of National Accord (GNA)" → "Government of National Accord"), whole in the
    tooltip."""
    name = codebook.actors[actor_id]["name"]
    return name if len(name) <= NODE else _without_parenthesis(name)


SHORT = 14  # characters: a name this long fits beside a node of the network on a phone


def short_actor(codebook: Codebook, actor_id: str) -> str:
    """A label for a narrow space, from the codebook: its ``short`` if it has one; a person's surname
    ("el-Sisi", "Putin"); a name without its parenthesis if that is short ("Islamic State"); a body's acronym
    among its aliases ("GNA", "HoR"); otherwise the name without its parenthesis.

    Why: on a phone a node label of the network has some 90 px, which cut "Ahmed Maiteeq" to "Ahmed M…";
    the surname or the acronym is what the reporting itself uses for a second mention."""
    actor = codebook.actors[actor_id]
    if actor.get("short"):
        return actor["short"]
    if actor.get("type") == "person":
        return actor["name"].split()[-1]
    plain = _without_parenthesis(actor["name"])
    if len(plain) <= SHORT:
        return plain
    aliases = [a["text"] if isinstance(a, dict) else a for a in actor.get("aliases", [])]
    acronyms = [a for a in aliases if " " not in a and 2 <= len(a) <= 5 and sum(c.isupper() for c in a) >= 2]
    return acronyms[0] if acronyms else plain


def request_type(codebook: Codebook, kind: str) -> str:
    """``military_intervention`` → "Military intervention"."""
    spec = codebook.request_types.get(kind, {})
    return spec.get("label") or kind.replace("_", " ").capitalize()


def theme(codebook: Codebook, theme_id: str) -> str:
    """``us-nato-blame`` → its name in the codebook (themes and comment themes)."""
    spec = codebook.themes.get(theme_id) or codebook.comment_themes.get(theme_id) or {}
    return spec.get("name", theme_id)


def date(iso: str | None, precision: str = "day") -> str:
    """``2016-05-07`` → "7 May 2016"; ``2016-09`` (or month precision) → "Sep 2016"; ``2016`` → "2016"."""
    if not iso:
        return "date unknown"
    text = str(iso)
    if len(text) == 4 or precision == "year":
        return text[:4]
    if len(text) == 7 or precision in ("month", "week", "unknown"):
        return dt.date.fromisoformat(text[:7] + "-01").strftime("%b %Y")
    day = dt.date.fromisoformat(text[:10])
    return f"{day.day} {day.strftime('%b %Y')}"


def date_span(earliest: str | None, latest: str | None) -> str:
    """A date or a range of possible dates: "8 Aug 2018", "9–15 May 2016", "Sep 2016", "28 Sep–31 Oct 2016".

    Days are dropped only where the range covers whole months ("Sep–Oct 2016") or whole years ("2016–2017"):
    a range is never shown wider or narrower than it is.
    """
    if not earliest:
        return "date unknown"
    if not latest or earliest == latest:
        return date(earliest)
    a, b = dt.date.fromisoformat(earliest), dt.date.fromisoformat(latest)
    whole_months = a.day == 1 and (b + dt.timedelta(days=1)).day == 1
    if whole_months and (a.month, b.month) == (1, 12):
        return str(a.year) if a.year == b.year else f"{a.year}–{b.year}"
    if (a.year, a.month) == (b.year, b.month):
        return a.strftime("%b %Y") if whole_months else f"{a.day}–{b.day} {a.strftime('%b %Y')}"
    if whole_months:
        return f"{a.strftime('%b')}–{b.strftime('%b %Y')}" if a.year == b.year else \
            f"{a.strftime('%b %Y')}–{b.strftime('%b %Y')}"
    if a.year == b.year:
        return f"{a.day} {a.strftime('%b')}–{b.day} {b.strftime('%b %Y')}"
    return f"{date(earliest)}–{date(latest)}"


def precision(earliest: str | None, latest: str | None) -> str:
    """How precisely a range dates something, in words: "the day", "the month", "a range of 7 days"."""
    if not earliest:
        return "unknown"
    if not latest or earliest == latest:
        return "the day"
    a, b = dt.date.fromisoformat(earliest), dt.date.fromisoformat(latest)
    if a.day == 1 and (b + dt.timedelta(days=1)).day == 1:
        if (a.year, a.month) == (b.year, b.month):
            return "the month"
        if (a.month, b.month) == (1, 12) and a.year == b.year:
            return "the year"
    return f"a range of {(b - a).days + 1} days"


def document(outlet: str, published: str | None, precision: str) -> str:
    """A document as readers cite it: "Alwasat, 8 Aug 2018", "SouthFront, Sep 2016", "Example, undated"."""
    when = date(published, precision) if published and precision != "unknown" else "undated"
    return f"{outlet}, {when}"


def documents(frame: pd.DataFrame) -> dict[str, str]:
    """doc_id → label for a ``documents`` table; labels that would repeat get " (2)", " (3)"."""
    raw = {r.doc_id: document(r.outlet, r.published, r.date_precision) for r in frame.itertuples(index=False)}
    return _unique(raw)


def _unique(labels: dict[str, str]) -> dict[str, str]:
    seen: dict[str, int] = {}
    result = {}
    for key, label in labels.items():
        seen[label] = seen.get(label, 0) + 1
        result[key] = label if seen[label] == 1 else f"{label} ({seen[label]})"
    return result


def paragraph(para_id: str, doc_labels: dict[str, str]) -> str:
    """``doc-003-p004`` → "Alwasat, 8 Aug 2018, ¶4"."""
    doc_id, _, number = para_id.rpartition("-p")
    label = doc_labels.get(doc_id, doc_id)
    return f"{label}, ¶{int(number)}" if number.isdigit() else label


def present(order: Iterable[str], values: Iterable[str]) -> list[str]:
    """The categories of ``order`` that occur in ``values``, in ``order``'s order (for legends)."""
    there = set(values)
    return [value for value in order if value in there]
