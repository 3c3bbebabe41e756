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
    return {"n_gold_quotes": len(gold), "n_quotes_found": len(found), "quote_precision": _ratio(matched, len(found)),
            "quote_recall": _ratio(matched, len(gold)), "speaker_precision": _ratio(right, len(found)),
            "speaker_recall": _ratio(right, len(gold))}


def evaluate_requests(requests: pd.DataFrame, gold_path: Path = GOLD_DIR / "requests.csv") -> dict[str, float | int]:
    """Precision and recall of requests, per evidence sentence and per event.

    A sentence matches when paragraph, requester, addressee and type all agree. An extracted event
    matches a gold event when requester, addressee and type agree and they share an evidence
    paragraph; so an event split in two, or two merged into one, costs precision or recall.
    """
    gold = pd.read_csv(gold_path, dtype=str, keep_default_na=False)
    key = ["para_id", "requester_id", "addressee_id", "request_type"]
    want = Counter(tuple(row) for row in gold[key].itertuples(index=False))
    got = Counter(tuple(_blank(v) for v in row) for row in requests[key].itertuples(index=False))
    hits = sum((want & got).values())
    gold_events = _events(gold, "event")
    found_events = _events(requests, "event_id")
    matched = sum(any(g[0] == f[0] and g[1] & f[1] for g in gold_events) for f in found_events)
    return {"n_gold": len(gold), "n_request_sentences": len(requests),
            "request_precision": _ratio(hits, sum(got.values())),
            "request_recall": _ratio(hits, sum(want.values())), "n_gold_events": len(gold_events),
            "n_events": len(found_events), "event_precision": _ratio(matched, len(found_events)),
            "event_recall": _ratio(sum(any(g[0] == f[0] and g[1] & f[1] for f in found_events)
                                       for g in gold_events), len(gold_events))}


def _events(rows: pd.DataFrame, column: str) -> list[tuple[tuple[str, str, str], set[str]]]:
    """Each event as ((requester, addressee, type), its evidence paragraphs)."""
    events = []
    for _, group in rows.groupby(column, sort=False):
        first = group.iloc[0]
        events.append(((_blank(first["requester_id"]), _blank(first["addressee_id"]), first["request_type"]),
                       set(group["para_id"])))
    return events


NOT_MEASURED = "not measured"


def scores(built: dict[str, pd.DataFrame]) -> dict[str, float | int | str]:
    """All evaluation figures; 'not measured' unless the corpus is the one the gold files annotate."""
    figures = {**evaluate_quotes(built["quotes"]), **evaluate_requests(built["requests"])}
    if not is_gold_corpus(built["documents"]):
        figures = {key: NOT_MEASURED for key in figures}
    return figures


def is_gold_corpus(documents: pd.DataFrame) -> bool:
    """True if the documents are exactly the repository's annotated seeds (same ids and checksums)."""
    from analysis.corpus.manifest import load_sources

    seeds = {(s.id, s.meta.get("sha256")) for s in load_sources(config.DATA_DIR / config.SOURCES_FILE)}
    return set(zip(documents["doc_id"], documents["sha256"], strict=True)) == seeds


CHALLENGE_FILE = config.REPO_ROOT / "tests" / "challenge" / "requests.csv"
CHALLENGE_DIR = CHALLENGE_FILE.parent
HELDOUT_FILES = {name: CHALLENGE_DIR / f"{name}.csv" for name in ("heldout-1", "heldout-2", "heldout-3")}
FIRST_RUNS = CHALLENGE_DIR / "first_runs.csv"  # each held-out set's figures when first run, before any revision
CHALLENGE_DATE = "2019-06-01"  # the items are undated; a date within every alias's validity period


def challenge_requests(items: pd.DataFrame, codebook=None) -> pd.DataFrame:
    """Extract requests from each challenge item, read as the body paragraph of a one-paragraph document."""
    import tempfile

    import yaml

    from analysis.corpus.load import load_corpus
    from analysis.tables.export import build_tables

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "raw").mkdir()
        entries = []
        for item in items.itertuples(index=False):
            (root / "raw" / f"{item.item_id}.txt").write_text(f"Item {item.item_id}\n\n{item.text}\n", encoding="utf-8")
            entries.append({"id": item.item_id, "file": f"raw/{item.item_id}.txt", "title": f"Item {item.item_id}",
                            "outlet": "Challenge set", "published": CHALLENGE_DATE, "date_precision": "day"})
        (root / "sources.yml").write_text(yaml.safe_dump({"documents": entries}, sort_keys=False), encoding="utf-8")
        return build_tables(load_corpus(root), codebook)["requests"]


def evaluate_challenge(path: Path = CHALLENGE_FILE, codebook=None) -> tuple[pd.DataFrame, dict[str, float | int]]:
    """Per construction family: items, requests expected, extracted, right (all three fields), P and R.

    Also returns the invariance figure: the share of name swaps (a codebook name replaced by one the
    codebook does not know) under which whether a request is found does not change.
    """
    items = pd.read_csv(path, dtype=str, keep_default_na=False)
    found = challenge_requests(items, codebook)
    rows, detected = [], {}
    for family, group in items.groupby("family", sort=False):
        expected = extracted = right = negative = false = 0
        for item in group.itertuples(index=False):
            got = found[found["doc_id"] == item.item_id]
            triples = {tuple(_blank(v) for v in t) for t in
                       got[["requester_id", "addressee_id", "request_type"]].itertuples(index=False)}
            detected[item.item_id] = len(got) > 0
            want = (item.requester, item.addressee, item.request_type)
            if item.expect == "request":
                expected += 1
                right += want in triples
                # coreference items: a request the first sentence makes is right too, not a false one
                extracted += 1 if want in triples else min(len(got), 1)
            else:
                negative += 1
                false += len(got)
                extracted += len(got)
        rows.append({"family": family, "expect": "request" if expected else "none", "items": len(group),
                     "expected": expected, "extracted": extracted, "right": right, "negative_items": negative,
                     "false_on_negative": false, "precision": _ratio(right, extracted),
                     "recall": _ratio(right, expected) if expected else None})
    swaps = items[items["invariance"] != ""].groupby("invariance")["item_id"].apply(list)
    stable = sum(len({detected[i] for i in ids}) == 1 for ids in swaps)
    return pd.DataFrame(rows), {"n_items": len(items), "n_swaps": len(swaps), "invariance": _ratio(stable, len(swaps))}


def challenge_summary(families: pd.DataFrame, extra: dict[str, float | int], prefix: str) -> dict[str, float | int]:
    """Figures over a whole challenge set, for the prose: items, micro precision and recall, false finds
    on the items that hold no request, invariance under name swaps. Keys start with ``prefix``."""
    right, extracted, expected = (int(families[c].sum()) for c in ("right", "extracted", "expected"))
    return {f"{prefix}_items": extra["n_items"], f"{prefix}_expected": expected,
            f"{prefix}_precision": _ratio(right, extracted), f"{prefix}_recall": _ratio(right, expected),
            f"{prefix}_negative_items": int(families["negative_items"].sum()),
            f"{prefix}_false_on_negative": int(families["false_on_negative"].sum()),
            f"{prefix}_swaps": extra["n_swaps"], f"{prefix}_invariance": extra["invariance"]}


def families_display(families: pd.DataFrame) -> pd.DataFrame:
    """The per-family table as readers see it: requests expected, found right, P and R; false finds."""
    shown = families.copy()
    shown["recall"] = shown["recall"].map(lambda v: "" if v is None or pd.isna(v) else f"{v:.2f}")
    shown["precision"] = shown["precision"].map(lambda v: f"{v:.2f}")
    shown.loc[shown["expect"] == "none", ["precision"]] = ""
    shown["false finds"] = [e - r for e, r in zip(shown["extracted"], shown["right"], strict=True)]
    return shown[["family", "items", "expected", "right", "false finds", "precision", "recall"]].rename(
        columns={"expected": "requests expected", "right": "found right"})


def first_runs(path: Path = FIRST_RUNS) -> pd.DataFrame:
    """The figures of each held-out set on its first, blind run (recorded then: later code cannot recompute them)."""
    return pd.read_csv(path, dtype={"measured_at": str}, keep_default_na=False)


def first_run_facts(path: Path = FIRST_RUNS) -> dict[str, float | int]:
    """First-run figures for the prose, keyed ``<set>_first_<figure>`` with ``-`` as ``_``."""
    facts: dict[str, float | int] = {}
    for row in first_runs(path).itertuples(index=False):
        key = row.set.replace("-", "_")
        for figure in ("items", "expected", "negative_items", "precision", "recall", "false_on_negative"):
            facts[f"{key}_first_{figure}"] = getattr(row, figure)
    return facts


SET_AUTHORS = {"challenge": "the rules' author, from construction families", "heldout-1": "a second author, blind",
               "heldout-2": "a second author, blind", "heldout-3": "a second author, blind; rules not revised on it"}


_SCORED: dict[tuple[str, ...], tuple[pd.DataFrame, pd.DataFrame, dict[str, float | int]]] = {}


def accuracy(codebook=None) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, float | int]]:
    """Every challenge and held-out set scored now: (one row per set, the challenge set per family, prose facts).

    The scores depend on the codebook file and the sentence sets alone, not on the corpus: they are computed
    once per process for the same bytes (the property tests run the codebook chapter on hundreds of corpora).
    """
    import hashlib

    sources = [codebook.path if codebook is not None else config.DATA_DIR / "codebook.yml", CHALLENGE_FILE,
               *HELDOUT_FILES.values(), FIRST_RUNS]
    key = tuple(hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "" for p in sources)
    if key not in _SCORED:
        _SCORED[key] = _accuracy(codebook)
    sets, families, facts = _SCORED[key]
    return sets.copy(), None if families is None else families.copy(), dict(facts)


def _accuracy(codebook=None) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, float | int]]:
    first = first_runs().set_index("set")
    rows, facts, challenge_families = [], first_run_facts(), None
    for name, path in {"challenge": CHALLENGE_FILE, **HELDOUT_FILES}.items():
        if not path.is_file():
            continue
        families, extra = evaluate_challenge(path, codebook)
        summary = challenge_summary(families, extra, name.replace("-", "_"))
        facts.update(summary)
        if name == "challenge":
            challenge_families = families
        figures = {k.split("_", 1)[1] if name == "challenge" else k.split("_", 2)[2]: v for k, v in summary.items()}
        rows.append({"set": name, "written by": SET_AUTHORS[name], **figures,
                     "first precision": first.loc[name, "precision"] if name in first.index else None,
                     "first recall": first.loc[name, "recall"] if name in first.index else None})
    return pd.DataFrame(rows), challenge_families, facts


def sets_display(sets: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence set as readers see it: who wrote it, its size, the figures now and at first run."""
    def pair(p: object, r: object) -> str:
        return "" if p is None or pd.isna(p) else f"{float(p):.2f} / {float(r):.2f}"

    return pd.DataFrame({
        "sentences": sets["set"] + " (" + sets["items"].astype(str) + ")", "written by": sets["written by"],
        "requests in it": sets["expected"],
        "precision / recall now": [pair(p, r) for p, r in zip(sets["precision"], sets["recall"], strict=True)],
        "false finds / sentences without a request": sets["false_on_negative"].astype(str) + " / "
                                                      + sets["negative_items"].astype(str),
        "precision / recall at first run": [pair(p, r) for p, r in zip(sets["first precision"], sets["first recall"],
                                                                       strict=True)],
    })
