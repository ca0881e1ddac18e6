"""Labels that say when a year is not a full year: '2024' for twelve months, '2025 (Jan-Nov)'
for a year the data cover in part, and '2025 (imports Jan-Dec; exports, balance Jan-Nov)'
for a row whose columns cover different months, so a table never sets eleven months beside
twelve unsaid. Works for calendar and marketing years alike (any grouping of months)."""

from __future__ import annotations

import pandas as pd

FULL_YEAR = 12


def months_text(dates) -> str:
    """The months ``dates`` cover: 'Jan-Nov' or 'Sep-Feb' for an unbroken run (in date
    order, so a marketing year's run crosses January), 'Sep' for one month, '11 of 12
    months' when a month inside the run is missing."""
    months = pd.DatetimeIndex(dates).to_period("M").unique().sort_values()
    if len(months) == 0:
        raise ValueError("no month to describe")
    first, last = months[0], months[-1]
    if (last - first).n + 1 != len(months):
        return f"{len(months)} of {FULL_YEAR} months"
    return f"{first:%b}" if first == last else f"{first:%b}-{last:%b}"


def period_label(name, dates) -> str:
    """``name`` as it is when ``dates`` cover all twelve months, else with its months:
    '2025 (Jan-Nov)', '2025/26 (Sep-Oct)'."""
    covered = pd.DatetimeIndex(dates).to_period("M").unique()
    return str(name) if len(covered) == FULL_YEAR else f"{name} ({months_text(dates)})"


def row_labels(monthly: pd.DataFrame, groups=None) -> pd.Series:
    """One label per period for a table built from the monthly columns of ``monthly``
    (month-start index, missing months as NaN or absent): ``groups`` names each month's
    period (default: its calendar year; pass marketing-year names for marketing years).
    Where every column covers the same months the label is ``period_label``; where they
    differ, each set of columns names its months ('2025 (imports Jan-Dec; exports,
    balance Jan-Nov)'). Index: the period names, in order."""
    groups = monthly.index.year if groups is None else groups
    labels = {}
    for name, block in monthly.groupby(groups, sort=True):
        covered = {c: block.index[block[c].notna()] for c in block.columns}
        covered = {c: d for c, d in covered.items() if len(d)}
        texts = {c: months_text(d) for c, d in covered.items()}
        if len(set(texts.values())) <= 1:
            every = block.index[block.notna().any(axis=1)]
            labels[name] = period_label(name, every) if len(every) else str(name)
            continue
        parts: dict[str, list[str]] = {}
        for column, text in texts.items():
            parts.setdefault(text, []).append(str(column))
        detail = "; ".join(f"{', '.join(columns)} {text}" for text, columns in parts.items())
        labels[name] = f"{name} ({detail})"
    return pd.Series(labels, name="period")
