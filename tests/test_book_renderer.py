"""The chapters' chart renderer: deterministic ids, offline, untrusted text escaped."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.site import book

HOSTILE = '</script><script>alert("x")</script><img src=x onerror=alert(1)>'


def _chart(title: str = "Plain", description: str = "A plain chart about nothing.") -> alt.Chart:
    data = pd.DataFrame({"who": [HOSTILE, "Sputnik"], "n": [1, 2]})
    return alt.Chart(data).mark_bar().encode(x="n:Q", y="who:N", tooltip=["who:N"]).properties(
        title=title, description=description)


def test_same_chart_same_html():
    spec = _chart().to_dict()
    assert book.chart_html(spec) == book.chart_html(_chart().to_dict())
    assert 'id="chart-' in book.chart_html(spec)
    assert book.chart_html(spec) != book.chart_html(_chart(title="Other").to_dict())


def test_no_external_host_and_uses_shipped_vega_embed():
    html = book.chart_html(_chart().to_dict())
    assert "cdn" not in html and "jsdelivr" not in html and "<script src" not in html
    assert "vegaEmbed(el," in html and '"renderer": "svg"' in html


def test_untrusted_text_cannot_break_out_of_the_script():
    html = book.chart_html(_chart(description=HOSTILE).to_dict())
    script = html.split('<script type="text/javascript">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and "\\u003c/script\\u003e" in script  # spec text escaped as JSON
    assert "</script><script>" not in html
    assert html.count("</script>") == 1  # only the renderer's own closing tag
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # description shown as text


def test_setup_enables_the_renderer():
    book.setup()
    bundle = _chart()._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert data["text/html"].startswith('<div class="book-chart">')
    assert alt.renderers.active == "book"


def test_tables_escape_untrusted_text_and_hide_the_index():
    frame = pd.DataFrame({"text": [HOSTILE, "plain & simple"]})
    html = book.table(frame)._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;alert" in html and "plain &amp; simple" in html
    assert "<th></th>" not in html and 'class="dataframe book-table"' in html
    assert repr(book.table(frame)).splitlines()[0].strip() == "text"


def test_link_columns_pass_through_but_text_columns_do_not():
    from analysis.chapters.links import paragraph_link

    frame = pd.DataFrame({"text": [HOSTILE], "source": [paragraph_link("doc-002-p007")]})
    html = book.table(frame)._repr_html_()
    assert '<a class="source-link" href="sources.html#doc-002-p007">doc-002 ¶7</a>' in html
    assert "<script>" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_chart_data_downloads_as_csv():
    from urllib.parse import unquote

    html = book.chart_html(_chart().to_dict())
    href = html.split('class="chart-data"', 1)[1].split('href="', 1)[1].split('"', 1)[0]
    assert href.startswith("data:text/csv;charset=utf-8,")
    csv = unquote(href.split(",", 1)[1])
    assert csv.splitlines()[0] == "who,n" and "Sputnik,2" in csv
    assert "<" not in href and '"' not in href  # the hostile row is percent-encoded
