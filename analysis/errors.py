"""The one error type users see: a bad corpus, explained in one line.

Every problem with user-supplied input is raised as :class:`CorpusError`, which
names the file, where in it (line or field) and what to do, so the command line
can print it without a traceback and exit with status 2.
"""

from __future__ import annotations

import re
from pathlib import Path

# Control characters (a newline in a YAML value, a NUL in a file name) would break
# the one-line promise and could forge extra lines in a log: they are shown escaped.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


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

    def __reduce__(self) -> tuple:
        # Rebuilt from its parts, so an error raised in a worker process or on a
        # Dask worker reaches the command line intact (the default would pass only
        # the message and fail to unpickle).
        return (type(self), (self.path, self.problem, self.fix, self.where))

    @property
    def message(self) -> str:
        """The one-line message shown to the user."""
        location = f"{self.path}" + (f", {self.where}" if self.where else "")
        return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"),
                            f"{location}: {self.problem}; {self.fix}")
