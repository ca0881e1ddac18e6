"""One row per dataset: what it covers, how current it is, and where it was read from."""

from __future__ import annotations

import datetime as dt
import os

import pandas as pd

from helpers.data import catalog
from helpers.data.errors import DataError
from helpers.data.load import load

# Newest observation older than this (days before today) means a refresh would likely
# bring newer data: publication lags of monthly trade and price series are 1-3 months;
# weekly export sales appear a week after the week ends.
STALE_AFTER_DAYS = {"daily": 14, "weekly": 21, "monthly": 120}


def _freshness(ds: catalog.Dataset, as_of: str | None, today: dt.date) -> str:
    if as_of is None or not ds.live:
        return "n/a"
    limit = next((d for k, d in STALE_AFTER_DAYS.items() if ds.frequency.startswith(k)), 120)
    age = (today - dt.date.fromisoformat(as_of)).days
    return "fresh" if age <= limit else f"stale ({age} days)"


def _live(ds: catalog.Dataset) -> tuple[str, str]:
    """The live origin (or 'none') and the key variables it needs, marked set or missing."""
    if not ds.live:
        return "none", ""
    marked = [f"{k} ({'set' if os.environ.get(k.split()[0]) else 'missing'})"
              for k in ds.live.keys]
    return ds.live.origin, ", ".join(marked) or "no key needed"


def status(today: dt.date | None = None, include_crosschecks: bool = False) -> pd.DataFrame:
    """id, source, coverage start/end, rows, as-of, origin (snapshot/cache), fresh or stale,
    live source and the keys it needs (set or missing in the environment)."""
    today = today or dt.date.today()
    rows = []
    for ds in catalog.read_catalog().values():
        if ds.role == "cross-check" and not include_crosschecks:
            continue
        live, keys = _live(ds)
        row = {"id": ds.id, "source": ds.source_line, "start": None, "end": None,
               "rows": 0, "as_of": None, "origin": "none", "freshness": "n/a",
               "live_source": live, "keys": keys}
        try:
            df = load(ds.id)
        except DataError as exc:
            row["origin"] = "refresh needed" if not ds.files else f"ERROR: {exc}"
            rows.append(row)
            continue
        prov = df.attrs["provenance"]
        column = ds.date_column
        if column:
            row["start"] = pd.Timestamp(df[column].min()).date().isoformat()
            row["end"] = pd.Timestamp(df[column].max()).date().isoformat()
        elif "period" in df:
            row["start"], row["end"] = str(df["period"].min()), str(df["period"].max())
        row.update(rows=len(df), as_of=prov["as_of"], origin=prov["origin"],
                   freshness=_freshness(ds, prov["as_of"], today))
        rows.append(row)
    return pd.DataFrame(rows)


SERIES_KEYS = {"series_id", "partner", "destination", "direction", "freq", "publisher"}
MAIN_PARTNERS = ("United States", "Brazil", "Argentina", "World")


def _expected_points(dates: pd.Series) -> int:
    """How many observations a span should hold: months or years for month/year-start
    series, else the rows present (daily series keep their blanks as rows)."""
    first, last = dates.min(), dates.max()
    if (dates.dt.day == 1).all() and len(dates) > 1:
        steps = dates.sort_values().diff().dropna().dt.days
        if steps.min() >= 365:
            return last.year - first.year + 1
        if steps.min() >= 28:
            return (last.year - first.year) * 12 + last.month - first.month + 1
    return len(dates)


def coverage(dataset_ids: list[str] | None = None) -> pd.DataFrame:
    """Per series: dataset, series, first and last date with a value, observations, and
    ``missing``: months (or years) inside that span without a value, as rows or as blanks.

    Long tables are split by their series key (series id, partner and measure, ...); wide
    tables by value column. China's soybean imports are shown for the main partners only.
    Event tables have no series and are left out.
    """
    rows = []
    ids = dataset_ids or [d.id for d in catalog.read_catalog().values()
                          if d.role == "core" and d.frequency != "event"]
    for ds_id in ids:
        try:
            df = load(ds_id)
        except DataError:
            continue
        date_col = catalog.get(ds_id).date_column
        if date_col is None:
            continue
        if "partner" in df:
            df = df[df["partner"].isin(MAIN_PARTNERS)]
        keys = [k for k in df.columns if k in SERIES_KEYS] + (["measure"] if "measure" in df
                                                               else [])
        values = [c for c in df.columns if pd.api.types.is_float_dtype(df[c])]
        groups = df.groupby(keys) if keys else [((), df)]
        for key, g in groups:
            for col in values:
                have = g.loc[g[col].notna(), date_col]
                if have.empty:
                    continue
                span = g[(g[date_col] >= have.min()) & (g[date_col] <= have.max())]
                label = " / ".join(str(k) for k in (key if isinstance(key, tuple) else (key,)))
                rows.append({"dataset": ds_id, "series": label or col, "start": have.min(),
                             "end": have.max(), "observations": len(have),
                             "missing": _expected_points(span[date_col]) - len(have)})
    return pd.DataFrame(rows)
