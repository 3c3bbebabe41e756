"""JupyterLab on the chapters, with the project's environment and kernel (``make lab``).

The lab's server root is the repository, so a chapter's charts can load the
project's own chart scripts from ``/files/_static/vendor/`` (see
:mod:`analysis.site.book`): nothing comes from a CDN, in the lab as on the site.
The lab opens on ``book/``. Its news and update checks are switched off: this
machine may have no internet, and a reader's lab should not phone home.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from analysis import config

# JupyterLab reads settings overrides from <sys.prefix>/share/jupyter/lab/settings/overrides.json.
OVERRIDES = {"@jupyterlab/apputils-extension:notification": {"checkForUpdates": False, "fetchNews": "false"}}


def write_overrides(prefix: Path = Path(sys.prefix)) -> Path:
    """Switch off the lab's news and update checks for this environment; return the settings file."""
    path = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(OVERRIDES, indent=2) + "\n", encoding="utf-8")
    return path


def lab_command(root: Path = config.REPO_ROOT, extra: list[str] | None = None) -> list[str]:
    """The ``jupyter lab`` command line: server root ``root``, opening on its ``book/`` folder."""
    command = [str(Path(sys.executable).parent / "jupyter-lab"), f"--ServerApp.root_dir={root}",
               "--LabApp.default_url=/lab/tree/book", "--ServerApp.ip=127.0.0.1"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers often run as root; the lab refuses otherwise
        command.append("--allow-root")
    return command + (extra or [])


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.site.lab [JUPYTER-LAB OPTIONS]``: write the vendored chart scripts, then run the lab."""
    from analysis.site import build

    build.write_vega_bundle()
    write_overrides()
    command = lab_command(extra=sys.argv[1:] if argv is None else argv)
    os.execv(command[0], command)
    return 0  # not reached: the lab replaces this process


if __name__ == "__main__":
    sys.exit(main())
