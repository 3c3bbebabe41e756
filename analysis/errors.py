"""The one error type users see: a bad corpus, explained in one line.

Every problem with user-supplied input is raised as :class:`CorpusError`, which
names the file, where in it (line or field) and what to do, so the command line
can print it without a traceback and exit with status 2.
"""

from __future__ import annotations

from pathlib import Path


class CorpusError(Exception):
    """A problem with the corpus that the user must fix.

    Parameters
    ----------
    path
        The file at fault (``sources.yml`` or a text file).
    problem
        What is wrong, in plain words.
    fix
        What the user should do about it.
    where
        Optional location inside the file: ``"line 12"`` or
        ``"entry 'doc-003', field 'published'"``.
    """

    def __init__(self, path: Path | str, problem: str, fix: str, where: str | None = None):
        self.path = Path(path)
        self.problem = problem
        self.fix = fix
        self.where = where
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The one-line message shown to the user."""
        location = f"{self.path}" + (f", {self.where}" if self.where else "")
        return f"{location}: {self.problem}; {self.fix}"
