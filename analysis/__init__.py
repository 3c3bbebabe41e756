"""Analysis package for the book *Libya's appeals to Russia, 2015-2021*.

The chapters in ``book/`` import these modules and only narrate; every number,
table and chart they show is computed here, so it can be tested and rerun.

Modules, in pipeline order: ``config`` (paths), ``corpus`` (load and validate
``sources.yml`` and the raw texts), ``segment`` (paragraphs and their segment
labels), ``tables`` (tidy tables), ``export`` (CSV files), ``charts`` (Altair
charts), ``book`` (notebook display set-up), ``site`` (book build support) and
``rerun`` (re-executing chapters).
"""

__version__ = "0.2.0"
