"""Chapters degrade gracefully: built from a corpus that lacks what a chart needs, they say so."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from analysis import config
from analysis.site import book

MINIMAL = config.REPO_ROOT / "tests" / "fixtures" / "minimal"
CHAPTERS = ["index", "corpus", "invitations", "embargo", "split", "comments", "chronology", "codebook"]


def _outputs(nb: nbformat.NotebookNode) -> str:
    return " ".join(o.get("data", {}).get("text/html", "") + o.get("text", "")
                    for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_runs_on_a_nearly_empty_corpus(name, monkeypatch):
    monkeypatch.setenv(config.CORPUS_ENV, str(MINIMAL))  # the kernel inherits it
    nb = nbformat.read(config.BOOK_DIR / f"{name}.ipynb", as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(config.BOOK_DIR)}}).execute()
    html = _outputs(nb)
    assert "Traceback" not in html
    if name in ("invitations", "split", "comments"):
        assert 'class="book-note"' in html and "in this corpus: nothing to chart here." in html
    if name == "codebook":
        assert "not measured" in str(nb.cells[1].outputs)


def test_chart_or_note():
    import pandas as pd

    assert "No requests in this corpus" in repr(book.chart(lambda t: t, pd.DataFrame(), what="requests"))
    table = pd.DataFrame({"a": [1]})
    assert book.chart(lambda t: "drawn", table) == "drawn"
