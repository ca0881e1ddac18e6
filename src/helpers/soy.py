"""Soybean trade arithmetic: units, marketing years, shares, seasonality, substitution and
the value-at-pre-war-share counterfactual. Pure functions on wide frames (one column per
partner, month-start index) as returned by ``helpers.data.soybean_imports``.

Missing is not zero: a month without customs rows for a partner is NaN and every result
that needs it is NaN too. The only zeros are the ones a source states (TDM's US quantity
for September 2025).
"""

from __future__ import annotations

import pandas as pd

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
