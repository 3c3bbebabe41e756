"""The build gate: with the book's own configuration, a failing cell or a Sphinx warning fails the build.

This is the usual Jupyter Book trap (a page "builds" with a broken cell), so it is
tested on a throw-away book in a temporary folder that uses our `_config.yml`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from analysis import config

JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"


def _tiny_book(root: Path, page: str) -> None:
    shutil.copy(config.REPO_ROOT / "_config.yml", root / "_config.yml")
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
    else:
        (root / "book" / "page.md").write_text("# Page\n\nSee {ref}`a-label-that-does-not-exist`.\n")


def _build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(JUPYTER_BOOK), "build", str(root), "-W", "-n", "--keep-going"],
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("page, message", [
    ("failing-cell", "ZeroDivisionError"),
    ("broken-reference", "a-label-that-does-not-exist"),
])
def test_build_fails(tmp_path, page, message):
    _tiny_book(tmp_path, page)
    result = _build(tmp_path)
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
