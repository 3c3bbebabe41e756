"""Display set-up for the chapters: offline, deterministic chart output.

Altair's own HTML output loads its scripts from a CDN and gives every chart a
random element id, which breaks offline reading and nbval's comparison of stored
outputs. The ``book`` renderer registered here instead:

* calls ``vegaEmbed`` from the scripts the site ships once in ``_static/vendor``
  (see :mod:`analysis.site`), and never names an external host;
* derives the element id from the chart's spec, so outputs are byte-identical;
* puts the chart's text description, and its data as CSV, in a folded "Text
  description and data" under it (the canvas's ``aria-label`` reads the same
  text to screen readers), escaped like all untrusted text; the figure's caption
  follows directly.
"""

from __future__ import annotations

import hashlib
import html
import json
from typing import Any
from urllib.parse import quote

import altair as alt
import pandas as pd

from analysis.charts.common import chart_title, with_legend_layout

RENDERER = "book"
EMBED_OPTIONS = {"actions": False, "renderer": "svg"}

_TEMPLATE = """<div class="book-chart">
<div id="{div_id}" class="book-chart-canvas" role="img" aria-label="{label}"></div>
<script type="text/javascript">
(function () {{
  var el = document.getElementById("{div_id}");
  function fail(message) {{ el.textContent = "[Chart not drawn: " + message + "]"; }}
  function draw() {{
    vegaEmbed(el, {spec}, {options}).then(function () {{
      // A tap is not a hover: on a touch screen, show the tooltip of the mark tapped.
      el.addEventListener("pointerdown", function (e) {{
        if (e.pointerType === "mouse") {{ return; }}
        e.target.dispatchEvent(new PointerEvent("pointermove", {{bubbles: true, clientX: e.clientX,
                                                              clientY: e.clientY, pointerType: e.pointerType}}));
      }});
    }}).catch(function (err) {{ fail(err.message); console.error(err); }});
  }}
  if (typeof vegaEmbed === "function") {{ draw(); return; }}
  // In JupyterLab (make lab) the page is the lab's: load the project's own bundle from its server, once.
  var lab = document.getElementById("jupyter-config-data");
  if (!lab) {{ fail("its scripts (_static/vendor/vega-bundle.js) were not loaded."); return; }}
  window.bookVega = window.bookVega || new Promise(function (resolve, reject) {{
    var script = document.createElement("script");
    script.src = JSON.parse(lab.textContent).baseUrl + "files/_static/vendor/vega-bundle.js";
    script.onload = resolve;
    script.onerror = reject;
    document.head.appendChild(script);
  }});
  window.bookVega.then(draw, function () {{ fail("run make lab, which serves _static/vendor/vega-bundle.js."); }});
}})();
</script>
<details class="book-chart-details"><summary>Text description and data</summary>
<p class="book-chart-description">{description}</p>
{downloads}
</details>
</div>"""


def _data_links(spec: dict[str, Any], div_id: str) -> str:
    """Links that download each dataset of the chart as CSV, embedded as data URLs (no extra files).

    Each link names its chart ("Data of “Who asked, and when” (CSV)"), so a list of links read out by a
    screen reader, or a page with several charts, says which is which.
    """
    title = chart_title(spec) or "the chart"
    datasets = list(spec.get("datasets", {}).values())
    links = []
    for number, rows in enumerate(datasets, 1):
        csv = pd.DataFrame(rows).to_csv(index=False, lineterminator="\n")
        suffix = f"-{number}" if len(datasets) > 1 else ""
        part = f", part {number} of {len(datasets)}: {len(rows)} rows" if len(datasets) > 1 else ""
        links.append(f'<a class="chart-data" download="{div_id}{suffix}.csv" '
                     f'href="data:text/csv;charset=utf-8,{quote(csv, safe="")}">'
                     f'Data of “{html.escape(title)}”{part} (CSV)</a>')
    return '<p class="chart-downloads">' + " · ".join(links) + "</p>" if links else ""


def chart_html(spec: dict[str, Any]) -> str:
    """The HTML for one chart spec: a figure whose id is a hash of the spec."""
    # Escape <, > and & as JSON unicode escapes: text inside the spec (titles,
    # tooltips, article text) can then never close the script element or open a comment.
    spec_json = json.dumps(spec, sort_keys=True, ensure_ascii=False)
    for char in "<>&":
        spec_json = spec_json.replace(char, f"\\u{ord(char):04x}")
    div_id = "chart-" + hashlib.sha256(spec_json.encode()).hexdigest()[:16]
    description = html.escape(spec.get("description") or "Chart without a description.")
    return _TEMPLATE.format(
        div_id=div_id, label=description, description=description,
        spec=spec_json, options=json.dumps(EMBED_OPTIONS, sort_keys=True), downloads=_data_links(spec, div_id),
    )


def _render(spec: dict[str, Any], **_: Any) -> dict[str, str]:
    spec = with_legend_layout(spec)
    return {"text/html": chart_html(spec), "text/plain": f"<chart: {spec.get('description', '')}>"}


def setup() -> None:
    """Configure a chapter's kernel: the offline chart renderer and stable table display."""
    alt.renderers.register(RENDERER, _render)
    alt.renderers.enable(RENDERER)
    alt.data_transformers.disable_max_rows()
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 200)


def glue_facts(facts: dict[str, Any]) -> None:
    """Glue each fact under its key, for ``{glue:text}`` in the chapter's prose (not displayed here)."""
    from myst_nb import glue

    for key, value in facts.items():
        glue(key, value, display=False)


class Table:
    """A DataFrame shown as a plain HTML table: no index column, every cell escaped.

    Untrusted text (article paragraphs, reader comments) is escaped cell by
    cell; pandas' Styler, by contrast, does not escape by default, which is why
    the chapters never use it. Only ``links``, columns the package itself built
    as HTML links (:func:`analysis.chapters.links.paragraph_link`), pass through as HTML.
    """

    def __init__(self, frame: pd.DataFrame, links: tuple[str, ...] = (), caption: str | None = None,
                 name: str | None = None):
        self.frame = frame
        self.links = links
        self.caption, self.name = caption, name

    def _repr_html_(self) -> str:
        """The table with explicit roles and a ``data-label`` on every cell: on a phone the stylesheet
        stacks each row into a card, each value under its column's name, and the roles keep it a table for
        screen readers. A wide table scrolls inside its frame, which is keyboard-focusable."""
        headers = [html.escape(str(c)) for c in self.frame.columns]
        head = "".join(f'<th scope="col" role="columnheader">{h}</th>' for h in headers)
        rows = []
        for values in self.frame.itertuples(index=False):
            cells = "".join(f'<td role="cell" data-label="{h}">{self._cell(column, value)}</td>'
                            for h, column, value in zip(headers, self.frame.columns, values, strict=True))
            rows.append(f'<tr role="row">{cells}</tr>')
        ident = f' id="{html.escape(self.name)}"' if self.name else ""
        # numbered per page at build time (_ext/book_pages.py), so numbers survive rebuilds
        caption = (f"<caption class='book-table-caption'><span class='table-number'>Table</span> "
                   f"{html.escape(self.caption)}</caption>") if self.caption else ""
        label = html.escape(self.caption or "Table", quote=True)
        return (f'<div class="book-table-wrap" role="region" tabindex="0" aria-label="{label}">'
                f'<table class="dataframe book-table"{ident} role="table">{caption}'
                f'<thead><tr role="row">{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')

    def _cell(self, column: str, value: object) -> str:
        if value is None or (isinstance(value, float) and pd.isna(value)):
            return ""
        if column in self.links:
            return str(value)
        # a break opportunity after each underscore, so that a codebook id ("military_intervention")
        # wraps at its parts instead of widening its column past the page
        return html.escape(str(value)).replace("_", "_<wbr>")

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)


def table(frame: pd.DataFrame, caption: str | None = None, name: str | None = None,
          links: tuple[str, ...] = ("source", "first mention"), empty: str | None = None) -> Table | Note:
    """Display ``frame`` in a chapter (see :class:`Table`).

    ``caption`` and ``name`` make a numbered table ("Table 2. …") that prose can refer to with
    ``<a class="table-ref" href="#name">the table</a>``; ``links`` columns hold package-built links.
    With ``empty`` ("people outside the codebook"), an empty frame shows a sentence saying so instead.
    """
    if empty and frame.empty:
        return Note(f"No {empty} in this corpus: nothing to list here.", name)
    return Table(frame, tuple(c for c in links if c in frame.columns), caption, name)


def load(corpus_dir: str | None = None) -> tuple[Any, Any, dict[str, pd.DataFrame]]:
    """Set up the kernel and load what every chapter needs: (corpus, codebook, all tables).

    The corpus is ``corpus_dir``, else $ANALYSIS_CORPUS, else the repository's; the
    codebook is the corpus folder's own ``codebook.yml`` if it has one, with the
    corpus's provisional actors (:mod:`analysis.extract.provisional`) added.
    """
    from analysis.corpus import load
    from analysis.extract import codebook, provisional
    from analysis.tables import export

    setup()
    docs = load.load_corpus(corpus_dir)
    book_codebook = codebook.load_codebook(codebook.codebook_path(docs.root))
    built = export.build_tables(docs, book_codebook)
    # People the codebook lacks but the text names (unresolved_actors) get their names in the chapters too.
    records = [provisional.Provisional(**row) for row in
               built["unresolved_actors"].drop_duplicates("actor_id").to_dict("records")]
    return docs, provisional.with_provisional(book_codebook, records), built


class Preformatted:
    """Text shown verbatim in a chapter (a citation, a BibTeX entry), escaped."""

    def __init__(self, text: str, label: str = ""):
        self.text, self.label = text, label

    def _repr_html_(self) -> str:
        title = f"<p><strong>{html.escape(self.label)}</strong></p>" if self.label else ""
        return f"{title}<pre class='cite-text'>{html.escape(self.text)}</pre>"

    def __repr__(self) -> str:
        return self.text


class Note:
    """A short notice shown in place of a chart or table that a corpus has no data for.

    ``name`` gives it the id the table would have had, so a link to the table still lands here.
    """

    def __init__(self, text: str, name: str | None = None):
        self.text, self.name = text, name

    def _repr_html_(self) -> str:
        ident = f' id="{html.escape(self.name)}"' if self.name else ""
        return f'<p class="book-note" role="note"{ident}>{html.escape(self.text)}</p>'

    def __repr__(self) -> str:
        return self.text


def chart(builder: Any, *tables: pd.DataFrame, what: str = "data") -> Any:
    """``builder(*tables)``, or a :class:`Note` when the corpus gives it no rows to draw.

    Chapters call ``book.chart(charts.requests_timeline, overview, what="requests")`` so that a
    book built from another corpus degrades to a clear note instead of an empty or broken chart.
    """
    if any(t.empty for t in tables):
        return Note(f"No {what} in this corpus: nothing to chart here.")
    return builder(*tables)
