"""JupyterLab on the chapters, with the project's environment and kernel (``make lab``).

The lab's server root is the repository, so a chapter's charts can load the
project's own chart scripts from ``/files/_static/vendor/`` (see
:mod:`analysis.site.book`): nothing comes from a CDN, in the lab as on the site.
The lab opens on ``book/``. Its news and update checks are switched off: this
machine may have no internet, and a reader's lab should not phone home.

JupyterLab lives in an environment of its own, ``.venv-lab`` (``make lab`` makes
it from ``requirements-lab.lock``), and runs the chapters on the project's
kernel, found through ``JUPYTER_PATH`` in the project's environment: the lab's
packages never enter the environment that builds the book, so the kernels of
``make book`` import exactly ``requirements.lock`` (the lab's optional
jsonschema format checkers made every kernel start a second slower).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from analysis import config

# JupyterLab reads settings overrides from <sys.prefix>/share/jupyter/lab/settings/overrides.json.
OVERRIDES = {"@jupyterlab/apputils-extension:notification": {"checkForUpdates": False, "fetchNews": "false"}}


LAB_VENV = config.REPO_ROOT / ".venv-lab"


def write_overrides(prefix: Path = LAB_VENV) -> Path:
    """Switch off the lab's news and update checks for this environment; return the settings file."""
    path = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(OVERRIDES, indent=2) + "\n", encoding="utf-8")
    return path


def lab_command(root: Path = config.REPO_ROOT, extra: list[str] | None = None) -> list[str]:
    """The ``jupyter lab`` command line: server root ``root``, opening on its ``book/`` folder."""
    command = [str(LAB_VENV / "bin" / "jupyter-lab"), f"--ServerApp.root_dir={root}",
               "--LabApp.default_url=/lab/tree/book", "--ServerApp.ip=127.0.0.1",
               "--KernelSpecManager.ensure_native_kernel=False"]  # no kernel of the lab's own environment
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers often run as root; the lab refuses otherwise
        command.append("--allow-root")
    return command + (extra or [])


def lab_environment() -> dict[str, str]:
    """The lab's environment variables: the project's kernel spec (``<sys.prefix>/share/jupyter``) first."""
    kernels = str(Path(sys.prefix) / "share" / "jupyter")
    path = os.pathsep.join(p for p in (kernels, os.environ.get("JUPYTER_PATH")) if p)
    return {**os.environ, "JUPYTER_PATH": path}


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.site.lab [JUPYTER-LAB OPTIONS]``: write the vendored chart scripts, then run the lab."""
    from analysis.site import build

    build.write_vega_bundle()
    write_overrides()
    command = lab_command(extra=sys.argv[1:] if argv is None else argv)
    if not Path(command[0]).is_file():
        print(f"JupyterLab is not installed in {LAB_VENV.name}: run `make lab`", file=sys.stderr)
        return 2
    os.execve(command[0], command, lab_environment())
    return 0  # not reached: the lab replaces this process


if __name__ == "__main__":
    sys.exit(main())
