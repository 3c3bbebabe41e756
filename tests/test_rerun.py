"""Re-executing a chapter reproduces its committed outputs byte for byte."""

from __future__ import annotations

import shutil

from analysis import config
from analysis.site.rerun import chapter_path, rerun_chapter
from tests.conftest import run_cli


def test_rerun_reproduces_the_committed_chapter(tmp_path):
    committed = config.BOOK_DIR / "corpus.ipynb"
    copy = tmp_path / "corpus.ipynb"
    shutil.copy(committed, copy)
    result = rerun_chapter(copy)
    assert result.changed is False
    assert copy.read_bytes() == committed.read_bytes()
    assert result.seconds > 0


def test_chapter_names_resolve():
    assert chapter_path("corpus") == config.BOOK_DIR / "corpus.ipynb"
    assert chapter_path("book/corpus.ipynb") == config.BOOK_DIR / "corpus.ipynb"


def test_unknown_chapter_is_a_clear_error():
    result = run_cli("rerun", "no-such-chapter")
    assert result.returncode == 2
    assert "no chapter 'no-such-chapter'" in result.stderr and "corpus" in result.stderr
    assert "Traceback" not in result.stderr
