"""Whole random corpora of every valid shape, for the property tests and the generated-corpus build.

One generator serves two drivers: hypothesis (``HypothesisChooser``, which
shrinks a failing corpus to a small one) and a seeded ``random.Random``
(``RandomChooser``, for ``make test``'s whole-book build of a generated corpus,
``python -m tests.corpus_shapes DIR --seed N``). The shapes are the ones a
researcher's own articles take and the seeds do not: no actors, comments only,
quotations only, no dates, one paragraph, one document, every actor unknown, a
theme with no named actor, a page that is all site chrome, comment threads with
and without hints. Sentences are written from construction patterns, not taken
from the seeds.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, TypeVar

import yaml

T = TypeVar("T")

KNOWN = ["Khalifa Haftar", "Fayez al-Sarraj", "Russia", "Moscow", "Vladimir Putin", "the United Nations", "Egypt",
         "Sergei Lavrov", "the Government of National Accord", "Turkey", "Aguila Saleh"]
UNKNOWN = ["Omar Zintani", "Salma Warfalli", "the Fezzan council", "Karim Obeidi", "a Tuareg elder"]
ROLES = ["foreign minister", "spokesman", "correspondent", "envoy", "military commander"]
REQUESTS = [
    "{a} called on {b} to supply weapons to the army.",
    "{a} asked {b} for help in lifting the arms embargo.",
    "{a} urged {b} to intervene against the militants.",
    "{a} travelled to Moscow to seek military support from {b}.",
    "{a}'s request to {b} for investment was discussed.",
    "{b} was asked by {a} to mediate between the rival governments.",
    "{a} denied asking {b} for troops.",
    "{a} said {b} would not be asked to send troops.",
    "{b} urged {a} to join the talks.",
    "They appealed to {b} for humanitarian aid.",
]
QUOTES = [
    '"We ask {b} to stand with the Libyan people," {a} said.',
    '{a} told reporters: "The embargo must end so that we can defend ourselves."',
    '"Nothing has been decided about the weapons yet," said {role} {u}.',
    '"This is a matter for the Libyans alone and nobody else," a source said.',
    "“We hope our friends will help us rebuild the country,” {a} added.",
]
PLAIN = [
    "The arms embargo remains in force and shipments continue regardless.",
    "Fighting resumed near the coast on {date}.",
    "The talks ended without a statement.",
    "Oil exports fell again this month amid the blockade of terminals.",
    "{role} {u} visited the capital on {date} and met local leaders.",
    "Terrorism and the legitimacy of the parliament dominated the debate.",
]
DATES = ["Monday", "5 March 2019", "March 2019", "last week", "2017", "21 July", "the 3rd"]
CHROME = ["Share", "Print", "Log in", "Related Articles", "Privacy Policy", "Home / World / Africa",
          "Back to top button"]
COMMENTS = ["Russia is the only friend Libya has left.", "The West destroyed this country in 2011.",
            "Haftar will never win this war.", "Who pays for all these weapons?", "Agreed..."]
THREAD_HEADINGS = ["Comments", "3 Comments", "Leave a Reply", "Join the discussion"]
THREAD_LINES = ["Reply", "2 years ago", "March 3, 2019 at 5:42 pm", "avatar"]


class Chooser(Protocol):
    """Where the generator's choices come from: hypothesis, or a seeded random generator."""

    def integer(self, low: int, high: int) -> int: ...
    def pick(self, options: Sequence[T]) -> T: ...


class RandomChooser:
    """Choices from ``random.Random(seed)``: the same seed, the same corpus."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def integer(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def pick(self, options: Sequence[T]) -> T:
        return options[self.rng.randrange(len(options))]


class HypothesisChooser:
    """Choices drawn through hypothesis's ``st.data()``, so a failing corpus shrinks."""

    def __init__(self, data):
        from hypothesis import strategies as st

        self.data, self.st = data, st

    def integer(self, low: int, high: int) -> int:
        return self.data.draw(self.st.integers(low, high))

    def pick(self, options: Sequence[T]) -> T:
        return self.data.draw(self.st.sampled_from(options))


def _fill(template: str, choose: Chooser, names: Sequence[str]) -> str:
    return template.format(a=choose.pick(names), b=choose.pick(names), u=choose.pick(UNKNOWN),
                           role=choose.pick(ROLES), date=choose.pick(DATES))


def _paragraph(choose: Chooser, names: Sequence[str], kinds: Sequence[Sequence[str]]) -> str:
    return " ".join(_fill(choose.pick(choose.pick(kinds)), choose, names) for _ in range(choose.integer(1, 3)))


# The unusual shapes first: hypothesis tries early choices most, and a corpus of articles is no test.
SHAPES = ("no actors", "unknown actors", "quotes only", "comments only", "chrome only", "one paragraph",
          "thread without hints", "article", "article")


def document(choose: Chooser, title: str, shape: str | None = None) -> tuple[list[str], dict]:
    """One document's lines (title first) and its segmentation hints, in ``shape`` or one of :data:`SHAPES`."""
    shape = shape or choose.pick(SHAPES)
    names = {"no actors": ["the committee", "the delegation"], "unknown actors": UNKNOWN}.get(shape, KNOWN + UNKNOWN)
    kinds = {"quotes only": [QUOTES], "no actors": [PLAIN]}.get(shape, [REQUESTS, QUOTES, PLAIN])
    lines, hints = [title], {}
    if shape == "chrome only":
        return lines + [choose.pick(CHROME) for _ in range(choose.integer(1, 4))], hints
    if shape == "comments only":
        comments = [choose.pick(COMMENTS) for _ in range(choose.integer(1, 4))]
        return lines + comments, {"comments_start": comments[0]}
    count = 1 if shape == "one paragraph" else choose.integer(1, 6)
    lines += [_paragraph(choose, names, kinds) for _ in range(count)]
    if choose.integer(0, 3) == 0:
        lines.insert(1, choose.pick(CHROME))
    if shape == "thread without hints":
        lines += [choose.pick(THREAD_HEADINGS)]
        for _ in range(choose.integer(1, 3)):
            lines += [choose.pick(THREAD_LINES), choose.pick(COMMENTS)]
    elif choose.integer(0, 2) == 0:
        comments = [f"{choose.pick(COMMENTS)} ({number})" for number in range(choose.integer(1, 3))]
        lines += comments
        hints["comments_start"] = comments[0]
    return lines, hints


PUBLISHED = [(None, "unknown"), ("2016", "year"), ("2018-08", "month"), ("2019-04-05", "day"), ("2021-01-30", "day")]


def corpus(choose: Chooser, every_shape: bool = False) -> tuple[list[dict], dict[str, str]]:
    """A whole corpus: its ``sources.yml`` entries and its texts by relative path.

    ``every_shape``: one document of each shape, in turn (the generated-corpus build), else 1-4 random ones.
    """
    entries, texts = [], {}
    shapes = list(dict.fromkeys(SHAPES)) if every_shape else [None] * choose.integer(1, 4)
    for number, shape in enumerate(shapes):
        title = f"Report number {number + 1}"
        lines, hints = document(choose, title, shape)
        published, precision = choose.pick(PUBLISHED)
        entry = {"id": f"gen-{number + 1:02d}", "file": f"raw/gen-{number + 1:02d}.txt", "title": title,
                 "outlet": choose.pick(["Wire A", "Wire B"]), "published": published, "date_precision": precision}
        if hints:
            entry["segmentation"] = hints
        entries.append(entry)
        texts[entry["file"]] = "\n\n".join(lines) + "\n"
    return entries, texts


def write_corpus(root: Path, entries: list[dict], texts: dict[str, str]) -> Path:
    """Write a corpus folder: ``sources.yml`` and its text files."""
    for relative, text in texts.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    (root / "sources.yml").write_text(yaml.safe_dump({"documents": entries}, allow_unicode=True, sort_keys=False),
                                      encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a generated corpus with one document of each shape (seeded).")
    parser.add_argument("root", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_corpus(args.root, *corpus(RandomChooser(args.seed), every_shape=True))


if __name__ == "__main__":
    main()
