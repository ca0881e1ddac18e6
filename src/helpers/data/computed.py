"""Series the kit computes from published ones, and the rule that says which months qualify.

A monthly mean is computed only for a month the finer series covers whole: the copy holds
observations from before the month starts to after it ends. A month cut by the start or end
of the copy (a partial month) gets no value, since its mean would not be the publisher's.
"""

from __future__ import annotations

import pandas as pd


def complete_monthly_means(values: pd.Series, period_days: int = 1,
                           after: pd.Timestamp | None = None) -> pd.Series:
    """Means by calendar month of a daily or weekly series (index: observation dates),
    indexed by month start, for whole months only, and only after ``after`` (a month start).

    A month is whole when the copy's first observation is on or before the month's first
    day and its last observation covers the month's last day (an observation covers
    ``period_days`` days from its date: 1 for daily rates, 7 for weekly prices dated on the
    week's first day). Blank observations (holidays) are skipped, as the publishers do.
    """
    dated = values.sort_index()
    first, last = dated.index.min(), dated.index.max() + pd.Timedelta(days=period_days - 1)
    means = dated.resample("MS").mean().dropna()
    month_end = means.index + pd.offsets.MonthEnd(0)
    whole = (means.index >= first) & (month_end <= last)
    if after is not None:
        whole &= means.index > after
    return means[whole]
