"""Input-cost arithmetic: rebasing, explicit alignment, rolling changes, terms-of-trade
ratios and their decomposition, and fertilizer-gas pass-through (through helpers.models).

Series with different end dates are never silently truncated or filled: ``align`` cuts to
the months every series has and reports what it cut.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import models


def wide_series(long: pd.DataFrame, series_ids: list[str], value: str = "value") -> pd.DataFrame:
    """Long (date, series_id, value) to one column per series id, in the order given."""
    missing = sorted(set(series_ids) - set(long["series_id"]))
    if missing:
        raise ValueError(f"series not in the data: {missing}")
    wide = long[long["series_id"].isin(series_ids)].pivot(index="date", columns="series_id",
                                                          values=value)
    return wide[series_ids]


def rebase(series: pd.Series | pd.DataFrame, base: str):
    """Index = 100 in the base period: a year ('2015') or a month ('2018-01'), averaged.

    Raises ValueError when a series has no value in the base period.
    """
    try:
        window = series.loc[base]
    except KeyError:
        raise ValueError(f"no data in base period {base!r}") from None
    mean = window.mean()
    empty = mean.isna() if isinstance(mean, pd.Series) else pd.isna(mean)
    if np.any(empty):
        raise ValueError(f"no data in base period {base!r} for "
                         f"{list(mean[empty].index) if isinstance(mean, pd.Series) else 'series'}")
    return 100 * series / mean


def align(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """Keep the months where every column has a value; report, per column, the months of
    its own data that were cut (``'' `` when nothing was). No filling of any kind."""
    kept = frame.dropna()
    if kept.empty:
        raise ValueError("the series share no month with data")
    report = {}
    for col in frame:
        own = frame[col].dropna()
        cut = own[(own.index < kept.index.min()) | (own.index > kept.index.max())]
        report[col] = (f"{len(cut)} months cut ({cut.index.min():%Y-%m}..{cut.index.max():%Y-%m})"
                       if len(cut) else "")
    return kept, report


def rolling_change_pct(series: pd.Series, months: int = 12) -> pd.Series:
    """Percent change over ``months`` months."""
    return 100 * (series / series.shift(months) - 1)


def ratio_index(numerator: pd.Series, denominator: pd.Series, base: str) -> pd.Series:
    """Terms-of-trade style ratio of two rebased series (100 = equal movement since base)."""
    both, _ = align(pd.DataFrame({"n": numerator, "d": denominator}))
    return (100 * rebase(both["n"], base) / rebase(both["d"], base)).rename("ratio")


def change_by_year(ratio: pd.Series, reference) -> pd.Series:
    """Annual average of ``ratio`` as a percent difference from its value in the
    ``reference`` month (e.g. soybean PPI / fertilizer PPI against January 2018): negative
    years are years in which the ratio was worse than at the reference."""
    ref = ratio.get(pd.Timestamp(reference))
    if ref is None or pd.isna(ref):
        raise ValueError(f"the ratio has no value in the reference month {reference}")
    s = ratio.loc[pd.Timestamp(reference):].dropna()
    return (100 * (s.groupby(s.index.year).mean() / ref - 1)).rename_axis("year")


def decompose_ratio_change(numerator: pd.Series, denominator: pd.Series, start, end) -> pd.DataFrame:
    """Split the change of numerator/denominator between ``start`` and ``end`` into the two
    sides, in log points (exact: log ratio change = log numerator change - log denominator
    change) and as shares of the ratio's change."""
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    for name, series in (("numerator", numerator), ("denominator", denominator)):
        for day in (s, e):
            if pd.isna(series.get(day)):
                raise ValueError(f"{name} has no value on {day:%Y-%m-%d}")
    d_num = np.log(numerator[e] / numerator[s])
    d_den = np.log(denominator[e] / denominator[s])
    d_ratio = d_num - d_den
    rows = [("numerator", d_num), ("denominator (enters with minus sign)", -d_den),
            ("ratio", d_ratio)]
    out = pd.DataFrame(rows, columns=["component", "log_change"])
    out["pct_change_equivalent"] = 100 * (np.exp(out["log_change"]) - 1)
    out["share_of_ratio_change"] = out["log_change"] / d_ratio if d_ratio else np.nan
    return out


def pass_through(y: pd.Series, x: pd.Series, lags: int = 6, shock: tuple | None = None,
                 hac: int | None = None) -> dict:
    """Distributed-lag pass-through of ``x`` into ``y``, in monthly log differences:

        dlog y_t = a + sum_{k=0..lags} b_k dlog x_{t-k} [+ c shock_t] + e_t

    with HAC errors. The long-run elasticity is sum b_k (with its CI). Differences avoid a
    spurious regression of two trending price levels. ``shock`` = (first, last) month of a
    pulse dummy absorbing an episode driven by something else (e.g. the 2022 war shock); it is
    left out when the episode lies outside the sample.
    Returns {'long_run': {...}, 'table': tidy lag table, 'n', 'sample'}.
    """
    df = pd.DataFrame({"dy": np.log(y).diff(), "dx0": np.log(x).diff()})
    for k in range(1, lags + 1):
        df[f"dx{k}"] = df["dx0"].shift(k)
    terms = [f"dx{k}" for k in range(lags + 1)]
    formula = "dy ~ " + " + ".join(terms)
    if shock is not None:
        df["shock"] = ((df.index >= pd.Timestamp(shock[0])) &
                       (df.index <= pd.Timestamp(shock[1]))).astype(float)
    df = df.dropna()
    if shock is not None and not df["shock"].any():
        shock = None  # the episode lies outside the sample: no dummy to estimate
    if shock is not None:
        formula += " + shock"
    result = models.fit_hac(formula, df, hac)
    return {"long_run": models.long_run_effect(result, terms),
            "table": models.tidy(result, terms + (["shock"] if shock else [])),
            "n": int(result.nobs), "sample": (df.index.min(), df.index.max())}


def pass_through_row(y: pd.Series, x: pd.Series, lags: int = 6,
                     shock: tuple | None = None) -> pd.Series:
    """The long-run pass-through of ``pass_through`` as one tidy row (coef, CI, p, n, sample,
    method), ready for ``models.estimate_report`` and ``models.robustness``."""
    fit = pass_through(y, x, lags, shock)
    lr = fit["long_run"]
    return pd.Series({"term": "long_run", "coef": lr["estimate"], "ci_low": lr["ci_low"],
                      "ci_high": lr["ci_high"], "p_value": lr["p_value"], "n": fit["n"],
                      "sample_start": fit["sample"][0], "sample_end": fit["sample"][1],
                      "method": fit["table"]["method"].iloc[0]})


def per_acre(table: pd.DataFrame, items: list[str], region: str = "U.S. total") -> pd.DataFrame:
    """USDA ERS costs and returns (the ``soybean_costs_returns`` table) as one column per
    item, indexed by year, for one region; units as the table gives them (USD per planted
    acre; price USD per bushel at harvest; yield bushels per planted acre)."""
    rows = table[(table["region"] == region) & table["item"].isin(items)]
    missing = sorted(set(items) - set(rows["item"]))
    if missing:
        raise ValueError(f"items not in the costs and returns table for {region!r}: {missing}")
    return rows.pivot_table(index="year", columns="item", values="value")[items]


def change_pct(series: pd.Series, start, end) -> float:
    """Percent change of ``series`` from label ``start`` to label ``end``; raises ValueError
    when either has no value."""
    a, b = series.get(start), series.get(end)
    if a is None or b is None or pd.isna(a) or pd.isna(b):
        raise ValueError(f"{series.name or 'series'} has no value at {start} or {end}")
    return float(100 * (b / a - 1))


def latest_position(series: pd.Series, peak_from=None) -> dict:
    """Where a monthly price stands at its last month: ``last`` (date), ``value``, ``yoy_pct``
    (change on the same month a year earlier, NaN if absent), ``peak`` and ``peak_date`` (from
    ``peak_from`` on) and ``from_peak_pct``."""
    s = series.dropna()
    last = s.index.max()
    window = s.loc[pd.Timestamp(peak_from):] if peak_from is not None else s
    year_ago = s.get(last - pd.DateOffset(years=1))
    return {"last": last, "value": float(s[last]),
            "yoy_pct": (float(100 * (s[last] / year_ago - 1)) if year_ago is not None
                        and pd.notna(year_ago) else float("nan")),
            "peak": float(window.max()), "peak_date": window.idxmax(),
            "from_peak_pct": float(100 * (s[last] / window.max() - 1))}
