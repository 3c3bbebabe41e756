"""One event per request: sentences that report the same appeal are grouped, not counted twice.

Reporters tell an appeal more than once: a summary, then the quotation ("Maiteeq
called on Russia to help …"; "we always call for Russia's role …"), or the
letter and then "Libya's request". Within a document, requests with the same
requester, the same addressee (a state and its leader or ministries count as
one: the letter to Putin and the request to Moscow), and the same type are one
event, unless the paragraphs state different days for them. ``requests.csv``
keeps one row per evidence sentence, with its ``event_id``; the chapters count
events.
"""

from __future__ import annotations

from dataclasses import replace

from analysis.extract.codebook import Codebook
from analysis.extract.dates import DateMention
from analysis.extract.requests import Request


def addressee_party(codebook: Codebook, actor_id: str) -> str:
    """The party an addressee stands for: the state of its camp (Putin → Russia), else itself."""
    camp = codebook.camp(actor_id)
    return codebook.camp_states.get(camp, actor_id) if camp else actor_id


def group_events(requests: list[Request], dates: list[DateMention], codebook: Codebook) -> list[Request]:
    """``requests`` (one document's) with ``event_id`` set: ``<doc_id>-e<n>`` in order of first report."""
    days = {}
    for mention in dates:
        if mention.precision == "day" and mention.resolved_date:
            days.setdefault(mention.para_id, mention.resolved_date)
    events: list[tuple[tuple, set[str]]] = []
    grouped = []
    for request in requests:
        key = (request.requester_id or (request.requester_text or "").lower(),
               addressee_party(codebook, request.addressee_id), request.request_type)
        day = days.get(request.para_id)
        number = next((n for n, (k, seen) in enumerate(events) if k == key and (day is None or not seen - {day})),
                      None)
        if number is None:
            events.append((key, set()))
            number = len(events) - 1
        if day:
            events[number][1].add(day)
        grouped.append(replace(request, event_id=f"{request.doc_id}-e{number + 1:02d}"))
    return grouped
