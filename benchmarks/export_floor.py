"""The export's floor (issue 15): read every text, split it into lines, run one alternation of all codebook
aliases and a quote-mark scan over each line, in one process. Reads the checkout's data/codebook.yml with yaml alone.

Copied unchanged, but for this docstring, from the reference script ../shared/tools/export_floor.py, so that a
fresh clone can run it: `make bench` runs it in the same run as the export and reports the ratio of the two.

usage: python benchmarks/export_floor.py CORPUS_DIR CODEBOOK_YML
"""
import re
import sys
import time
from pathlib import Path

import yaml

root, cb = Path(sys.argv[1]), yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
t0 = time.time()
aliases = set()
for actor in cb.get("actors", []):
    for a in actor.get("aliases", []):
        aliases.add(a if isinstance(a, str) else a.get("text") or a.get("alias") or "")
aliases = sorted({a.lower() for a in aliases if a}, key=len, reverse=True)
pat = re.compile(r"\b(?:" + "|".join(map(re.escape, aliases)) + r")\b")  # matched on the lower-cased line
q = re.compile(r'["“”]')
n = hits = 0
for f in sorted(root.rglob("*.txt")):
    for line in f.read_text(encoding="utf-8").splitlines():
        if line.strip():
            hits += sum(1 for _ in pat.finditer(line.lower())) + len(q.findall(line))
    n += 1
print(f"{n} docs, {hits} hits, {len(aliases)} aliases, {time.time() - t0:.1f} s")
