"""The code base stays ruff-clean (rules in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from analysis import config


def test_ruff_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "analysis", "tests", "_ext", "benchmarks"],
        cwd=config.REPO_ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
