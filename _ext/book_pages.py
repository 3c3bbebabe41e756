"""Sphinx extension: what every page of the book carries besides its content.

* ``citation_*`` (Highwire) and OpenGraph meta tags in the head of every page;
* on every chapter, a "Cite this chapter" box (APA, BibTeX, CSL-JSON) and a
  reproducibility receipt (book version, git commit, lock-file and data
  digests, when the chapter was executed and how long it took);
* a footer with the version, release date, the PDF edition and how to cite;
* headings that a chapter writes as HTML output (each document of the sources
  appendix) listed in the page's "Contents", which Sphinx builds from Markdown
  headings only;
* the first use of each glossary term on a chapter page linked to the glossary;
* ``sitemap.xml`` at the end of the build;
* the ``{exhibits}`` directive: every figure and table, with the functions behind it.

All of it is generated from ``CITATION.cff`` (via :mod:`analysis.site.citation`) and
the build itself, so nothing is typed twice. It is added when pages are written,
not stored in the notebooks, so the chapters' committed outputs stay
byte-identical between runs.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive

from analysis.chapters import glossary
from analysis.extract.codebook import load_codebook
from analysis.site import build, citation, pdf

PDF_PATH = f"book/{pdf.PDF_NAME}"
NO_TERM_LINKS = ("book/sources", "book/glossary")  # source text is shown as written; the glossary is the target


def _document_labels() -> dict[str, str]:
    """doc_id → "outlet, date" for this build's corpus (metadata only: no text is read)."""
    from analysis.chapters.corpus import document_labels
    from analysis.corpus.load import load_corpus

    return document_labels(load_corpus(read_texts=False))


def _git_commit(root: Path) -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True,
                             text=True, timeout=10)
        return out.stdout.strip() or "not a git checkout"
    except (OSError, subprocess.SubprocessError):
        return "not a git checkout"


def _plain(title: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", title or "")).strip()


def _pre(label: str, text: str) -> str:
    return f"<p><strong>{label}</strong></p><pre class='cite-text'>{html.escape(text)}</pre>"


def _cite_box(work: citation.Work) -> str:
    return ("<aside class='book-aside cite-box'><details><summary>Cite this chapter</summary>"
            + _pre("APA", citation.apa(work)) + _pre("BibTeX", citation.bibtex(work))
            + _pre("CSL-JSON", citation.csl_json(work)) + "</details></aside>")


def _receipt(app: Any, pagename: str, work: citation.Work) -> str:
    from myst_nb.sphinx_ import NbMetadataCollector

    try:
        data = NbMetadataCollector.get_exec_data(app.env, pagename) or {}
    except KeyError:
        data = {}
    when = dt.datetime.fromtimestamp(data["mtime"], dt.UTC).strftime("%Y-%m-%d %H:%M UTC") if data else "not executed"
    runtime = f"{data['runtime']:.1f} s ({data.get('method', '?')})" if data.get("runtime") else "—"
    rows = [("Book version", f"{work.version}, released {work.released}"), ("Git commit", app.config.book_commit),
            ("Lock file (sha256)", app.config.book_lock), ("Data (sha256)", app.config.book_data),
            ("Executed", when), ("Run time", runtime)]
    items = "".join(f"<dt>{html.escape(k)}</dt><dd><code>{html.escape(v)}</code></dd>" for k, v in rows)
    return ("<aside class='book-aside receipt'><details><summary>Reproducibility receipt</summary>"
            f"<dl>{items}</dl></details></aside>")


SOURCE_LINK = re.compile(r'(<a class="source-link" href="sources\.html#(?P<para>[\w-]+)">)(?P<text>[^<]*)</a>')


def label_source_links(body: str, doc_labels: dict[str, str]) -> str:
    """Source links written with ids ("doc-002 ¶7", "doc-002") read as "SouthFront, Sep 2016, ¶7"."""
    def relabel(match: re.Match[str]) -> str:
        text = html.unescape(match.group("text"))
        written = re.fullmatch(r"(?P<doc>[\w-]+)(?: ¶(?P<n>\d+))?", text)
        if not written or written.group("doc") not in doc_labels:
            return match.group(0)
        label = doc_labels[written.group("doc")]
        shown = f"{label},\u00a0¶{written.group('n')}" if written.group("n") else label  # ¶ never alone
        return f"{match.group(1)}{html.escape(shown)}</a>"

    return SOURCE_LINK.sub(relabel, body)


def number_tables(body: str) -> str:
    """Number the captioned tables of a page in order and point ``table-ref`` links at their numbers."""
    numbers: dict[str, int] = {}

    def caption(match: re.Match[str]) -> str:
        count = len(numbers) + 1
        ident = re.search(r'id="([^"]+)"', match.group(1))
        numbers[ident.group(1) if ident else f"#{count}"] = count
        return (f"{match.group(1)}<caption class='book-table-caption'>"
                f"<span class='table-number'>Table {count}.</span>")

    body = re.sub(r"(<table[^>]*>)<caption class='book-table-caption'><span class='table-number'>Table</span>",
                  caption, body)
    return re.sub(r'<a class="table-ref" href="#([^"]+)">[^<]*</a>',
                  lambda m: f'<a class="table-ref" href="#{m.group(1)}">Table {numbers.get(m.group(1), "?")}</a>',
                  body)


OUTPUT_HEADING = re.compile(
    r'<section class="[^"]*" id="(?P<id>[\w-]+)">\s*<h2 [^>]*?data-toc-label="(?P<label>[^"]*)"')


def toc_with_output_headings(toc: str, body: str) -> str:
    """The page's local contents (Sphinx's ``toc``) with the output sections of ``body`` under its title."""
    from bs4 import BeautifulSoup

    found = list(OUTPUT_HEADING.finditer(body))
    soup = BeautifulSoup(toc, "html.parser")
    title = soup.find("li")
    if not found or title is None:
        return toc
    sections = title.find("ul")
    if sections is None:
        sections = soup.new_tag("ul")
        title.append(sections)
    for match in found:  # id and label are escaped already: they come from the page's own HTML
        sections.append(BeautifulSoup(f'<li><a class="reference internal" href="#{match["id"]}">'
                                      f'{match["label"]}</a></li>', "html.parser"))
    return str(soup)


def _output_headings(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Before the theme decides whether the page has contents (priority 500), add the output headings."""
    if "toc" in context and "body" in context:
        context["toc"] = toc_with_output_headings(context["toc"], context["body"])


def _page_context(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    work = citation.load_work()
    page = citation.chapter(work, _plain(context.get("title", "")), f"{pagename}.html")
    has_pdf = app.config.book_pdf
    tags = citation.meta_tags(page, work.url + PDF_PATH if has_pdf and work.url else None)
    context["metatags"] = context.get("metatags", "") + "".join(
        f'\n<meta {"property" if n.startswith("og:") else "name"}="{n}" content="{html.escape(v)}">'
        for n, v in tags)
    body = label_source_links(number_tables(context.get("body", "")), app.config.book_doc_labels)
    if pagename.startswith("book/") and app.config.book_corpus:
        body = (f"<p class='book-note corpus-banner' role='note'>This edition was built from the corpus "
                f"<code>{html.escape(app.config.book_corpus)}</code>: tables, charts and counts come from it; "
                "the prose was written for the project's own corpus.</p>") + body
    if pagename.startswith("book/") and pagename not in NO_TERM_LINKS:
        body = glossary.link_terms(body, app.config.book_terms, context["pathto"]("book/glossary"))
    if pagename.startswith("book/") and doctree is not None:
        body += _cite_box(page)
        if str(app.env.doc2path(pagename)).endswith(".ipynb"):  # only executed chapters have a receipt
            body += _receipt(app, pagename, work)
    cite = context["pathto"]("book/cite")
    # Only where this machine can make the PDF (analysis.site.pdf.missing_part): never a dead link.
    edition = f" · <a href='{context['pathto'](PDF_PATH, 1)}'>PDF edition</a>" if has_pdf else ""
    body += (f"<footer class='book-version'>Version {html.escape(work.version)}, released "
             f"{work.released.isoformat()}{edition} · <a href='{cite}'>How to cite</a></footer>")
    context["body"] = body


def _copy_downloads(app: Any, exception: Exception | None) -> None:
    """Copy the tables exported by ``analysis.site prepare`` (for this build's corpus) to /tables/."""
    import shutil

    from analysis import config

    if exception is None and app.builder.format == "html" and (config.BUILD_DIR / "downloads").is_dir():
        shutil.copytree(config.BUILD_DIR / "downloads", Path(app.outdir), dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(".*"))


def _sitemap(app: Any, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    base = citation.load_work().url
    if not base:  # a sitemap needs absolute addresses: none until the book's address is set
        (Path(app.outdir) / "sitemap.xml").unlink(missing_ok=True)
        return
    base = base.rstrip("/")
    out = Path(app.outdir)
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html")
                   if not p.relative_to(out).as_posix().startswith(("_", "jupyter_execute")))
    urls = "".join(f"<url><loc>{html.escape(base + '/' + p)}</loc></url>" for p in pages)
    (out / "sitemap.xml").write_text('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns='
                                     f'"http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n')


# Accessibility fixes to the themes' own markup, found by axe-core (tests/test_reader_edition.py):
# the search buttons' aria-label hides their visible text ("Search Ctrl+K"), and
# sphinxcontrib-bibtex gives the citation list role="list" without list items.
THEME_FIXES = [
    (re.compile(r'(<button class="btn search-button-field search-button__button[^"]*" title="Search") '
                r'aria-label="Search"'), r"\1"),
    (re.compile(r'<div role="list" class="citation-list">'), '<div class="citation-list">'),
]


def _fix_theme_markup(app: Any, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = text
        for pattern, replacement in THEME_FIXES:
            fixed = pattern.sub(replacement, fixed)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


class ExhibitsDirective(Directive):
    """``{exhibits}``: the table of every figure and table of the book (:mod:`analysis.site.inventory`).

    Read from the chapter notebooks at build time, so it cannot go stale; each notebook is a
    dependency of the page, so editing a chapter rebuilds this page too.
    """

    has_content = False

    def run(self) -> list[nodes.Node]:
        from analysis.site import book, inventory

        env = self.state.document.settings.env
        for path in inventory.chapters_in_order():
            env.note_dependency(str(path))
        frame = inventory.exhibits_display(inventory.exhibits(), inventory.chapter_titles())
        shown = book.table(frame, "Every figure and table of the book: its chapter, and the package functions "
                           "that compute and draw it.", "tbl-exhibits",
                           links=("figure or table", "computed by", "drawn by"))
        return [nodes.raw("", shown._repr_html_(), format="html")]


ROOT_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0; url=book/index.html">
<link rel="canonical" href="book/index.html"><link rel="icon" href="_static/favicon.svg" type="image/svg+xml">
</head><body><p><a href="book/index.html">{title}</a></p></body></html>
"""


def _root_page(app: Any, exception: Exception | None) -> None:
    """The site's front door: a titled page (with the favicon) that forwards to the book's first page."""
    if exception is None and app.builder.format == "html":
        title = html.escape(citation.load_work().title.split(":")[0])
        (Path(app.outdir) / "index.html").write_text(ROOT_PAGE.format(title=title), encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("exhibits", ExhibitsDirective)
    root = Path(app.srcdir)
    app.add_config_value("book_commit", _git_commit(root), "html")
    app.add_config_value("book_lock", build.lock_digest()[:16], "html")
    app.add_config_value("book_data", build.data_digest()[:16], "html")
    from analysis import config

    other = config.corpus_dir()
    app.add_config_value("book_corpus", "" if other == config.DATA_DIR else str(other), "html")
    app.add_config_value("book_doc_labels", _document_labels(), "html")
    app.add_config_value("book_base_url", citation.load_work().url or "", "html")  # BOOK_BASE_URL: rebuild on change
    # A change of PDF capability is a config change, so Sphinx rewrites every page's footer.
    app.add_config_value("book_pdf", pdf.missing_part() is None, "html")
    app.add_config_value("book_terms", glossary.terms(load_codebook())["term"].tolist(), "html")
    app.connect("html-page-context", _output_headings, priority=400)
    app.connect("html-page-context", _page_context, priority=600)
    app.connect("build-finished", _copy_downloads)
    app.connect("build-finished", _sitemap)
    app.connect("build-finished", _fix_theme_markup)
    app.connect("build-finished", _root_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
