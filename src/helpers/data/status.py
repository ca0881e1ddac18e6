"""One row per dataset: what it covers, how current it is, and where it was read from."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from helpers.data import catalog
from helpers.data.errors import DataError
from helpers.data.load import TABLES, load

# Newest observation older than this (days before today) means a refresh would likely
# bring newer data: publication lags of monthly trade and price series are 1-3 months.
STALE_AFTER_DAYS = {"daily": 14, "monthly": 120}


def _freshness(ds: catalog.Dataset, as_of: str | None, today: dt.date) -> str:
    if as_of is None or not ds.refresh:
        return "n/a"
    limit = next((d for k, d in STALE_AFTER_DAYS.items() if ds.frequency.startswith(k)), 120)
    age = (today - dt.date.fromisoformat(as_of)).days
    return "fresh" if age <= limit else f"stale ({age} days)"


def status(today: dt.date | None = None, include_crosschecks: bool = False) -> pd.DataFrame:
    """id, source, coverage start/end, rows, as-of, origin (snapshot/cache), fresh or stale."""
    today = today or dt.date.today()
    rows = []
    for ds in catalog.read_catalog().values():
        if ds.role == "cross-check" and not include_crosschecks:
            continue
        row = {"id": ds.id, "source": ds.source_line, "start": None, "end": None,
               "rows": 0, "as_of": None, "origin": "none", "freshness": "n/a"}
        try:
            df = load(ds.id)
        except DataError as exc:
            row["origin"] = "refresh needed" if not ds.files else f"ERROR: {exc}"
            rows.append(row)
            continue
        prov = df.attrs["provenance"]
        table = TABLES.get(ds.id)
        column = table.date_column if table else None
        if column:
            row["start"] = pd.Timestamp(df[column].min()).date().isoformat()
            row["end"] = pd.Timestamp(df[column].max()).date().isoformat()
        elif "period" in df:
            row["start"], row["end"] = str(df["period"].min()), str(df["period"].max())
        row.update(rows=len(df), as_of=prov["as_of"], origin=prov["origin"],
                   freshness=_freshness(ds, prov["as_of"], today))
        rows.append(row)
    return pd.DataFrame(rows)
