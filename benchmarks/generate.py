"""Generate a synthetic corpus of realistic wire reports from the codebook's vocabulary (seeded).

Documents mix filler sentences with the constructions the extraction looks for
(requests, quotations, dates, themes), at realistic lengths (12-20 paragraphs,
25-60 words each), and some carry reader comments. The same seed and size
always give the same corpus, so benchmark runs compare.

    python -m benchmarks.generate DIR N [--seed S] [--manifest yml|jsonl]

From 10,000 documents up the manifest is ``sources.jsonl`` (streamed; see the
README, *Corpus format*), below it ``sources.yml``, unless ``--manifest`` says.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import yaml

from analysis.extract.codebook import load_codebook

FILLER = [
    "The situation in the region remained tense as talks continued behind closed doors.",
    "Officials declined to give further details about the timetable or the participants.",
    "Analysts said the move reflected a wider shift in the balance of power in North Africa.",
    "The statement came amid renewed fighting around the capital and on the coast.",
    "Diplomats in several capitals were reported to be following the negotiations closely.",
    "Local media said the meeting lasted several hours and ended without a joint statement.",
]
TEMPLATES = [
    "{a} called on {b} to help Libya in the fight against terrorism {day}.",
    '"We want {b} to send weapons and equipment for our army," said {a}.',
    "{a} asked for arms shipments from {b} during a visit {day}.",
    "{a} met {b} {day} to discuss the UN arms embargo and the political process.",
    '"The situation requires intervention by {b}," {a} told reporters.',
    "{a} said the government hoped {b} would provide economic support in {month}.",
]
DAYS = ["on Monday", "on Tuesday", "on Thursday", "on Friday", "last week"]
MONTHS = ["January", "February", "March", "May", "September", "November"]


def _actors() -> list[str]:
    codebook = load_codebook()
    return sorted({a.text for a in codebook.aliases if a.actor_id and not a.exact_case and len(a.text) > 4})


def _document(rng: random.Random, actors: list[str]) -> str:
    lines = [f"{rng.choice(actors)} and {rng.choice(actors)} discuss cooperation", ""]
    for _ in range(rng.randint(12, 20)):
        sentences = [rng.choice(FILLER) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.6:
            sentences.insert(rng.randint(0, len(sentences)), rng.choice(TEMPLATES).format(
                a=rng.choice(actors), b=rng.choice(actors), day=rng.choice(DAYS), month=rng.choice(MONTHS)))
        lines += [" ".join(sentences), ""]
    if rng.random() < 0.3:
        lines += [f"Reader {i}: {rng.choice(FILLER)}" for i in range(rng.randint(1, 6))]
    return "\n".join(lines) + "\n"


JSONL_FROM = 10_000


def generate(root: Path, n_docs: int, seed: int = 0, manifest: str | None = None) -> Path:
    """Write ``n_docs`` documents and their manifest into ``root``; return ``root``."""
    rng = random.Random(seed)
    actors = _actors()
    (root / "raw").mkdir(parents=True, exist_ok=True)
    entries = []
    for number in range(n_docs):
        name = f"raw/gen-{number:06d}.txt"
        text = _document(rng, actors)
        (root / name).write_text(text, encoding="utf-8")
        year, month, day = rng.randint(2015, 2021), rng.randint(1, 12), rng.randint(1, 28)
        entry = {"id": f"gen-{number:06d}", "file": name, "title": text.split("\n", 1)[0], "outlet": "Synthetic Wire",
                 "published": f"{year}-{month:02d}-{day:02d}", "date_precision": "day"}
        if "Reader 0:" in text:
            entry["segmentation"] = {"comments_start": "Reader 0:"}
        entries.append(entry)
    if (manifest or ("jsonl" if n_docs >= JSONL_FROM else "yml")) == "jsonl":
        (root / "sources.jsonl").write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    else:
        (root / "sources.yml").write_text(yaml.safe_dump({"documents": entries}, sort_keys=False), encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("n_docs", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--manifest", choices=("yml", "jsonl"), help=f"default: jsonl from {JSONL_FROM:,} documents")
    args = parser.parse_args()
    generate(args.root, args.n_docs, args.seed, args.manifest)


if __name__ == "__main__":
    main()
