"""Stage 2, extraction: actors (through the codebook), quotations and their speakers, requests to Russia,
dates and themes, read from the paragraphs of :mod:`analysis.corpus`.

Each module finds one kind of thing in one document; :mod:`analysis.extract.pipeline`
runs them in order, so a document can be processed on any worker.
"""
