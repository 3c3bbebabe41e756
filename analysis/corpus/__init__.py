"""Stage 1, the corpus: read ``sources.yml`` (or ``sources.jsonl``) and the raw texts, validate them, and cut
each document into labelled paragraphs.

Nothing here knows about actors or requests; every later stage reads
:class:`~analysis.corpus.paragraphs.Paragraph` objects and the manifest rows
this stage returns.
"""
