"""Stage 3, tables: the tidy tables built from the extracted records, their schema (the data dictionary's
source), the CSV export, and the engines (in process, worker processes, Dask) that run the pipeline over a
corpus.
"""
