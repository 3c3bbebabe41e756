"""Shared fixtures: the real corpus, its tables, and tiny hand-made corpora in tmp folders."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import nbformat
import pandas as pd
import pytest
import yaml

from analysis import config
from analysis.corpus.load import Corpus, load_corpus
from analysis.tables.export import build_tables

FIXTURES = Path(__file__).parent / "fixtures"
JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"


def tiny_book(root: Path, page: str) -> None:
    """A throw-away two-page book in ``root`` with the project's configuration and extensions.

    ``page``: ``failing-cell`` (a notebook that raises), ``broken-reference`` (a dangling {ref}) or
    ``plain`` (a page that builds).
    """
    shutil.copy(config.REPO_ROOT / "_config.yml", root / "_config.yml")
    shutil.copy(config.REPO_ROOT / "references.bib", root / "references.bib")
    shutil.copytree(config.REPO_ROOT / "_ext", root / "_ext")
    (root / "_static").mkdir()
    shutil.copy(config.STATIC_DIR / "favicon.svg", root / "_static" / "favicon.svg")
    (root / "_toc.yml").write_text("format: jb-book\nroot: book/index\nchapters:\n  - file: book/page\n")
    (root / "book").mkdir()
    (root / "book" / "index.md").write_text("# Index\n\nA tiny book.\n")
    if page == "failing-cell":
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_markdown_cell("# Page"), nbformat.v4.new_code_cell("1 / 0")]
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, root / "book" / "page.ipynb")
    elif page == "broken-reference":
        (root / "book" / "page.md").write_text("# Page\n\nSee {ref}`a-label-that-does-not-exist`.\n")
    else:
        (root / "book" / "page.md").write_text("# Page\n\nA page that builds.\n")


@pytest.fixture(scope="session")
def seed_corpus() -> Corpus:
    return load_corpus(config.DATA_DIR)


@pytest.fixture(scope="session")
def seed_tables(seed_corpus: Corpus) -> dict[str, pd.DataFrame]:
    return build_tables(seed_corpus)


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[..., Path]:
    """Write a corpus folder: ``entries`` for sources.yml and ``texts`` {relative path: str | bytes}."""

    def make(entries: list[dict] | None = None, texts: dict[str, str | bytes] | None = None,
             sources_text: str | None = None) -> Path:
        root = tmp_path / "corpus"
        root.mkdir(exist_ok=True)
        for rel, content in (texts or {}).items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        if sources_text is None:
            sources_text = yaml.safe_dump({"documents": entries or []}, allow_unicode=True, sort_keys=False)
        (root / "sources.yml").write_text(sources_text, encoding="utf-8")
        return root

    return make


def entry(doc_id: str = "doc-900", file: str = "raw/a.txt", **fields) -> dict:
    """A valid sources.yml entry, with ``fields`` overriding or adding keys."""
    base = {"id": doc_id, "file": file, "title": "Headline", "outlet": "Wire",
            "published": "2019-04-05", "date_precision": "day"}
    base.update(fields)
    return base


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """Run ``python -m analysis ARGS`` in a subprocess, as a user would."""
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True,
                          cwd=config.REPO_ROOT, timeout=120)
