"""Build support: offline chart scripts match Altair, the cache notices package and data changes,
and conda users get the lock file's pins."""

from __future__ import annotations

import json
import re

import altair as alt
import pytest

from analysis import config
from analysis.site import build


def test_bundle_versions_match_altair(tmp_path):
    versions = build.library_versions()
    assert versions["vega_lite_schema"] == alt.SCHEMA_VERSION.lstrip("v")
    assert alt.SCHEMA_VERSION.lstrip("v").startswith(versions["vega_lite"] + ".")
    assert versions["vega"].split(".")[0] == alt.VEGA_VERSION.split(".")[0]
    assert versions["vega_embed"].split(".")[0] == alt.VEGAEMBED_VERSION.split(".")[0]
    script = build.write_vega_bundle(tmp_path)
    text = script.read_text(encoding="utf-8")
    assert text.startswith("/* Vega, Vega-Lite and vega-embed") and "(function () {" in text
    assert json.loads((tmp_path / build.VERSIONS_NAME).read_text()) == versions
    assert 500_000 < len(text) < 3_000_000


def test_fingerprint_follows_the_corpus(make_corpus):
    root = make_corpus([{"id": "a"}], {"raw/a.txt": "one"})
    before = build.fingerprint(root)
    assert build.fingerprint(root) == before
    (root / "raw" / "a.txt").write_text("two")
    assert build.fingerprint(root) != before


def test_fingerprint_follows_the_package(monkeypatch, tmp_path):
    package = tmp_path / "analysis"
    package.mkdir()
    (package / "mod.py").write_text("X = 1\n")
    (tmp_path / "requirements.lock").write_text("pandas==1\n")
    monkeypatch.setattr(config, "REPO_ROOT", tmp_path)
    monkeypatch.setattr(config, "LOCK_FILE", tmp_path / "requirements.lock")
    corpus = tmp_path / "data"
    corpus.mkdir()
    before = build.fingerprint(corpus)
    (package / "mod.py").write_text("X = 2\n")
    assert build.fingerprint(corpus) != before


def test_stale_cache_is_cleared(monkeypatch, tmp_path, make_corpus):
    root = make_corpus([{"id": "a"}], {"raw/a.txt": "one"})
    cache, doctrees = tmp_path / "cache", tmp_path / "doctrees"
    monkeypatch.setattr(build, "CACHE_DIRS", (cache, doctrees))
    monkeypatch.setattr(build, "FINGERPRINT_FILE", tmp_path / "stamp")
    for directory in (cache, doctrees):
        directory.mkdir()
    assert build.invalidate_stale_cache(root) is False  # first build: nothing to compare with
    cache.mkdir()
    assert build.invalidate_stale_cache(root) is False and cache.is_dir()  # unchanged: cache kept
    (root / "raw" / "a.txt").write_text("changed")
    assert build.invalidate_stale_cache(root) is True
    assert not cache.exists() and not doctrees.exists()


def _pins(text: str) -> set[str]:
    return set(re.findall(r"^\s*(?:- )?([A-Za-z0-9_.\-\[\]]+==[^\s#]+)", text, flags=re.MULTILINE))


def test_environment_yml_matches_the_locks():
    lock = config.LOCK_FILE.read_text()
    lab = config.LAB_LOCK_FILE.read_text()
    env = (config.REPO_ROOT / "environment.yml").read_text()
    assert _pins(env) == _pins(lock) | _pins(lab)
    assert len(_pins(lock)) > 90
    assert env == build.environment_yml(), "environment.yml is stale: run `make lock`"
    assert "python=3.11" in env


def test_the_lab_lock_adds_jupyterlab_and_agrees_with_the_main_lock():
    """`make lab` installs requirements-lab.lock over requirements.lock: no package may be pinned twice."""
    def names(text: str) -> dict[str, str]:
        return {pin.split("==")[0].lower().replace("_", "-"): pin for pin in _pins(text)}

    main, lab = names(config.LOCK_FILE.read_text()), names(config.LAB_LOCK_FILE.read_text())
    assert "jupyterlab" in lab and "jupyterlab" not in main
    assert not set(main) & set(lab), "a package is pinned in both locks: run `make lock`"


@pytest.mark.parametrize("name", ["jupyter-book", "altair", "pandas", "nbval", "pytest", "nbclient", "weasyprint"])
def test_named_dependencies_are_pinned(name):
    assert re.search(rf"^{name}==\S+$", config.LOCK_FILE.read_text(), flags=re.MULTILINE | re.IGNORECASE)


def test_jupyter_book_is_version_1():
    version = re.search(r"^jupyter-book==(\S+)$", config.LOCK_FILE.read_text(), re.MULTILINE).group(1)
    assert version.startswith("1.")
