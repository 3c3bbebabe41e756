"""Check the system programs a ``make`` target needs before it builds anything.

``make test`` needs Chromium (the browser checks), Node.js and npm (axe-core
is installed from the npm registry) and the Pango library (the PDF edition, whose
tests read it). Finding one missing seven minutes into a run wastes the run, so
``make test`` calls ``python -m analysis.site.preflight test`` first: one line per
missing tool, each with the command that installs it, and exit status 2.

Standard library only: it runs with the system's Python before the project's
virtual environment exists.
"""

from __future__ import annotations

import ctypes.util
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CHROMIUM = "/usr/lib/chromium/chromium"  # Debian's binary; /usr/bin/chromium is a shell wrapper


def chromium_path() -> str:
    """The Chromium binary the browser tests drive: $BOOK_CHROMIUM, else Debian's."""
    return os.environ.get("BOOK_CHROMIUM") or DEFAULT_CHROMIUM


@dataclass(frozen=True)
class Tool:
    """A system program or library, how to tell it is here, and how to install it."""

    name: str
    present: Callable[[], bool]
    install: str


def _chromium() -> bool:
    path = Path(chromium_path())
    return path.is_file() and os.access(path, os.X_OK)


def _library(name: str) -> Callable[[], bool]:
    return lambda: ctypes.util.find_library(name) is not None


TOOLS: dict[str, list[Tool]] = {
    "test": [
        Tool("Chromium", _chromium, "apt-get install chromium (or set BOOK_CHROMIUM to a Chromium binary)"),
        Tool("Node.js", lambda: shutil.which("node") is not None, "apt-get install nodejs"),
        Tool("npm", lambda: shutil.which("npm") is not None, "apt-get install npm"),
        Tool("Pango (for the PDF edition)", _library("pango-1.0"),
             "apt-get install libpango-1.0-0 libpangoft2-1.0-0 (macOS: brew install pango)"),
    ],
}


def missing(target: str) -> list[str]:
    """One line per tool ``target`` needs that this machine lacks, naming it and its install command."""
    return [f"missing: {tool.name}: {tool.install}" for tool in TOOLS[target] if not tool.present()]


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.site.preflight TARGET``: status 0 when every tool is here, else the lines and 2."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0] not in TOOLS:
        print(f"usage: python -m analysis.site.preflight {{{'|'.join(TOOLS)}}}", file=sys.stderr)
        return 2
    lines = missing(args[0])
    for line in lines:
        print(line, file=sys.stderr)
    return 2 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
