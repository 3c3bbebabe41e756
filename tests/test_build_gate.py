"""The build gate: with the book's own configuration, a failing cell or a Sphinx warning fails the build.

This is the usual Jupyter Book trap (a page "builds" with a broken cell), so it is
tested on a throw-away book in a temporary folder that uses our `_config.yml`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import JUPYTER_BOOK, tiny_book


def _build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(JUPYTER_BOOK), "build", str(root), "-W", "-n", "--keep-going"],
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("page, message", [
    ("failing-cell", "ZeroDivisionError"),
    ("broken-reference", "a-label-that-does-not-exist"),
])
def test_build_fails(tmp_path, page, message):
    tiny_book(tmp_path, page)
    result = _build(tmp_path)
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
