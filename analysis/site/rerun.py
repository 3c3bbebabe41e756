"""Re-execute chapters in place with nbclient, reporting run time and output changes.

Chapters are committed with their outputs so that nbval can compare them; after
a change to the package or the corpus that alters a published number, rerun the
chapter (``python -m analysis rerun corpus``) and commit the refreshed notebook.
Timing metadata is not recorded, so a rerun that changes nothing leaves the
file byte-identical.
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from analysis import config

TIMEOUT_S = 600


@dataclass(frozen=True)
class RerunResult:
    """What happened when a chapter was re-executed."""

    path: Path
    seconds: float
    changed: bool


def chapter_path(name: str) -> Path:
    """Resolve ``corpus``, ``corpus.ipynb`` or ``book/corpus.ipynb`` to a chapter file."""
    candidate = Path(name)
    for path in (candidate, config.BOOK_DIR / candidate, config.BOOK_DIR / f"{candidate.stem}.ipynb"):
        if path.suffix == ".ipynb" and path.is_file():
            return path.resolve()
    known = ", ".join(p.stem for p in chapters())
    raise FileNotFoundError(f"no chapter '{name}' in {config.BOOK_DIR}; chapters are: {known}")


def chapters() -> list[Path]:
    """Every executable chapter of the book, in file-name order."""
    return sorted(config.BOOK_DIR.glob("*.ipynb"))


def _outputs(nb: nbformat.NotebookNode) -> list:
    return [copy.deepcopy(cell.get("outputs", [])) for cell in nb.cells if cell.cell_type == "code"]


def rerun_chapter(path: Path) -> RerunResult:
    """Execute ``path`` top to bottom in a fresh kernel and write it back with its new outputs."""
    nb = nbformat.read(path, as_version=4)
    before = _outputs(nb)
    client = NotebookClient(
        nb, timeout=TIMEOUT_S, kernel_name="python3", record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start
    changed = _outputs(nb) != before
    nbformat.write(nb, path)
    return RerunResult(path=path, seconds=seconds, changed=changed)
