"""Citations of the book and its chapters, generated from ``CITATION.cff`` alone.

Where the book is published is a build setting, not a guess: ``BOOK_BASE_URL``
(``make book BOOK_BASE_URL=https://…/``) or ``url`` in ``CITATION.cff``. Until
one is set, the cite boxes, the ``citation_*``/OpenGraph tags and the sitemap
name no address at all (there is no sitemap), rather than a placeholder.

Everything a reader copies to cite the book — BibTeX, APA, CSL-JSON, the
``citation_*`` meta tags read by Google Scholar and Zotero, ``.zenodo.json`` —
is derived here from the one file, so the formats can never disagree.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from analysis import config

CFF_FILE = config.REPO_ROOT / "CITATION.cff"
BASE_URL_ENV = "BOOK_BASE_URL"


@dataclass(frozen=True)
class Work:
    """What is cited: the book, or one chapter of it (``chapter`` set)."""

    title: str
    authors: tuple[str, ...]
    version: str
    released: dt.date
    url: str | None
    abstract: str
    licenses: tuple[str, ...]
    keywords: tuple[str, ...]
    chapter: str | None = None
    chapter_url: str | None = None


def _author(entry: dict) -> str:
    if "name" in entry:
        return entry["name"]
    return " ".join(p for p in (entry.get("given-names"), entry.get("family-names")) if p)


@functools.cache
def load_work(path: Path = CFF_FILE) -> Work:
    """The book as ``CITATION.cff`` describes it (read once per process: every page of a build asks)."""
    cff = yaml.safe_load(path.read_text(encoding="utf-8"))
    licenses = cff.get("license", [])
    return Work(
        title=cff["title"], authors=tuple(_author(a) for a in cff["authors"]), version=str(cff["version"]),
        released=dt.date.fromisoformat(str(cff["date-released"])), url=base_url(cff),
        abstract=" ".join(cff.get("abstract", "").split()),
        licenses=tuple([licenses] if isinstance(licenses, str) else licenses),
        keywords=tuple(cff.get("keywords", [])),
    )


def base_url(cff: dict) -> str | None:
    """Where the book is published: $BOOK_BASE_URL, else ``url`` in CITATION.cff, else None (not yet)."""
    url = os.environ.get(BASE_URL_ENV) or cff.get("url")
    return url.rstrip("/") + "/" if url else None


def chapter(work: Work, title: str, page: str) -> Work:
    """The same work, narrowed to one chapter at ``page`` (a path relative to the book's URL)."""
    return Work(**{**work.__dict__, "chapter": title, "chapter_url": work.url + page if work.url else None})


def _key(work: Work) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", (work.chapter or "book").lower()).strip("-")
    return f"libyarussia{work.released.year}-{slug}" if work.chapter else f"libyarussia{work.released.year}"


def bibtex(work: Work) -> str:
    """A BibTeX entry: ``@book`` for the book, ``@incollection`` for a chapter."""
    authors = " and ".join("{" + a + "}" for a in work.authors)
    fields = [("author", authors), ("year", str(work.released.year)),
              ("month", work.released.strftime("%b").lower()), ("version", work.version)]
    fields += [("url", work.chapter_url or work.url)] if work.url else []
    fields += [("note", f"Version {work.version}, released {work.released}")]
    if work.chapter:
        fields = [("title", work.chapter), ("booktitle", work.title), *fields]
        kind = "incollection"
    else:
        fields = [("title", work.title), *fields]
        kind = "book"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{_key(work)},\n{body}\n}}"


def apa(work: Work) -> str:
    """An APA 7 reference (author, date, title, version, URL)."""
    authors = ", ".join(work.authors)
    date = f"({work.released.year}, {work.released.strftime('%B')} {work.released.day})"
    where = f" {work.chapter_url or work.url}" if work.url else ""
    if work.chapter:
        return f"{authors}. {date}. {work.chapter}. In {work.title} (Version {work.version}).{where}"
    return f"{authors}. {date}. {work.title} (Version {work.version}).{where}"


def csl_json(work: Work) -> str:
    """CSL-JSON (as used by Zotero, Pandoc and citeproc), one item in a list."""
    item = {
        "id": _key(work), "type": "chapter" if work.chapter else "book",
        "title": work.chapter or work.title,
        "author": [{"literal": a} for a in work.authors],
        "issued": {"date-parts": [[work.released.year, work.released.month, work.released.day]]},
        "version": work.version,
    }
    if work.url:
        item["URL"] = work.chapter_url or work.url
    if work.chapter:
        item["container-title"] = work.title
    return json.dumps([item], indent=2, ensure_ascii=False)


def meta_tags(work: Work, pdf_url: str | None) -> list[tuple[str, str]]:
    """``citation_*`` (Highwire, read by Google Scholar and Zotero) and OpenGraph name/content pairs.

    ``pdf_url`` is None when this build has no PDF edition: no tag then points at a missing file.
    """
    tags = [("citation_title", work.chapter or work.title)]
    tags += [("citation_author", a) for a in work.authors]
    tags += [("citation_publication_date", work.released.strftime("%Y/%m/%d")),
             ("citation_online_date", work.released.strftime("%Y/%m/%d"))]
    tags += [("citation_public_url", work.chapter_url or work.url)] if work.url else []
    tags += [("citation_pdf_url", pdf_url)] if pdf_url else []
    tags += [("citation_language", "en")]
    if work.chapter:
        tags.append(("citation_inbook_title", work.title))
    tags += [("citation_keywords", "; ".join(work.keywords)),
             ("og:title", work.chapter or work.title), ("og:type", "article" if work.chapter else "book")]
    tags += [("og:url", work.chapter_url or work.url)] if work.url else []
    tags += [("og:description", work.abstract), ("og:site_name", work.title), ("description", work.abstract)]
    return tags


def zenodo_json(work: Work) -> str:
    """The ``.zenodo.json`` deposit metadata."""
    licence = next((lic for lic in work.licenses if lic.upper().startswith("CC")), work.licenses[0])
    record = {
        "title": work.title, "description": work.abstract, "upload_type": "software",
        "version": work.version, "publication_date": work.released.isoformat(),
        "creators": [{"name": a} for a in work.authors], "keywords": list(work.keywords),
        "license": {"id": licence.lower()},
    }
    if work.url:
        record["related_identifiers"] = [
            {"identifier": work.url, "relation": "isDocumentedBy", "resource_type": "publication-book"}]
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"
