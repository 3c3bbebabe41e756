"""Bad input at scale (hypothesis): random Unicode, line endings, BOMs, homoglyphs, huge or empty paragraphs.

The property: loading and exporting any such corpus either produces tables that
pass the export contract, or stops with a CorpusError — never another exception.
"""

from __future__ import annotations

import itertools

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.corpus.load import load_corpus
from analysis.errors import CorpusError
from analysis.extract.codebook import load_codebook
from analysis.tables.export import build_tables

CODEBOOK = load_codebook()
COUNTER = itertools.count()
PIECES = st.sampled_from([
    "Russia", "Сomment", "Haftar", "“We want Russia to help,” said Maiteeq.", '"quoted', "”", "•", "On Monday",
    "September 30", "2105", "GNA", "<script>alert(1)</script>", "{{ x }}", "{% raw %}", "\u200b", "\xa0", "\t",
    "Hаftаr",  # Cyrillic а
    "Russıa", "İSIS", "\u212aremlin",  # dotless i, dotted I, Kelvin sign: re.IGNORECASE matches them (found in review)
])
LINE = st.lists(st.one_of(st.text(max_size=40), PIECES), max_size=8).map(" ".join)
ENDINGS = st.sampled_from(["\n", "\r\n", "\r", "\n\n"])


def _write(tmp_path_factory, body: bytes, published: str, precision: str):
    root = tmp_path_factory.mktemp(f"corpus{next(COUNTER)}")
    (root / "raw").mkdir()
    (root / "raw" / "a.txt").write_bytes(body)
    entry = {"id": "doc-1", "file": "raw/a.txt", "title": "Title", "outlet": "Wire", "published": published,
             "date_precision": precision}
    (root / "sources.yml").write_text(yaml.safe_dump({"documents": [entry]}), encoding="utf-8")
    return root


def _load_and_export(root):
    try:
        corpus = load_corpus(root)
    except CorpusError as error:
        assert error.message and "\n" not in error.message
        return None
    tables = build_tables(corpus, CODEBOOK)  # validated against the contract inside
    texts = tables["paragraphs"].set_index("para_id")["text"]
    for row in tables["mentions"].itertuples():
        assert texts[row.para_id][row.start:row.end] == row.surface
    for row in tables["quotes"].itertuples():
        assert texts[row.para_id][row.start:row.end] == row.text
    return tables


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINE, max_size=25), ending=ENDINGS, bom=st.booleans())
def test_random_text_gives_tables_or_a_clear_error(tmp_path_factory, lines, ending, bom):
    body = ("\ufeff" if bom else "") + ending.join(lines)
    tables = _load_and_export(_write(tmp_path_factory, body.encode("utf-8"), "2019-04-05", "day"))
    if tables is not None:
        assert len(tables["paragraphs"]) == sum(1 for line in body.replace("\r\n", "\n").replace("\r", "\n")
                                                .lstrip("\ufeff").split("\n") if line.strip())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=300))
def test_random_bytes_never_crash(tmp_path_factory, raw):
    _load_and_export(_write(tmp_path_factory, raw, "2019-04", "month"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(published=st.text(max_size=12), precision=st.sampled_from(["day", "month", "year", "unknown", "week"]))
def test_random_dates_never_crash(tmp_path_factory, published, precision):
    _load_and_export(_write(tmp_path_factory, b"Title\nRussia on Friday.\n", published, precision))


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(size=st.integers(50_000, 400_000))
def test_enormous_paragraph(tmp_path_factory, size):
    body = ("Title\n" + "Russia asked Haftar for help. " * (size // 30)).encode("utf-8")
    tables = _load_and_export(_write(tmp_path_factory, body, "2019", "year"))
    assert tables is not None and len(tables["paragraphs"]) == 2
