"""A bare machine: Python 3.11 and make, and nothing else.

``make test`` must name a missing tool at once (not seven minutes into a run),
``make`` must find a Python 3.11 that is not called ``python3`` or say how to get
one, and the PDF step must never need a browser, nor fail ``make book`` when its
own library is missing.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from analysis import config
from analysis.site import pdf, preflight
from tests.conftest import JUPYTER_BOOK, tiny_book

MAKE = "/usr/bin/make"


def _bin(tmp_path: Path, **scripts: str) -> Path:
    """A folder of executables: each value is a shell script body, or a path to link to."""
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    for name, body in scripts.items():
        path = folder / name
        if body.startswith("/"):
            path.symlink_to(body)
        else:
            path.write_text("#!/bin/sh\n" + body + "\n")
            path.chmod(0o755)
    return folder


def _make(*args: str, path: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"PYTHON", "MAKEFLAGS", "MAKELEVEL"}}
    return subprocess.run([MAKE, "--no-print-directory", *args], cwd=config.REPO_ROOT, capture_output=True,
                          text=True, timeout=60, env={**clean, "PATH": str(path), **env})


def test_preflight_names_each_missing_tool_with_its_install_command(tmp_path):
    folder = _bin(tmp_path, python3=sys.executable)  # no node, no npm on PATH
    result = _make("preflight", path=folder, BOOK_CHROMIUM=str(tmp_path / "no-chromium"))
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if not line.startswith("make: ***")]  # make's own
    assert lines == [
        "missing: Chromium: apt-get install chromium (or set BOOK_CHROMIUM to a Chromium binary)",
        "missing: Node.js: apt-get install nodejs",
        "missing: npm: apt-get install npm",
    ] + [line for line in lines if line.startswith("missing: Pango")]
    assert "Traceback" not in result.stderr


def test_preflight_passes_when_the_tools_are_here(tmp_path):
    folder = _bin(tmp_path, python3=sys.executable, node="exit 0", npm="exit 0")
    chromium = _bin(tmp_path, chromium="exit 0") / "chromium"
    assert preflight.missing("test") == [] or _ran_on_a_bare_machine()
    result = _make("preflight", path=folder, BOOK_CHROMIUM=str(chromium))
    assert (result.returncode, result.stderr) == (0, "")


def _ran_on_a_bare_machine() -> bool:
    return not Path(preflight.chromium_path()).is_file()


def test_make_test_checks_its_tools_before_it_builds_anything():
    """`test` has one prerequisite, the preflight; the build starts in its recipe, after the check."""
    makefile = (config.REPO_ROOT / "Makefile").read_text()
    rule = re.search(r"^test: ([^#\n]*)##", makefile, flags=re.MULTILINE)
    assert rule and rule.group(1).split() == ["preflight"]


FAKE_312 = 'case "$1" in --version) echo "Python 3.12.1";; *) exit 1;; esac'


def test_make_finds_python3_11_when_python3_is_another_version(tmp_path):
    folder = _bin(tmp_path, python3=FAKE_312, **{"python3.11": sys.executable})
    result = _make("--eval", 'where: ; @echo "$(PYTHON)"', "where", path=folder)
    assert result.stdout.strip() == str(folder / "python3.11")


def test_make_without_python3_11_says_how_to_get_it(tmp_path):
    folder = _bin(tmp_path, python3=FAKE_312)
    result = _make("python", path=folder)
    assert result.returncode == 2
    assert "needs Python 3.11" in result.stderr
    for way in ("apt-get install python3.11", "conda env create -f environment.yml", "pyenv install 3.11"):
        assert way in result.stderr
    assert "Traceback" not in result.stderr


PANGO = "/lib/x86_64-linux-gnu/libpango-1.0.so.0"


def _without_pango(*command: str, cwd: Path = config.REPO_ROOT) -> subprocess.CompletedProcess:
    """Run ``command`` as on a machine without Pango: the library is hidden in a private mount namespace."""
    assert Path(PANGO).exists(), f"this test hides {PANGO}; on another system, adapt PANGO"
    script = f'mount --bind /dev/null {PANGO} && exec "$@"'
    return subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", *command], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


def test_pdf_step_needs_no_browser(tmp_path):
    """With no Chromium anywhere, the PDF step makes the PDF or prints its one-line note, and exits 0."""
    site = tmp_path / "site"
    (site / "book").mkdir(parents=True)
    built = config.BUILD_DIR / "html" / "book" / "embargo.html"
    assert built.is_file(), "needs the built site: make book (make test builds it first)"
    (site / "book" / "embargo.html").write_bytes(built.read_bytes())
    code = ("import sys; from pathlib import Path; from analysis.site import pdf\n"
            "problem = pdf.missing_part()\n"
            "print(problem) if problem else pdf.build_pdf(Path(sys.argv[1]), Path(sys.argv[2]), ['book/embargo.html'])")
    env = {**os.environ, "BOOK_CHROMIUM": str(tmp_path / "no-chromium"),
           "PATH": str(_bin(tmp_path, python3=sys.executable))}
    result = subprocess.run([sys.executable, "-c", code, str(site), str(tmp_path / "out.pdf")],
                            capture_output=True, text=True, timeout=120, env=env, cwd=config.REPO_ROOT)
    assert result.returncode == 0, result.stderr
    made = (tmp_path / "out.pdf").is_file()
    assert made or re.fullmatch(r"PDF edition not built: .*install.*\n", result.stdout)
    assert made == (pdf.missing_part() is None)
    assert made, "this machine has Pango, so the PDF must be made"


def test_pdf_step_without_pango_prints_one_line_and_succeeds():
    result = _without_pango(sys.executable, "-m", "analysis.site.pdf")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("PDF edition not built: WeasyPrint cannot load the Pango text library "
                             "(cannot load library 'libpango-1.0-0'); install it: " + pdf.INSTALL_PANGO + "\n")
    assert result.stderr == ""


def test_pages_link_to_the_pdf_only_where_it_can_be_made(tmp_path):
    """A build on a machine without Pango leaves no dead link to the PDF edition on any page."""
    footers = {}
    for case in ("with", "without"):
        root = tmp_path / case
        root.mkdir()
        tiny_book(root, "plain")
        command = (str(JUPYTER_BOOK), "build", str(root), "-W", "-n", "--keep-going")
        result = _without_pango(*command) if case == "without" else subprocess.run(
            command, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr
        footers[case] = (root / "_build" / "html" / "book" / "index.html").read_text()
    assert "PDF edition</a>" in footers["with"]
    assert "PDF edition" not in footers["without"] and "citation_pdf_url" not in footers["without"]
    assert "How to cite</a>" in footers["without"]
