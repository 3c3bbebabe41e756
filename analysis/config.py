"""Where things are: the repository's paths, computed from this file.

Paths never depend on the working directory, so a chapter, a test and the
command line all find the same corpus. The corpus can be swapped for another
folder with the ``ANALYSIS_CORPUS`` environment variable (used by
``make book CORPUS=DIR``) or the ``--corpus`` option of the command line.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"
BOOK_DIR = REPO_ROOT / "book"
CORPUS_ENV = "ANALYSIS_CORPUS"


def _build_dir() -> Path:
    """``_build`` for the repository's corpus; ``_build/corpora/<name>/_build`` for another one.

    Each corpus gets its own build (site, execution cache, downloads), so building
    the book from another corpus never overwrites or reuses the main edition.
    """
    other = os.environ.get(CORPUS_ENV)
    if not other or Path(other).resolve() == DATA_DIR:
        return REPO_ROOT / "_build"
    return REPO_ROOT / "_build" / "corpora" / Path(other).resolve().name / "_build"


BUILD_DIR = _build_dir()
STATIC_DIR = REPO_ROOT / "_static"
LOCK_FILE = REPO_ROOT / "requirements.lock"
LAB_LOCK_FILE = REPO_ROOT / "requirements-lab.lock"  # JupyterLab for `make lab`, on top of LOCK_FILE
SOURCES_FILE = "sources.yml"


def corpus_dir(override: str | Path | None = None) -> Path:
    """Return the corpus folder to use: ``override``, else $ANALYSIS_CORPUS, else ``data/``."""
    if override is not None:
        return Path(override).resolve()
    env = os.environ.get(CORPUS_ENV)
    return Path(env).resolve() if env else DATA_DIR
