"""``python -m analysis validate | export | rerun``: the command line of :mod:`analysis.cli`."""

from analysis.cli import main

raise SystemExit(main())
