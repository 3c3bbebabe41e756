"""Stage 4, chapters: the views each chapter of the book shows, computed from the tables (one module per
chapter or appendix), plus the reader's labels and the links from a claim to its source paragraph.

These functions return DataFrames and facts; they never draw or render HTML
(that is :mod:`analysis.charts` and :mod:`analysis.site`).
"""
