"""What each dataset's committed snapshot covers, in words generated from its data (never
declared, so it cannot drift from the files): the data package's descriptions use it."""

from __future__ import annotations

import pandas as pd

from helpers.data import registry
from helpers.data.inventory import series_of
from helpers.data.loader import load

MAX_SERIES_NAMED = 8  # coverage words name each series up to this many, else count them
PERIOD_COLUMNS = ("year", "marketing_year", "period", "date")  # of tables without a date column
PERIOD_TEXT = r"\d{4}(?:-\d{2}(?:-\d{2})?|-Q\d|/\d{2}|-\d{4})?"  # 2024, 2024-05, 2024/25, ...


def _span(dates: pd.Series) -> str:
    """'2017..2025' (year starts), '2017-01..2025-10' (month starts) or days."""
    dates = pd.to_datetime(dates)
    first, last = dates.min(), dates.max()
    if (dates.dt.day == 1).all() and (dates.dt.month == 1).all():
        return f"{first:%Y}..{last:%Y}"
    if (dates.dt.day == 1).all():
        return f"{first:%Y-%m}..{last:%Y-%m}"
    return f"{first:%Y-%m-%d}..{last:%Y-%m-%d}"


def coverage_words(dataset_id: str) -> str:
    """What a dataset's committed snapshot covers, in words generated from the data: the span
    of each series with its number of values (``status.series_of``; a count beyond
    ``MAX_SERIES_NAMED``), the span and rows of a table without series, or of a table
    without a date column the span of its first ``PERIOD_COLUMNS`` column and its rows."""
    ds = registry.spec(dataset_id)
    if not ds.files:
        return "no committed data: filled by a refresh"
    df = load(dataset_id, use_cache=False)
    if ds.date_column is None or ds.date_column not in df:
        periods = [df[c].dropna().astype(str) for c in PERIOD_COLUMNS if c in df]
        held = next((p for p in periods if len(p) and p.str.fullmatch(PERIOD_TEXT).all()), None)
        if held is None:
            return f"{len(df)} rows"
        return f"{held.name} {held.min()}..{held.max()}, {len(df)} rows"
    found = [] if ds.frequency == "event" else list(series_of(df, ds))
    if not found or len(found) > MAX_SERIES_NAMED:
        counted = f", {len(found)} series" if found else ""
        return f"{_span(df[ds.date_column].dropna())}, {len(df)} rows{counted}"
    return "; ".join(f"{label} {_span(have)} ({len(have)} values)" for label, _, have in found)
