"""Tables of the data-dictionary appendix: what each exported table holds, column by column.

They render the export contract (:mod:`analysis.tables.schema`), so the
appendix describes exactly the files a reader downloads.
"""

from __future__ import annotations

import pandas as pd

from analysis.tables.schema import KEYS, TABLES


def columns(table: str) -> pd.DataFrame:
    """The columns of one exported table: name, type, whether it may be empty, meaning."""
    kinds = {"int": "integer", "bool": "true/false", "str": "text"}
    return pd.DataFrame([{"column": c, "type": kinds[k],
                          "may be empty": "yes" if nullable else "no", "meaning": d}
                         for c, k, nullable, d in TABLES[table]])


def table_overview(built: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every exported table with its key and its number of rows for this corpus."""
    return pd.DataFrame([{"table": name, "file": f"{name}.csv / {name}.parquet", "key": ", ".join(KEYS[name]),
                          "rows": len(built[name])} for name in TABLES])


def downloads(site_prefix: str = "../tables") -> pd.DataFrame:
    """Links to the exported tables in the built site, one row per table."""
    from analysis.chapters.links import download_link

    rows = [{"table": name, "source": download_link(f"{site_prefix}/csv/{name}.csv", "CSV") + " · "
             + download_link(f"{site_prefix}/parquet/{name}.parquet", "Parquet")} for name in TABLES]
    rows.append({"table": "data dictionary",
                 "source": download_link(f"{site_prefix}/data-dictionary.csv", "CSV")})
    return pd.DataFrame(rows)
