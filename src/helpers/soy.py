"""Soybean trade arithmetic: units, marketing years, shares, seasonality, substitution and
the value-at-pre-war-share counterfactual. Pure functions on wide frames (one column per
partner, month-start index) as returned by ``helpers.data.soybean_imports``.

Missing is not zero: a month without customs rows for a partner is NaN and every result
that needs it is NaN too. The only zeros are the ones a source states (TDM's US quantity
for September 2025).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.models import months_since

KG_PER_TONNE = 1_000.0
TONNES_PER_MILLION = 1_000_000.0
USD_PER_BILLION = 1e9
# Soybean marketing year (USDA): September through August.
MY_FIRST_MONTH = 9


def kg_to_million_tonnes(values):
    """Kilograms to million metric tonnes (Mt)."""
    return values / KG_PER_TONNE / TONNES_PER_MILLION


def usd_to_billions(values):
    return values / USD_PER_BILLION


def marketing_year(dates) -> pd.Index:
    """Marketing-year labels like ``my_2024_25`` (September 2024 to August 2025)."""
    idx = pd.DatetimeIndex(dates)
    start = idx.year - (idx.month < MY_FIRST_MONTH)
    return pd.Index([f"my_{y}_{(y + 1) % 100:02d}" for y in start], name="marketing_year")


def by_marketing_year(wide: pd.DataFrame) -> pd.DataFrame:
    """Sums per marketing year and partner, plus ``months`` (months of the year present in
    the data) and ``complete`` (all 12). Like customs' own annual totals, a partner's sum
    adds the months that have customs rows; read it with ``complete`` and never compare a
    partial marketing year with a full one."""
    labels = marketing_year(wide.index)
    grouped = wide.groupby(labels)
    sums = grouped.sum(min_count=1)
    sums["months"] = grouped.count().max(axis=1)
    sums["complete"] = sums["months"] == 12
    return sums


def shares(wide: pd.DataFrame, total: str = "World") -> pd.DataFrame:
    """Each partner's share of ``total`` (fraction 0-1), month by month."""
    if total not in wide:
        raise ValueError(f"no column {total!r} to divide by; columns: {list(wide.columns)}")
    return wide.drop(columns=[total]).div(wide[total], axis=0)


def rest_of_world(long: pd.DataFrame, named: list[str], world: str = "World") -> pd.Series:
    """Monthly value of China's imports from every partner not in ``named``: the sum of
    those partners' customs cells (``china_soybean_imports`` long table, ``value_usd``).
    Like the World total, it adds the cells the query reports; a month in which no other
    partner has a cell is missing."""
    values = long[(long["measure"] == "value_usd") & (long["freq"] == "month")]
    others = values[~values["partner"].isin([*named, world])]
    return others.groupby("period")["value"].sum().rename("Rest of world")


def calendar_year_sums(monthly: pd.DataFrame) -> pd.DataFrame:
    """Calendar-year sums of a monthly wide table, indexed by each year's 1 January.

    Like customs' own annual totals, a partner's sum adds the months it has rows for (the
    query returns no cell where there was no trade); only years in which some column has
    all 12 months are kept, so a year still running (2025: January-October) is left out."""
    years = monthly.index.year
    counts = monthly.groupby(years).count()
    sums = monthly.groupby(years).sum(min_count=1)[counts.max(axis=1) == 12]
    sums.index = pd.to_datetime(sums.index.astype(str) + "-01-01")
    sums.index.name = "period"
    sums.attrs = dict(monthly.attrs, freq="year")
    return sums


def month_profile(series: pd.Series, start=None, end=None) -> pd.Series:
    """Average by calendar month (1-12) over ``start``..``end``: the seasonal pattern."""
    s = series.loc[start:end].dropna()
    return s.groupby(s.index.month).mean().rename_axis("month")


def value_at_prewar_share(us: pd.Series, world: pd.Series, base_years=(2017,)) -> pd.DataFrame:
    """What the US would have sold had it kept its pre-war share of China's imports.

    The base share is computed by calendar month over ``base_years`` (US value / World
    value), so the counterfactual keeps the US's seasonal pattern; it is applied to China's
    actual total in each month. Columns: ``actual``, ``counterfactual`` and ``shortfall``
    (counterfactual minus actual), all in the units of the inputs. Months where the US
    value is missing give a missing shortfall. Assumes China's total demand and prices
    would have been the same without the tariffs.
    """
    base = us[us.index.year.isin(base_years)] / world[world.index.year.isin(base_years)]
    base_share = base.groupby(base.index.month).mean()
    if len(base_share) < 12:
        raise ValueError(f"base years {base_years} do not cover all 12 calendar months")
    counterfactual = world * world.index.month.map(base_share).to_numpy()
    out = pd.DataFrame({"actual": us, "counterfactual": counterfactual})
    out["shortfall"] = out["counterfactual"] - out["actual"]
    return out


def with_stated_zeros(wide: pd.DataFrame, stated: pd.DataFrame) -> pd.DataFrame:
    """Write the zeros a source states into months that have no customs cell.

    ``stated``: rows with ``period`` (month start) and ``partner``; each says a cited source
    reports no trade with that partner in that month. Only missing cells are filled (a
    reported value is never overwritten), and a partner or month not in ``wide`` is ignored.
    """
    out = wide.copy()
    for row in stated.itertuples():
        day = pd.Timestamp(row.period)
        if row.partner in out.columns and day in out.index and pd.isna(out.at[day, row.partner]):
            out.at[day, row.partner] = 0.0
    return out


def linear_share_trend(annual_share: pd.Series, fit_from: int, fit_to: int,
                       years) -> pd.Series:
    """A straight line fitted to an annual share (index: integer years) over ``fit_from``..
    ``fit_to`` (inclusive) and evaluated for ``years``."""
    index = annual_share.index.astype(int)
    fit = annual_share[(index >= fit_from) & (index <= fit_to)].dropna()
    if len(fit) < 3:
        raise ValueError(f"need at least three years of shares in {fit_from}-{fit_to} to fit "
                         "a trend")
    slope, intercept = np.polyfit(fit.index.astype(int), fit.to_numpy(), 1)
    years = pd.Index(sorted(set(years)), name="year")
    return pd.Series(intercept + slope * years.to_numpy(), index=years, name="trend")


def value_at_rival_trend_share(us: pd.Series, world: pd.Series, base_year: int,
                               us_base_share: float, rival_annual_share: pd.Series,
                               fit_from: int) -> pd.DataFrame:
    """The pre-war-share counterfactual with the rival's pre-war trend allowed to continue.

    Brazil's share of China's imports was rising before 2018. Here the US keeps its
    ``base_year`` monthly pattern but loses, each later year, the share points by which the
    rival's straight-line trend (fitted on ``fit_from``..``base_year``) exceeds its
    ``base_year`` trend value: the US monthly base share is scaled by
    (US base share - rival gain) / US base share, floored at zero. ``us_base_share`` and
    the rival's annual shares are fractions (index: integer years). Same columns as
    ``value_at_prewar_share``.
    """
    frozen = value_at_prewar_share(us, world, (base_year,))
    years = frozen.index.year
    trend = linear_share_trend(rival_annual_share, fit_from, base_year, [*years, base_year])
    gain = (trend - trend.loc[base_year]).clip(lower=0)
    scale = ((us_base_share - gain) / us_base_share).clip(lower=0)
    factor = np.where(years > base_year, scale.reindex(years).to_numpy(), 1.0)
    out = pd.DataFrame({"actual": us, "counterfactual": frozen["counterfactual"] * factor})
    out["shortfall"] = out["counterfactual"] - out["actual"]
    return out


def sales_position(sales: pd.DataFrame, on, marketing_year: str,
                   destination: str = "China") -> pd.Series:
    """One marketing year's export-sales position in the last ESR week ending on or before
    ``on``: ``date``, ``total_commitments_kmt``, ``accumulated_exports_kmt`` and
    ``outstanding_sales_kmt`` (thousand t). Raises ValueError when no week qualifies."""
    rows = sales[(sales["marketing_year"] == marketing_year)
                 & (sales["destination"] == destination) & (sales["date"] <= pd.Timestamp(on))]
    if rows.empty:
        raise ValueError(f"no export-sales week for {marketing_year} to {destination} on or "
                         f"before {pd.Timestamp(on):%Y-%m-%d}")
    return rows.sort_values("date").iloc[-1]


def sales_made(sales: pd.DataFrame, start, end, destination: str = "China") -> float:
    """New net sales (thousand t) reported in the ESR weeks ending ``start``..``end``, for
    every marketing year: a week's sales for the current and for the next year are separate
    sales and both count. Missing weeks add nothing; NaN when no week falls in the span."""
    rows = sales[(sales["destination"] == destination) & (sales["date"] >= pd.Timestamp(start))
                 & (sales["date"] <= pd.Timestamp(end))]
    return float(rows["net_sales_kmt"].sum(min_count=1))


def stated_zeros(statements: pd.DataFrame, quantities: pd.DataFrame) -> pd.DataFrame:
    """Every (period, partner) a source states as zero: the cited statements (the
    ``stated_zero_trade`` table) and the zeros in TDM's monthly quantities, without repeats;
    input for ``with_stated_zeros``."""
    from_quantities = quantities.stack().loc[lambda s: s.eq(0)].reset_index()
    from_quantities.columns = ["period", "partner", "value"]
    return pd.concat([statements[["period", "partner"]], from_quantities[["period", "partner"]]]
                     ).drop_duplicates(ignore_index=True)


def tariff_steps(path: pd.Series, min_rise: float = 10.0, min_gap_months: int = 12,
                 end=None, months_after: int = 3) -> pd.DataFrame:
    """The rises of China's soybean tariff worth a before/after comparison, read from its daily
    path (``tariffs.soybean_tariff_path``): days on which the rate rose by at least
    ``min_rise`` points; a rise within ``min_gap_months`` of the previous kept one is folded
    into it (its months are already in that step's window); a step needs ``months_after``
    months up to ``end`` (default: the path's end). Columns: ``date`` (day it took effect),
    ``month`` (its month start), ``rise`` (points), ``rate`` (percent after) and ``label``."""
    rises = path.diff()
    days = rises.index[rises >= min_rise]
    last = pd.Timestamp(end) if end is not None else path.index.max()
    kept: list[pd.Timestamp] = []
    for day in days:
        if kept and day < kept[-1] + pd.DateOffset(months=min_gap_months):
            continue
        if day.to_period("M").to_timestamp() + pd.DateOffset(months=months_after - 1) <= last:
            kept.append(day)
    rows = [{"date": d, "month": d.to_period("M").to_timestamp(), "rise": float(rises[d]),
             "rate": float(path[d]),
             "label": f"{d:%Y-%m-%d} step (+{rises[d]:.0f} points, to {path[d]:.0f}%)"}
            for d in kept]
    return pd.DataFrame(rows, columns=["date", "month", "rise", "rate", "label"])


def share_frame(value_share: pd.DataFrame, tariff: pd.Series) -> pd.DataFrame:
    """The tariff-share regression's frame: ``us_share`` and ``brazil_share`` (percent of
    China's import value), ``tariff`` (percent, monthly average), ``trend`` (calendar months
    since the first month) and ``month`` (1-12), on the months of ``value_share``."""
    frame = pd.DataFrame({"us_share": 100 * value_share["United States"],
                          "brazil_share": 100 * value_share["Brazil"],
                          "tariff": tariff.reindex(value_share.index)})
    frame["trend"] = months_since(frame.index, frame.index.min())
    frame["month"] = frame.index.month
    return frame


def exporter_monthly(exports: pd.DataFrame, reporter: str, partner: str,
                     measure: str = "value_usd") -> pd.Series:
    """One exporter's monthly HS 1201 exports to ``partner`` ('China' or 'World') from the
    ``soybean_exports_by_exporter`` table: the sum of its HS6 lines per month, on a continuous
    month index from its first to its last row. A month without a row is missing, never zero;
    a month whose lines all lack ``measure`` is missing too."""
    rows = exports[(exports["reporter"] == reporter) & (exports["partner"] == partner)]
    if rows.empty:
        raise ValueError(f"no exports from {reporter!r} to {partner!r} in the table")
    monthly = rows.groupby("date")[measure].sum(min_count=1)
    months = pd.date_range(monthly.index.min(), monthly.index.max(), freq="MS", name="date")
    return monthly.reindex(months).rename(f"{reporter} to {partner}")


def arrival_lag(shipments: pd.Series, arrivals: pd.Series, max_lag: int = 4) -> pd.DataFrame:
    """How many months China's arrivals trail the exporter's shipments: the correlation of
    ``arrivals`` with ``shipments`` shifted 0..``max_lag`` months later, on the months both
    have. Columns ``lag`` (months), ``r`` and ``n``; the lag with the highest r is the
    typical voyage-and-clearance delay in monthly data."""
    rows = []
    for lag in range(max_lag + 1):
        both = pd.concat([shipments.shift(lag, freq="MS"), arrivals], axis=1, sort=True).dropna()
        rows.append({"lag": lag, "r": float(both.corr().iloc[0, 1]), "n": len(both)})
    return pd.DataFrame(rows)


def diversion_panel(exports: pd.DataFrame, treated: str = "United States",
                    control: str = "Brazil", target: str = "China") -> pd.DataFrame:
    """The difference-in-differences frame of exporter-reported values
    (``soybean_exports_by_exporter``): per month the share of ``treated``'s and of
    ``control``'s soybean exports (value) that went to ``target`` rather than to the rest of the
    world, in percent, and ``gap`` = treated share - control share (points). A month in which
    either exporter has no row to ``target`` or to the world has no gap (absent, not zero)."""
    shares = {}
    for who in (treated, control):
        to_target = exporter_monthly(exports, who, target)
        world = exporter_monthly(exports, who, "World")
        shares[f"{who}: {target}'s share of its exports, %"] = (
            100 * to_target / world.reindex(to_target.index)).where(lambda x: x.notna())
    frame = pd.DataFrame(shares)
    treated_col, control_col = frame.columns
    frame["gap"] = frame[treated_col] - frame[control_col]
    return frame
