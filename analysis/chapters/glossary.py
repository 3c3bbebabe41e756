"""The glossary of actors and acronyms, generated from the codebook.

An entry is made for every actor alias written as an acronym (GNA, HoR, LNA,
UNSMIL...), defined by the actor's name, type and camp, plus the codebook's
``glossary_extra`` entries for terms the corpus uses without naming the body
(GNU). The book links the first use of each term on a chapter page to its entry.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from analysis.extract.codebook import Codebook

ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z]{1,7}$")
GLOSSARY_PAGE = "glossary.html"


def anchor(term: str) -> str:
    """The glossary anchor of a term: ``term-gna``."""
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def terms(codebook: Codebook) -> pd.DataFrame:
    """Glossary entries, alphabetical: term, definition, camp, actor_id (empty for extra entries)."""
    rows = {}
    for alias in codebook.aliases:
        if alias.actor_id and ACRONYM.match(alias.text) and alias.text not in rows:
            actor = codebook.actors[alias.actor_id]
            camp = codebook.camps.get(actor.get("camp"), "")
            rows[alias.text] = {"term": alias.text, "definition": f"{actor['name']} ({actor['type']})",
                                "camp": camp, "actor_id": alias.actor_id}
    for extra in codebook.glossary_extra:
        rows.setdefault(extra["term"], {"term": extra["term"], "definition": extra["definition"], "camp": "",
                                        "actor_id": ""})
    return pd.DataFrame(sorted(rows.values(), key=lambda r: r["term"].lower()))


class GlossaryView:
    """The glossary as a definition list with one anchor per term."""

    def __init__(self, table: pd.DataFrame):
        self.table = table

    def _repr_html_(self) -> str:
        items = "".join(
            f'<dt id="{anchor(r.term)}">{html.escape(r.term)}</dt><dd>{html.escape(r.definition)}'
            + (f"<br><span class='glossary-camp'>Camp: {html.escape(r.camp)}</span>" if r.camp else "") + "</dd>"
            for r in self.table.itertuples(index=False))
        return f'<dl class="book-glossary">{items}</dl>'

    def __repr__(self) -> str:
        return "\n".join(f"{r.term}: {r.definition}" for r in self.table.itertuples(index=False))


SKIP_TAGS = {"a", "code", "pre", "script", "style", "table", "figure", "summary", "dt", "title", "svg",
             "h1", "h2", "h3", "h4", "h5", "h6", "aside", "footer", "nav"}


def link_terms(body: str, glossary_terms: list[str], href: str) -> str:
    """Link the first use of each term in the page's running text (never inside links, code, tables)."""
    pending = {t: re.compile(rf"(?<![\w-]){re.escape(t)}(?![\w-])") for t in glossary_terms}
    depth, out = 0, []
    for part in re.split(r"(<[^>]+>)", body):
        if part.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            if name and name.group(1).lower() in SKIP_TAGS and not part.endswith("/>"):
                depth += -1 if part.startswith("</") else 1
            out.append(part)
            continue
        if depth == 0:
            for term, pattern in list(pending.items()):
                match = pattern.search(part)
                if match:
                    link = f'<a class="glossary-term" href="{href}#{anchor(term)}">{match.group(0)}</a>'
                    part = part[:match.start()] + link + part[match.end():]
                    del pending[term]
        out.append(part)
    return "".join(out)
