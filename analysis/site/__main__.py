"""``python -m analysis.site prepare|environment``: the build steps of :mod:`analysis.site.build`."""

import sys

from analysis.site.build import main

sys.exit(main())
