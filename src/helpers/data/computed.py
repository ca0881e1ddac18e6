"""Series the kit computes from published ones, and the rule that says which months qualify.

A monthly mean is computed only for a month the finer series covers whole: the copy holds
observations from the month's start to its end. A month cut by the start or end of the
copy (a partial month) gets no value, since its mean would not be the publisher's.
"""

from __future__ import annotations

import pandas as pd


def complete_monthly_means(values: pd.Series, period_days: int = 1) -> pd.Series:
    """Means by calendar month of a daily or weekly series (index: observation dates),
    indexed by month start, for whole months only.

    An observation covers ``period_days`` days from its date (1 for daily rates, 7 for
    weekly prices dated on the week's first day). A month is whole when the copy's first
    observation covers the month's first day or comes before it, and its last observation
    covers the month's last day. Blank observations (holidays) are skipped, as the
    publishers do.
    """
    dated = values.dropna().sort_index()
    span = pd.Timedelta(days=period_days - 1)
    first, last = dated.index.min() - span, dated.index.max() + span
    means = dated.resample("MS").mean().dropna()
    whole = (means.index >= first) & (means.index + pd.offsets.MonthEnd(0) <= last)
    return means[whole]
