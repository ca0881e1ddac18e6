"""Plausibility rules a dataset declares (``DatasetSpec.plausibility``) and their check.

A table that passes its schema can still hold an impossible number: a lost or added factor
of 1000, a value times 10^12, a week dated 2099, a record listed twice. ``check`` refuses
such a table, naming the dataset, the series, the period and the value, wherever the kit
reads one: the committed snapshot, the refresh cache and every refresh pull (old and new
periods alike). Rules are chosen from each series' real history with wide margins.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from helpers.data.errors import DataError

HINT = "implausible for this series (a unit slip, a lost or added factor, or another series?)"


@dataclass(frozen=True)
class Plausibility:
    """Rules for one dataset's values. Names are value columns or series key values (e.g.
    a ``measure`` such as ``value_usd``); a rule applies to every series whose label names it.

    ``bounds``: name -> (lowest, highest) allowed value, in the column's unit.
    ``shares``: name -> full scale (1 for fractions, 100 for percent); values must lie in
    0..full scale.
    ``max_move``: largest factor between a series' value and its previous period's (both
    above zero; None: no rule), for ``move_names`` (empty: every series).
    ``future_dates``: False refuses any date after today (observations cannot be dated
    ahead; announced events may).
    Exact duplicate records are always refused."""

    bounds: dict[str, tuple[float, float]] = field(default_factory=dict)
    shares: dict[str, float] = field(default_factory=dict)
    max_move: float | None = None
    move_names: tuple[str, ...] = ()
    future_dates: bool = False


def _refuse(dataset_id: str, where: str, problem: str) -> DataError:
    return DataError(dataset_id, where, problem, HINT)


def _period(value) -> str:
    return pd.Timestamp(value).date().isoformat() if pd.notna(value) else "(no date)"


def check(dataset_id: str, df: pd.DataFrame, where: str, today: dt.date | None = None) -> None:
    """Refuse ``df`` (a validated table of ``dataset_id``) when it breaks a declared rule."""
    from helpers.data import changes, registry

    rules = registry.spec(dataset_id).plausibility
    if rules is None:
        return
    twice = df.duplicated(keep="first")
    if twice.any():
        row = df[twice].iloc[0]
        raise _refuse(dataset_id, where, f"record {dict(row.astype(str))} appears more than "
                      "once (a duplicated answer would be counted twice)")
    date_col, _, _ = changes.series_layout(dataset_id)
    if date_col is None:
        return
    dates = pd.to_datetime(df[date_col])
    limit = pd.Timestamp(today or dt.date.today())
    if not rules.future_dates and (dates > limit).any():
        first = df[dates > limit].iloc[0]
        raise _refuse(dataset_id, where, f"record dated {_period(first[date_col])} is after "
                      f"today ({limit.date()}): {dict(first.astype(str))}")
    values = changes.long_values(dataset_id, df).dropna(subset=["value"])
    for series, g in values.groupby("series", sort=False):
        names = set(series.split(" / "))
        _check_series(dataset_id, where, rules, series, names, g.sort_values("date"))


def _check_series(dataset_id: str, where: str, rules: Plausibility, series: str,
                  names: set[str], g: pd.DataFrame) -> None:
    limits = [(n, lo, hi, "bounds") for n, (lo, hi) in rules.bounds.items() if n in names]
    limits += [(n, 0.0, full, "share") for n, full in rules.shares.items() if n in names]
    for _, low, high, kind in limits:
        bad = g[(g["value"] < low) | (g["value"] > high)]
        if len(bad):
            r = bad.iloc[0]
            what = (f"a share outside 0..{high:g}" if kind == "share"
                    else f"outside the plausible range {low:g}..{high:g}")
            raise _refuse(dataset_id, where, f"{series} at {_period(r['date'])} is "
                          f"{r['value']:g}, {what}")
    if rules.max_move is None or (rules.move_names and not names & set(rules.move_names)):
        return
    previous = g["value"].shift()
    both = (g["value"] > 0) & (previous > 0)
    ratio = (g["value"] / previous)[both]
    off = (ratio > rules.max_move) | (ratio < 1 / rules.max_move)
    if off.any():
        at = off[off].index[0]
        raise _refuse(dataset_id, where, f"{series} at {_period(g.loc[at, 'date'])} is "
                      f"{g.loc[at, 'value']:g} after {previous[at]:g} the period before: a "
                      f"move of more than x{rules.max_move:g}")
