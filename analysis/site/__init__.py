"""Stage 5, the site: notebook display set-up, the book build, the PDF, citation files, the local server,
rerunning chapters, the lab, and the preflight check of the machine.

Kept import-free so ``python -m analysis.site.preflight`` runs on a bare
Python before anything is installed.
"""
