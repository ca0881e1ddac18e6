"""One row per dataset: what it covers, how current it is, and where it was read from."""

from __future__ import annotations

import datetime as dt
import os

import pandas as pd

from helpers.data import catalog, registry
from helpers.data.errors import DataError
from helpers.data.loader import load

# Without a declared ``usual_lag_days``: newest observation older than this (days before
# today) means a refresh would likely bring newer data: publication lags of monthly trade and
# price series are 1-3 months; weekly export sales appear a week after the week ends.
STALE_AFTER_DAYS = {"daily": 14, "weekly": 21, "monthly": 120}


def _freshness(ds: registry.DatasetSpec, as_of: str | None, today: dt.date,
               ages: pd.DataFrame | None = None) -> str:
    """'fresh', 'stale (...)', 'future-dated (...)' or 'n/a'. Data dated after ``today`` are
    never fresh. With a declared ``usual_lag_days`` the verdict is the series ages'
    (``series_ages``); otherwise a live dataset is judged by its newest date and frequency."""
    if as_of is not None and dt.date.fromisoformat(as_of) > today:
        return f"future-dated (last date {as_of} is after today, {today.isoformat()})"
    if ages is not None and len(ages) and ds.usual_lag_days is not None:
        stale = ages[ages["stale"]]
        if stale.empty:
            return "fresh"
        return (f"stale ({len(stale)} of {len(ages)} series, up to "
                f"{int(stale['days_behind'].max())} days behind)")
    if as_of is None or not ds.live:
        return "n/a"
    limit = next((d for k, d in STALE_AFTER_DAYS.items() if ds.frequency.startswith(k)), 120)
    age = (today - dt.date.fromisoformat(as_of)).days
    return "fresh" if age <= limit else f"stale ({age} days)"


def _live(ds: registry.DatasetSpec) -> tuple[str, str]:
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
                   freshness=_freshness(ds, prov["as_of"], today, series_ages(df, today)))
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


def series_of(df: pd.DataFrame, ds: registry.DatasetSpec, readable: bool = True):
    """(label, rows, dates with a value) for each series of a loaded table: long tables split
    by their series key (series id, partner and measure, ...), wide tables by value column;
    China's soybean imports for the main partners only. ``readable`` labels name the value
    column too, put the declared name for a series id and spaces for underscores; otherwise
    the label is the key as stored (``coverage``)."""
    date_col = ds.date_column
    if date_col is None or date_col not in df:
        return
    if "partner" in df:
        df = df[df["partner"].isin(MAIN_PARTNERS)]
    keys = [k for k in df.columns if k in SERIES_KEYS] + (["measure"] if "measure" in df
                                                           else [])
    values = [c for c in df.columns if pd.api.types.is_float_dtype(df[c])]
    names = {s.id: s.name for s in ds.series}
    groups = df.groupby(keys) if keys else [((), df)]
    for key, g in groups:
        for col in values:
            have = g.loc[g[col].notna(), date_col]
            if have.empty:
                continue
            parts = [str(k) for k in (key if isinstance(key, tuple) else (key,))]
            if not readable:
                yield " / ".join(parts) or col, g, have
                continue
            label = " / ".join(names.get(p, p) for p in parts) or col
            if len(values) > 1 and keys:
                label = f"{label} / {col}"
            yield label.replace("_", " "), g, have


def coverage(dataset_ids: list[str] | None = None) -> pd.DataFrame:
    """Per series: dataset, series, first and last date with a value, observations, and
    ``missing``: months (or years) inside that span without a value, as rows or as blanks.

    Series as ``series_of`` splits them. Event tables have no series and are left out.
    """
    rows = []
    ids = dataset_ids or [d.id for d in catalog.read_catalog().values()
                          if d.role == "core" and d.frequency != "event"]
    for ds_id in ids:
        try:
            df = load(ds_id)
        except DataError:
            continue
        ds = registry.spec(ds_id)
        for label, g, have in series_of(df, ds, readable=False):
            span = g[(g[ds.date_column] >= have.min()) & (g[ds.date_column] <= have.max())]
            rows.append({"dataset": ds_id, "series": label, "start": have.min(),
                         "end": have.max(), "observations": len(have),
                         "missing": _expected_points(span[ds.date_column]) - len(have)})
    return pd.DataFrame(rows)


def period_end(last: pd.Timestamp, dates: pd.Series) -> pd.Timestamp:
    """The last day of the period an observation dated ``last`` covers: the month's or year's
    end for month- or year-start series (read from the spacing of ``dates``), else the date."""
    points = _expected_points(dates)
    if (dates.dt.day == 1).all() and len(dates) > 1:
        first = dates.min()
        if points == last.year - first.year + 1 and (dates.dt.month == first.month).all():
            return last + pd.offsets.YearEnd(0)
        return last + pd.offsets.MonthEnd(0)
    return last


AGE_COLUMNS = ["dataset", "title", "series", "last_observation", "period_end", "days_behind",
               "usual_lag_days", "stale", "future"]


def series_ages(df: pd.DataFrame, today: dt.date | None = None) -> pd.DataFrame:
    """Per series of a loaded table (``load(...)``): its last observation, the end of the
    period it covers, ``days_behind`` the build date ``today`` (days from the period's end),
    the dataset's declared ``usual_lag_days``, ``stale`` (behind by more than that lag; never
    without a declared lag) and ``future`` (dated after ``today``). An event table is one
    series, its last event; a table without dates has no rows."""
    today = pd.Timestamp(today or dt.date.today())
    prov = df.attrs.get("provenance", {})
    ds = registry.spec(prov["dataset"])
    rows = []
    if ds.date_column and ds.frequency == "event" and not df.empty:
        found = [(ds.title, df, df[ds.date_column])]
    else:
        found = list(series_of(df, ds))
    for label, _, have in found:
        last = pd.Timestamp(have.max())
        end = period_end(last, have.sort_values())
        behind = (today - end).days
        lag = ds.usual_lag_days
        rows.append({"dataset": ds.id, "title": ds.title, "series": label,
                     "last_observation": last, "period_end": end, "days_behind": behind,
                     "usual_lag_days": lag, "stale": lag is not None and behind > lag,
                     "future": last > today})
    return pd.DataFrame(rows, columns=AGE_COLUMNS)
