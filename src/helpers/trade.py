"""Bilateral trade arithmetic: annual and rolling sums, balances, growth, shares.

Pure functions on monthly Series indexed by month-start dates. Partial years are never
passed off as full years: ``annual`` counts the months behind every total and labels an
incomplete year as year-to-date. Nothing is interpolated; a missing month stays missing.
"""

from __future__ import annotations

import pandas as pd


def annual(series: pd.Series) -> pd.DataFrame:
    """Calendar-year sums with the months behind them.

    Columns: ``value`` (sum of the months present), ``months`` (how many), ``complete``
    (all 12 present) and ``label`` ('2024'; '2025 YTD Jan-Nov' for a partial year whose
    months run without a hole; '2018, 11 of 12 months' when a month inside the year is
    missing).
    """
    s = series.dropna()
    grouped = s.groupby(s.index.year)
    out = pd.DataFrame({"value": grouped.sum(), "months": grouped.count()})
    first = s.groupby(s.index.year).apply(lambda g: g.index.min())
    last = s.groupby(s.index.year).apply(lambda g: g.index.max())
    out["complete"] = out["months"] == 12
    span = [(last[y].month - first[y].month + 1) for y in out.index]
    out["label"] = [str(y) if full else f"{y} YTD {first[y]:%b}-{last[y]:%b}" if n == width
                    else f"{y}, {n} of 12 months"
                    for y, full, n, width in zip(out.index, out["complete"], out["months"], span,
                                                 strict=True)]
    out.index.name = "year"
    return out


def full_years(series: pd.Series) -> pd.Series:
    """Annual sums for complete calendar years only."""
    a = annual(series)
    return a.loc[a["complete"], "value"]


def same_months_comparison(series: pd.Series, year: int) -> pd.DataFrame:
    """A partial ``year`` against the same months of the year before (the only fair
    comparison for a year-to-date total). Columns: period ('2024 Jan-Nov'; just '2024' when
    all twelve months are there), value, months."""
    s = series.dropna()
    months = sorted(s[s.index.year == year].index.month)
    if not months:
        raise ValueError(f"no data in {year}")
    rows = []
    for y in (year - 1, year):
        sel = s[(s.index.year == y) & s.index.month.isin(months)]
        span = ("" if len(months) == 12 else
                f" {pd.Timestamp(year=y, month=months[0], day=1):%b}-"
                f"{pd.Timestamp(year=y, month=months[-1], day=1):%b}")
        rows.append({"period": f"{y}{span}", "value": sel.sum(), "months": len(sel)})
    return pd.DataFrame(rows)


def rolling_12m(series: pd.Series) -> pd.Series:
    """12-month rolling sum (removes seasonality); NaN unless all 12 months are present."""
    return series.rolling(12, min_periods=12).sum()


def balance(exports: pd.Series, imports: pd.Series) -> pd.Series:
    """Exports minus imports; missing where either side is missing."""
    return (exports - imports).rename("balance")


def yoy_growth_pct(series: pd.Series) -> pd.Series:
    """Percent change on the same month a year earlier."""
    return 100 * (series / series.shift(12) - 1)


def rolling_share(part: pd.Series, total: pd.Series, window: int = 12) -> pd.Series:
    """Share of ``part`` in ``total`` over rolling ``window`` months (fraction 0-1);
    NaN unless both have every month of the window."""
    num = part.rolling(window, min_periods=window).sum()
    den = total.rolling(window, min_periods=window).sum()
    return (num / den).dropna()


def peak_and_latest(series: pd.Series) -> dict:
    """Peak value and date, latest value and date, and the change from peak to latest."""
    s = series.dropna()
    return {"peak": s.max(), "peak_date": s.idxmax(), "latest": s.iloc[-1],
            "latest_date": s.index[-1], "change": s.iloc[-1] - s.max()}


def monthly_cny_per_usd(fx: pd.DataFrame) -> pd.Series:
    """One monthly CNY-per-USD series: FRED's monthly averages (EXCHUS) where they exist, else
    the kit's computed means of whole months of the daily rates (DEXCHUS_MONTHLY_MEAN_COMPUTED,
    made the way EXCHUS is). A month with neither, partial months included, stays missing;
    the index is continuous month starts."""
    def series(sid: str) -> pd.Series:
        return fx[fx["series_id"] == sid].set_index("date")["cny_per_usd"]

    combined = series("EXCHUS").combine_first(series("DEXCHUS_MONTHLY_MEAN_COMPUTED"))
    full = pd.date_range(combined.index.min(), combined.index.max(), freq="MS")
    return combined.reindex(full).rename("cny_per_usd")


def back_at_peak(series: pd.Series, peak_from, peak_to) -> pd.Timestamp:
    """First month after ``peak_to`` in which the 12-month rolling sum of ``series`` is back
    at (or above) its highest value between ``peak_from`` and ``peak_to``.

    The kit's rule for starting a trend fit after a slump: the 2008-09 trade collapse and
    rebound would otherwise tilt the fitted trend. Raises ValueError if it never recovers.
    """
    rolled = rolling_12m(series)
    peak = rolled.loc[peak_from:peak_to].max()
    after = rolled[(rolled.index > pd.Timestamp(peak_to)) & (rolled >= peak)]
    if pd.isna(peak) or after.empty:
        raise ValueError(f"the 12-month sum never regains its {peak_from}..{peak_to} peak")
    return after.index.min()
