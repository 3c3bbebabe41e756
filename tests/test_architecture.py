"""The package's shape: stages that import only downwards, no cycles, small modules that say their job.

The layering is import-linter's contract in ``pyproject.toml``; these tests run
it, prove it can fail, and check what it does not cover.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

from analysis import config

PACKAGE = config.REPO_ROOT / "analysis"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
MAX_LINES = 300


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT_IMPORTS), "--config", str(root / "pyproject.toml"), "--no-cache"],
                          capture_output=True, text=True, cwd=root, env={"PYTHONPATH": str(root)}, timeout=120)


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_the_layers_contract_is_kept():
    result = lint_imports(config.REPO_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


@pytest.mark.parametrize(("module", "bad_import", "broken"), [
    ("corpus/load.py", "from analysis.site import book", "analysis.corpus is not allowed to import analysis.site"),
    ("extract/dates.py", "from analysis.tables import schema",
     "analysis.extract is not allowed to import analysis.tables"),
    ("charts/embargo.py", "from analysis.corpus import readers",
     "analysis.charts is not allowed to import analysis.corpus"),
])
def test_the_contract_fails_when_a_lower_layer_imports_a_higher_one(tmp_path, module, bad_import, broken):
    shutil.copytree(PACKAGE, tmp_path / "analysis", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(config.REPO_ROOT / "pyproject.toml", tmp_path)
    target = tmp_path / "analysis" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{bad_import}  # noqa\n", encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout
    assert broken in result.stdout


def test_no_module_imports_itself_back_through_another():
    graph = grimp.build_graph("analysis")
    cycles = [(a, b) for a in graph.modules for b in graph.find_modules_directly_imported_by(a)
              if a != b and graph.chain_exists(importer=b, imported=a)]
    assert cycles == []


def test_the_package_never_imports_the_book_the_extensions_or_the_tests():
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                assert name.split(".")[0] not in ("book", "_ext", "tests", "benchmarks"), (path, name)


def test_every_module_says_its_job_in_a_docstring_and_stays_small():
    for path in modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstring = ast.get_docstring(tree)
        assert docstring and len(docstring.split()) >= 8, f"{path.relative_to(config.REPO_ROOT)}: no docstring"
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= MAX_LINES, f"{path.relative_to(config.REPO_ROOT)}: {lines} lines"


def test_each_chapter_has_its_module_named_after_it():
    """book/X.ipynb ↔ analysis/chapters/X.py ↔ analysis/charts/X.py (when the chapter draws charts)."""
    front_matter = {"index", "cite"}  # the title page and how to cite: site, not chapters
    notebooks = {p.stem.replace("-", "_") for p in (config.REPO_ROOT / "book").glob("*.ipynb")} - front_matter
    chapters = {p.stem for p in (PACKAGE / "chapters").glob("*.py")}
    charts = {p.stem for p in (PACKAGE / "charts").glob("*.py")} - {"__init__", "common"}
    assert notebooks <= chapters, notebooks - chapters
    assert charts <= notebooks, charts - notebooks
    for stem in charts:
        source = (config.REPO_ROOT / "book" / f"{stem}.ipynb").read_text(encoding="utf-8")
        assert "book.chart(charts." in source, stem
