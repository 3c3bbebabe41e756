"""The records of request coding: a coded request, and what the resolvers know about the document being read."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from analysis.corpus.paragraphs import Paragraph
from analysis.extract.codebook import Codebook
from analysis.extract.mentions import Mention, by_paragraph
from analysis.extract.quote_marks import Quote


@dataclass(frozen=True)
class Request:
    """One appeal: requester, addressee, what is asked, and the sentence that says so."""

    request_id: str
    doc_id: str
    para_id: str
    requester_id: str | None
    requester_text: str | None
    addressee_id: str
    addressee_text: str
    request_type: str
    cameo_code: str
    to_russia: bool
    evidence: str
    cue: str
    construction: str
    event_id: str = ""



@dataclass
class Doc:
    """What the resolvers need about the document being read."""

    codebook: Codebook
    mentions: list[Mention]
    quotes: list[Quote]
    found: list[Request] = field(default_factory=list)
    positions: dict[str, int] = field(default_factory=dict)
    previous_subject: str | None = None

    def __post_init__(self) -> None:
        self.by_para = {para_id: sorted(found, key=lambda m: m.start)  # text order, as the pipeline gives them
                        for para_id, found in by_paragraph(self.mentions, resolved_only=True).items()}
        self._starts = {para_id: [m.start for m in found] for para_id, found in self.by_para.items()}
        self.quotes_by_para: dict[str, list[Quote]] = {}
        for q in self.quotes:
            self.quotes_by_para.setdefault(q.para_id, []).append(q)

    def mentions_in(self, para_id: str, start: int, end: int) -> list[Mention]:
        """The paragraph's resolved mentions within ``[start, end)``, in text order, media outlets left out.

        Found by bisection on the mentions' starts: a scan of the whole paragraph for every sentence made
        an enormous paragraph quadratic (minutes for 400,000 characters).
        """
        found = self.by_para.get(para_id, [])
        starts = self._starts.get(para_id, [])
        result = []
        for m in found[bisect_left(starts, start):bisect_left(starts, end)]:
            if m.end <= end and self.codebook.actor_type(m.actor_id) != "media":
                result.append(m)
        return result

    def quote_at(self, para_id: str, offset: int) -> Quote | None:
        return next((q for q in self.quotes_by_para.get(para_id, []) if q.start <= offset < q.end), None)

    def recent_requester(self, para: Paragraph) -> str | None:
        """The requester of the latest request in this paragraph or the two before, if it is not Russian."""
        for request in reversed(self.found):
            if self.positions[para.para_id] - self.positions[request.para_id] > 2:
                break
            if request.requester_id and self.codebook.camp(request.requester_id) != "russia":
                return request.requester_id
        return None
