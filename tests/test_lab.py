"""``make lab``: JupyterLab with the project's kernel reruns a chapter and draws its charts offline.

The lab is started as ``make lab`` starts it (:func:`analysis.site.lab.lab_command`),
on a copy of one chapter in a temporary root so that the lab's autosave can
never touch ``book/``. Chromium opens the chapter, runs every cell and waits
for the charts; they must draw from the project's own scripts.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from importlib.metadata import distributions
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from analysis import config
from analysis.site import lab
from analysis.site.serve import CHROMIUM, CHROMIUM_ARGS

TOKEN = "book-test"
CHAPTER = "embargo.ipynb"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own server on 127.0.0.1
        return response.read()


@pytest.fixture(scope="module")
def lab_server(tmp_path_factory) -> Iterator[str]:
    assert (lab.LAB_VENV / "bin" / "jupyter-lab").is_file(), \
        "JupyterLab is not installed: run `make lab` once (make test installs it)"
    root = tmp_path_factory.mktemp("lab")
    (root / "book").mkdir()
    shutil.copy(config.BOOK_DIR / CHAPTER, root / "book" / CHAPTER)
    shutil.copytree(config.STATIC_DIR / "vendor", root / "_static" / "vendor")  # the server follows no links out
    lab.write_overrides()
    port = _free_port()
    command = lab.lab_command(root, [f"--ServerApp.port={port}", "--no-browser", f"--IdentityProvider.token={TOKEN}",
                                     "--LabApp.expose_app_in_browser=True"])
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=lab.lab_environment())
    base = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(120):
            try:
                _get(f"{base}api/status?token={TOKEN}")
                break
            except OSError:
                time.sleep(0.5)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_lab_kernel_is_the_projects_environment(lab_server):
    specs = json.loads(_get(f"{lab_server}api/kernelspecs?token={TOKEN}"))
    argv = specs["kernelspecs"][specs["default"]]["spec"]["argv"]
    assert Path(argv[0]).parent == Path(sys.executable).parent
    assert list(specs["kernelspecs"]) == [specs["default"]]  # the lab's own environment offers no kernel


def test_the_lab_stays_out_of_the_books_environment():
    """JupyterLab is in .venv-lab: the environment that builds the book holds requirements.lock, nothing more."""
    def name(text: str) -> str:
        return re.sub(r"[-_.]+", "-", text).lower()

    lab_only = {name(line.split("==")[0]) for line in config.LAB_LOCK_FILE.read_text().splitlines()
                if "==" in line and not line.startswith("#")}
    installed = {name(d.metadata["Name"]) for d in distributions()}
    assert "jupyterlab" in lab_only and not (lab_only & installed), sorted(lab_only & installed)[:5]


def test_a_chapter_reruns_in_the_lab_with_its_charts_drawn_offline(lab_server):
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.goto(f"{lab_server}lab/tree/book/{CHAPTER}?token={TOKEN}")
        page.wait_for_function("() => window.jupyterapp && document.querySelector('.jp-Notebook')", timeout=90_000)
        page.wait_for_function("() => document.body.innerText.includes('| Idle')", timeout=90_000)
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_function("() => document.querySelectorAll('.book-chart-canvas').length >= 2 && "
                               "[...document.querySelectorAll('.book-chart-canvas')]"
                               ".every(el => el.querySelector('svg') || el.textContent.startsWith('['))",
                               timeout=120_000)
        notices = page.eval_on_selector_all(".book-chart-canvas", "els => els.map(el => el.textContent)")
        errors = page.eval_on_selector_all(".jp-OutputArea-output[data-mime-type*=error]", "els => els.length")
        browser.close()
    assert not [n for n in notices if n.startswith("[")], notices
    assert errors == 0
    assert f"{lab_server}files/_static/vendor/vega-bundle.js" in [r.split("?")[0] for r in requests]
    assert all(r.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")) for r in requests)
