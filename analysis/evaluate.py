"""Measure the extraction against hand-made gold annotations (``tests/gold/``).

Figures are precision (share of extracted items that are in the gold set) and
recall (share of gold items extracted). A quotation matches a gold row when it
is in the same paragraph and starts with the gold opening words; its speaker is
then right or wrong. A request matches on (paragraph, requester, addressee,
type) all at once.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from analysis import config

GOLD_DIR = config.REPO_ROOT / "tests" / "gold"


def _ratio(hits: int, total: int) -> float:
    return round(hits / total, 3) if total else 1.0


def _blank(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def evaluate_quotes(quotes: pd.DataFrame, gold_path: Path = GOLD_DIR / "quotes.csv") -> dict[str, float | int]:
    """Precision and recall of quotations, and of (quotation, speaker) pairs."""
    gold = pd.read_csv(gold_path, dtype=str, keep_default_na=False)
    found = quotes[quotes["segment"] != "comment"]
    unmatched = list(gold.itertuples(index=False))
    matched = right = 0
    for quote in found.itertuples(index=False):
        text = " ".join(quote.text.split())  # gold openings are typed: no-break spaces become spaces
        hit = next((g for g in unmatched if g.para_id == quote.para_id and text.startswith(g.opening)), None)
        if hit is None:
            continue
        unmatched.remove(hit)
        matched += 1
        right += _blank(quote.speaker_id) == hit.speaker_id
    return {"n_gold": len(gold), "n_extracted": len(found), "quote_precision": _ratio(matched, len(found)),
            "quote_recall": _ratio(matched, len(gold)), "speaker_precision": _ratio(right, len(found)),
            "speaker_recall": _ratio(right, len(gold))}


def evaluate_requests(requests: pd.DataFrame, gold_path: Path = GOLD_DIR / "requests.csv") -> dict[str, float | int]:
    """Precision and recall of requests, all four fields having to agree."""
    gold = pd.read_csv(gold_path, dtype=str, keep_default_na=False)
    key = ["para_id", "requester_id", "addressee_id", "request_type"]
    want = Counter(tuple(row) for row in gold[key].itertuples(index=False))
    got = Counter(tuple(_blank(v) for v in row) for row in requests[key].itertuples(index=False))
    hits = sum((want & got).values())
    return {"n_gold": len(gold), "n_extracted": len(requests), "request_precision": _ratio(hits, sum(got.values())),
            "request_recall": _ratio(hits, sum(want.values()))}


NOT_MEASURED = "not measured"


def scores(built: dict[str, pd.DataFrame]) -> dict[str, float | int | str]:
    """All evaluation figures; 'not measured' unless the corpus is the one the gold files annotate."""
    figures = {**evaluate_quotes(built["quotes"]), **evaluate_requests(built["requests"])}
    if not is_gold_corpus(built["documents"]):
        figures = {key: NOT_MEASURED for key in figures}
    return figures


def is_gold_corpus(documents: pd.DataFrame) -> bool:
    """True if the documents are exactly the repository's annotated seeds (same ids and checksums)."""
    from analysis.sources import load_sources

    seeds = {(s.id, s.meta.get("sha256")) for s in load_sources(config.DATA_DIR / config.SOURCES_FILE)}
    return set(zip(documents["doc_id"], documents["sha256"], strict=True)) == seeds
