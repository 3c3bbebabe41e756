"""Every valid corpus builds the whole book: property tests over generated corpora of every shape.

For each corpus hypothesis generates (:mod:`tests.corpus_shapes`), the test runs
the code cells of every chapter, in table-of-contents order, exactly as the
notebooks have them, and renders what each cell displays (tables to HTML,
charts to their spec and HTML). So every table and chart function the chapters
call is called, in the order they call it, on data of every shape; a chapter
that gains a call is covered without editing this file.
"""

from __future__ import annotations

import ast
import contextlib
import io
from pathlib import Path

import altair as alt
import nbformat
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import config
from analysis.cli import main as cli_main
from analysis.site import book, inventory
from tests.corpus_shapes import HypothesisChooser, RandomChooser, corpus, write_corpus

CHAPTERS = inventory.chapters_in_order()


def _cells(path: Path) -> list[str]:
    return [cell.source for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code"]


CODE = {path.stem: _cells(path) for path in CHAPTERS}


def _shown(value: object) -> str:
    """What a notebook would display for the value of a cell's last expression."""
    if isinstance(value, alt.TopLevelMixin):
        return book.chart_html(value.to_dict())
    if hasattr(value, "_repr_html_"):
        return value._repr_html_()
    return "" if value is None else repr(value)


def run_chapters(root: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Run every chapter's code cells against the corpus in ``root``; what each cell shows, by chapter."""
    monkeypatch.setenv(config.CORPUS_ENV, str(root))
    loaded = book.load()  # what every chapter's book.load() returns, built once for this corpus
    monkeypatch.setattr(book, "load", lambda corpus_dir=None: loaded)
    shown: dict[str, list[str]] = {}
    for chapter, cells in CODE.items():
        namespace: dict[str, object] = {}
        shown[chapter] = []
        for source in cells:
            tree = ast.parse(source)
            last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
            with contextlib.redirect_stdout(io.StringIO()):  # glue() prints outside a kernel
                exec(compile(tree, f"{chapter}.ipynb", "exec"), namespace)  # noqa: S102 - our own chapters
                value = eval(compile(ast.Expression(last.value), chapter, "eval"), namespace) if last else None
            shown[chapter].append(_shown(value))
    return shown


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_every_generated_corpus_runs_every_chapter(data, tmp_path_factory, monkeypatch):
    root = write_corpus(tmp_path_factory.mktemp("corpus"), *corpus(HypothesisChooser(data)))
    with contextlib.redirect_stdout(io.StringIO()):
        assert cli_main(["validate", "--corpus", str(root)]) == 0
    shown = run_chapters(root, monkeypatch)
    assert set(shown) == set(CODE)
    for chapter, outputs in shown.items():
        assert not any("Traceback" in html for html in outputs), chapter


def test_a_corpus_of_every_shape_says_where_a_chapter_has_nothing_to_show(tmp_path, monkeypatch):
    """The generated corpus `make test` builds: a chapter without data says so in a sentence."""
    root = write_corpus(tmp_path, *corpus(RandomChooser(1), every_shape=True))
    shown = run_chapters(root, monkeypatch)
    notes = [html for outputs in shown.values() for html in outputs if 'class="book-note"' in html]
    assert all("in this corpus" in note for note in notes)


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_comment_threads_are_found_without_hints(data, tmp_path_factory):
    """A page whose sources.yml entry has no hints: its comments are comments, its reporting is not."""
    from analysis.corpus.load import load_corpus
    from analysis.corpus.segment import segment_document
    from tests.corpus_shapes import COMMENTS, THREAD_HEADINGS, document

    lines, hints = document(HypothesisChooser(data), "Report", "thread without hints")
    entry = {"id": "gen-01", "file": "raw/a.txt", "title": "Report", "outlet": "Wire", "published": None,
             "date_precision": "unknown"}
    root = write_corpus(tmp_path_factory.mktemp("thread"), [entry], {"raw/a.txt": "\n".join(lines) + "\n"})
    paragraphs = segment_document(load_corpus(root).documents[0])
    heading = next(p.position for p in paragraphs if p.text in THREAD_HEADINGS)
    assert hints == {}
    for paragraph in paragraphs:
        is_comment = paragraph.position > heading and paragraph.text in COMMENTS
        assert (paragraph.segment == "comment") == is_comment, paragraph
