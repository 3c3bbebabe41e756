"""Analysis package for the book *Libya's appeals to Russia, 2015-2021*.

The chapters in ``book/`` import these modules and only narrate; every number,
table and chart they show is computed here, so it can be tested and rerun.

The subpackages are the pipeline's stages, each importing only from those
before it (the contract is in ``pyproject.toml``): ``corpus`` (the manifest,
the texts, paragraphs) → ``extract`` (actors, quotations, requests, dates,
themes) → ``tables`` (tidy tables, export, engines) → ``chapters`` (one module
per chapter) → ``charts`` (the same names) → ``site`` (the book's build).
``config``, ``errors`` and ``cli`` sit at the top.
"""

__version__ = "0.3.0"
