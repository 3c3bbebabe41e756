"""Every figure and table of the book, read from the chapters: where it is, what computes and draws it.

A replication package maps each exhibit to the code that produces it (the AEA
Data Editor's template asks for this). Typed by hand, such a map goes stale the
first time a chapter changes, so it is read from the notebooks themselves:
each code cell that calls ``book.chart(charts.X, ...)`` or ``book.table(...)``
is one exhibit. The function that *computes* it is the package call that makes
its data, followed through the chapter's assignments (``overview =
appeals.requests_overview(...)``); the function that *draws* it is the chart
builder, or :func:`analysis.site.book.table` for a table.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pandas as pd

from analysis import config


@dataclass(frozen=True)
class Exhibit:
    """One figure or table: its chapter, kind, caption, anchor and the package functions behind it."""

    chapter: str
    kind: str
    caption: str
    name: str
    computed_by: tuple[str, ...]
    drawn_by: str


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return node.id if isinstance(node, ast.Name) else ""


def _qualified(name: str, imported: dict[str, str]) -> str:
    """``invitations.requests_overview`` → ``analysis.chapters.invitations.requests_overview``, by the imports."""
    head, _, rest = name.partition(".")
    full = imported.get(head, f"analysis.{head}")
    return f"{full}.{rest}" if rest else full


def _imports(statement: ast.ImportFrom, imported: dict[str, str]) -> None:
    for alias in statement.names:
        imported[alias.asname or alias.name] = f"{statement.module}.{alias.name}"


def _sources(node: ast.AST, assigned: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The package functions whose results flow into ``node``, following the chapter's assignments."""
    if isinstance(node, ast.Call):
        return (_qualified(_dotted(node.func), assigned.get("__imports__", {})),)  # type: ignore[arg-type]
    if isinstance(node, ast.Name):
        return assigned.get(node.id, ())
    if isinstance(node, ast.Subscript):
        return _sources(node.value, assigned)
    return ()


def _record(target: ast.AST, value: ast.AST, assigned: dict[str, tuple[str, ...]]) -> None:
    names = target.elts if isinstance(target, ast.Tuple) else [target]
    for name in names:
        if isinstance(name, ast.Name):
            assigned[name.id] = _sources(value, assigned)


def _constant(node: ast.AST | None) -> str:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""


def chapter_exhibits(path: Path) -> list[Exhibit]:
    """The figures and tables of one chapter notebook, in order."""
    notebook = nbformat.read(path, as_version=4)
    imported: dict[str, str] = {}
    assigned: dict = {"__imports__": imported}
    found = []
    for cell in (c for c in notebook.cells if c.cell_type == "code"):
        figure = cell.metadata.get("mystnb", {}).get("figure", {})
        for statement in ast.parse(cell.source).body:
            if isinstance(statement, ast.ImportFrom) and statement.module:
                _imports(statement, imported)
                continue
            if isinstance(statement, ast.Assign):
                _record(statement.targets[0], statement.value, assigned)
                continue
            call = statement.value if isinstance(statement, ast.Expr) else None
            if not isinstance(call, ast.Call) or _dotted(call.func) not in ("book.chart", "book.table"):
                continue
            if _dotted(call.func) == "book.chart":
                computed = tuple(f for arg in call.args[1:] for f in _sources(arg, assigned))
                found.append(Exhibit(path.stem, "figure", figure.get("caption", ""), figure.get("name", ""),
                                     computed, _qualified(_dotted(call.args[0]), imported)))
            else:
                keywords = {k.arg: k.value for k in call.keywords}
                caption = _constant(call.args[1] if len(call.args) > 1 else keywords.get("caption"))
                name = _constant(call.args[2] if len(call.args) > 2 else keywords.get("name"))
                found.append(Exhibit(path.stem, "table", caption, name, _sources(call.args[0], assigned),
                                     "analysis.site.book.table"))
    return found


def chapters_in_order(toc: Path = config.REPO_ROOT / "_toc.yml") -> list[Path]:
    """The chapter notebooks in table-of-contents order."""
    from analysis.site.serve import toc_pages

    paths = [config.REPO_ROOT / Path(page).with_suffix(".ipynb") for page in toc_pages(toc)]
    return [path for path in paths if path.is_file()]


def exhibits(toc: Path = config.REPO_ROOT / "_toc.yml") -> pd.DataFrame:
    """Every figure and table of the book, one row each, in reading order."""
    rows = [exhibit.__dict__ for path in chapters_in_order(toc) for exhibit in chapter_exhibits(path)]
    frame = pd.DataFrame(rows, columns=list(Exhibit.__dataclass_fields__))
    frame["computed_by"] = frame["computed_by"].map(" → ".join)
    return frame


def chapter_titles(toc: Path = config.REPO_ROOT / "_toc.yml") -> dict[str, str]:
    """Chapter stem → its title (the first heading of the notebook)."""
    titles = {}
    for path in chapters_in_order(toc):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown" and cell.source.lstrip().startswith("# "):
                titles[path.stem] = cell.source.lstrip()[2:].splitlines()[0].strip()
                break
    return titles


def exhibits_display(frame: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """The inventory as readers see it: chapter title, the exhibit linked to where it stands, the functions."""
    import html

    def where(row: pd.Series) -> str:
        label = html.escape(row["caption"] or f"untitled {row['kind']}")
        anchor = f"#{html.escape(row['name'])}" if row["name"] else ""
        return f'<a href="{html.escape(row["chapter"])}.html{anchor}">{label}</a>'

    return pd.DataFrame({
        "chapter": frame["chapter"].map(titles),
        "kind": frame["kind"],
        "figure or table": frame.apply(where, axis=1),
        "computed by": frame["computed_by"].map(lambda f: _code(f.replace("analysis.", ""))),
        "drawn by": frame["drawn_by"].map(lambda f: _code(f.replace("analysis.", ""))),
    })


def _code(names: str) -> str:
    """Dotted names as code that may wrap after each dot (they are long, the column is not)."""
    import html

    return f"<code>{html.escape(names).replace('.', '.<wbr>')}</code>" if names else "—"

